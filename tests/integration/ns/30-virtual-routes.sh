#!/usr/bin/env bash
# Scenario 30 (issue 4 virtual_routes, issue 8): the Active installs its virtual_routes and
# removes them when it leaves Active; a failover moves them. An IPv6 route carries an expiry
# (the VIP lifetime, renewed with the VIPs), so a killed daemon's IPv6 route goes by itself;
# IPv4 has no route expiry, so a killed daemon's IPv4 route stays until its next start, whose
# crash recovery removes it (the documented gap).
source "$(dirname "$0")/../lib.sh"
source "$(dirname "$0")/../lifetime.sh"
lib_init "$@"

setup_lan r1 r2
routes=$'virtual_routes {\n        203.0.113.0/24 via 192.0.2.254 dev eth0\n        blackhole 198.51.100.0/24 table 100\n        2001:db8:99::/64 dev eth0\n    }'
conf() { conf_global "$1"; conf_instance VI_1 51 "$2" 192.0.2.100/24 "$routes"; }
# route_on NODE ARGS...: `ip route show ARGS` in the node is not empty.
route_on() {
  local node=$1
  shift
  [[ -n $(ip -n "$(nsname "$node")" route show "$@" 2>/dev/null) ]]
}
has_routes() {
  route_on "$1" 203.0.113.0/24 && route_on "$1" table 100 198.51.100.0/24 &&
    [[ -n $(ip -n "$(nsname "$1")" -6 route show 2001:db8:99::/64 2>/dev/null) ]]
}
no_routes() {
  ! route_on "$1" 203.0.113.0/24 && ! route_on "$1" table 100 198.51.100.0/24 &&
    [[ -z $(ip -n "$(nsname "$1")" -6 route show 2001:db8:99::/64 2>/dev/null) ]]
}

start_vrrpd r1 "$(conf r1 200)"
check "r1 (priority 200) becomes Active" wait_state r1 Active 10
start_vrrpd r2 "$(conf r2 100)"
check "r2 is Backup" wait_state r2 Backup 10
check "the Active r1 has its three routes" wait_for "has_routes r1" 2
assert "the Backup r2 has none" 'no_routes r2'
v4=$(ip -n "$(nsname r1)" route show 203.0.113.0/24)
v6=$(ip -n "$(nsname r1)" -6 route show 2001:db8:99::/64)
note "r1: $v4 / $v6"
assert "the IPv4 route is the configured one (via 192.0.2.254 dev eth0, proto static)" \
  '[[ $v4 == *"via 192.0.2.254 dev eth0"* && $v4 == *"proto static"* ]]'
assert "the IPv6 route carries an expiry (the VIP lifetime)" '[[ $v6 == *expires* ]]'
sleep 3
v6=$(ip -n "$(nsname r1)" -6 route show 2001:db8:99::/64)
left=$(grep -oE 'expires [0-9]+' <<<"$v6" | awk '{ print $2 }')
assert "3 s later its expiry has been renewed (${left}s left of 6)" '[[ -n $left ]] && ((left > 3))'

# ---- failover on SIGTERM ----------------------------------------------------------------------
stop_vrrpd r1
check "r2 takes over when r1 stops" wait_state r2 Active 5
check "r2 has the routes" wait_for "has_routes r2" 2
assert "r1 removed its routes when it stopped" 'no_routes r1'

# ---- back: r1 preempts -----------------------------------------------------------------------
start_vrrpd r1 "$(conf r1 200)"
check "r1 is Active again" wait_state r1 Active 10
check "the routes move back to r1" wait_for "has_routes r1 && no_routes r2" 3

# ---- SIGKILL: the IPv6 route expires, the IPv4 ones stay until the next start ---------------
t_kill=$(now)
stop_vrrpd r1 KILL
check "r2 takes over" wait_state r2 Active 6
# An expired IPv6 route is no longer used at once (a lookup fails) and deleted at the next
# garbage collection (net.ipv6.route.gc_interval, 30 s); until then `ip route` lists it with
# a negative expiry.
check "the killed r1's IPv6 route expires (is no longer used) within 7 s of the kill" \
  wait_for "! ip -n $(nsname r1) -6 route get 2001:db8:99::1 >/dev/null 2>&1" 7.5
note "expired $(fms "$(fsub "$(now)" "$t_kill")") ms after the kill:" \
  "$(ip -n "$(nsname r1)" -6 route show 2001:db8:99::/64)"
assert "the killed r1's IPv4 routes stay (IPv4 routes have no expiry)" \
  'route_on r1 203.0.113.0/24 && route_on r1 table 100 198.51.100.0/24'
start_vrrpd r1 "$(conf r1 200)"
check "the restarted r1 removes the stale routes before electing" wait_for "no_routes r1" 2
assert "and logs it" 'current_log r1 | grep -q "removed stale route 203.0.113.0/24"'
check "r1 preempts again and has the routes" wait_for "[[ \$(state_of r1) == Active ]] && has_routes r1" 8
check "r2 removed its routes" wait_for "no_routes r2" 2
lib_done
