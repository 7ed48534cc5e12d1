#!/usr/bin/env bash
# Scenario 2: the Active's link goes down (its switch port: the cable is cut, the carrier is
# lost). The Backup hears no more adverts and becomes Active when its Active_Down_Timer fires,
# within Active_Down_Interval plus a small bound (RFC 9568 §6.4.2); the client reaches the VIP
# again, and its neighbour entry for the VIP points at the new Active's MAC (gratuitous ARP,
# RFC 9568 §6.4.2 / §7.3). The cut router sees its carrier go and moves to Fault.
source "$(dirname "$0")/../lib.sh"
lib_init "$@"

setup_lan r1 r2
start_servers r1 r2
capture_start wire

start_vrrpd r1 "$(conf_global r1)$(conf_instance VI_1 51 200 192.0.2.100/24)"
start_vrrpd r2 "$(conf_global r2)$(conf_instance VI_1 51 100 192.0.2.100/24)"
check "r1 (priority 200) becomes Active" wait_state r1 Active 10
check "r1 holds the VIP" wait_for "has_vip r1 192.0.2.100" 3
check "r2 is Backup" wait_state r2 Backup 3

probe_start failover 192.0.2.100
r1_mac=$(mac_of r1 eth0)
r2_mac=$(mac_of r2 eth0)
check "the client's neighbour entry for the VIP is r1's MAC ($r1_mac)" \
  wait_for '[[ $(neigh_mac c 192.0.2.100) == "$r1_mac" ]]' 3
sleep 0.5

t_cut=$(now)
cut_cable r1
note "cut r1's cable at $t_cut"
check "r2 becomes Active" wait_state r2 Active 10
t_log=$(entered_after r2 Active "$t_cut")
adi=$(active_down_interval 100 1)
delay=$(fsub "$t_log" "$t_cut")
note "r2 Active $(fms "$delay") ms after the cut (log); Active_Down_Interval is $(fms "$adi") ms"
# The last advert r2 heard came up to one Advertisement_Interval before the cut.
check "the takeover comes within [ADI - 1.25 s, ADI + 1 s] of the cut" \
  fbetween "$delay" "$(fsub "$adi" 1.25)" "$(fsub "$adi" -1)"
check "r2's first advert is on the wire" \
  wait_for '[[ -n $(adverts wire | all_after "$t_cut" | grep " src=192.0.2.2 ") ]]' 2
t_wire=$(adverts wire | all_after "$t_cut" | grep ' src=192.0.2.2 ' | head -n1 | field t)
wire_delay=$(fsub "$t_wire" "$t_cut")
note "r2's first advert $(fms "$wire_delay") ms after the cut (wire)"
check "on the wire too, within ADI + 1 s" fbetween "$wire_delay" "$(fsub "$adi" 1.25)" "$(fsub "$adi" -1)"
check "r2 holds the VIP" wait_for "has_vip r2 192.0.2.100" 3
check "r1 sees its carrier go and enters Fault" wait_state r1 Fault 5
check "r1 gives the VIP up" wait_for "not has_vip r1 192.0.2.100" 3
garp=$(gratuitous_arps wire | all_after "$t_cut" | grep " smac=$r2_mac ip=192.0.2.100" | head -n1)
assert "r2 sends a gratuitous ARP for the VIP from its MAC" '[[ -n $garp ]]'
check "the client's neighbour entry for the VIP moves to r2's MAC ($r2_mac)" \
  wait_for '[[ $(neigh_mac c 192.0.2.100) == "$r2_mac" ]]' 3
sleep 1
probe_stop failover
assert "the client reached r1, then r2" '[[ $(probe_responders failover) == "r1>r2" ]]'
report_outage link-down failover
assert "the outage is shorter than ADI + 1.5 s" \
  'flt "$(probe_value failover outage_ms)" "$(fms "$(fsub "$adi" -1.5)")"'
assert "r2 advertises, r1 is silent" \
  '[[ -z $(adverts wire | all_after "$t_wire" | grep " src=192.0.2.1 ") ]]'
lib_done
