#!/usr/bin/env bash
# Scenario 4: the higher-priority router returns.
#  - Preempt (the default): it becomes Active again, the lower one goes back to Backup
#    (RFC 9568 §6.4.2: a Backup with Preempt_Mode True ignores adverts of lower priority, its
#    down timer fires; §6.4.3: the Active yields to a higher priority).
#  - nopreempt: it stays Backup and the lower-priority Active keeps the VIP (§6.4.2,
#    Preempt_Mode False).
source "$(dirname "$0")/../lib.sh"
lib_init "$@"

setup_lan r1 r2
start_servers r1 r2
capture_start wire

note "part 1: preempt; r1 priority 200, r2 priority 100"
conf_r1="$(conf_global r1)$(conf_instance VI_1 51 200 192.0.2.100/24)"
conf_r2="$(conf_global r2)$(conf_instance VI_1 51 100 192.0.2.100/24)"
start_vrrpd r1 "$conf_r1"
start_vrrpd r2 "$conf_r2"
check "r1 becomes Active" wait_state r1 Active 10
check "r2 is Backup" wait_state r2 Backup 3
stop_vrrpd r1 TERM
check "with r1 gone, r2 becomes Active" wait_state r2 Active 5
check "r2 holds the VIP" wait_for "has_vip r2 192.0.2.100" 3

probe_start preempt 192.0.2.100
sleep 1
t_back=$(now)
start_vrrpd r1 "$conf_r1"
adi=$(active_down_interval 200 1)
check "r1 returns and becomes Active again (preempt)" wait_state r1 Active "$(fsub "$adi" -4)"
check "r2 goes back to Backup" wait_state r2 Backup 3
check "r1 holds the VIP, r2 none" wait_for '[[ $(vip_holders 192.0.2.100) == r1 ]]' 3
note "r1 Active again $(fms "$(fsub "$(entered_after r1 Active "$t_back")" "$t_back")") ms after its restart"
check "the client's neighbour entry for the VIP is r1's MAC again" \
  wait_for '[[ $(neigh_mac c 192.0.2.100) == "$(mac_of r1 eth0)" ]]' 3
sleep 1
probe_stop preempt
assert "the client reached r2, then r1" '[[ $(probe_responders preempt) == "r2>r1" ]]'
report_outage preempt-return preempt
stop_vrrpd r1
stop_vrrpd r2

note "part 2: nopreempt on both; r1 priority 200, r2 priority 100"
conf_r1="$(conf_global r1)$(conf_instance VI_1 51 200 192.0.2.100/24 nopreempt)"
conf_r2="$(conf_global r2)$(conf_instance VI_1 51 100 192.0.2.100/24 nopreempt)"
start_vrrpd r1 "$conf_r1"
start_vrrpd r2 "$conf_r2"
check "r1 becomes Active" wait_state r1 Active 10
check "r2 is Backup" wait_state r2 Backup 3
stop_vrrpd r1 TERM
check "with r1 gone, r2 becomes Active" wait_state r2 Active 5
t_back=$(now)
start_vrrpd r1 "$conf_r1"
check "r1 returns as Backup" wait_state r1 Backup 5
note "waiting two Active_Down_Intervals of r1 ($(fms "$adi") ms each)"
sleep "$(awk -v a="$adi" 'BEGIN { print 2 * a + 1 }')"
assert "r1 stays Backup (nopreempt)" '[[ $(state_of r1) == Backup && $(count_entries r1 Active) -eq 0 ]]'
assert "r2 stays Active" '[[ $(state_of r2) == Active ]]'
assert "r2 holds the VIP, r1 none" '[[ $(vip_holders 192.0.2.100) == r2 ]]'
assert "since r1 returned only r2 advertises" \
  '[[ -z $(adverts wire | all_after "$t_back" | grep " src=192.0.2.1 ") &&
      -n $(adverts wire | all_after "$t_back" | grep " src=192.0.2.2 ") ]]'
lib_done
