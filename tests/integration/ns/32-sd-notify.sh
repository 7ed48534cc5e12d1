#!/usr/bin/env bash
# Scenario 32: sd_notify (issue 6, "systemd"). vrrpd is started the way systemd starts it, with
# NOTIFY_SOCKET pointing at a datagram socket this test reads (a small python3 listener
# standing in for systemd), and with WATCHDOG_USEC/WATCHDOG_PID as WatchdogSec= sets them:
#  - r1 (vrrp_startup_delay 1.5): a STATUS= while it waits, WATCHDOG=1 from start-up, READY=1
#    only after its first election step (not before the delay; its STATUS names VI_1 Backup),
#    then a STATUS= naming VI_1 Active once it is;
#  - WATCHDOG=1 every half WATCHDOG_USEC; none from r2, whose WATCHDOG_PID is not its pid;
#  - SIGHUP: RELOADING=1, then READY=1 with "reloaded; ..." (and "reload refused: ..." for a
#    broken file);
#  - SIGTERM: STOPPING=1 and no STATUS after it; r2 (READY=1 as Backup) then says VI_1 Active.
source "$(dirname "$0")/../lib.sh"
lib_init "$@"

# Debian's python3 first (a pyenv shim in PATH may depend on the caller's HOME).
PYTHON=/usr/bin/python3
[[ -x $PYTHON ]] || PYTHON=$(command -v python3) || {
  echo "SKIP: python3 is needed for the notify socket listener"
  exit 77
}

# listen NODE: a listener on $VT_WORK/NODE.sock; each datagram becomes one line of
# $VT_WORK/NODE.notify, "TIME ASSIGNMENT|ASSIGNMENT...", TIME the receipt time (epoch seconds).
cat >"$VT_WORK/listener.py" <<'PY'
import socket, sys, time
sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
sock.bind(sys.argv[1])
with open(sys.argv[2], "a", buffering=1) as out:
    while True:
        data = sock.recv(65536).decode("utf-8", "replace")
        out.write("%.6f %s\n" % (time.time(), data.strip("\n").replace("\n", "|")))
PY
listen() {
  : >"$VT_WORK/$1.notify"
  "$PYTHON" "$VT_WORK/listener.py" "$VT_WORK/$1.sock" "$VT_WORK/$1.notify" &
  VT_PIDS+=($!)
  wait_for "[[ -S $VT_WORK/$1.sock ]]" 5 || fail "the listener for $1 did not start"
}
# messages NODE [AFTER]: the node's datagrams (received after epoch time AFTER).
messages() { awk -v t="${2:-0}" '$1 > t + 0' "$VT_WORK/$1.notify"; }
# first_time NODE PATTERN [AFTER]: when the first datagram matching PATTERN arrived.
first_time() { messages "$1" "${3:-0}" | grep -E -- "$2" | head -n1 | awk '{ print $1 }'; }
# fadd A B: A + B, for epoch times.
fadd() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.6f", a + b }'; }
# line_no NODE PATTERN [AFTER]: its line number among the node's datagrams after AFTER.
line_no() { messages "$1" "${3:-0}" | grep -n -E -- "$2" | head -n1 | cut -d: -f1; }

# The way `sh -c 'export WATCHDOG_PID=$$; exec vrrpd'` does it: sd_watchdog_enabled(3) only
# counts WATCHDOG_USEC when WATCHDOG_PID is the daemon's own pid.
printf '#!/bin/sh\nWATCHDOG_PID=$$\nexport WATCHDOG_PID\nexec "%s" "$@"\n' "$VRRPD" \
  >"$VT_WORK/vrrpd-watchdog"
chmod +x "$VT_WORK/vrrpd-watchdog"

setup_lan r1 r2
listen r1
listen r2

conf_r1="$(printf 'global_defs {\n    router_id r1\n    vrrp_version 3\n    vrrp_startup_delay 1.5\n}\n')
$(conf_instance VI_1 51 200 192.0.2.100/24)"
t_start=$(now)
REAL_VRRPD=$VRRPD
VRRPD="$VT_WORK/vrrpd-watchdog"
NOTIFY_SOCKET="$VT_WORK/r1.sock" WATCHDOG_USEC=1000000 start_vrrpd r1 "$conf_r1"
VRRPD=$REAL_VRRPD

check "r1 sends READY=1" wait_for "[[ -n \$(first_time r1 '^[0-9.]+ READY=1') ]]" 10
ready=$(first_time r1 '^[0-9.]+ READY=1')
waiting=$(first_time r1 'STATUS=waiting vrrp_startup_delay')
backup=$(entered_at r1 Backup)
note "r1: started $t_start, STATUS waiting $waiting, entered Backup $backup, READY $ready"
assert "r1 said it waits for vrrp_startup_delay, before READY=1" \
  '[[ -n $waiting ]] && flt "$waiting" "$ready"'
assert "READY=1 not before vrrp_startup_delay (1.5 s) had passed" \
  'flt "$(fadd "$t_start" 1.45)" "$ready"'
