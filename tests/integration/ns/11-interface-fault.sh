#!/usr/bin/env bash
# Scenario 11: the interface goes down, then up. The instance moves to Fault (and an Active
# gives its VIP up), then back through Backup (issue 3: "Link down or carrier lost moves an
# instance to Fault; link up brings it back through Backup"). With preempt, the
# higher-priority router becomes Active again.
source "$(dirname "$0")/../lib.sh"
lib_init "$@"

setup_lan r1 r2
start_servers r1 r2
start_vrrpd r1 "$(conf_global r1)$(conf_instance VI_1 51 200 192.0.2.100/24)"
start_vrrpd r2 "$(conf_global r2)$(conf_instance VI_1 51 100 192.0.2.100/24)"
check "r1 becomes Active" wait_state r1 Active 10
check "r2 is Backup" wait_state r2 Backup 3

note "part 1: the Active's eth0 goes down"
probe_start fault 192.0.2.100
sleep 1
t_down=$(now)
link_down r1 eth0
check "r1: Active -> Fault" wait_state r1 Fault 3
assert "the transition is logged as Active -> Fault" \
  '[[ $(transitions r1 | tail -n1 | awk "{ print \$2 }") == Active ]]'
check "r1 gives the VIP up" wait_for "not has_vip r1 192.0.2.100" 3
adi=$(active_down_interval 100 1)
check "r2 becomes Active within Active_Down_Interval + 1 s" wait_state r2 Active "$(fsub "$adi" -1)"
check "r2 holds the VIP" wait_for '[[ $(vip_holders 192.0.2.100) == r2 ]]' 3
sleep 1
probe_stop fault
assert "the client reached r1, then r2" '[[ $(probe_responders fault) == "r1>r2" ]]'
report_outage interface-down fault

note "part 2: r1's eth0 comes back up"
t_up=$(now)
link_up r1 eth0
check "r1: Fault -> Backup" wait_for '[[ -n $(entered_after r1 Backup "$t_up") ]]' 5
check "r1 preempts: Backup -> Active" wait_state r1 Active "$(fsub "$(active_down_interval 200 1)" -3)"
assert "r1's transitions since its start: Backup, Active, Fault, Backup, Active" \
  '[[ $(transitions r1 | awk "{ printf \"%s \", \$3 }") == *"Active Fault Backup Active "* ]]'
check "r2 goes back to Backup" wait_state r2 Backup 3
check "only r1 holds the VIP" wait_for '[[ $(vip_holders 192.0.2.100) == r1 ]]' 3

note "part 3: the Backup's eth0 goes down and up"
link_down r2 eth0
check "r2: Backup -> Fault" wait_state r2 Fault 3
link_up r2 eth0
check "r2: Fault -> Backup" wait_state r2 Backup 5
assert "r1 stayed Active throughout" '[[ $(state_of r1) == Active ]]'
check "r2 holds no VIP" not has_vip r2 192.0.2.100
lib_done
