#!/usr/bin/env bash
# Scenario 31: vrrpdump on a live link (issue 6). r1 (priority 200) and r2 (100) run VI_1
# (IPv4, VRID 51) and VI_6 (IPv6, VRID 52). vrrpdump -i on r2's eth0 (a router interface)
# prints r1's adverts, one line each, with the right VRID, priority, checksum form and the
# verdict ok; vrrpdump --summary on r1's port of the bridge (in the switch) sees, after r1 is
# stopped (priority 0) and r2 takes over, r2 Active in both families with one transition each,
# no gap and no split brain; -c ends a capture by itself; --json lines are JSON with the values.
source "$(dirname "$0")/../lib.sh"
lib_init "$@"

# The binary: ctest passes it in VRRPDUMP; by hand, it sits in the same build tree as vrrpd.
VRRPDUMP=${VRRPDUMP:-$(dirname "$VRRPD")/../../tools/vrrpdump/vrrpdump}
[[ -x $VRRPDUMP ]] || fail "vrrpdump not found at $VRRPDUMP (set VRRPDUMP)"
VRRPDUMP=$(realpath "$VRRPDUMP")

declare -A DUMP_PID=()
# dump_start NAME NODE IF [ARGS...]: vrrpdump -i IF in NODE, stdout to $VT_WORK/NAME.out.
dump_start() {
  local name=$1 node=$2 dev=$3
  shift 3
  ip netns exec "$(nsname "$node")" "$VRRPDUMP" -i "$dev" "$@" >"$VT_WORK/$name.out" \
    2>"$VT_WORK/$name.err" &
  DUMP_PID[$name]=$!
  VT_PIDS+=($!)
  # The message comes once the capture is open and the signal handlers are in place.
  wait_for "grep -q 'listening on' '$VT_WORK/$name.err'" 5 || fail "vrrpdump $name did not start"
}
# dump_stop NAME: SIGINT (repeated until it has gone, SIGKILL at last); DUMP_EXIT = its status.
dump_stop() {
  local pid=${DUMP_PID[$1]} i
  for ((i = 0; i < 30; i++)); do
    kill -INT "$pid" 2>/dev/null || break
    sleep 0.1
    kill -0 "$pid" 2>/dev/null || break
  done
  kill -KILL "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  DUMP_EXIT=$?
}

conf() {
  conf_global "$1"
  conf_instance VI_1 51 "$2" 192.0.2.100/24
  conf_instance VI_6 52 "$2" 2001:db8::100/64
}

setup_lan r1 r2
start_vrrpd r1 "$(conf r1 200)"
start_vrrpd r2 "$(conf r2 100)"
check "r1 becomes Active for VI_1" wait_state r1 Active 10 VI_1
check "r1 becomes Active for VI_6" wait_state r1 Active 3 VI_6
check "r2 is Backup for both" \
  wait_for '[[ $(state_of r2 VI_1) == Backup && $(state_of r2 VI_6) == Backup ]]' 3
r1_ll=$(ip -n "$(nsname r1)" -6 -o addr show dev eth0 scope link | awk '{ print $4 }' | cut -d/ -f1)
r2_ll=$(ip -n "$(nsname r2)" -6 -o addr show dev eth0 scope link | awk '{ print $4 }' | cut -d/ -f1)

note "part 1: vrrpdump -i eth0 on the Backup r2, and --summary on the switch port of r1"
dump_start lines r2 eth0
dump_start summary sw r1 --summary
sleep 3.5
lines4=$(grep " 192.0.2.1 > 224.0.0.18 " "$VT_WORK/lines.out")
lines6=$(grep " $r1_ll > ff02::12 " "$VT_WORK/lines.out")
sed 's/^/#   /' "$VT_WORK/lines.out" | tail -n 4
assert "r2's eth0 shows r1's IPv4 adverts, one a second (3 or 4 in 3.5 s)" \
  '(( $(wc -l <<<"$lines4") >= 3 && $(wc -l <<<"$lines4") <= 4 ))'
assert "r2's eth0 shows r1's IPv6 adverts too" '(( $(wc -l <<<"$lines6") >= 3 ))'
assert "every IPv4 line: VRRPv3, VRID 51, priority 200, 1 s, the VIP, TTL 255, the rfc5798 form, ok" \
  '! grep -v " vrrpv3 vrid=51 prio=200 intvl=100cs addrs=192.0.2.100 ttl=255 sum=rfc5798 verdict=ok$" <<<"$lines4"'
