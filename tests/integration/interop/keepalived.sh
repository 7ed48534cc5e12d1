#!/usr/bin/env bash
# keepalived helpers for the interop tests (issue 5). Source it after ../lib.sh:
#
#   source "$(dirname "$0")/../lib.sh"
#   source "$(dirname "$0")/keepalived.sh"
#   ka_require                       # exits 77 (ctest: skipped) without keepalived
#   lib_init "$@"
#   setup_lan r1 r2
#   start_vrrpd r1 "$(conf_global r1)$(conf_instance VI_1 51 200 192.0.2.100/24)"
#   start_keepalived r2 "$(conf_global r2)$(conf_instance VI_1 51 100 192.0.2.100/24)"
#   settled 192.0.2.100 r1 r2        # r1 Active, r2 Backup, and every interop check
#
# keepalived runs in the foreground (-n), logging to stderr (-l) with detail (-D), with its own
# pid files under the work dir, only its VRRP child (--vrrp). Its stderr goes, time-stamped as
# vrrpd's, to $VT_WORK/NODE.log after a "=== keepalived started" marker, so lib.sh's
# diagnostics show it. The pid is recorded in VT_PIDS: lib.sh's trap kills it (and its VRRP
# child, which lives in the node's namespace) on any exit. The keepalived service of the
# machine is never started.

KEEPALIVED=${KEEPALIVED:-$(command -v keepalived 2>/dev/null || echo /usr/sbin/keepalived)}
declare -A KA_PID=()     # node -> pid of its keepalived (parent process)
declare -A KA_STOPPED=() # node -> 1 when the test stopped it on purpose

# ka_require: skip (77) when keepalived is not installed. Call it before lib_init.
ka_require() {
  if [[ ! -x $KEEPALIVED ]]; then
    echo "SKIP: keepalived is not installed (apt-get install keepalived)"
    exit 77
  fi
}

# start_keepalived NODE CONFIG: keepalived with CONFIG (keepalived.conf text) in NODE.
start_keepalived() {
  local node=$1 conf=$2 d="$VT_WORK"
  printf '%s\n' "$conf" >"$d/$node.ka.conf"
  echo "$EPOCHREALTIME === keepalived started" >>"$d/$node.log"
  ip netns exec "${VT_PREFIX}$node" "$KEEPALIVED" -n -l -D -f "$d/$node.ka.conf" \
    -p "$d/$node.ka.pid" -r "$d/$node.ka-vrrp.pid" -c "$d/$node.ka-checkers.pid" --vrrp \
    2> >(vt_stamp >>"$d/$node.log") >/dev/null &
  KA_PID[$node]=$!
  KA_STOPPED[$node]=
  VT_PIDS+=($!)
  note "started keepalived in $node, pid $!"
}

# stop_keepalived NODE [SIGNAL]: TERM by default (keepalived then sends a priority-0 advert
# and removes its VIPs); waits up to 10 s for it and its VRRP child to exit.
stop_keepalived() {
  local node=$1 sig=${2:-TERM} pid=${KA_PID[$1]} child
  KA_STOPPED[$node]=1
  child=$(cat "$VT_WORK/$node.ka-vrrp.pid" 2>/dev/null)
  {
    kill -"$sig" "$pid"
    [[ $sig == KILL && -n $child ]] && kill -KILL "$child"
    wait_for "! kill -0 $pid" 10 || fail "keepalived in $node did not exit on SIG$sig"
    [[ -n $child ]] && { wait_for "! kill -0 $child" 5 || fail "keepalived's VRRP child lives on"; }
    wait "$pid"
  } 2>/dev/null
}

keepalived_alive() { kill -0 "${KA_PID[$1]}" 2>/dev/null; }

# The node's keepalived log since it last started.
ka_current_log() {
  awk '/=== keepalived started/ { buf = "" } { buf = buf $0 "\n" } END { printf "%s", buf }' \
    "$VT_WORK/$1.log" 2>/dev/null
}

# ka_transitions NODE [INSTANCE]: "TIME STATE" for each "(VI_1) Entering X STATE" line, the
# state named as vrrpd names it (MASTER -> Active, BACKUP -> Backup, FAULT -> Fault).
ka_transitions() {
  ka_current_log "$1" | grep -E "\(${2:-VI_1}\) Entering [A-Z]+ STATE" |
    sed -E 's/^([0-9.]+) .*Entering ([A-Z]+) STATE.*/\1 \2/' |
    awk '{ s = $2
           if (s == "MASTER") s = "Active"; else if (s == "BACKUP") s = "Backup"
           else if (s == "FAULT") s = "Fault"
           print $1, s }'
}
ka_state_of() { ka_transitions "$1" "${2:-VI_1}" | tail -n1 | awk '{ print $2 }'; }
# ka_entered_after NODE STATE T [INSTANCE]: when keepalived first entered STATE after T.
ka_entered_after() {
  ka_transitions "$1" "${4:-VI_1}" | awk -v s="$2" -v t0="$3" '$2 == s && $1 > t0 + 0 { print $1; exit }'
}

