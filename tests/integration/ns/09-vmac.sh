#!/usr/bin/env bash
# Scenario 9: the virtual MAC on and off.
#  - use_vmac: the Active has a macvlan (private mode) named vrrp.51 on eth0 with MAC
#    00:00:5e:00:01:33 (RFC 9568 §7.3: 00-00-5E-00-01-{VRID}); the VIP lives on it; adverts and
#    gratuitous ARPs leave with the virtual MAC as source (§7.2); no IPv6 address is generated
#    from the VMAC; the client's neighbour entry is the VMAC and stays so across a failover.
#  - without use_vmac: no macvlan, the VIP is on eth0 and the source MAC is eth0's.
source "$(dirname "$0")/../lib.sh"
lib_init "$@"

setup_lan r1 r2
start_servers r1 r2
capture_start wire
vmac=00:00:5e:00:01:33

note "part 1: use_vmac on both routers (VRID 51)"
start_vrrpd r1 "$(conf_global r1)$(conf_instance VI_1 51 200 192.0.2.100/24 use_vmac)"
start_vrrpd r2 "$(conf_global r2)$(conf_instance VI_1 51 100 192.0.2.100/24 use_vmac)"
check "r1 becomes Active" wait_state r1 Active 10
check "r2 is Backup" wait_state r2 Backup 3
check "r1 has the macvlan vrrp.51" wait_for "link_exists r1 vrrp.51" 3
assert "its MAC is $vmac" '[[ $(mac_of r1 vrrp.51) == "$vmac" ]]'
details=$(ip -n "$(nsname r1)" -d -o link show vrrp.51)
assert "it is a macvlan in private mode on eth0" \
  '[[ $details == *"vrrp.51@eth0"* && $details == *"macvlan mode private"* ]]'
check "the VIP is on vrrp.51" wait_for '[[ $(vip_dev r1 192.0.2.100) == vrrp.51 ]]' 3
check "and not on eth0" not has_vip r1 192.0.2.100 eth0
assert "no IPv6 address is generated from the VMAC" \
  '[[ -z $(ip -n "$(nsname r1)" -6 -o addr show dev vrrp.51 2>/dev/null | grep -i "fe00:133") ]]'
check "r2 holds no VIP" not has_vip r2 192.0.2.100
check "r1's adverts leave with the virtual MAC as source" \
  wait_for '[[ -n $(adverts wire | grep " smac=$vmac .* src=192.0.2.1 ") ]]' 3
assert "every advert from r1 carries the virtual MAC" \
  '[[ -z $(adverts wire | grep " src=192.0.2.1 " | grep -v " smac=$vmac ") ]]'
check "r1's gratuitous ARP for the VIP comes from the virtual MAC" \
  wait_for '[[ -n $(gratuitous_arps wire | grep " smac=$vmac ip=192.0.2.100") ]]' 3

probe_start vmac 192.0.2.100
check "the client's neighbour entry for the VIP is the VMAC" \
  wait_for '[[ $(neigh_mac c 192.0.2.100) == "$vmac" ]]' 3
sleep 1
t_kill=$(now)
stop_vrrpd r1 TERM
assert "r1 exits 0" '[[ $VRRPD_EXIT == 0 ]]'
check "r1 removed its macvlan" not link_exists r1 vrrp.51
check "r1 holds no VIP" not has_vip r1 192.0.2.100
check "r2 becomes Active" wait_state r2 Active 5
check "r2 has vrrp.51 with $vmac and the VIP on it" \
  wait_for '[[ $(mac_of r2 vrrp.51) == "$vmac" && $(vip_dev r2 192.0.2.100) == vrrp.51 ]]' 3
check "r2's adverts leave with the virtual MAC" \
  wait_for '[[ -n $(adverts wire | all_after "$t_kill" | grep " smac=$vmac .* src=192.0.2.2 ") ]]' 3
sleep 1
probe_stop vmac
assert "the client reached r1, then r2" '[[ $(probe_responders vmac) == "r1>r2" ]]'
assert "the client's neighbour entry is still the VMAC" '[[ $(neigh_mac c 192.0.2.100) == "$vmac" ]]'
report_outage vmac-sigterm vmac
stop_vrrpd r2 TERM
check "r2 removed its macvlan on SIGTERM" not link_exists r2 vrrp.51

note "part 2: no use_vmac"
t_plain=$(now)
start_vrrpd r1 "$(conf_global r1)$(conf_instance VI_1 51 200 192.0.2.100/24)"
start_vrrpd r2 "$(conf_global r2)$(conf_instance VI_1 51 100 192.0.2.100/24)"
check "r1 becomes Active" wait_state r1 Active 10
check "the VIP is on eth0" wait_for '[[ $(vip_dev r1 192.0.2.100) == eth0 ]]' 3
check "r1 has no macvlan" not link_exists r1 vrrp.51
check "r2 has no macvlan" not link_exists r2 vrrp.51
r1_mac=$(mac_of r1 eth0)
check "r1's adverts leave with eth0's MAC" \
  wait_for '[[ -n $(adverts wire | all_after "$t_plain" | grep " smac=$r1_mac .* src=192.0.2.1 ") ]]' 3
assert "none with the VMAC" '[[ -z $(adverts wire | all_after "$t_plain" | grep " smac=$vmac ") ]]'
probe_start plain 192.0.2.100
check "the client's neighbour entry for the VIP is r1's MAC" \
  wait_for '[[ $(neigh_mac c 192.0.2.100) == "$r1_mac" ]]' 3
probe_stop plain
lib_done
