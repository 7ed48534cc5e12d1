#!/usr/bin/env bash
# Scenario 27 (issue 8): SIGSTOP of the Active for longer than its VIP's lifetime, then SIGCONT,
# in the tie-break case. r2 (192.0.2.2) and r1 (192.0.2.1) have the same priority; r2 is
# Active, so it wins the address tie-break (RFC 9568 §6.4.3) against r1 as long as it is
# Active. It is stopped for 9 s: r1 takes over, the kernel removes r2's VIP (lifetime 6 s).
# On SIGCONT r2 must notice that its VIP expired, resign (one priority-0 advert) and go Backup
# -- as Backup it does no tie-break, so r1 stays Active. Without that, r2 would still believe
# itself Active, advertise priority 100 from the higher address and take the VIP back from r1.
source "$(dirname "$0")/../lib.sh"
source "$(dirname "$0")/../lifetime.sh"
lib_init "$@"

setup_lan r1 r2
capture_start wire
start_vrrpd r2 "$(conf_global r2)$(conf_instance VI_1 51 100 192.0.2.100/24)"
check "r2 becomes Active" wait_state r2 Active 10
start_vrrpd r1 "$(conf_global r1)$(conf_instance VI_1 51 100 192.0.2.100/24)"
check "r1 (same priority, lower address) is Backup" wait_state r1 Backup 10
sleep 1

monitor_addresses r2 r2
stall r2 9 &
stall_job=$!
sleep 0.2
check "r1 takes over while r2 is stopped" wait_state r1 Active 6
check "the kernel removes the stopped r2's VIP within 7 s of the stop" \
  wait_for '! has_vip r2 192.0.2.100' 7
wait "$stall_job"
t_cont=$(now)
check "r2 notices that its VIP expired while it was stopped" \
  wait_for "current_log r2 | grep -q 'VI_1: the lifetime of our addresses (6 s) ran out'" 3
check "r2 goes Backup for that reason" \
  wait_for "current_log r2 | grep -q 'VI_1: Active -> Backup.*our addresses expired'" 3
t_back=$(entered_at r2 Backup)
# Several advertisement intervals and more than Active_Down_Interval: the election has settled.
sleep 6
assert "r1 is still Active and never left Active" \
  '[[ $(state_of r1) == Active && $(count_entries r1 Backup) == 1 ]]'
assert "r2 is Backup and was Active only once (before the stop)" \
  '[[ $(state_of r2) == Backup && $(count_entries r2 Active) == 1 ]]'
assert "only r1 holds the VIP" '[[ $(vip_holders 192.0.2.100) == r1 ]]'
capture_stop wire
r2_after=$(adverts_from wire 192.0.2.2 "$(fsub "$t_back" 3)" | field prio | sort -u | paste -sd,)
note "r2's adverts around and after the wake-up, priorities: ${r2_after:-none}"
assert "after the wake-up r2 sent only its priority-0 resignation, never priority 100" \
  '[[ $r2_after == 0 ]]'
re_added=$(grep -c '192.0.2.100/24' "$VT_WORK/r2.mon" | head -n1)
deleted=$(grep -c 'Deleted.*192.0.2.100/24' "$VT_WORK/r2.mon" | head -n1)
note "r2's address events for the VIP from the stop on: $re_added, of which deletions: $deleted"
assert "r2 never bound the VIP again (its only events are the kernel's deletion)" \
  '((re_added == deleted && deleted >= 1))'
echo "LIFETIME scenario=sigstop_tie back_after_cont_ms=$(fms "$(fsub "$t_back" "$t_cont")")"
lib_done