# Whichever daemon runs in NODE: member_state NODE [INSTANCE], wait_member NODE STATE TIMEOUT
# [INSTANCE], member_entered_after NODE STATE T [INSTANCE].
is_keepalived() { [[ -n ${KA_PID[$1]:-} && -z ${KA_STOPPED[$1]:-} ]]; }
member_state() {
  if is_keepalived "$1"; then ka_state_of "$1" "${2:-VI_1}"; else state_of "$1" "${2:-VI_1}"; fi
}
wait_member() { wait_for "[[ \$(member_state $1 ${4:-VI_1}) == $2 ]]" "$3"; }
member_entered_after() {
  if is_keepalived "$1"; then
    ka_entered_after "$1" "$2" "$3" "${4:-VI_1}"
  else
    entered_after "$1" "$2" "$3" "${4:-VI_1}"
  fi
}
member_name() { if is_keepalived "$1"; then echo "keepalived($1)"; else echo "vrrpd($1)"; fi; }

# What keepalived 2.2.7 logs when it rejects a received advert (vrrp.c, vrrp_check_packet and
# vrrp_in_chk): a bad checksum, TTL, version, type, length, authentication, a v2 interval or
# address-list mismatch, a unicast/multicast mix-up.
KA_BAD_PACKET_RE='Invalid VRRPv[23] checksum|invalid TTL/HL|TTL/HL [0-9]+ not in range|wrong version|Invalid packet type|vrrp packet too (small|large|short|long)|ip_tot_len mismatch|received an unexpected ip number count|expected [0-9]+ VIPs but received|not present in MASTER advert|received a [0-9]+ auth|invalid passwd|advertisement interval mismatch|Expected [a-z]*icast packet|Received AH header|No AH header|bogus VRRP packet|Setting unicast VRRPv3 checksum to old version'

# ka_bad_lines NODE: keepalived's lines about bad or wrong packets since it started.
ka_bad_lines() { ka_current_log "$1" | grep -E "$KA_BAD_PACKET_RE"; }

# vrrpd_stats NODE: asks vrrpd for its statistics (SIGUSR2) and prints them: the stats file
# under --state-dir when this vrrpd writes one, else the lines SIGUSR2 logs.
vrrpd_stats() {
  local node=$1 pid=${VRRPD_PID[$1]} t0 f="$VT_WORK/$1.state/vrrpd.stats"
  t0=$(now)
  rm -f "$f"
  kill -USR2 "$pid" 2>/dev/null || return 1
  # The file is written whole (renamed into place); a vrrpd without it only logs.
  wait_for "[[ -s '$f' ]]" 2
  if [[ -s $f ]]; then
    cat "$f"
  else
    current_log "$node" | awk -v t0="$t0" '$1 > t0 + 0'
  fi
}

# vrrpd_drops_of NODE PEER_ADDRESS...: vrrpd's per-advert drop lines about these peers (log at
# -D/info), and the statistics' non-zero drop counters other than own_advert (our own adverts
# looping back, not a peer's).
vrrpd_drops_of() {
  local node=$1 peer
  shift
  for peer in "$@"; do
    current_log "$node" | grep -F "dropped advert from $peer:"
  done
  vrrpd_stats "$node" | grep -iE 'drop' | grep -vE 'own_advert|dropped_total|: 0$|[ =]0$'
}

# vrrpd_heard NODE ADDRESS: vrrpd's statistics count adverts received from ADDRESS (the
# per-peer counters of issue 5: "received_from ADDRESS: N" with N > 0).
vrrpd_heard() {
  local n
  n=$(vrrpd_stats "$1" | awk -v a="received_from $2:" 'index($0, a) { print $NF; exit }')
  ((${n:-0} > 0))
}

# ll_of NODE [IF]: the node's IPv6 link-local address on IF (eth0).
ll_of() {
  ip -n "${VT_PREFIX}$1" -6 -o addr show dev "${2:-eth0}" scope link 2>/dev/null |
    awk '{ print $4 }' | sed 's,/.*,,' | head -n1
}
# node_addr NODE FAMILY: the source address the node's adverts carry (4: 192.0.2.N, 6: its
# link-local address).
node_addr() {
  if [[ $2 == 6 ]]; then ll_of "$1"; else echo "192.0.2.${1#r}"; fi
}

