#!/usr/bin/env bash
# Scenario 3: SIGTERM of the Active. It sends an advert with priority 0 and removes its VIP
# (RFC 9568 §6.4.3 "If a Shutdown event is received"); the Backup, on that advert, sets its
# Active_Down_Timer to Skew_Time (§6.4.2) and takes over after about Skew_Time, not after
# Active_Down_Interval. With advert_int 1 and the Backup at priority 200, Skew_Time is 219 ms
# and Active_Down_Interval 3219 ms, so the two are far apart.
source "$(dirname "$0")/../lib.sh"
lib_init "$@"

setup_lan r1 r2
start_servers r1 r2
capture_start wire

start_vrrpd r1 "$(conf_global r1)$(conf_instance VI_1 51 250 192.0.2.100/24)"
start_vrrpd r2 "$(conf_global r2)$(conf_instance VI_1 51 200 192.0.2.100/24)"
check "r1 (priority 250) becomes Active" wait_state r1 Active 10
check "r1 holds the VIP" wait_for "has_vip r1 192.0.2.100" 3
check "r2 is Backup" wait_state r2 Backup 3

probe_start sigterm 192.0.2.100
sleep 1.5
t_kill=$(now)
stop_vrrpd r1 TERM
assert "r1 exits 0 on SIGTERM" '[[ $VRRPD_EXIT == 0 ]]'
check "r1 removed its VIP" not has_vip r1 192.0.2.100
check "r2 becomes Active" wait_state r2 Active 5
check "r2 holds the VIP" wait_for "has_vip r2 192.0.2.100" 3

check "r1 sent an advert with priority 0" \
  wait_for '[[ -n $(adverts wire | all_after "$t_kill" | grep " src=192.0.2.1 .* prio=0 ") ]]' 2
prio0=$(adverts wire | all_after "$t_kill" | grep ' src=192.0.2.1 .* prio=0 ' | head -n1)
note "priority-0 advert: $prio0"
check "it is a VRRPv3 advert for VRID 51 listing the VIP" \
  advert_is "$prio0" ver=3 vrid=51 ttl=255 dst=224.0.0.18 addrs=192.0.2.100
t_p0=$(field t <<<"$prio0")
check "r2's first advert is on the wire" \
  wait_for '[[ -n $(adverts wire | all_after "$t_p0" | grep " src=192.0.2.2 ") ]]' 2
t_r2=$(adverts wire | all_after "$t_p0" | grep ' src=192.0.2.2 ' | head -n1 | field t)
skew=$(skew_time 200 1)
adi=$(active_down_interval 200 1)
takeover=$(fsub "$t_r2" "$t_p0")
note "takeover $(fms "$takeover") ms after the priority-0 advert (wire);" \
  "Skew_Time $(fms "$skew") ms, Active_Down_Interval $(fms "$adi") ms"
check "the Backup waits about Skew_Time: 100 ms .. 1200 ms, far below ADI" \
  fbetween "$takeover" 0.1 1.2
t_log=$(entered_after r2 Active "$t_kill")
note "r2's log says Active $(fms "$(fsub "$t_log" "$t_p0")") ms after the priority-0 advert"
check "the log agrees within 300 ms" fbetween "$(fsub "$t_log" "$t_r2")" -0.3 0.3

r2_mac=$(mac_of r2 eth0)
check "the client's neighbour entry for the VIP moves to r2's MAC" \
  wait_for '[[ $(neigh_mac c 192.0.2.100) == "$r2_mac" ]]' 3
sleep 1
probe_stop sigterm
assert "the client reached r1, then r2" '[[ $(probe_responders sigterm) == "r1>r2" ]]'
report_outage sigterm sigterm
assert "the outage is well below Active_Down_Interval (< 2 s)" \
  'flt "$(probe_value sigterm outage_ms)" 2000'
lib_done
