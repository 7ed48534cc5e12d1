#!/usr/bin/env bash
# Shared helpers for the network-namespace integration tests (issue 3).
#
# A scenario script does:
#   source "$(dirname "$0")/../lib.sh"
#   lib_init "$@"              # VRRPD PROBER; exits 77 (ctest: skipped) when not root
#   setup_lan r1 r2            # switch + routers + client "c"
#   start_vrrpd r1 "$(conf_global r1)$(conf_instance VI_1 51 200 192.0.2.100/24)"
#   wait_state r1 Active 10 || fail "r1 never became Active"
#   ...
#   lib_done
#
# The topology: a namespace "sw" holds the bridge br0; every other node (r1, r2, r3, c) is a
# namespace whose eth0 is a veth to a port of br0 named after the node. Addresses: rN has
# 192.0.2.N/24 and 2001:db8::N/64, the client c has 192.0.2.10/24 and 2001:db8::10/64; the VIPs
# are 192.0.2.100 and 2001:db8::100. Only test addresses (RFC 5737, RFC 3849) and link-local.
#
# Every namespace name carries a per-run prefix (vt<pid>-) so parallel or leftover runs never
# collide. A trap on EXIT, INT and TERM kills every process the script started and deletes every
# namespace it created, also on failure; the whole script runs under `timeout`, so it ends
# within VT_TIME_LIMIT seconds whatever happens.

set -u -o pipefail
export LC_ALL=C # EPOCHREALTIME and awk print a '.' as the decimal point

VT_TIME_LIMIT=${VT_TIME_LIMIT:-100}
VT_PROBE_PORT=7000

# ---- bookkeeping -------------------------------------------------------------------------

declare -a VT_NAMESPACES=() # full names of the namespaces we created
declare -a VT_PIDS=()       # every background process we started
declare -A VRRPD_PID=()     # node -> pid of its current vrrpd
declare -A VRRPD_STOPPED=() # node -> 1 when the test stopped it on purpose
declare -A CAP_PID=()       # capture name -> tcpdump pid
declare -A PROBE_PID=()     # probe name -> prober pid
VT_CURRENT_TEST=${0##*/}

# ---- assertions and output ---------------------------------------------------------------

note() { echo "# $*"; }
pass() { echo "ok - $*"; }
fail() {
  echo "FAIL - $*"
  exit 1
}
# not COMMAND...: succeeds when the command fails (for check).
not() { ! "$@"; }
# check DESCRIPTION COMMAND...: passes when the command succeeds.
check() {
  local what=$1
  shift
  if "$@"; then pass "$what"; else fail "$what"; fi
}
# assert DESCRIPTION 'SHELL CONDITION': passes when the condition (evaluated) holds.
assert() {
  if eval "$2"; then pass "$1"; else fail "$1"; fi
}

# ---- time --------------------------------------------------------------------------------

now() { echo "$EPOCHREALTIME"; }
# fsub A B: A - B for decimal seconds.
fsub() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.6f", a - b }'; }
# fms SECONDS: in milliseconds, one decimal.
fms() { awk -v a="$1" 'BEGIN { printf "%.1f", a * 1000 }'; }
# fbetween X LO HI: LO <= X <= HI for decimals.
fbetween() { awk -v x="$1" -v lo="$2" -v hi="$3" 'BEGIN { exit !(x >= lo && x <= hi) }'; }
flt() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a < b) }'; }

# RFC 9568 §6.1: Skew_Time = ((256 - Priority) * Advertisement_Interval) / 256 and
# Active_Down_Interval = 3 * Advertisement_Interval + Skew_Time (seconds here).
skew_time() { awk -v p="$1" -v i="$2" 'BEGIN { printf "%.6f", (256 - p) * i / 256 }'; }
active_down_interval() {
  awk -v p="$1" -v i="$2" 'BEGIN { printf "%.6f", 3 * i + (256 - p) * i / 256 }'
}

# wait_for "CONDITION" TIMEOUT_SECONDS: polls the condition (evaluated by the shell) every
# 20 ms; returns 0 as soon as it holds, 1 when the time is up.
wait_for() {
  local cond=$1 limit=$2
  local deadline
  deadline=$(awk -v n="$EPOCHREALTIME" -v l="$limit" 'BEGIN { printf "%.6f", n + l }')
  while ! eval "$cond"; do
    flt "$EPOCHREALTIME" "$deadline" || return 1
    sleep 0.02
  done
  return 0
}

