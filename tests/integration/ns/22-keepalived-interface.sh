#!/usr/bin/env bash
# Scenario 22: keepalived's interface keywords.
#  - promote_secondaries: net.ipv4.conf.eth0.promote_secondaries is 1 while vrrpd runs and 0
#    again after it stopped; a VIP that is the primary address of its prefix leaves the other
#    addresses of that prefix in place when it goes.
#  - dont_track_primary: the instance's own interface going down is no Fault.
source "$(dirname "$0")/../lib.sh"
lib_init "$@"

setup_lan r1 r2

promote() { in_ns r1 cat /proc/sys/net/ipv4/conf/eth0/promote_secondaries; }

note "part 1: promote_secondaries on r1's eth0"
assert "promote_secondaries is 0 before" '[[ $(promote) == 0 ]]'
# The VIP is the first address of 198.51.100.0/24 on eth0, so the kernel makes it the primary
# address of that prefix; 198.51.100.2 added afterwards is a secondary.
start_vrrpd r1 "$(conf_global r1)$(conf_instance VI_1 51 200 198.51.100.1/24 promote_secondaries)"
check "r1 becomes Active" wait_state r1 Active 10
assert "promote_secondaries is 1 while vrrpd runs" '[[ $(promote) == 1 ]]'
ip -n "$(nsname r1)" addr add 198.51.100.2/24 dev eth0 || fail "add 198.51.100.2"
start_vrrpd r2 "$(conf_global r2)$(conf_instance VI_1 51 250 198.51.100.1/24)"
check "r1 yields to r2 (250)" wait_state r1 Backup 10
check "r1 released the VIP" wait_for "! has_vip r1 198.51.100.1" 3
assert "the secondary 198.51.100.2 was promoted, not removed with it" 'has_vip r1 198.51.100.2'
stop_vrrpd r1
stop_vrrpd r2
assert "r1 exited cleanly" '[[ $VRRPD_EXIT == 0 ]]'
assert "promote_secondaries is 0 again after exit" '[[ $(promote) == 0 ]]'
ip -n "$(nsname r1)" addr del 198.51.100.2/24 dev eth0 2>/dev/null

note "part 1b, not taken: without promote_secondaries the secondary goes with the VIP"
start_vrrpd r1 "$(conf_global r1)$(conf_instance VI_1 52 200 198.51.100.1/24)"
check "r1 becomes Active" wait_state r1 Active 10
assert "promote_secondaries stays 0" '[[ $(promote) == 0 ]]'
ip -n "$(nsname r1)" addr add 198.51.100.2/24 dev eth0 || fail "add 198.51.100.2"
start_vrrpd r2 "$(conf_global r2)$(conf_instance VI_1 52 250 198.51.100.1/24)"
check "r1 yields to r2 (250)" wait_state r1 Backup 10
check "r1 released the VIP" wait_for "! has_vip r1 198.51.100.1" 3
assert "the kernel removed 198.51.100.2 with it" '! has_vip r1 198.51.100.2'
stop_vrrpd r1
stop_vrrpd r2

note "part 2: dont_track_primary"
start_vrrpd r1 "$(conf_global r1)$(conf_instance VI_1 51 200 192.0.2.100/24 dont_track_primary)"
check "r1 becomes Active" wait_state r1 Active 10
link_down r1 eth0
check "r1 logs the link loss" wait_for 'current_log r1 | grep -q "VI_1: eth0 is down"' 3
sleep 1
assert "r1 stays Active, no Fault" '[[ $(state_of r1) == Active && $(count_entries r1 Fault) -eq 0 ]]'
link_up r1 eth0
sleep 0.5
assert "and still Active when the link is back" '[[ $(state_of r1) == Active ]]'
stop_vrrpd r1

note "part 2b, not taken: without it the same link loss is a Fault"
start_vrrpd r1 "$(conf_global r1)$(conf_instance VI_1 51 200 192.0.2.100/24)"
check "r1 becomes Active" wait_state r1 Active 10
link_down r1 eth0
check "r1 goes to Fault" wait_state r1 Fault 3
link_up r1 eth0
stop_vrrpd r1
lib_done
