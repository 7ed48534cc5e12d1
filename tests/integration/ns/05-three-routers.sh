#!/usr/bin/env bash
# Scenario 5: three routers, priorities 150, 100, 50. The highest is Active; when it leaves,
# the next highest takes over and the lowest stays Backup (its longer Skew_Time lets the
# middle one's advert reach it first, RFC 9568 §6.1, §6.4.2); then the last one takes over.
# Exactly one router holds the VIP at each stage.
source "$(dirname "$0")/../lib.sh"
lib_init "$@"

setup_lan r1 r2 r3
start_servers r1 r2 r3
capture_start wire

start_vrrpd r1 "$(conf_global r1)$(conf_instance VI_1 51 150 192.0.2.100/24)"
start_vrrpd r2 "$(conf_global r2)$(conf_instance VI_1 51 100 192.0.2.100/24)"
start_vrrpd r3 "$(conf_global r3)$(conf_instance VI_1 51 50 192.0.2.100/24)"
check "r1 (150) becomes Active" wait_state r1 Active 10
check "r2 and r3 are Backup" wait_for '[[ $(state_of r2) == Backup && $(state_of r3) == Backup ]]' 3
check "only r1 holds the VIP" wait_for '[[ $(vip_holders 192.0.2.100) == r1 ]]' 3

probe_start three 192.0.2.100
sleep 1
t_1=$(now)
stop_vrrpd r1 TERM
check "r2 (100) takes over" wait_state r2 Active 5
check "only r2 holds the VIP" wait_for '[[ $(vip_holders 192.0.2.100) == r2 ]]' 3
sleep 2
assert "r3 (50) stayed Backup" '[[ $(state_of r3) == Backup && $(count_entries r3 Active) -eq 0 ]]'
t_2=$(now)
assert "after r1 left, only r2 advertises" \
  '[[ -z $(adverts wire | all_after "$(fsub "$t_1" -1)" "$t_2" | grep -v " src=192.0.2.2 ") ]]'
stop_vrrpd r2 TERM
check "r3 takes over" wait_state r3 Active 5
check "only r3 holds the VIP" wait_for '[[ $(vip_holders 192.0.2.100) == r3 ]]' 3
sleep 1
probe_stop three
assert "the client reached r1, then r2, then r3" '[[ $(probe_responders three) == "r1>r2>r3" ]]'
report_outage three-routers three
lib_done
