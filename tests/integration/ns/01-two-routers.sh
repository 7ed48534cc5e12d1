#!/usr/bin/env bash
# Scenario 1: two routers on one LAN.
#  - Different priorities: the higher becomes Active and holds the VIP, the other stays Backup
#    and holds none (RFC 9568 §6.4.2, §6.4.3); only the Active advertises (§6.4.3).
#  - Equal priorities: when both are Active (a partition that heals), the one with the higher
#    primary address stays Active and the other yields (RFC 9568 §6.4.3, the address
#    tie-break).
source "$(dirname "$0")/../lib.sh"
lib_init "$@"

setup_lan r1 r2
start_servers r1 r2
capture_start wire

note "part 1: priority 200 on r1 (192.0.2.1), 100 on r2 (192.0.2.2)"
start_vrrpd r1 "$(conf_global r1)$(conf_instance VI_1 51 200 192.0.2.100/24)"
start_vrrpd r2 "$(conf_global r2)$(conf_instance VI_1 51 100 192.0.2.100/24)"
check "r1 (priority 200) becomes Active" wait_state r1 Active 10
check "r1 holds the VIP" wait_for "has_vip r1 192.0.2.100" 3
check "r2 is Backup" wait_state r2 Backup 3
check "r2 holds no VIP" not has_vip r2 192.0.2.100
assert "the pid file names the daemon" '[[ "$(cat "$VT_WORK/r1.pid" 2>/dev/null)" == "${VRRPD_PID[r1]}" ]]'

t0=$(now)
probe_start steady 192.0.2.100
sleep 3
probe_stop steady
assert "the client reaches the VIP, answered by r1 only" '[[ $(probe_responders steady) == r1 ]]'
assert "no more than 5 probes lost in steady state" '(($(probe_value steady lost) <= 5))'

from_r1=$(adverts wire | all_after "$t0" | grep -c ' src=192.0.2.1 ')
from_r2=$(adverts wire | all_after "$t0" | grep -c ' src=192.0.2.2 ')
note "adverts in 3 s: $from_r1 from r1, $from_r2 from r2"
check "the Active advertises once a second (2..5 adverts in 3 s)" fbetween "$from_r1" 2 5
assert "the Backup does not advertise" '((from_r2 == 0))'
sample=$(adverts wire | grep ' src=192.0.2.1 ' | tail -n1)
note "advert: $sample"
check "advert to 224.0.0.18, TTL 255, VRRPv3, VRID 51, priority 200, 100 cs, VIP listed" \
  advert_is "$sample" dst=224.0.0.18 ttl=255 ver=3 vrid=51 prio=200 intvl=100cs addrs=192.0.2.100
assert "r1 became Active once (no flapping)" '(($(count_entries r1 Active) == 1))'
assert "r2 never became Active" '(($(count_entries r2 Active) == 0))'

stop_vrrpd r1
assert "SIGTERM: r1 exits 0" '[[ $VRRPD_EXIT == 0 ]]'
check "SIGTERM: r1 removed its VIP" not has_vip r1 192.0.2.100
stop_vrrpd r2
assert "SIGTERM: r2 exits 0" '[[ $VRRPD_EXIT == 0 ]]'

note "part 2: equal priority 100; both become Active behind a partition, then it heals"
block_vrrp
start_vrrpd r1 "$(conf_global r1)$(conf_instance VI_1 51 100 192.0.2.100/24)"
start_vrrpd r2 "$(conf_global r2)$(conf_instance VI_1 51 100 192.0.2.100/24)"
check "partitioned, r1 becomes Active" wait_state r1 Active 10
check "partitioned, r2 becomes Active" wait_state r2 Active 10
check "both hold the VIP while partitioned" wait_for "has_vip r1 192.0.2.100 && has_vip r2 192.0.2.100" 3
unblock_vrrp
t_heal=$(now)
check "after the partition heals, r1 (lower address) becomes Backup" wait_state r1 Backup 5
check "r1 gives the VIP up" wait_for "not has_vip r1 192.0.2.100" 3
assert "r2 (higher address 192.0.2.2) stays Active" '[[ $(state_of r2) == Active ]]'
check "r2 holds the VIP" has_vip r2 192.0.2.100
sleep 2
t_settled=$(now)
sleep 2
late_r1=$(adverts wire | all_after "$t_settled" | grep -c ' src=192.0.2.1 ')
late_r2=$(adverts wire | all_after "$t_settled" | grep -c ' src=192.0.2.2 ')
assert "then only r2 advertises ($late_r2 from r2, $late_r1 from r1)" '((late_r1 == 0 && late_r2 >= 1))'
lib_done
