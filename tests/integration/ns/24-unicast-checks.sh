#!/usr/bin/env bash
# Scenario 24: keepalived's unicast receive rules.
#  - Without check_unicast_src a unicast instance hears any source at any TTL (keepalived; the
#    peers may be routed): a stranger with a higher priority and TTL 64 sends r2 to Backup.
#  - A peer's min_ttl / max_ttl (which turn check_unicast_src on): adverts outside the range are
#    dropped (ttl_outside_peer_range), inside it they count.
# The switch rewrites the TTL of chosen adverts with an nftables bridge rule.
source "$(dirname "$0")/../lib.sh"
lib_init "$@"

setup_lan r1 r2 r3

# ttl_rewrite SOURCE TTL / ttl_rewrite_off: the switch sets the TTL of SOURCE's VRRP packets.
ttl_rewrite() {
  in_ns sw nft -f - <<NFT || fail "nft ttl rule"
table bridge vt_ttl {
  chain forward {
    type filter hook forward priority 0; policy accept;
    ip saddr $1 ip protocol vrrp ip ttl set $2
  }
}
NFT
}
ttl_rewrite_off() { in_ns sw nft delete table bridge vt_ttl; }
unicast() { # unicast SRC PEER [PEER OPTIONS...]: the unicast lines of an instance
  printf '%s\n' "unicast_src_ip $1" "unicast_peer {" "    $2${3:+ $3}" "}"
}

note "part 1: r2 without check_unicast_src hears a stranger (r3, priority 250, TTL 64)"
mapfile -t u2 < <(unicast 192.0.2.2 192.0.2.1)
start_vrrpd r2 "$(conf_global r2)$(conf_instance VI_1 51 100 192.0.2.100/24 "${u2[@]}")"
check "r2 (alone) becomes Active" wait_state r2 Active 10
ttl_rewrite 192.0.2.3 64
mapfile -t u3 < <(unicast 192.0.2.3 192.0.2.2)
start_vrrpd r3 "$(conf_global r3)$(conf_instance VI_1 51 250 192.0.2.100/24 "${u3[@]}")"
check "r3 (hearing nobody) becomes Active" wait_state r3 Active 10
check "r2 hears r3 and goes Backup" wait_state r2 Backup 4
assert "r2 dropped nothing from r3" \
  '! current_log r2 | grep -q "dropped advert from 192.0.2.3"'
stop_vrrpd r3
stop_vrrpd r2
ttl_rewrite_off

note "part 2: r2's peer r1 with min_ttl 250; r1's adverts rewritten to TTL 64, then left at 255"
ttl_rewrite 192.0.2.1 64
mapfile -t u1 < <(unicast 192.0.2.1 192.0.2.2)
mapfile -t u2 < <(unicast 192.0.2.2 192.0.2.1 "min_ttl 250")
start_vrrpd r1 "$(conf_global r1)$(conf_instance VI_1 51 200 192.0.2.100/24 "${u1[@]}")"
start_vrrpd r2 "$(conf_global r2)$(conf_instance VI_1 51 100 192.0.2.100/24 "${u2[@]}")"
check "r1 becomes Active" wait_state r1 Active 10
check "r2, deaf to r1's TTL 64, becomes Active too" wait_state r2 Active 10
check "r2 logs why" \
  wait_for 'current_log r2 | grep -q "dropped advert from 192.0.2.1: ttl_outside_peer_range"' 3
ttl_rewrite_off
check "with TTL 255 (in range) r2 hears r1 and goes Backup" wait_state r2 Backup 4
lib_done
