#!/usr/bin/env bash
# Interop 4, VRRPv2 (RFC 3768) over IPv4:
#  - no authentication: vrrpd (200) Active, keepalived (100) Backup; vrrpd hands over with a
#    priority-0 advert;
#  - PASS authentication (auth_type PASS, the same auth_pass): keepalived (200) Active, vrrpd
#    (100) Backup; keepalived hands over with a priority-0 advert;
#  - advert intervals that differ (vrrpd 1 s, keepalived 2 s): RFC 3768 §7.1 says a v2 router
#    MUST discard an advert whose Adver Int is not its own, and both do: keepalived logs
#    "advertisement interval mismatch", vrrpd counts v2_interval_mismatch, and each, hearing
#    nobody, is Active (the misconfiguration is visible on both sides);
#  - PASS authentication with different passwords: each drops the other's adverts (keepalived
#    logs "received an invalid passwd!", vrrpd counts auth_data_mismatch) and both are Active.
source "$(dirname "$0")/../lib.sh"
source "$(dirname "$0")/keepalived.sh"
ka_require
lib_init "$@"

setup_lan r1 r2
start_servers r1 r2
capture_start wire

note "part 1: VRRPv2, no authentication, vrrpd higher"
start_vrrpd r1 "$(conf_global r1 2)$(conf_instance VI_1 51 200 192.0.2.100/24)" -D
start_keepalived r2 "$(conf_global r2 2)$(conf_instance VI_1 51 100 192.0.2.100/24)"
settled 192.0.2.100 r1 r2
sample=$(adverts wire | grep ' src=192.0.2.1 ' | tail -n1)
check "vrrpd's adverts are VRRPv2 without authentication" \
  advert_is "$sample" ver=2 vrid=51 prio=200 intvl=1s auth=none addrs=192.0.2.100
failover v2-p0-vrrpd-to-keepalived 192.0.2.100 'stop_vrrpd r1 TERM' r2 r1
settled 192.0.2.100 r2
stop_keepalived r2 TERM

note "part 2: VRRPv2, PASS authentication, keepalived higher"
auth=("authentication {" "    auth_type PASS" "    auth_pass s3cret" "}")
start_vrrpd r1 "$(conf_global r1 2)$(conf_instance VI_1 51 100 192.0.2.100/24 "${auth[@]}")" -D
start_keepalived r2 "$(conf_global r2 2)$(conf_instance VI_1 51 200 192.0.2.100/24 "${auth[@]}")"
settled 192.0.2.100 r2 r1
t_part2=$(now)
sample=$(adverts wire | grep ' src=192.0.2.2 ' | tail -n1)
check "keepalived's adverts carry simple (PASS) authentication" \
  advert_is "$sample" ver=2 vrid=51 prio=200 intvl=1s auth=simple addrs='192.0.2.100auth"s3cret"'
failover v2-auth-p0-keepalived-to-vrrpd 192.0.2.100 'stop_keepalived r2 TERM' r1 r2
settled 192.0.2.100 r1
sample=$(adverts wire | all_after "$t_part2" | grep ' src=192.0.2.1 ' | tail -n1)
check "vrrpd's adverts carry simple (PASS) authentication" \
  advert_is "$sample" ver=2 prio=100 auth=simple addrs='192.0.2.100auth"s3cret"'
stop_vrrpd r1 TERM

note "part 3: VRRPv2, advert_int 1 s on vrrpd and 2 s on keepalived"
start_vrrpd r1 "$(conf_global r1 2)$(conf_instance VI_1 51 200 192.0.2.100/24)" -D
start_keepalived r2 "$(conf_global r2 2)$(ADVERT_INT=2 conf_instance VI_1 51 100 192.0.2.100/24)"
check "vrrpd is Active" wait_state r1 Active 8
check "keepalived discards vrrpd's adverts: \"advertisement interval mismatch\"" \
  wait_for '[[ -n $(ka_current_log r2 | grep "(VI_1) advertisement interval mismatch mine=2 sec rcv.d=1 sec") ]]' 8
check "and so, hearing no valid advert, keepalived becomes MASTER too" wait_member r2 Active 10
check "vrrpd drops keepalived's adverts as v2_interval_mismatch (log)" \
  wait_for '[[ -n $(current_log r1 | grep "dropped advert from 192.0.2.2: v2_interval_mismatch") ]]' 5
check "vrrpd counts them (statistics)" \
  wait_for '[[ -n $(vrrpd_stats r1 | grep -E "v2_interval_mismatch[^0-9]+[1-9]") ]]' 3
stop_vrrpd r1 TERM
stop_keepalived r2 TERM

note "part 4: VRRPv2, PASS authentication with different passwords"
other=("authentication {" "    auth_type PASS" "    auth_pass 0ther" "}")
start_vrrpd r1 "$(conf_global r1 2)$(conf_instance VI_1 51 200 192.0.2.100/24 "${auth[@]}")" -D
start_keepalived r2 "$(conf_global r2 2)$(conf_instance VI_1 51 100 192.0.2.100/24 "${other[@]}")"
check "vrrpd is Active" wait_state r1 Active 8
check "keepalived logs \"received an invalid passwd!\" for vrrpd's adverts" \
  wait_for '[[ -n $(ka_current_log r2 | grep -F "(VI_1) received an invalid passwd!") ]]' 3
check "keepalived becomes MASTER too" wait_member r2 Active 6
check "vrrpd drops keepalived's adverts as auth_data_mismatch" \
  wait_for '[[ -n $(current_log r1 | grep "dropped advert from 192.0.2.2: auth_data_mismatch") ]]' 3
assert "both hold the VIP" '[[ $(vip_holders 192.0.2.100) == "r1 r2" ]]'
interop_done
