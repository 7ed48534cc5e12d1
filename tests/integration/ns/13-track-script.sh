#!/usr/bin/env bash
# Scenario 13: keepalived's vrrp_script tracking.
#  - part 1: r1 (priority 200) tracks a check with weight -150. When the check fails its
#    priority drops to 50, below r2's 100: r2 takes over (RFC 9568 §6.4.2, a preempting Backup
#    ignores the lower-priority adverts). When the check succeeds again, r1 (200) preempts back.
#  - part 2: a weight-0 check (keepalived: failure means Fault): r1 leaves Active for Fault and
#    releases the VIP; r2 takes over; on success r1 returns through Backup and preempts.
#  - part 3: track_interface with weight -150: a veth in r1 whose peer goes down (no carrier).
#  - part 4: track_file with weight -1: the file's number is subtracted (polled once a second).
source "$(dirname "$0")/../lib.sh"
lib_init "$@"

setup_lan r1 r2
flag="$VT_WORK/r1.down"

# conf_r1 WEIGHT: r1's config with a check that fails while $flag exists. Run without a shell
# (no shell syntax in the line) as keepalived does.
conf_r1() {
  printf '%s' "$(conf_global r1)"
  printf 'vrrp_script chk {\n    script "/usr/bin/test ! -e %s"\n    interval 1\n' "$flag"
  printf '    weight %s\n    rise 2\n    fall 2\n}\n' "$1"
  conf_instance VI_1 51 200 192.0.2.100/24 "track_script {" "    chk" "}"
}
conf_r2="$(conf_global r2)$(conf_instance VI_1 51 100 192.0.2.100/24)"

note "part 1: weight -150"
start_vrrpd r1 "$(conf_r1 -150)"
start_vrrpd r2 "$conf_r2"
check "r1 becomes Active" wait_state r1 Active 10
check "r2 is Backup" wait_state r2 Backup 3
sleep 2
assert "a succeeding check leaves r1 Active" '[[ $(state_of r1) == Active ]]'

t_fail=$(now)
touch "$flag"
# fall 2 at interval 1: two failed runs, then r2's down timer (Skew_Time of 100 after a
# lower-priority advert is ignored: Active_Down_Interval ~3.6 s).
check "the failing check lowers r1's priority to 50" \
  wait_for 'current_log r1 | grep -q "VI_1: priority 50 (configured 200, tracking weight -150)"' 5
check "r2 takes over" wait_state r2 Active 8
check "r1 goes back to Backup" wait_state r1 Backup 3
check "r2 holds the VIP, r1 none" wait_for '[[ $(vip_holders 192.0.2.100) == r2 ]]' 3
check "r1 logged the check's failure" wait_for 'current_log r1 | grep -q "VRRP_Script(chk) failed"' 1
note "r2 Active $(fms "$(fsub "$(entered_after r2 Active "$t_fail")" "$t_fail")") ms after the flag"

t_ok=$(now)
rm -f "$flag"
check "the check succeeds again and r1 preempts back" wait_state r1 Active 10
check "r2 goes back to Backup" wait_state r2 Backup 3
check "r1 holds the VIP, r2 none" wait_for '[[ $(vip_holders 192.0.2.100) == r1 ]]' 3
check "r1 logged the check's recovery" wait_for 'current_log r1 | grep -q "VRRP_Script(chk) succeeded"' 1
note "r1 Active again $(fms "$(fsub "$(entered_after r1 Active "$t_ok")" "$t_ok")") ms after the flag went"
stop_vrrpd r1
stop_vrrpd r2

note "part 2: weight 0, failure means Fault"
start_vrrpd r1 "$(conf_r1 0)"
start_vrrpd r2 "$conf_r2"
check "r1 becomes Active" wait_state r1 Active 10
check "r2 is Backup" wait_state r2 Backup 3
touch "$flag"
check "the failing check puts r1 in Fault" wait_state r1 Fault 5
check "r2 takes over" wait_state r2 Active 3
check "r2 holds the VIP, r1 none" wait_for '[[ $(vip_holders 192.0.2.100) == r2 ]]' 3
rm -f "$flag"
check "the check succeeds again: r1 leaves Fault and preempts back" wait_state r1 Active 10
check "r2 goes back to Backup" wait_state r2 Backup 3
assert "r1 went Fault -> Backup -> Active" \
  '[[ $(transitions r1 | awk "{ print \$2 \">\" \$3 }" | tail -n2 | paste -sd " ") == "Fault>Backup Backup>Active" ]]'
stop_vrrpd r1
stop_vrrpd r2

note "part 3: track_interface t0 weight -150"
in_ns r1 ip link add t0 type veth peer name t1
in_ns r1 ip link set t1 up
in_ns r1 ip link set t0 up
start_vrrpd r1 "$(conf_global r1)$(conf_instance VI_1 51 200 192.0.2.100/24 \
  "track_interface {" "    t0 weight -150" "}")"
start_vrrpd r2 "$conf_r2"
check "r1 becomes Active" wait_state r1 Active 10
check "r2 is Backup" wait_state r2 Backup 3
in_ns r1 ip link set t1 down
check "t0 without carrier lowers r1's priority to 50" \
  wait_for 'current_log r1 | grep -q "VI_1: priority 50 (configured 200, tracking weight -150)"' 3
check "r2 takes over" wait_state r2 Active 8
in_ns r1 ip link set t1 up
check "t0 back: r1 preempts back" wait_state r1 Active 10
check "r2 goes back to Backup" wait_state r2 Backup 3
stop_vrrpd r1
stop_vrrpd r2

note "part 4: track_file weight -1"
tfile="$VT_WORK/r1.track"
echo 0 >"$tfile"
start_vrrpd r1 "$(conf_global r1)$(printf 'track_file tf {\n    file %s\n    weight -1\n}\n' "$tfile")$(conf_instance VI_1 51 200 192.0.2.100/24 \
  "track_file {" "    tf" "}")"
start_vrrpd r2 "$conf_r2"
check "r1 becomes Active" wait_state r1 Active 10
check "r2 is Backup" wait_state r2 Backup 3
echo 150 >"$tfile"
check "the file's 150 lowers r1's priority to 50 within the 1 s poll" \
  wait_for 'current_log r1 | grep -q "VI_1: priority 50 (configured 200, tracking weight -150)"' 3
check "r2 takes over" wait_state r2 Active 8
echo 0 >"$tfile"
check "0 again: r1 preempts back" wait_state r1 Active 10
check "r2 goes back to Backup" wait_state r2 Backup 3
lib_done
