#!/usr/bin/env bash
# Scenario 6: IPv6 instances (VIP 2001:db8::100). Adverts go from the link-local address to
# ff02::12 with hop limit 255 (RFC 9568 §5.1.2); the new Active sends unsolicited Neighbor
# Advertisements for the VIP to ff02::1 with the Router and Override flags, the Solicited flag
# clear and its link-layer address (§6.4.2, RFC 4861 §7.2.6), so the client's neighbour entry
# follows the VIP.
source "$(dirname "$0")/../lib.sh"
lib_init "$@"

setup_lan r1 r2
start_servers r1 r2
capture_start wire

start_vrrpd r1 "$(conf_global r1)$(conf_instance VI_6 52 200 2001:db8::100/64)"
start_vrrpd r2 "$(conf_global r2)$(conf_instance VI_6 52 100 2001:db8::100/64)"
check "r1 (priority 200) becomes Active" wait_state r1 Active 10 VI_6
check "r2 is Backup" wait_state r2 Backup 3 VI_6
check "r1 holds 2001:db8::100, r2 none" wait_for '[[ $(vip_holders 2001:db8::100) == r1 ]]' 3
r1_mac=$(mac_of r1 eth0)
r2_mac=$(mac_of r2 eth0)
r1_ll=$(ip -n "$(nsname r1)" -6 -o addr show dev eth0 scope link | awk '{ print $4 }' | cut -d/ -f1)

check "r1 advertises on the wire" \
  wait_for '[[ -n $(adverts wire | grep " src=$r1_ll ") ]]' 3
sample=$(adverts wire | grep " src=$r1_ll " | tail -n1)
note "advert: $sample"
check "from r1's link-local $r1_ll to ff02::12, hop limit 255, VRRPv3, VRID 52, the VIP" \
  advert_is "$sample" dst=ff02::12 ttl=255 ver=3 vrid=52 prio=200 addrs=2001:db8::100
na=$(neighbor_adverts wire | grep " tgt=2001:db8::100 " | grep " lladdr=$r1_mac" | head -n1)
note "NA: $na"
assert "r1 sent an unsolicited NA for the VIP with its MAC" '[[ -n $na ]]'
check "to ff02::1 with Router and Override set, Solicited clear (RFC 9568 §6.4.2)" \
  advert_is "$na" dst=ff02::1 flags=router,override

probe_start v6 2001:db8::100
check "the client's neighbour entry for the VIP is r1's MAC" \
  wait_for '[[ $(neigh_mac c 2001:db8::100) == "$r1_mac" ]]' 3
sleep 1
t_kill=$(now)
stop_vrrpd r1 TERM
assert "r1 exits 0" '[[ $VRRPD_EXIT == 0 ]]'
check "r1 removed the VIP" not has_vip r1 2001:db8::100
check "r2 becomes Active" wait_state r2 Active 5 VI_6
check "r2 holds the VIP" wait_for "has_vip r2 2001:db8::100" 3
check "r2 sends an unsolicited NA for the VIP with its MAC" \
  wait_for '[[ -n $(neighbor_adverts wire | all_after "$t_kill" | grep " tgt=2001:db8::100 lladdr=$r2_mac ") ]]' 3
check "the client's neighbour entry for the VIP moves to r2's MAC" \
  wait_for '[[ $(neigh_mac c 2001:db8::100) == "$r2_mac" ]]' 3
sleep 1
probe_stop v6
assert "the client reached r1, then r2" '[[ $(probe_responders v6) == "r1>r2" ]]'
report_outage ipv6-sigterm v6
lib_done
