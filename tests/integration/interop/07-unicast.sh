#!/usr/bin/env bash
# Interop 7, unicast peers (unicast_src_ip, unicast_peer; VRRPv3 over IPv4). Each side sends
# its adverts to the other's address, never to 224.0.0.18; the IPv4 checksum's pseudo-header
# then holds the unicast destination, and keepalived 2.2.7 checks it (it would log "Setting
# unicast VRRPv3 checksum to old version" for a sum over 224.0.0.18).
#  - vrrpd (r1, 200) Active; it hands over to keepalived with a priority-0 advert (SIGTERM),
#    and preempts back when it starts again;
#  - keepalived's cable is cut while it is Active at 250: vrrpd takes over.
source "$(dirname "$0")/../lib.sh"
source "$(dirname "$0")/keepalived.sh"
ka_require
lib_init "$@"

setup_lan r1 r2
start_servers r1 r2
capture_start wire
uc() { printf '%s\n' "unicast_src_ip 192.0.2.$1" "unicast_peer {" "    192.0.2.$2" "}"; }
mapfile -t uc_r1 < <(uc 1 2)
mapfile -t uc_r2 < <(uc 2 1)
conf_r1="$(conf_global r1)$(conf_instance VI_1 51 200 192.0.2.100/24 "${uc_r1[@]}")"
start_vrrpd r1 "$conf_r1" -D
start_keepalived r2 "$(conf_global r2)$(conf_instance VI_1 51 100 192.0.2.100/24 "${uc_r2[@]}")"
settled 192.0.2.100 r1 r2
sample=$(adverts wire | grep ' src=192.0.2.1 ' | tail -n1)
check "vrrpd advertises to keepalived's address and MAC" \
  advert_is "$sample" dst=192.0.2.2 dmac="$(mac_of r2 eth0)" ver=3 vrid=51 prio=200

failover unicast-p0-vrrpd-to-keepalived 192.0.2.100 'stop_vrrpd r1 TERM' r2 r1
settled 192.0.2.100 r2
sample=$(adverts wire | grep ' src=192.0.2.2 ' | tail -n1)
check "keepalived advertises to vrrpd's address" advert_is "$sample" dst=192.0.2.1 ver=3 prio=100
failover unicast-preempt-keepalived-to-vrrpd 192.0.2.100 'start_vrrpd r1 "$conf_r1" -D' r1 r2
settled 192.0.2.100 r1 r2
stop_keepalived r2 TERM

note "keepalived at 250 is Active; its cable is cut"
start_keepalived r2 "$(conf_global r2)$(conf_instance VI_1 51 250 192.0.2.100/24 "${uc_r2[@]}")"
settled 192.0.2.100 r2 r1
failover unicast-linkloss-keepalived-to-vrrpd 192.0.2.100 'cut_cable r2' r1 r2
settled 192.0.2.100 r1
assert "no advert went to 224.0.0.18" '[[ -z $(adverts wire | grep " dst=224.0.0.18 ") ]]'
interop_done
