#!/usr/bin/env bash
# Scenario 18: a sync group's notifications and its own track_script (issue 4). r1 and r2 run
# VI_1 (eth0) and VI_2 (eth1) in the group G1; r1's group tracks a script that fails while a
# file exists. The group's notify script receives `GROUP G1 STATE 0` (keepalived gives a group
# priority 0) in the order the group moved, after its notify_* script; notify_fifo gets
# `GROUP "G1" STATE 0`. The failing script (weight 0) puts both members in Fault and both
# VIPs move to r2; when it passes again both come back.
source "$(dirname "$0")/../lib.sh"
lib_init "$@"

setup_lan r1 r2
ip -n "$(nsname sw)" link add br1 type bridge mcast_snooping 0 stp_state 0 forward_delay 0 ||
  fail "bridge br1"
ip -n "$(nsname sw)" link set br1 up
for r in r1 r2; do
  n=${r#r}
  ip -n "$(nsname "$r")" link add eth1 address "02:00:00:00:01:0$n" type veth peer name "${r}b" \
    netns "$(nsname sw)" || fail "veth eth1 for $r"
  ip -n "$(nsname sw)" link set "${r}b" master br1 up
  ip -n "$(nsname "$r")" addr add "198.51.100.$n/24" dev eth1
  ip -n "$(nsname "$r")" link set eth1 up
done

out="$VT_WORK/r1.notify"
fifo="$VT_WORK/r1.fifo"
flag="$VT_WORK/r1.fail"
script="$VT_WORK/notify.sh"
cat >"$script" <<SCRIPT
#!/bin/sh
echo "\$*" >>"$out"
SCRIPT
chmod 0755 "$script"
mkfifo "$fifo"
(exec 3<>"$fifo" && exec cat <&3 >>"$VT_WORK/r1.fifo.out") &
VT_PIDS+=($!)

# conf ROUTER PRIORITY [GROUP_LINE...]
conf() {
  local router=$1 prio=$2 line
  shift 2
  printf 'global_defs {\n    router_id %s\n    vrrp_version 3\n' "$router"
  [[ $router == r1 ]] && printf '    notify_fifo %s\n' "$fifo"
  printf '}\n'
  printf 'vrrp_script chk_flag {\n    script "/bin/sh -c \\"! test -e %s\\""\n    interval 1\n}\n' \
    "$flag"
  conf_instance VI_1 51 "$prio" 192.0.2.100/24
  conf_instance VI_2 52 "$prio" 198.51.100.100/24 | sed 's/interface eth0/interface eth1/'
  printf 'vrrp_sync_group G1 {\n    group {\n        VI_1\n        VI_2\n    }\n'
  for line in "$@"; do printf '    %s\n' "$line"; done
  printf '}\n'
}
start_vrrpd r1 "$(conf r1 200 'track_script {' '    chk_flag' '}' \
  "notify_master \"$script master\"" "notify_backup \"$script backup\"" \
  "notify_fault \"$script fault\"" "notify_stop \"$script stop\"" "notify $script")"
start_vrrpd r2 "$(conf r2 100)"
check "r1 becomes Active for both" \
  wait_for '[[ $(state_of r1 VI_1) == Active && $(state_of r1 VI_2) == Active ]]' 10
check "r2 is Backup for both" \
  wait_for '[[ $(state_of r2 VI_1) == Backup && $(state_of r2 VI_2) == Backup ]]' 3

note "part 1: the group's script fails on r1"
t_fail=$(now)
touch "$flag"
check "r1: VI_1 goes to Fault" wait_state r1 Fault 4 VI_1
check "r1: VI_2 goes to Fault" wait_state r1 Fault 1 VI_2
check "r2 takes both VIPs" \
  wait_for '[[ $(vip_holders 192.0.2.100) == r2 && $(vip_holders 198.51.100.100) == r2 ]]' 3
assert "r1 holds neither VIP" '! has_vip r1 192.0.2.100 && ! has_vip r1 198.51.100.100'

note "part 2: the script passes again"
rm -f "$flag"
check "r1 takes both back (preempt)" \
  wait_for '[[ $(state_of r1 VI_1) == Active && $(state_of r1 VI_2) == Active ]]' 10
check "r1 holds both VIPs, r2 none" \
  wait_for '[[ $(vip_holders 192.0.2.100) == r1 && $(vip_holders 198.51.100.100) == r1 ]]' 3
stop_vrrpd r1 TERM
assert "vrrpd exits 0 after SIGTERM" '[[ $VRRPD_EXIT == 0 ]]'

# The group's lines only (the instances have no notify scripts of their own here).
expected="backup
GROUP G1 BACKUP 0
master
GROUP G1 MASTER 0
fault
GROUP G1 FAULT 0
backup
GROUP G1 BACKUP 0
master
GROUP G1 MASTER 0
stop
GROUP G1 STOP 0"
check "the group's scripts ran" wait_for '[[ $(wc -l <"$out") -ge 12 ]]' 3
note "notify lines:"$'\n'"$(cat "$out" 2>/dev/null)"
assert "the group's notify scripts saw every group transition in order, with keepalived's arguments" \
  '[[ $(cat "$out") == "$expected" ]]'
expected_fifo='GROUP "G1" BACKUP 0
GROUP "G1" MASTER 0
GROUP "G1" FAULT 0
GROUP "G1" BACKUP 0
GROUP "G1" MASTER 0
GROUP "G1" STOP 0'
check "notify_fifo got the group's lines in order" \
  wait_for '[[ $(grep "^GROUP" "$VT_WORK/r1.fifo.out") == "$expected_fifo" ]]' 3
assert "the FIFO has the instances' lines too" \
  'grep -q "^INSTANCE \"VI_2\" FAULT 200" "$VT_WORK/r1.fifo.out"'
lib_done
