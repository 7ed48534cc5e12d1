#!/usr/bin/env bash
# The cost of VIP lifetime renewals (issue 8), run by tools/bench (never by ctest): one vrrpd
# with 1000 instances -- 4 veth interfaces x 250 VRIDs, 1 s adverts, every instance Active
# (nobody else on the links) -- and the daemon's CPU time over a window read from
# /proc/PID/stat (utime + stime), once per vip_lifetime setting:
#   6 (the default at advert_int 1: 1000 VIPs renewed every 2 s), 3 (every 1 s) and 0 (forever,
#   no renewals: the cost of the adverts alone).
# Three interfaces are IPv4 (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24), one IPv6
# (2001:db8:3::/64). Needs root; prints a table.
#
# Usage: tests/bench/renewal_cpu.sh VRRPD [WINDOW_SECONDS (default 30)]
set -euo pipefail

vrrpd=$(realpath "$1")
window=${2:-30}
((EUID == 0)) || {
  echo "renewal_cpu: needs root (network namespaces); skipped"
  exit 0
}
prefix="bench$$-"
work=$(mktemp -d /tmp/vrrpd-bench.XXXXXX)
pid=""
cleanup() {
  [[ -n $pid ]] && kill -KILL "$pid" 2>/dev/null
  ip netns del "${prefix}d" 2>/dev/null
  ip netns del "${prefix}p" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

ip netns add "${prefix}d"
ip netns add "${prefix}p"
ip -n "${prefix}d" link set lo up
ip netns exec "${prefix}d" sysctl -qw net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0
subnets=(192.0.2 198.51.100 203.0.113)
for i in 0 1 2 3; do
  ip -n "${prefix}d" link add "eth$i" type veth peer name "p$i" netns "${prefix}p"
  ip -n "${prefix}p" link set "p$i" up
  if ((i < 3)); then
    ip -n "${prefix}d" addr add "${subnets[$i]}.254/24" dev "eth$i"
  else
    ip -n "${prefix}d" addr add "2001:db8:3::ffff/64" dev "eth$i" nodad
  fi
  ip -n "${prefix}d" link set "eth$i" up
done

config() { # LIFETIME
  printf 'global_defs {\n  router_id bench\n  vrrp_version 3\n  vrrp_vip_lifetime %s\n}\n' "$1"
  local i v
  for i in 0 1 2 3; do
    for ((v = 1; v <= 250; v++)); do
      printf 'vrrp_instance I%d_%d {\n  state BACKUP\n  interface eth%d\n' "$i" "$v" "$i"
      printf '  virtual_router_id %d\n  priority 200\n  advert_int 1\n' "$v"
      if ((i < 3)); then
        printf '  virtual_ipaddress {\n    %s.%d\n  }\n}\n' "${subnets[$i]}" "$v"
      else
        printf '  virtual_ipaddress {\n    2001:db8:3::%x\n  }\n}\n' "$v"
      fi
    done
  done
}

ticks_per_second=$(getconf CLK_TCK)
cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }

declare -A result events
for lifetime in 6 3 0; do
  config "$lifetime" >"$work/vrrpd.conf"
  ip netns exec "${prefix}d" "$vrrpd" -f "$work/vrrpd.conf" -n -l -p "$work/vrrpd.pid" \
    --state-dir "$work/state" 2>"$work/log.$lifetime" &
  pid=$!
  # Every instance Active: Active_Down_Interval (3.2 s) after start, then a settling second.
  for ((n = 0; n < 100; n++)); do
    active=$(grep -c -- '-> Active' "$work/log.$lifetime" 2>/dev/null || true)
    ((active >= 1000)) && break
    sleep 0.2
  done
  ((active >= 1000)) || {
    echo "renewal_cpu: only $active of 1000 instances became Active"
    tail -n 5 "$work/log.$lifetime"
    exit 1
  }
  sleep 2
  ip -n "${prefix}d" monitor address >"$work/mon.$lifetime" 2>/dev/null &
  mon=$!
  t0=$(cpu_ticks "$pid")
  sleep "$window"
  t1=$(cpu_ticks "$pid")
  kill "$mon" 2>/dev/null
  wait "$mon" 2>/dev/null || true
  events[$lifetime]=$(grep -c 'valid_lft' "$work/mon.$lifetime" || true)
  result[$lifetime]=$(awk -v d=$((t1 - t0)) -v hz="$ticks_per_second" -v w="$window" \
    'BEGIN { printf "%.2f", 100 * d / hz / w }')
  kill -TERM "$pid"
  wait "$pid" 2>/dev/null || true
  pid=""
done

echo
echo "VIP lifetime renewals, 1000 instances (4 interfaces x 250 VRIDs, 1 s adverts, all Active),"
echo "daemon CPU over ${window} s from /proc/PID/stat (utime + stime):"
printf '%-28s  %10s  %16s\n' "vip_lifetime" "CPU %" "address events/s"
printf '%-28s  %10s  %16s\n' "----------------------------" "----------" "----------------"
printf '%-28s  %10s  %16s\n' "6 (default; renew every 2 s)" "${result[6]}" \
  "$(awk -v e="${events[6]}" -v w="$window" 'BEGIN { printf "%.0f", e / w }')"
printf '%-28s  %10s  %16s\n' "3 (renew every 1 s)" "${result[3]}" \
  "$(awk -v e="${events[3]}" -v w="$window" 'BEGIN { printf "%.0f", e / w }')"
printf '%-28s  %10s  %16s\n' "0 (forever, no renewals)" "${result[0]}" \
  "$(awk -v e="${events[0]}" -v w="$window" 'BEGIN { printf "%.0f", e / w }')"
