#!/usr/bin/env bash
# Interop 5, VRRPv3 over IPv6 (native_ipv6 on both sides; adverts from the link-local
# address to ff02::12, RFC 9568 §5.1.2), failover on link loss both ways:
#  - vrrpd (r1, 200) Active, keepalived (r2, 100) Backup; r1's cable is cut and keepalived
#    takes over after Active_Down_Interval (the client probes 2001:db8::100);
#  - vrrpd restarts at priority 50 and stays Backup under keepalived; r2's cable is cut and
#    vrrpd takes over.
source "$(dirname "$0")/../lib.sh"
source "$(dirname "$0")/keepalived.sh"
ka_require
lib_init "$@"
FAMILY=6
vip=2001:db8::100

setup_lan r1 r2
start_servers r1 r2
capture_start wire
start_vrrpd r1 "$(conf_global r1)$(conf_instance VI_1 51 200 $vip/64 native_ipv6)" -D
start_keepalived r2 "$(conf_global r2)$(conf_instance VI_1 51 100 $vip/64 native_ipv6)"
settled $vip r1 r2
sample=$(adverts wire | grep " src=$(ll_of r1) " | tail -n1)
check "vrrpd advertises VRRPv3 from its link-local address to ff02::12" \
  advert_is "$sample" dst=ff02::12 ver=3 vrid=51 prio=200 intvl=100cs addrs=$vip

failover v6-linkloss-vrrpd-to-keepalived $vip 'cut_cable r1' r2 r1
settled $vip r2
sample=$(adverts wire | grep " src=$(ll_of r2) " | tail -n1)
check "keepalived advertises VRRPv3 from its link-local address to ff02::12" \
  advert_is "$sample" dst=ff02::12 ver=3 vrid=51 prio=100 intvl=100cs addrs=$vip
stop_vrrpd r1 TERM
restore_cable r1

start_vrrpd r1 "$(conf_global r1)$(conf_instance VI_1 51 50 $vip/64 native_ipv6)" -D
settled $vip r2 r1
failover v6-linkloss-keepalived-to-vrrpd $vip 'cut_cable r2' r1 r2
check "keepalived sees its carrier go and enters FAULT" wait_member r2 Fault 5
settled $vip r1
interop_done