# ---- set-up and the trap -----------------------------------------------------------------

# lib_init VRRPD PROBER
lib_init() {
  # A hard bound on the whole script: re-run it under timeout(1). timeout sends TERM, our trap
  # cleans up; KILL follows 10 s later if the clean-up itself hangs.
  if [[ -z ${VT_UNDER_TIMEOUT:-} ]]; then
    VT_UNDER_TIMEOUT=1 exec timeout -k 10 "$VT_TIME_LIMIT" bash "$0" "$@"
  fi
  if (($# < 2)); then
    echo "usage: $0 VRRPD PROBER" >&2
    exit 2
  fi
  VRRPD=$(realpath "$1")
  PROBER=$(realpath "$2")
  [[ -x $VRRPD ]] || fail "vrrpd not found at $1"
  [[ -x $PROBER ]] || fail "vrrp_prober not found at $2"
  if ((EUID != 0)); then
    echo "SKIP: the namespace tests need root"
    exit 77
  fi
  VT_PREFIX="vt$$-"
  VT_WORK=$(mktemp -d /tmp/vrrpd-ns.XXXXXX)
  trap vt_cleanup EXIT
  trap 'echo "FAIL - interrupted or over the ${VT_TIME_LIMIT} s limit"; exit 1' INT TERM
  if ! ip netns add "${VT_PREFIX}probe" 2>/dev/null; then
    echo "SKIP: cannot create network namespaces here"
    exit 77
  fi
  ip netns del "${VT_PREFIX}probe"
  note "$VT_CURRENT_TEST: namespaces ${VT_PREFIX}*, work dir $VT_WORK"
}

vt_dump_diagnostics() {
  local f node
  echo "# ---- diagnostics ----"
  for f in "$VT_WORK"/*.log; do
    [[ -e $f ]] || continue
    echo "# ${f##*/} (last 40 lines):"
    tail -n 40 "$f" | sed 's/^/#   /'
  done
  for node in "${!VRRPD_PID[@]}"; do
    echo "# addresses and links in $node:"
    ip -n "${VT_PREFIX}$node" -br addr 2>/dev/null | sed 's/^/#   /'
  done
}

vt_cleanup() {
  local rc=$?
  set +e
  trap - EXIT INT TERM
  ((rc != 0)) && vt_dump_diagnostics
  local pid ns
  # Everything we started, then anything still living in one of our namespaces.
  disown -a # no "Killed" notices from the shell's job control
  for pid in "${VT_PIDS[@]}"; do kill -KILL "$pid" 2>/dev/null; done
  for ns in "${VT_NAMESPACES[@]}"; do
    for pid in $(ip netns pids "$ns" 2>/dev/null); do kill -KILL "$pid" 2>/dev/null; done
  done
  # A namespace lives on while a process is in it: wait (briefly) until they are all gone.
  for pid in "${VT_PIDS[@]}"; do
    wait_for "! kill -0 $pid 2>/dev/null" 3
  done
  for ns in "${VT_NAMESPACES[@]}"; do ip netns del "$ns" 2>/dev/null; done
  if [[ -n ${VT_KEEP_WORK:-} ]]; then
    echo "# work dir kept: $VT_WORK"
  else
    rm -rf "$VT_WORK"
  fi
  exit "$rc"
}

# ---- topology ----------------------------------------------------------------------------

nsname() { echo "${VT_PREFIX}$1"; }
# in_ns NODE COMMAND...: runs a command in a node's namespace.
in_ns() {
  local node=$1
  shift
  ip netns exec "${VT_PREFIX}$node" "$@"
}

make_ns() {
  local ns="${VT_PREFIX}$1"
  ip netns add "$ns" || fail "ip netns add $ns"
  VT_NAMESPACES+=("$ns")
  ip -n "$ns" link set lo up
  # No duplicate address detection: tentative addresses (the link-local source of IPv6 adverts,
  # the client's address) would only slow the tests down; the addresses are unique by design.
  ip netns exec "$ns" sysctl -qw net.ipv6.conf.all.accept_dad=0 net.ipv6.conf.default.accept_dad=0
}

# add_node NODE V4 V6 MAC: a namespace whose eth0 is plugged into the switch.
add_node() {
  local node=$1 v4=$2 v6=$3 mac=$4
  make_ns "$node"
  ip -n "${VT_PREFIX}$node" link add eth0 address "$mac" type veth peer name "$node" \
    netns "${VT_PREFIX}sw" || fail "veth for $node"
  ip -n "${VT_PREFIX}sw" link set "$node" master br0 up
  ip -n "${VT_PREFIX}$node" addr add "$v4/24" dev eth0
  ip -n "${VT_PREFIX}$node" addr add "$v6/64" dev eth0 nodad
  ip -n "${VT_PREFIX}$node" link set eth0 up
}

# setup_lan ROUTER...: the switch, the routers (r1 -> 192.0.2.1, 2001:db8::1,
# MAC 02:00:00:00:00:01) and the client c (192.0.2.10, 2001:db8::10, 02:00:00:00:00:10).
setup_lan() {
  make_ns sw
  # No multicast snooping: adverts to 224.0.0.18 and ff02::12 reach every port, as on a plain
  # switch; no STP, so a port forwards as soon as it is up.
  ip -n "${VT_PREFIX}sw" link add br0 type bridge mcast_snooping 0 stp_state 0 forward_delay 0 ||
    fail "bridge"
  ip -n "${VT_PREFIX}sw" link set br0 up
  local r n
  for r in "$@"; do
    n=${r#r}
    add_node "$r" "192.0.2.$n" "2001:db8::$n" "02:00:00:00:00:0$n"
  done
  add_node c 192.0.2.10 2001:db8::10 02:00:00:00:00:10
  VT_ROUTERS=("$@")
}

# cut_cable NODE / restore_cable NODE: the switch port goes down, so the node's eth0 loses
# its carrier (as when a cable is pulled).
cut_cable() { ip -n "${VT_PREFIX}sw" link set "$1" down; }
restore_cable() { ip -n "${VT_PREFIX}sw" link set "$1" up; }
# link_down NODE IF / link_up NODE IF: administratively down or up inside the node.
link_down() { ip -n "${VT_PREFIX}$1" link set "$2" down; }
link_up() { ip -n "${VT_PREFIX}$1" link set "$2" up; }

# block_vrrp / unblock_vrrp: the switch drops VRRP (IPv4 and IPv6) between its ports, so each
# router hears nobody (a partition that keeps the carrier up).
block_vrrp() {
  in_ns sw nft -f - <<'EOF' || fail "nft block"
table bridge vt_block {
  chain forward {
    type filter hook forward priority 0; policy accept;
    ip protocol vrrp drop
    ip6 nexthdr vrrp drop
  }
}
EOF
}
unblock_vrrp() { in_ns sw nft delete table bridge vt_block; }

# ---- kernel views ------------------------------------------------------------------------

# has_vip NODE ADDR [DEV]: the node holds ADDR (any prefix length), on DEV if given.
has_vip() {
  ip -n "${VT_PREFIX}$1" -o addr show ${3:+dev "$3"} 2>/dev/null | awk '{ print $4 }' |
    grep -q "^$2/"
}
# vip_holders ADDR: the routers that hold ADDR, space-separated.
vip_holders() {
  local r out=()
  for r in "${VT_ROUTERS[@]}"; do has_vip "$r" "$1" && out+=("$r"); done
  echo "${out[*]}"
}
# vip_dev NODE ADDR: the device that holds ADDR on NODE.
vip_dev() {
  ip -n "${VT_PREFIX}$1" -o addr show 2>/dev/null | awk -v a="$2/" 'index($4, a) == 1 { print $2 }' |
    sed 's/@.*//' | head -n1
}
# mac_of NODE IF
mac_of() {
  ip -n "${VT_PREFIX}$1" -o link show "$2" 2>/dev/null | grep -oE 'link/ether [0-9a-f:]+' |
    awk '{ print $2 }'
}
link_exists() { ip -n "${VT_PREFIX}$1" link show "$2" >/dev/null 2>&1; }
ifindex_of() { ip -n "${VT_PREFIX}$1" -o link show "$2" 2>/dev/null | awk -F: '{ print $1 }'; }
# neigh_mac NODE ADDR: the link-layer address of ADDR in the node's neighbour table.
neigh_mac() {
  ip -n "${VT_PREFIX}$1" neigh show to "$2" 2>/dev/null | grep -oE 'lladdr [0-9a-f:]+' |
    awk '{ print $2 }' | head -n1
}

# ---- vrrpd -------------------------------------------------------------------------------

# conf_global ROUTER_ID [VRRP_VERSION]
conf_global() {
  printf 'global_defs {\n    router_id %s\n    vrrp_version %s\n}\n' "$1" "${2:-3}"
}
# conf_instance NAME VRID PRIORITY VIPS [EXTRA_LINE...]: a vrrp_instance on eth0 with
# advert_int $ADVERT_INT (default 1). VIPS is a space-separated list.
conf_instance() {
  local name=$1 vrid=$2 prio=$3 vips=$4
  shift 4
  local vip line
  printf 'vrrp_instance %s {\n' "$name"
  printf '    state BACKUP\n    interface eth0\n    virtual_router_id %s\n' "$vrid"
  printf '    priority %s\n    advert_int %s\n    virtual_ipaddress {\n' "$prio" "${ADVERT_INT:-1}"
  for vip in $vips; do printf '        %s\n' "$vip"; done
  printf '    }\n'
  for line in "$@"; do printf '    %s\n' "$line"; done
  printf '}\n'
}

# Prefixes each line of stdin with the wall-clock time (epoch seconds, microseconds), so log
# lines can be compared with capture timestamps.
vt_stamp() {
  local line
  while IFS= read -r line; do printf '%s %s\n' "$EPOCHREALTIME" "$line"; done
}

# start_vrrpd NODE CONFIG [EXTRA_ARGS...]: starts vrrpd in NODE with CONFIG (text) and the
# state directory $VT_WORK/NODE.state (kept across restarts of the node). stderr goes, time-
# stamped, to $VT_WORK/NODE.log, after a "=== vrrpd started" marker. The pid is in
# ${VRRPD_PID[NODE]} (and printed as "# started ... pid N").
start_vrrpd() {
  local node=$1 conf=$2
  shift 2
  printf '%s\n' "$conf" >"$VT_WORK/$node.conf"
  mkdir -p "$VT_WORK/$node.state"
  echo "$EPOCHREALTIME === vrrpd started" >>"$VT_WORK/$node.log"
  ip netns exec "${VT_PREFIX}$node" "$VRRPD" -f "$VT_WORK/$node.conf" -n -l \
    -p "$VT_WORK/$node.pid" --state-dir "$VT_WORK/$node.state" "$@" \
    2> >(vt_stamp >>"$VT_WORK/$node.log") &
  VRRPD_PID[$node]=$!
  VRRPD_STOPPED[$node]=
  VT_PIDS+=($!)
  note "started vrrpd in $node, pid $!"
}

# stop_vrrpd NODE [SIGNAL]: sends the signal (TERM by default) and waits up to 10 s for the
# exit; sets VRRPD_EXIT to the exit status (or "timeout").
stop_vrrpd() {
  local node=$1 sig=${2:-TERM} pid=${VRRPD_PID[$1]}
  VRRPD_STOPPED[$node]=1
  # (stderr hidden: bash would report "Killed" for a SIGKILL we sent on purpose)
  {
    kill -"$sig" "$pid"
    if wait_for "! kill -0 $pid" 10; then
      wait "$pid"
      VRRPD_EXIT=$?
    else
      VRRPD_EXIT=timeout
    fi
  } 2>/dev/null
}

vrrpd_alive() { kill -0 "${VRRPD_PID[$1]}" 2>/dev/null; }

# The node's log since its vrrpd last started.
current_log() {
  awk '/=== vrrpd started/ { buf = "" } { buf = buf $0 "\n" } END { printf "%s", buf }' \
    "$VT_WORK/$1.log" 2>/dev/null
}

# transitions NODE [INSTANCE]: "TIME FROM TO" for each state change since the last start.
transitions() {
  current_log "$1" | grep -E "${2:-VI_1}: [A-Za-z]+ -> [A-Za-z]+" |
    sed -E "s/^([0-9.]+) .*${2:-VI_1}: ([A-Za-z]+) -> ([A-Za-z]+).*/\1 \2 \3/"
}
# state_of NODE [INSTANCE]: the state the log's last transition entered (empty if none).
state_of() { transitions "$1" "${2:-VI_1}" | tail -n1 | awk '{ print $3 }'; }
# entered_at NODE STATE [INSTANCE]: when the node last entered STATE (epoch seconds).
entered_at() {
  transitions "$1" "${3:-VI_1}" | awk -v s="$2" '$3 == s { t = $1 } END { print t }'
}
# entered_after NODE STATE T [INSTANCE]: when the node first entered STATE after time T.
entered_after() {
  transitions "$1" "${4:-VI_1}" | awk -v s="$2" -v t0="$3" '$3 == s && $1 > t0 + 0 { print $1; exit }'
}
# count_entries NODE STATE [INSTANCE]: how often the node entered STATE since it started.
count_entries() { transitions "$1" "${3:-VI_1}" | awk -v s="$2" '$3 == s' | wc -l; }

# wait_state NODE STATE TIMEOUT [INSTANCE]
wait_state() {
  wait_for "[[ \$(state_of $1 ${4:-VI_1}) == $2 ]]" "$3"
}

# ---- the wire ----------------------------------------------------------------------------

# capture_start NAME [NODE [IF]]: tcpdump -w on IF in NODE (default: br0 in the switch, which
# in promiscuous mode sees every frame the bridge forwards). Readable while it runs (-U).
capture_start() {
  local name=$1 node=${2:-sw} dev=${3:-br0}
  ip netns exec "${VT_PREFIX}$node" tcpdump -i "$dev" -U -Z root -s 256 -w "$VT_WORK/$name.pcap" \
    2>"$VT_WORK/$name.tcpdump.err" &
  CAP_PID[$name]=$!
  VT_PIDS+=($!)
  wait_for "grep -q 'listening on' '$VT_WORK/$name.tcpdump.err'" 5 || fail "tcpdump did not start"
}
capture_stop() {
  kill -INT "${CAP_PID[$1]}" 2>/dev/null
  wait "${CAP_PID[$1]}" 2>/dev/null
}

# capture_text NAME: one line per frame (tcpdump -nn -v -e -tt, continuation lines joined).
capture_text() {
  tcpdump -r "$VT_WORK/$1.pcap" -nn -v -e -tt 2>/dev/null |
    awk '/^[0-9]/ { if (line != "") print line; line = $0; next }
         { gsub(/^[ \t]+/, " "); line = line $0 }
         END { if (line != "") print line }'
}

# adverts NAME: one line per VRRP advert, as key=value fields:
#   t=EPOCH smac= dmac= src= dst= ttl= ver= vrid= prio= intvl= auth= addrs=A,B
# (auth= is "?" for VRRPv3, which has no authentication field)
adverts() {
  capture_text "$1" | awk '
    function grab(re, skip,   s) {
      if (match($0, re)) { s = substr($0, RSTART + skip, RLENGTH - skip); return s }
      return "?"
    }
    / VRRPv[23], Advertisement/ {
      dmac = $4; sub(/,$/, "", dmac)
      ttl = grab("(ttl|hlim) [0-9]+", 0); sub(/^[a-z]+ /, "", ttl)
      hdr = grab("[0-9a-f.:]+ > [0-9a-f.:]+: VRRPv", 0)
      split(hdr, h, " "); src = h[1]; dst = h[3]; sub(/:$/, "", dst)
      ver = grab("VRRPv[23]", 5)
      vrid = grab("vrid [0-9]+", 5)
      prio = grab("prio [0-9]+", 5)
      intvl = grab("intvl [0-9]+(cs|s)", 6)
      auth = grab("authtype [a-z]+", 9)
      addrs = grab("addrs(\\([0-9]+\\))?: .*$", 0); sub(/^[^:]*: /, "", addrs); gsub(/ /, "", addrs)
      printf "t=%s smac=%s dmac=%s src=%s dst=%s ttl=%s ver=%s vrid=%s prio=%s intvl=%s auth=%s addrs=%s\n",
        $1, $2, dmac, src, dst, ttl, ver, vrid, prio, intvl, auth, addrs
    }'
}

# neighbor_adverts NAME: t= smac= src= dst= tgt= lladdr= flags=
neighbor_adverts() {
  capture_text "$1" | awk '
    / neighbor advertisement, / {
      hdr = ""; if (match($0, /[0-9a-f:]+ > [0-9a-f:]+: \[icmp6/)) hdr = substr($0, RSTART, RLENGTH)
      split(hdr, h, " "); dst = h[3]; sub(/:$/, "", dst)
      tgt = "?"; if (match($0, /tgt is [0-9a-f:]+/)) tgt = substr($0, RSTART + 7, RLENGTH - 7)
      ll = "?"; if (match($0, /link-address option \(2\), length 8 \(1\): [0-9a-f:]+/)) {
        ll = substr($0, RSTART, RLENGTH); sub(/.*: /, "", ll) }
      fl = "?"; if (match($0, /Flags \[[^]]*\]/)) { fl = substr($0, RSTART + 7, RLENGTH - 8); gsub(/ /, "", fl) }
      printf "t=%s smac=%s src=%s dst=%s tgt=%s lladdr=%s flags=%s\n", $1, $2, h[1], dst, tgt, ll, fl
    }'
}

# gratuitous_arps NAME: t= smac= ip= for each ARP request whose sender and target are the same.
gratuitous_arps() {
  capture_text "$1" | awk '
    / Request who-has / {
      if (match($0, /who-has [0-9.]+/)) tgt = substr($0, RSTART + 8, RLENGTH - 8)
      if (match($0, /tell [0-9.]+/)) snd = substr($0, RSTART + 5, RLENGTH - 5)
      if (tgt == snd) printf "t=%s smac=%s ip=%s\n", $1, $2, tgt
    }'
}

# field KEY: reads key=value lines on stdin, prints the values of KEY.
field() { grep -oE "(^| )$1=[^ ]*" | sed -E "s/^ ?$1=//"; }

# all_after T [T_END]: the key=value lines on stdin whose t= is later than T (and before T_END).
all_after() {
  awk -v t0="$1" -v t1="${2:-0}" '{ split($1, a, "="); t = a[2] + 0
    if (t > t0 + 0 && (t1 + 0 == 0 || t < t1 + 0)) print }'
}
# first_after T: of the key=value lines on stdin, the first whose t= is later than T.
first_after() { all_after "$1" | head -n1; }
# advert_is LINE KEY=VALUE...: every given field of the key=value line has the given value.
advert_is() {
  local line=$1 kv
  shift
  for kv in "$@"; do
    [[ "$(field "${kv%%=*}" <<<"$line")" == "${kv#*=}" ]] || {
      note "  expected ${kv}, got ${kv%%=*}=$(field "${kv%%=*}" <<<"$line")"
      return 1
    }
  done
}

# ---- the client prober -------------------------------------------------------------------

# start_servers ROUTER...: the UDP echo on each router, answering with the router's name.
start_servers() {
  local r
  for r in "$@"; do
    ip netns exec "${VT_PREFIX}$r" "$PROBER" serve --port "$VT_PROBE_PORT" --name "$r" \
      2>"$VT_WORK/server-$r.err" &
    VT_PIDS+=($!)
  done
}

# probe_start NAME TARGET: probes TARGET from the client, one datagram per millisecond, until
# probe_stop NAME.
probe_start() {
  ip netns exec "${VT_PREFIX}c" "$PROBER" probe --target "$2" --port "$VT_PROBE_PORT" \
    --interval-us 1000 >"$VT_WORK/$1.probe" 2>&1 &
  PROBE_PID[$1]=$!
  VT_PIDS+=($!)
}
probe_stop() {
  local pid=${PROBE_PID[$1]} i
  # A background job starts with SIGINT ignored until the prober installs its handler, and
  # under ASan that takes a while: a SIGINT sent before then is lost and `wait` would hang.
  # So the signal is repeated until the prober has gone, and a last SIGKILL bounds it.
  for ((i = 0; i < 50; i++)); do
    kill -INT "$pid" 2>/dev/null || break
    sleep 0.1
    kill -0 "$pid" 2>/dev/null || break
  done
  kill -KILL "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  sed 's/^/#   probe: /' "$VT_WORK/$1.probe"
}
# probe_value NAME KEY: a key=value from the probe's summary.
probe_value() { field "$2" <"$VT_WORK/$1.probe" | head -n1; }
# probe_responders NAME: the responders in order, e.g. "r1>r2".
probe_responders() {
  grep '^responder ' "$VT_WORK/$1.probe" | field name | paste -sd'>'
}
# report_outage SCENARIO NAME: the line the lead collects from the test output.
report_outage() {
  echo "OUTAGE scenario=$1 ms=$(probe_value "$2" outage_ms) lost=$(probe_value "$2" lost)" \
    "sent=$(probe_value "$2" sent) responders=$(probe_responders "$2")"
}

# ---- the end -----------------------------------------------------------------------------

# lib_done: fails if a vrrpd that the test did not stop has died, else reports success.
lib_done() {
  local node
  for node in "${!VRRPD_PID[@]}"; do
    [[ -n ${VRRPD_STOPPED[$node]} ]] && continue
    vrrpd_alive "$node" || fail "vrrpd in $node died during the test"
  done
  echo "PASS $VT_CURRENT_TEST"
}
