#!/usr/bin/env bash
# Scenario 7: VRRPv2 instances (RFC 3768), chosen once through global_defs { vrrp_version 2 }
# (r1) and once through the instance's own `version 2` (r2). On the wire: VRRPv2, no
# authentication, a one-second interval (RFC 3768 §5.3); the election and the priority-0
# hand-over behave as in v3 (RFC 3768 §6.4).
source "$(dirname "$0")/../lib.sh"
lib_init "$@"

setup_lan r1 r2
start_servers r1 r2
capture_start wire

start_vrrpd r1 "$(conf_global r1 2)$(conf_instance VI_1 51 200 192.0.2.100/24)"
start_vrrpd r2 "$(conf_global r2 3)$(conf_instance VI_1 51 100 192.0.2.100/24 'version 2')"
check "r1 (priority 200) becomes Active" wait_state r1 Active 10
check "r2 is Backup" wait_state r2 Backup 3
check "r1 holds the VIP, r2 none" wait_for '[[ $(vip_holders 192.0.2.100) == r1 ]]' 3
check "r1 advertises" wait_for '[[ -n $(adverts wire | grep " src=192.0.2.1 ") ]]' 3
sample=$(adverts wire | grep ' src=192.0.2.1 ' | tail -n1)
note "advert: $sample"
check "VRRPv2 to 224.0.0.18, TTL 255, VRID 51, priority 200, auth none, 1 s, the VIP" \
  advert_is "$sample" ver=2 dst=224.0.0.18 ttl=255 vrid=51 prio=200 auth=none intvl=1s \
  addrs=192.0.2.100
assert "no VRRPv3 advert on the wire" '[[ -z $(adverts wire | grep " ver=3 ") ]]'

probe_start v2 192.0.2.100
sleep 1
t_kill=$(now)
stop_vrrpd r1 TERM
assert "r1 exits 0" '[[ $VRRPD_EXIT == 0 ]]'
check "r1 sent a VRRPv2 advert with priority 0" \
  wait_for '[[ -n $(adverts wire | all_after "$t_kill" | grep " src=192.0.2.1 .* ver=2 .* prio=0 ") ]]' 2
check "r2 becomes Active" wait_state r2 Active 5
check "r2 holds the VIP" wait_for '[[ $(vip_holders 192.0.2.100) == r2 ]]' 3
check "r2 advertises VRRPv2" \
  wait_for '[[ -n $(adverts wire | all_after "$t_kill" | grep " src=192.0.2.2 .* ver=2 .* prio=100 ") ]]' 2
t_p0=$(adverts wire | all_after "$t_kill" | grep ' src=192.0.2.1 .* prio=0 ' | head -n1 | field t)
t_r2=$(adverts wire | all_after "$t_kill" | grep ' src=192.0.2.2 ' | head -n1 | field t)
takeover=$(fsub "$t_r2" "$t_p0")
note "takeover $(fms "$takeover") ms after the priority-0 advert; RFC 3768 Skew_Time" \
  "$(fms "$(skew_time 100 1)") ms"
check "the Backup waits about Skew_Time (100 ms .. 1600 ms), not Master_Down_Interval" \
  fbetween "$takeover" 0.1 1.6
sleep 1
probe_stop v2
assert "the client reached r1, then r2" '[[ $(probe_responders v2) == "r1>r2" ]]'
report_outage vrrpv2-sigterm v2
lib_done
