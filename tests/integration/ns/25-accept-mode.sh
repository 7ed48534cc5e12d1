#!/usr/bin/env bash
# Scenario 25: RFC 9568 §6.4.3 Accept_Mode. With no_accept a non-owner Active router holds the
# VIPs and answers ARP and Neighbor Discovery for them, but drops the packets addressed to them
# (an nftables table, as keepalived does); with accept (keepalived's default) it takes them.
source "$(dirname "$0")/../lib.sh"
lib_init "$@"

setup_lan r1

conf() { # conf ACCEPT_KEYWORD
  conf_global r1
  conf_instance VI_1 51 100 192.0.2.100/24 "$1"
  conf_instance VI_6 52 100 2001:db8::100/64 "$1"
}
pings() { in_ns c ping -c 1 -W 1 "$1" >/dev/null 2>&1; }
table() { in_ns r1 nft list table inet vrrpd_accept >/dev/null 2>&1; }

note "part 1: no_accept"
start_vrrpd r1 "$(conf no_accept)"
check "VI_1 becomes Active" wait_state r1 Active 10 VI_1
check "VI_6 becomes Active" wait_state r1 Active 10 VI_6
assert "the nftables table is in place" table
assert "r1 holds both VIPs" 'has_vip r1 192.0.2.100 && has_vip r1 2001:db8::100'
assert "a ping to the IPv4 VIP gets no answer" '! pings 192.0.2.100'
assert "the client resolved the IPv4 VIP to r1 all the same (ARP answered)" \
  '[[ $(neigh_mac c 192.0.2.100) == "$(mac_of r1 eth0)" ]]'
assert "a ping to the IPv6 VIP gets no answer" '! pings 2001:db8::100'
assert "the client resolved the IPv6 VIP to r1 all the same (ND answered)" \
  '[[ $(neigh_mac c 2001:db8::100) == "$(mac_of r1 eth0)" ]]'
assert "r1's own address still answers" 'pings 192.0.2.1'
stop_vrrpd r1
assert "the table is gone after exit" '! table'

note "part 2, not taken: accept"
start_vrrpd r1 "$(conf accept)"
check "VI_1 becomes Active" wait_state r1 Active 10 VI_1
check "VI_6 becomes Active" wait_state r1 Active 10 VI_6
assert "no nftables table" '! table'
assert "a ping to the IPv4 VIP is answered" 'pings 192.0.2.100'
assert "a ping to the IPv6 VIP is answered" 'pings 2001:db8::100'
stop_vrrpd r1
lib_done
