#!/usr/bin/env bash
# Scenario 23: keepalived's vrrp_garp_interval and vrrp_gna_interval space the gratuitous ARPs
# and unsolicited NAs of a burst on one interface; without them a burst goes out at once.
source "$(dirname "$0")/../lib.sh"
lib_init "$@"

setup_lan r1

# conf NODE GARP_INTERVAL GNA_INTERVAL: an IPv4 instance with two VIPs and an IPv6 one, three
# announcements per address on becoming Active and no second burst.
conf() {
  printf 'global_defs {\n    router_id %s\n    vrrp_version 3\n' "$1"
  printf '    vrrp_garp_interval %s\n    vrrp_gna_interval %s\n' "$2" "$3"
  printf '    vrrp_garp_master_repeat 3\n    vrrp_garp_master_delay 0\n}\n'
  conf_instance VI_1 51 200 "192.0.2.100/24 192.0.2.101/24"
  conf_instance VI_6 52 200 2001:db8::100/64
}
# gaps FILE_OF_TIMES: the gaps between consecutive times, one per line.
gaps() { awk 'NR > 1 { printf "%.3f\n", $1 - prev } { prev = $1 }'; }
min_of() { sort -n | head -n1; }
max_of() { sort -n | tail -n1; }

r1_mac=$(mac_of r1 eth0)
run() { # run NAME GARP_INTERVAL GNA_INTERVAL: start, wait for both Active and the bursts, stop
  capture_start "$1"
  start_vrrpd r1 "$(conf r1 "$2" "$3")"
  check "VI_1 becomes Active ($1)" wait_state r1 Active 10 VI_1
  check "VI_6 becomes Active ($1)" wait_state r1 Active 10 VI_6
  # The bursts take 1 s; tcpdump hands over what the kernel buffered only after its block
  # timeout, so wait that much longer before stopping it.
  sleep 2.7
  capture_stop "$1"
  stop_vrrpd r1
  garp_times=$(gratuitous_arps "$1" | grep " smac=$r1_mac " | grep -E " ip=192\.0\.2\.10[01]$" | field t)
  na_times=$(neighbor_adverts "$1" | grep " smac=$r1_mac " | grep " tgt=2001:db8::100 " | field t)
  note "$1: gratuitous ARP gaps $(gaps <<<"$garp_times" | tr '\n' ' ')"
  note "$1: NA gaps $(gaps <<<"$na_times" | tr '\n' ' ')"
}

note "part 1: vrrp_garp_interval 0.2, vrrp_gna_interval 0.1"
run paced 0.2 0.1
assert "six gratuitous ARPs (two VIPs x 3)" '[[ $(wc -l <<<"$garp_times") -eq 6 ]]'
assert "at least 0.2 s apart" 'flt 0.195 "$(gaps <<<"$garp_times" | min_of)"'
assert "and not much more (the burst is not stalled)" 'flt "$(gaps <<<"$garp_times" | max_of)" 0.3'
assert "three NAs for the IPv6 VIP" '[[ $(wc -l <<<"$na_times") -eq 3 ]]'
assert "at least 0.1 s apart" 'flt 0.095 "$(gaps <<<"$na_times" | min_of)"'

note "part 2, not taken: intervals 0 send each burst at once"
run unpaced 0 0
assert "six gratuitous ARPs" '[[ $(wc -l <<<"$garp_times") -eq 6 ]]'
assert "all within 50 ms" 'flt "$(fsub "$(max_of <<<"$garp_times")" "$(min_of <<<"$garp_times")")" 0.05'
assert "three NAs within 50 ms" \
  '[[ $(wc -l <<<"$na_times") -eq 3 ]] && flt "$(fsub "$(max_of <<<"$na_times")" "$(min_of <<<"$na_times")")" 0.05'
lib_done
