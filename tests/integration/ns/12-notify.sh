#!/usr/bin/env bash
# Scenario 12: keepalived's notifications. notify_master / notify_backup / notify_fault /
# notify_stop run on each transition, then `notify` with "INSTANCE VI_1 STATE PRIORITY"
# appended; one after the other, so a slow script does not let a later transition overtake it.
# notify_fifo receives `INSTANCE "VI_1" STATE PRIORITY` lines in the same order.
source "$(dirname "$0")/../lib.sh"
lib_init "$@"

setup_lan r1 r2

out="$VT_WORK/r1.notify"
fifo="$VT_WORK/r1.fifo"
script="$VT_WORK/notify.sh"
# The MASTER script is slow: the FAULT lines that follow must still come after its line.
cat >"$script" <<SCRIPT
#!/bin/sh
[ "\$1" = master ] && sleep 0.5
echo "\$*" >>"$out"
SCRIPT
chmod 0755 "$script"
mkfifo "$fifo"
# A reader that holds the FIFO open for writing too, so it never sees end-of-file between the
# daemon's writes.
(exec 3<>"$fifo" && exec cat <&3 >>"$VT_WORK/r1.fifo.out") &
VT_PIDS+=($!)

conf_r1="$(printf 'global_defs {\n    router_id r1\n    vrrp_version 3\n    notify_fifo %s\n}\n' "$fifo")
$(conf_instance VI_1 51 200 192.0.2.100/24 \
  "notify_master \"$script master\"" \
  "notify_backup \"$script backup\"" \
  "notify_fault \"$script fault\"" \
  "notify_stop \"$script stop\"" \
  "notify $script")"
start_vrrpd r1 "$conf_r1"
check "r1 becomes Active" wait_state r1 Active 10
# Straight into Fault while notify_master is still sleeping.
link_down r1 eth0
check "r1 goes to Fault on link loss" wait_state r1 Fault 3
link_up r1 eth0
check "r1 comes back and becomes Active" wait_state r1 Active 10
stop_vrrpd r1 TERM
assert "vrrpd exits 0 after SIGTERM" '[[ $VRRPD_EXIT == 0 ]]'

expected="backup
INSTANCE VI_1 BACKUP 200
master
INSTANCE VI_1 MASTER 200
fault
INSTANCE VI_1 FAULT 200
backup
INSTANCE VI_1 BACKUP 200
master
INSTANCE VI_1 MASTER 200
stop
INSTANCE VI_1 STOP 200"
note "notify lines:"$'\n'"$(cat "$out" 2>/dev/null)"
assert "the scripts saw every transition in order, with keepalived's arguments" \
  '[[ $(cat "$out") == "$expected" ]]'

expected_fifo='INSTANCE "VI_1" BACKUP 200
INSTANCE "VI_1" MASTER 200
INSTANCE "VI_1" FAULT 200
INSTANCE "VI_1" BACKUP 200
INSTANCE "VI_1" MASTER 200
INSTANCE "VI_1" STOP 200'
check "notify_fifo got keepalived's lines in order" \
  wait_for '[[ $(cat "$VT_WORK/r1.fifo.out") == "$expected_fifo" ]]' 3
lib_done
