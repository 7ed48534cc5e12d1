#!/usr/bin/env bash
# Interop 6, use_vmac on either side (VRRPv3, IPv4, VRID 51: VMAC 00:00:5e:00:01:33, RFC 9568
# §7.3): the member with use_vmac holds the VIP on a macvlan vrrp.51 with the VMAC and sends
# its adverts and gratuitous ARPs from it; the other uses its own MAC. The client's neighbour
# entry follows the Active.
#  - vrrpd (r1, 200, use_vmac) Active, keepalived (r2, 100) Backup; vrrpd hands over (SIGTERM);
#  - keepalived (r2, 200, use_vmac) Active, vrrpd (r1, 100) Backup; r2's cable is cut;
#  - IPv6, use_vmac on both (VMAC 00:00:5e:00:02:33): the VIP stays on the VMAC across the
#    failover keepalived -> vrrpd, so the client's neighbour entry does not change.
source "$(dirname "$0")/../lib.sh"
source "$(dirname "$0")/keepalived.sh"
ka_require
lib_init "$@"
vmac=00:00:5e:00:01:33

setup_lan r1 r2
start_servers r1 r2
capture_start wire
r1_mac=$(mac_of r1 eth0)
r2_mac=$(mac_of r2 eth0)

note "part 1: use_vmac on vrrpd"
start_vrrpd r1 "$(conf_global r1)$(conf_instance VI_1 51 200 192.0.2.100/24 use_vmac)" -D
start_keepalived r2 "$(conf_global r2)$(conf_instance VI_1 51 100 192.0.2.100/24)"
settled 192.0.2.100 r1 r2
check "vrrpd holds the VIP on vrrp.51 with the VMAC" \
  wait_for '[[ $(mac_of r1 vrrp.51) == "$vmac" && $(vip_dev r1 192.0.2.100) == vrrp.51 ]]' 3
check "vrrpd's adverts come from the VMAC" \
  wait_for '[[ -n $(adverts wire | grep " smac=$vmac .* src=192.0.2.1 ") ]]' 3
check "the client's neighbour entry is the VMAC" \
  wait_for 'in_ns c ping -c1 -W1 192.0.2.100 >/dev/null; [[ $(neigh_mac c 192.0.2.100) == "$vmac" ]]' 5
failover vmac-p0-vrrpd-to-keepalived 192.0.2.100 'stop_vrrpd r1 TERM' r2 r1
settled 192.0.2.100 r2
check "keepalived answers from its own MAC: the client's entry moves to $r2_mac" \
  wait_for '[[ $(neigh_mac c 192.0.2.100) == "$r2_mac" ]]' 3
check "vrrpd removed vrrp.51" wait_for 'not link_exists r1 vrrp.51' 3
stop_keepalived r2 TERM

note "part 2: use_vmac on keepalived"
start_vrrpd r1 "$(conf_global r1)$(conf_instance VI_1 51 100 192.0.2.100/24)" -D
start_keepalived r2 "$(conf_global r2)$(conf_instance VI_1 51 200 192.0.2.100/24 use_vmac)"
settled 192.0.2.100 r2 r1
check "keepalived holds the VIP on vrrp.51 with the VMAC" \
  wait_for '[[ $(mac_of r2 vrrp.51) == "$vmac" && $(vip_dev r2 192.0.2.100) == vrrp.51 ]]' 3
check "keepalived's adverts come from the VMAC" \
  wait_for '[[ -n $(adverts wire | grep " smac=$vmac .* src=192.0.2.2 ") ]]' 3
check "the client's neighbour entry is the VMAC" \
  wait_for 'in_ns c ping -c1 -W1 192.0.2.100 >/dev/null; [[ $(neigh_mac c 192.0.2.100) == "$vmac" ]]' 5
failover vmac-linkloss-keepalived-to-vrrpd 192.0.2.100 'cut_cable r2' r1 r2
settled 192.0.2.100 r1
check "vrrpd's gratuitous ARP moves the client's entry to $r1_mac" \
  wait_for '[[ $(neigh_mac c 192.0.2.100) == "$r1_mac" ]]' 3
stop_vrrpd r1 TERM
stop_keepalived r2 TERM
restore_cable r2

note "part 3: IPv6, use_vmac on both"
FAMILY=6
vip6=2001:db8::100
vmac6=00:00:5e:00:02:33
start_vrrpd r1 "$(conf_global r1)$(conf_instance VI_1 51 100 $vip6/64 use_vmac)" -D
start_keepalived r2 "$(conf_global r2)$(conf_instance VI_1 51 200 $vip6/64 use_vmac)"
settled $vip6 r2 r1
check "keepalived holds the VIP on vrrp.51 with the IPv6 VMAC" \
  wait_for '[[ $(mac_of r2 vrrp.51) == "$vmac6" && $(vip_dev r2 $vip6) == vrrp.51 ]]' 3
check "the client's neighbour entry is the VMAC" \
  wait_for 'in_ns c ping -c1 -W1 $vip6 >/dev/null; [[ $(neigh_mac c $vip6) == "$vmac6" ]]' 5
failover vmac6-linkloss-keepalived-to-vrrpd $vip6 'cut_cable r2' r1 r2
settled $vip6 r1
check "vrrpd holds the VIP on vrrp.51 with the IPv6 VMAC" \
  wait_for '[[ $(mac_of r1 vrrp.51) == "$vmac6" && $(vip_dev r1 $vip6) == vrrp.51 ]]' 3
assert "the client's entry is still the VMAC" '[[ $(neigh_mac c $vip6) == "$vmac6" ]]'
interop_done
