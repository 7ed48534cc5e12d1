#!/usr/bin/env bash
# Scenario 19: vrrpd's `checksum` modes for IPv4 VRRPv3 (issue 4; RFC 9568 §5.2.8 against the
# pseudo-header form of keepalived and FRR, vrrpd.conf(5) IPV4 VRRPV3 CHECKSUM).
#  (a) r1 `checksum rfc9568` (priority 100), r2 `checksum auto` (priority 200). r2 starts in
#      keepalived's form, which r1 drops; r1 becomes Active too, r2 hears its RFC 9568 advert,
#      switches once (one log line) and answers in that form; r1 yields. One Active, and no
#      checksum drop on r1 after the switch.
#  (b) r1 `checksum rfc9568`, r2 `checksum rfc5798`: each drops the other's adverts as
#      checksum_form_refused (counted, logged with both forms named) and both stay Active: the
#      documented failure.
source "$(dirname "$0")/../lib.sh"
lib_init "$@"

setup_lan r1 r2

# dump_stats NODE: SIGUSR2, then waits for the new statistics file (written atomically).
dump_stats() {
  local file="$VT_WORK/$1.state/vrrpd.stats"
  rm -f "$file"
  kill -USR2 "${VRRPD_PID[$1]}"
  wait_for "[[ -e '$file' ]]" 5 || fail "$1: SIGUSR2 wrote no $file"
}
dump_data() {
  local file="$VT_WORK/$1.state/vrrpd.data"
  rm -f "$file"
  kill -USR1 "${VRRPD_PID[$1]}"
  wait_for "[[ -e '$file' ]]" 5 || fail "$1: SIGUSR1 wrote no $file"
}
# stats_value NODE KEY: the value of "  KEY: VALUE" in the node's last statistics file.
stats_value() { awk -v k="  $2:" 'index($0, k) == 1 { print $NF; exit }' "$VT_WORK/$1.state/vrrpd.stats"; }
datum() {
  awk -v k="  $2: " 'index($0, k) == 1 { print substr($0, length(k) + 1); exit }' \
    "$VT_WORK/$1.state/vrrpd.data"
}
switch_line='VI_1: peer 192.0.2.1 uses the rfc9568 IPv4 checksum; sending that form from now on'

note "part a: r1 checksum rfc9568 (priority 100), r2 checksum auto (priority 200)"
start_vrrpd r1 "$(conf_global r1)$(conf_instance VI_1 51 100 192.0.2.100/24 'checksum rfc9568')"
start_vrrpd r2 "$(conf_global r2)$(conf_instance VI_1 51 200 192.0.2.100/24 'checksum auto')"
check "r2 (auto) logs that it follows r1's RFC 9568 form" \
  wait_for "current_log r2 | grep -qF '$switch_line'" 20
check "r2 is Active" wait_state r2 Active 10
check "r1 ends Backup" wait_state r1 Backup 10
check "only r2 holds the VIP" wait_for "[[ \$(vip_holders 192.0.2.100) == r2 ]]" 5
dump_stats r1
refused_before=$(stats_value r1 dropped_checksum_form_refused)
note "r1 dropped $refused_before adverts in the RFC 5798 form before r2 switched"
assert "r1 dropped r2's first adverts (keepalived's form) as checksum_form_refused" \
  '((refused_before >= 1))'
sleep 4
dump_stats r1
assert "no checksum drop on r1 after the switch (4 s of adverts)" \
  '(($(stats_value r1 dropped_checksum_form_refused) == refused_before))'
assert "r1 heard r2 in the RFC 9568 form" '(($(stats_value r1 received_checksum_rfc9568) >= 3))'
assert "r1 counts r2's adverts under its address" '(($(stats_value r1 "received_from 192.0.2.2") >= 3))'
assert "r1 still Backup, r2 Active: one Active" \
  '[[ $(state_of r1) == Backup && $(state_of r2) == Active && $(vip_holders 192.0.2.100) == r2 ]]'
assert "r2 logged the switch once" '(($(current_log r2 | grep -cF "$switch_line") == 1))'
dump_data r2
assert "r2's data: mode auto, form rfc9568 after following r1" \
  '[[ $(datum r2 checksum_mode) == auto && $(datum r2 checksum_form) == "rfc9568 (followed a peer)" ]]'
dump_data r1
assert "r1's data: mode rfc9568, form rfc9568, never switched" \
  '[[ $(datum r1 checksum_mode) == rfc9568 && $(datum r1 checksum_form) == rfc9568 ]]'
stop_vrrpd r1
stop_vrrpd r2

note "part b: r1 checksum rfc9568 (priority 200), r2 checksum rfc5798 (priority 100)"
start_vrrpd r1 "$(conf_global r1)$(conf_instance VI_1 51 200 192.0.2.100/24 'checksum rfc9568')"
start_vrrpd r2 "$(conf_global r2)$(conf_instance VI_1 51 100 192.0.2.100/24 'checksum rfc5798')"
check "r1 becomes Active" wait_state r1 Active 10
check "r2 becomes Active too: it never hears r1" wait_state r2 Active 10
check "both hold the VIP (the documented failure)" \
  wait_for "has_vip r1 192.0.2.100 && has_vip r2 192.0.2.100" 5
line_r1='VI_1: dropped advert from 192.0.2.2: checksum_form_refused: checksum in RFC 5798 form, expected RFC 9568 (checksum rfc9568)'
line_r2='VI_1: dropped advert from 192.0.2.1: checksum_form_refused: checksum in RFC 9568 form, expected RFC 5798 (checksum rfc5798)'
check "r1 logs the drop, naming both forms" wait_for "current_log r1 | grep -qF '$line_r1'" 5
check "r2 logs the drop, naming both forms" wait_for "current_log r2 | grep -qF '$line_r2'" 5
sleep 2
dump_stats r1
dump_stats r2
assert "r1 counts r2's adverts as checksum_form_refused" '(($(stats_value r1 dropped_checksum_form_refused) >= 2))'
assert "r2 counts r1's adverts as checksum_form_refused" '(($(stats_value r2 dropped_checksum_form_refused) >= 2))'
assert "r1 received them in the RFC 5798 form" '(($(stats_value r1 received_checksum_rfc5798) >= 2))'
assert "r2 received them in the RFC 9568 form" '(($(stats_value r2 received_checksum_rfc9568) >= 2))'
assert "no other drop on r1" '(($(stats_value r1 dropped_total) == $(stats_value r1 dropped_checksum_form_refused)))'
assert "still both Active: fixed modes never switch" \
  '[[ $(state_of r1) == Active && $(state_of r2) == Active ]]'
assert "neither logged a switch" \
  '! current_log r1 | grep -q "IPv4 checksum; sending" && ! current_log r2 | grep -q "IPv4 checksum; sending"'
stop_vrrpd r1
stop_vrrpd r2

lib_done