assert "READY=1 after r1's first state change (log stamp within 0.2 s)" \
  '[[ -n $backup ]] && flt "$backup" "$(fadd "$ready" 0.2)"'
assert "READY=1 carries the summary of that first step: VI_1 Backup" \
  'messages r1 | grep -q "^[0-9.]* READY=1|STATUS=1 instance: VI_1 Backup$"'
assert "exactly one READY=1 so far" '(($(messages r1 | grep -c " READY=1") == 1))'
assert "the watchdog was fed from start-up, before READY=1" \
  '[[ -n $(first_time r1 "WATCHDOG=1") ]] && flt "$(first_time r1 "WATCHDOG=1")" "$ready"'

check "r1 becomes Active" wait_state r1 Active 10
check "r1's STATUS= says VI_1 Active" \
  wait_for "[[ -n \$(first_time r1 'STATUS=1 instance: VI_1 Active$') ]]" 2
active=$(entered_at r1 Active)
assert "that STATUS= came after the change (within 0.5 s)" \
  'fbetween "$(fsub "$(first_time r1 "STATUS=1 instance: VI_1 Active$")" "$active")" -0.2 0.5'

# r2: NOTIFY_SOCKET and WATCHDOG_USEC, but WATCHDOG_PID names another process.
NOTIFY_SOCKET="$VT_WORK/r2.sock" WATCHDOG_USEC=1000000 WATCHDOG_PID=1 \
  start_vrrpd r2 "$(conf_global r2)$(conf_instance VI_1 51 100 192.0.2.100/24)"
check "r2 sends READY=1 as Backup" \
  wait_for "messages r2 | grep -q 'READY=1|STATUS=1 instance: VI_1 Backup$'" 10

# The watchdog: every 0.5 s (half of WATCHDOG_USEC=1 s), measured over 3 s.
t0=$(now)
sleep 3
t1=$(now)
pings=$(messages r1 "$t0" | awk -v t="$t1" '$1 <= t + 0 && $2 == "WATCHDOG=1" { print $1 }')
count=$(grep -c . <<<"$pings")
max_gap=$(awk 'NR > 1 { g = $1 - p; if (g > m) m = g } { p = $1 } END { printf "%.3f", m }' <<<"$pings")
note "r1 sent $count WATCHDOG=1 in 3 s, longest gap $max_gap s"
check "r1 pinged 5 to 7 times in 3 s" fbetween "$count" 5 7
check "no gap over 0.75 s between pings" fbetween "$max_gap" 0.3 0.75
assert "no WATCHDOG=1 from r2 (WATCHDOG_PID is not its pid)" \
  '! messages r2 | grep -q "WATCHDOG=1"'

# SIGHUP: RELOADING=1, then READY=1 with the outcome.
t0=$(now)
kill -HUP "${VRRPD_PID[r1]}"
check "r1 sends READY=1 after the SIGHUP" \
  wait_for "[[ -n \$(first_time r1 ' READY=1' $t0) ]]" 5
assert "RELOADING=1 (with MONOTONIC_USEC) came first" \
  '[[ -n $(line_no r1 "RELOADING=1\|MONOTONIC_USEC=[0-9]+$" "$t0") ]] &&
   (($(line_no r1 "RELOADING=1" "$t0") < $(line_no r1 " READY=1" "$t0")))'
assert "READY=1's STATUS: reloaded, VI_1 Active" \
  'messages r1 "$t0" | grep -q " READY=1|STATUS=reloaded; 1 instance: VI_1 Active$"'

t0=$(now)
echo "vrrp_instance {" >>"$VT_WORK/r1.conf"
kill -HUP "${VRRPD_PID[r1]}"
check "a broken file: READY=1 again after RELOADING=1" \
  wait_for "[[ -n \$(first_time r1 ' READY=1' $t0) ]]" 5
assert "its STATUS says the reload was refused, VI_1 still Active" \
  'messages r1 "$t0" | grep -E -q " READY=1\|STATUS=reload refused: .*; 1 instance: VI_1 Active$"'
assert "RELOADING=1 before it" \
  '(($(line_no r1 "RELOADING=1" "$t0") < $(line_no r1 " READY=1" "$t0")))'

# SIGTERM: STOPPING=1, nothing after it but what systemd ignores anyway.
t0=$(now)
stop_vrrpd r1
check "r1 exits 0" test "$VRRPD_EXIT" = 0
assert "r1 sent STOPPING=1" '[[ -n $(first_time r1 " STOPPING=1" "$t0") ]]'
assert "no STATUS= after STOPPING=1 (the instances going to Initialize are not reported)" \
  '! messages r1 "$(first_time r1 " STOPPING=1" "$t0")" | grep -q "^[0-9.]* STATUS="'
check "r2 takes over" wait_state r2 Active 5
check "r2's STATUS= says VI_1 Active" \
  wait_for "messages r2 | grep -q ' STATUS=1 instance: VI_1 Active$'" 2
assert "r2 sent one READY=1 and no STOPPING=1" \
  '(($(messages r2 | grep -c " READY=1") == 1)) && ! messages r2 | grep -q STOPPING'
lib_done
