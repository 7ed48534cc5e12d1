#!/usr/bin/env bash
# Scenario 28 (issue 8): SIGSTOP of a higher-priority Active for longer than its VIP's lifetime,
# then SIGCONT, with and without preemption. r1 (priority 200) is Active and is stopped for
# 9 s; r2 (priority 100) takes over and the kernel removes r1's VIP.
# - preempt (the default): on SIGCONT r1 resigns and goes Backup; it takes the role back only
#   through the ordinary preemption, Active_Down_Interval later, and r2 steps down at r1's
#   first advert. r1 never advertises priority 200 before that.
# - nopreempt: r1 stays Backup under the lower-priority r2, as nopreempt asks. (A daemon that
#   woke up believing itself Active would instead keep advertising 200 and push r2 out.)
source "$(dirname "$0")/../lib.sh"
source "$(dirname "$0")/../lifetime.sh"
lib_init "$@"

setup_lan r1 r2
capture_start wire

run_phase() { # PHASE R1_EXTRA_LINE
  local phase=$1 extra=$2
  start_vrrpd r1 "$(conf_global r1)$(conf_instance VI_1 51 200 192.0.2.100/24 $extra)"
  check "$phase: r1 (priority 200) becomes Active" wait_state r1 Active 10
  start_vrrpd r2 "$(conf_global r2)$(conf_instance VI_1 51 100 192.0.2.100/24)"
  check "$phase: r2 (priority 100) is Backup" wait_state r2 Backup 10
  sleep 1
  stall r1 9 &
  local job=$!
  sleep 0.2
  check "$phase: r2 takes over while r1 is stopped" wait_state r2 Active 6
  check "$phase: r1's VIP expires while it is stopped" wait_for '! has_vip r1 192.0.2.100' 7
  wait "$job"
  t_cont=$(now)
  check "$phase: r1 leaves Active on SIGCONT because its VIP expired" \
    wait_for "current_log r1 | grep -q 'VI_1: Active -> Backup.*our addresses expired'" 3
  t_back=$(entered_at r1 Backup)
}

# ---- preempt --------------------------------------------------------------------------------
run_phase preempt ""
check "preempt: r1 preempts r2 through the ordinary path" \
  wait_for "[[ \$(state_of r1) == Active ]]" 6
t_active=$(entered_after r1 Active "$t_back")
reason=$(current_log r1 | grep 'VI_1: Backup -> Active' | tail -n1)
note "preempt: $reason"
assert "preempt: ... as a preemption of the lower-priority Active" \
  '[[ $reason == *"preempting a lower-priority active"* ]]'
wait_ms=$(fms "$(fsub "$t_active" "$t_back")")
note "preempt: r1 back to Active ${wait_ms} ms after it went Backup"
# RFC 9568 §6.1: Active_Down_Interval for priority 200 at 1 s = 3.22 s.
assert "preempt: not before Active_Down_Interval (3.2 s)" 'flt 3.1 "$(fsub "$t_active" "$t_back")"'
check "preempt: r2 steps down" wait_state r2 Backup 2
sleep 1
t_r2_backup=$(entered_after r2 Backup "$t_back")
assert "preempt: r2 left Active within one advert interval of r1's return" \
  'flt "$(fsub "$t_r2_backup" "$t_active")" 1.2'
capture_stop wire
# (up to 0.1 s before the log line of its return: the advert it sends on return is stamped
# on the wire a little before the log line)
prios=$(adverts_from wire 192.0.2.1 "$(fsub "$t_back" 1)" | all_after 0 "$(fsub "$t_active" 0.1)" |
  field prio | sort -u | paste -sd,)
note "preempt: r1's advert priorities between the wake-up and its return: ${prios:-none}"
assert "preempt: r1 sent only its priority-0 resignation in between" '[[ $prios == 0 ]]'
assert "preempt: only r1 holds the VIP" '[[ $(vip_holders 192.0.2.100) == r1 ]]'
stop_vrrpd r1
stop_vrrpd r2
capture_start wire2

# ---- nopreempt ------------------------------------------------------------------------------
run_phase nopreempt nopreempt
sleep 6
assert "nopreempt: r1 stays Backup" '[[ $(state_of r1) == Backup ]]'
assert "nopreempt: r2 stays Active" '[[ $(state_of r2) == Active && $(count_entries r2 Active) == 1 ]]'
assert "nopreempt: only r2 holds the VIP" '[[ $(vip_holders 192.0.2.100) == r2 ]]'
capture_stop wire2
prios=$(adverts_from wire2 192.0.2.1 "$(fsub "$t_back" 1)" | field prio | sort -u | paste -sd,)
assert "nopreempt: r1 sent only its priority-0 resignation after the wake-up (got ${prios:-none})" \
  '[[ $prios == 0 ]]'
lib_done