# The VIP alone, as configured (vrrpd warns, as keepalived sends it): accepted with the EID 8300
# notice, as vrrpd without strict_mode takes it.
assert "every IPv6 line: VRID 52, priority 200, the VIP, rfc9568, ok with the link-local notice" \
  '! grep -v " vrrpv3 vrid=52 prio=200 intvl=100cs addrs=2001:db8::100 ttl=255 sum=rfc9568 verdict=ok notices=ipv6_first_address_not_link_local$" <<<"$lines6"'
assert "nothing but r1's adverts (r2 is Backup and silent)" \
  '[[ $(grep -cv " \(192\.0\.2\.1\|$r1_ll\) > " "$VT_WORK/lines.out") == 0 ]]'
assert "each line starts with an RFC 3339 UTC time" \
  '! grep -vE "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{6}Z " "$VT_WORK/lines.out"'

note "part 2: -c 2 --json ends by itself after two packets"
timeout 10 ip netns exec "$(nsname r2)" "$VRRPDUMP" -i eth0 -c 2 --json >"$VT_WORK/json.out" \
  2>"$VT_WORK/json.err"
rc=$?
assert "vrrpdump -c 2 exits 0 (got $rc)" '[[ $rc == 0 ]]'
assert "two JSON objects" '[[ $(wc -l <"$VT_WORK/json.out") == 2 ]]'
assert "each with r1's advert and the verdict ok" \
  '[[ $(grep -c "\"priority\":200,.*\"verdict\":\"ok\",\"drop_reason\":null" "$VT_WORK/json.out") == 2 ]]'
if command -v python3 >/dev/null; then
  check "python3's json module reads every line" \
    python3 -c 'import json, sys; [json.loads(l) for l in open(sys.argv[1])]' "$VT_WORK/json.out"
fi

note "part 3: failover: r1 stops (priority 0), r2 takes over; the summary sees one transition"
stop_vrrpd r1 TERM
check "r2 becomes Active for VI_1" wait_state r2 Active 5 VI_1
check "r2 becomes Active for VI_6" wait_state r2 Active 3 VI_6
sleep 2.5
dump_stop lines
assert "vrrpdump -i exits 0 on SIGINT (got $DUMP_EXIT)" '[[ $DUMP_EXIT == 0 ]]'
assert "the lines show r1's priority-0 advert" \
  'grep -q " 192.0.2.1 > 224.0.0.18 vrrpv3 vrid=51 prio=0 .* verdict=ok$" "$VT_WORK/lines.out"'
assert "then r2's adverts with priority 100, ok" \
  'grep -q " 192.0.2.2 > 224.0.0.18 vrrpv3 vrid=51 prio=100 intvl=100cs addrs=192.0.2.100 ttl=255 sum=rfc5798 verdict=ok$" "$VT_WORK/lines.out"'
dump_stop summary
assert "vrrpdump --summary exits 0 on SIGINT (got $DUMP_EXIT)" '[[ $DUMP_EXIT == 0 ]]'
sed 's/^/#   /' "$VT_WORK/summary.out"
v4=$(grep "^IPv4 vrid=51 " "$VT_WORK/summary.out")
v6=$(grep "^IPv6 vrid=52 " "$VT_WORK/summary.out")
assert "IPv4: r2 Active with priority 100, one transition, no gap, no split brain" \
  '[[ $v4 == "IPv4 vrid=51 versions=3 active=192.0.2.2 prio=100 intvl=100cs adverts="*" dropped=0 sources=2 transitions=1 gaps=0 overlaps=0 split_brain=0" ]]'
assert "IPv6: r2 Active with priority 100, one transition, no gap, no split brain" \
  '[[ $v6 == "IPv6 vrid=52 versions=3 active=$r2_ll prio=100 intvl=100cs adverts="*" dropped=0 sources=2 transitions=1 gaps=0 overlaps=0 split_brain=0" ]]'
assert "the summary lists r1 with its last priority 0" \
  'grep -q "^  source 192.0.2.1 vrrpv3 prio=0 intvl=100cs " "$VT_WORK/summary.out"'
lib_done