# advertisers CAPTURE SECONDS [VRID]: the distinct source addresses of non-zero-priority adverts
# seen in the last SECONDS on the wire.
advertisers() {
  local since
  since=$(fsub "$(now)" "$2")
  adverts "$1" | all_after "$since" | grep -E " vrid=${3:-[0-9]+} " | grep -v ' prio=0 ' |
    field src | sort -u | paste -sd' '
}

# settled VIP ACTIVE BACKUP... : the group has converged with ACTIVE Active (and holding the
# VIP) and every BACKUP in Backup; then every interop check (see interop_clean). Needs the
# capture "wire" running. FAMILY (4 or 6) and VRID (51) from the environment.
settled() {
  local vip=$1 active=$2 b
  shift 2
  check "$(member_name "$active") becomes Active" wait_member "$active" Active 12
  for b in "$@"; do
    check "$(member_name "$b") is Backup" wait_member "$b" Backup 6
  done
  check "the kernel: only $active holds $vip" wait_for "[[ \$(vip_holders $vip) == $active ]]" 4
  local src
  src=$(node_addr "$active" "${FAMILY:-4}")
  sleep "${SETTLE_WINDOW:-2.5}"
  check "the wire: only $active ($src) advertised in the last ${SETTLE_WINDOW:-2.5} s" \
    wait_for "[[ \$(advertisers wire ${SETTLE_WINDOW:-2.5} ${VRID:-51}) == $src ]]" 3
  assert "the kernel: still only $active holds $vip" '[[ $(vip_holders "$vip") == "$active" ]]'
  interop_clean
  # A vrrpd Backup under a keepalived Active took its adverts (they were not dropped, above):
  # its statistics count them under keepalived's address.
  if is_keepalived "$active"; then
    for b in "$@"; do
      [[ -n ${VRRPD_PID[$b]:-} && -z ${VRRPD_STOPPED[$b]:-} ]] || continue
      check "vrrpd($b) counts the adverts from $src (statistics)" wait_for "vrrpd_heard $b $src" 2
    done
  fi
}

# interop_clean: no keepalived logged a bad packet, no vrrpd dropped a keepalived advert.
interop_clean() {
  local n m lines peers
  for n in "${VT_ROUTERS[@]}"; do
    if [[ -n ${KA_PID[$n]:-} ]]; then
      lines=$(ka_bad_lines "$n")
      [[ -n $lines ]] && note "$lines"
      assert "keepalived($n) logged no bad or wrong packet" '[[ -z $lines ]]'
      # A keyword keepalived does not know would make the test check something else.
      lines=$(ka_current_log "$n" | grep -E "Unknown keyword")
      [[ -n $lines ]] && note "$lines"
      assert "keepalived($n) knew every keyword of its configuration" '[[ -z $lines ]]'
    elif [[ -n ${VRRPD_PID[$n]:-} && -z ${VRRPD_STOPPED[$n]:-} ]]; then
      peers=()
      for m in "${VT_ROUTERS[@]}"; do
        [[ -n ${KA_PID[$m]:-} ]] || continue
        peers+=("$(node_addr "$m" "${FAMILY:-4}")")
      done
      lines=$(vrrpd_drops_of "$n" "${peers[@]}")
      [[ -n $lines ]] && note "$lines"
      assert "vrrpd($n) dropped no advert of keepalived (${peers[*]})" '[[ -z $lines ]]'
    fi
  done
}

# failover NAME TARGET ACTION NEW_ACTIVE OLD_ACTIVE: runs ACTION (shell code) while the client
# probes TARGET, waits until NEW_ACTIVE is Active and holds the VIP, and prints the OUTAGE line.
failover() {
  local name=$1 target=$2 action=$3 new=$4 old=$5 t0
  probe_start "$name" "$target"
  sleep 1
  t0=$(now)
  eval "$action"
  check "$name: $(member_name "$new") becomes Active" \
    wait_for "[[ -n \$(member_entered_after $new Active $t0) ]]" 12
  check "$name: $new holds $target" wait_for "has_vip $new $target" 4
  sleep 1
  probe_stop "$name"
  report_outage "$name" "$name"
  OUTAGE_MS=$(probe_value "$name" outage_ms)
  assert "$name: the client reached $old, then $new" \
    '[[ $(probe_responders "$name") == "$old>$new" ]]'
}

# interop_done: fails if a keepalived the test did not stop has died, then lib_done.
interop_done() {
  local node
  for node in "${!KA_PID[@]}"; do
    [[ -n ${KA_STOPPED[$node]} ]] && continue
    keepalived_alive "$node" || fail "keepalived in $node died during the test"
  done
  lib_done
}
