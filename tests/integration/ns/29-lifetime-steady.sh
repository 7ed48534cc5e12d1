#!/usr/bin/env bash
# Scenario 29 (issue 8): a steady run with VIP lifetimes. r1 is Active for an IPv4 instance
# (vip_lifetime 3: renewed every second), an IPv6 one (vip_lifetime 3) and an IPv4 one with
# vip_lifetime 0; r2 is Backup for all three. Over at least 15 s (5 lifetimes) `ip monitor address` on r1
# shows the renewals and nothing else: no deletion, no address appearing anew; no state
# changes anywhere; the renewed VIPs keep a finite valid_lft, the vip_lifetime 0 one is
# permanent (valid_lft forever) as keepalived binds it, and the IPv6 VIP never turns
# tentative (no duplicate address detection on renewal).
source "$(dirname "$0")/../lib.sh"
source "$(dirname "$0")/../lifetime.sh"
lib_init "$@"

setup_lan r1 r2
conf() { # ROUTER PRIORITY
  conf_global "$1"
  conf_instance VI_1 51 "$2" 192.0.2.100/24 "vip_lifetime 3"
  conf_instance VI_6 52 "$2" "fe80::100 2001:db8::100/64" "vip_lifetime 3"
  conf_instance VI_P 53 "$2" 192.0.2.101/24 "vip_lifetime 0"
}
start_vrrpd r1 "$(conf r1 200)"
for i in VI_1 VI_6 VI_P; do check "r1: $i becomes Active" wait_state r1 Active 10 "$i"; done
start_vrrpd r2 "$(conf r2 100)"
for i in VI_1 VI_6 VI_P; do check "r2: $i is Backup" wait_state r2 Backup 10 "$i"; done
sleep 1

monitor_addresses r1 steady
t0=$(now)
min_v4=99 min_v6=99
for ((n = 0; n < 30; n++)); do
  l4=$(vip_lft_seconds r1 192.0.2.100)
  l6=$(vip_lft_seconds r1 2001:db8::100)
  [[ $l4 =~ ^[0-9]+$ ]] || fail "r1's IPv4 VIP has valid_lft '${l4}' at sample $n"
  [[ $l6 =~ ^[0-9]+$ ]] || fail "r1's IPv6 VIP has valid_lft '${l6}' at sample $n"
  ((l4 < min_v4)) && min_v4=$l4
  ((l6 < min_v6)) && min_v6=$l6
  [[ $(vip_valid_lft r1 192.0.2.101) == forever ]] || fail "the vip_lifetime 0 VIP is not permanent"
  if ip -n "$(nsname r1)" -o addr show | grep -F '2001:db8::100/' | grep -q tentative; then
    fail "r1's IPv6 VIP is tentative at sample $n"
  fi
  sleep 0.5
done
t1=$(now)
pass "for $(fms "$(fsub "$t1" "$t0")") ms the renewed VIPs kept a finite lifetime (lowest seen: IPv4 ${min_v4}s, IPv6 ${min_v6}s of 3s) and the vip_lifetime 0 VIP stayed forever"
assert "the renewals kept the lifetimes above a second (renewed every 1 s)" \
  '((min_v4 >= 1 && min_v6 >= 1))'
sleep 0.5
events_v4=$(grep -c 'inet 192.0.2.100/24' "$VT_WORK/steady.mon")
events_v6=$(grep -c 'inet6 2001:db8::100/64' "$VT_WORK/steady.mon")
events_p=$(grep -c '192.0.2.101/24' "$VT_WORK/steady.mon")
deleted=$(grep -c 'Deleted' "$VT_WORK/steady.mon")
others=$(grep -E '^(\[|[0-9]+:|Deleted)' "$VT_WORK/steady.mon" | grep -vE '192.0.2.100/24|2001:db8::100/64|fe80::100/128' | grep -c .)
note "ip monitor address on r1 over the run: IPv4 VIP ${events_v4}, IPv6 VIP ${events_v6}," \
  "permanent VIP ${events_p}, deletions ${deleted}, other events ${others}"
assert "no address was deleted" '((deleted == 0))'
assert "the permanent VIP saw no event at all" '((events_p == 0))'
secs=$(awk -v d="$(fsub "$(now)" "$t0")" 'BEGIN { printf "%d", d }')
assert "the renewed VIPs saw one event per renewal, one a second ($secs s: $((secs - 2))-$((secs + 2)))" \
  '((events_v4 >= secs - 2 && events_v4 <= secs + 2 && events_v6 >= secs - 2 && events_v6 <= secs + 2))'
assert "no other address changed" '((others == 0))'
for i in VI_1 VI_6 VI_P; do
  assert "r1: $i entered Active once and nothing since" \
    '[[ $(transitions r1 '"$i"' | wc -l) == 2 && $(state_of r1 '"$i"') == Active ]]'
  assert "r2: $i is still Backup, no other transition" \
    '[[ $(transitions r2 '"$i"' | wc -l) == 1 && $(state_of r2 '"$i"') == Backup ]]'
done
assert "r1 logged no restore and no expiry" \
  '! current_log r1 | grep -qE "restored|ran out|cannot renew"'
lib_done
