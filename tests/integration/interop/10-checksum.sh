#!/usr/bin/env bash
# Interop 10, the IPv4 VRRPv3 checksum (RFC 9568 §5.2.8 sums the message alone; keepalived
# 2.2.7 by default includes the IPv4 pseudo-header, the RFC 5798 form; with v3_checksum_as_v2
# it sends the RFC 9568 form). vrrpd's `checksum` mode, per vrrpd.conf(5) IPV4 VRRPV3 CHECKSUM:
#  1. auto, keepalived's default: the group settles at once, vrrpd never switches form;
#  2. rfc5798, keepalived's default: settles;
#  3. rfc9568, keepalived's default: the documented failure: vrrpd drops keepalived's adverts as
#     checksum_form_refused (and logs the documented line), keepalived logs "Invalid VRRPv3
#     checksum" for vrrpd's, and both are Active;
#  4. a hand-over both ways in auto mode.
# keepalived 2.2.7 does not know v3_checksum_as_v2 ("Unknown keyword"; it came with 2.2.8), so
# it always sends the RFC 5798 form: auto's switch to a peer's RFC 9568 form is covered by the
# unit tests and the fixtures, not here.
source "$(dirname "$0")/../lib.sh"
source "$(dirname "$0")/keepalived.sh"
ka_require
lib_init "$@"

setup_lan r1 r2
start_servers r1 r2
capture_start wire
vrrpd_conf() { echo "$(conf_global r1)$(conf_instance VI_1 51 "$1" 192.0.2.100/24 "checksum $2")"; }
ka_conf() { echo "$(conf_global r2)$(conf_instance VI_1 51 "$1" 192.0.2.100/24 "${@:2}")"; }
restart() { stop_vrrpd r1 TERM; stop_keepalived r2 TERM; }

note "part 1: checksum auto, keepalived's default"
start_vrrpd r1 "$(vrrpd_conf 200 auto)" -D
start_keepalived r2 "$(ka_conf 100)"
settled 192.0.2.100 r1 r2
assert "vrrpd kept the rfc5798 form" '[[ -z $(current_log r1 | grep "uses the rfc9568 IPv4 checksum") ]]'
restart

note "part 2: checksum rfc5798, keepalived's default"
start_vrrpd r1 "$(vrrpd_conf 100 rfc5798)" -D
start_keepalived r2 "$(ka_conf 200)"
settled 192.0.2.100 r2 r1
restart

note "part 3: checksum rfc9568, keepalived's default: the documented failure"
t3=$(now)
start_vrrpd r1 "$(vrrpd_conf 200 rfc9568)" -D
start_keepalived r2 "$(ka_conf 100)"
check "vrrpd is Active" wait_state r1 Active 8
check "keepalived logs \"(VI_1) Invalid VRRPv3 checksum\" for vrrpd's adverts" \
  wait_for '[[ -n $(ka_current_log r2 | grep -F "(VI_1) Invalid VRRPv3 checksum") ]]' 3
check "keepalived, hearing no valid advert, becomes MASTER too" wait_member r2 Active 6
check "vrrpd logs the documented drop line" \
  wait_for '[[ -n $(current_log r1 | grep -F "VI_1: dropped advert from 192.0.2.2: checksum_form_refused: checksum in RFC 5798 form, expected RFC 9568 (checksum rfc9568)") ]]' 3
check "vrrpd counts the drops (statistics)" \
  wait_for '[[ -n $(vrrpd_stats r1 | grep -E "checksum_form_refused[^0-9]+[1-9]") ]]' 3
assert "both hold the VIP" '[[ $(vip_holders 192.0.2.100) == "r1 r2" ]]'
# The checks every other scenario passes do see this failure (they could fail):
assert "interop_clean's keepalived check sees the bad packets" '[[ -n $(ka_bad_lines r2) ]]'
assert "interop_clean's vrrpd check sees the drops" '[[ -n $(vrrpd_drops_of r1 192.0.2.2) ]]'
# (tcpdump hands packets over up to a second late: wait for the wire to show it)
check "and the wire shows two advertisers" \
  wait_for '[[ $(advertisers wire 2.5 51) == "192.0.2.1 192.0.2.2" ]]' 3
restart

note "part 4: checksum auto, hand-overs both ways"
start_vrrpd r1 "$(vrrpd_conf 200 auto)" -D
start_keepalived r2 "$(ka_conf 100)"
settled 192.0.2.100 r1 r2
failover checksum-auto-p0-vrrpd-to-keepalived 192.0.2.100 'stop_vrrpd r1 TERM' r2 r1
start_vrrpd r1 "$(vrrpd_conf 50 auto)" -D
settled 192.0.2.100 r2 r1
failover checksum-auto-p0-keepalived-to-vrrpd 192.0.2.100 'stop_keepalived r2 TERM' r1 r2
check "vrrpd received keepalived's adverts in the rfc5798 form only (statistics)" \
  wait_for '[[ -n $(vrrpd_stats r1 | grep -E "received_checksum_rfc5798: [1-9]") && -n $(vrrpd_stats r1 | grep -E "received_checksum_rfc9568: 0$") ]]' 2
assert "vrrpd never switched form" '[[ -z $(current_log r1 | grep "uses the rfc9568 IPv4 checksum") ]]'
interop_done
