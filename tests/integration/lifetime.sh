# Helpers for the issue 8 scenarios (26-29: VIP lifetimes as a dead-man switch), on top of
# lib.sh. Sourced after lib.sh.

# vip_valid_lft NODE ADDR: the VIP's remaining valid lifetime as `ip addr` prints it
# ("5sec", "forever"), empty when the node does not hold it.
vip_valid_lft() {
  ip -n "${VT_PREFIX}$1" -o addr show 2>/dev/null | awk -v a="$2/" 'index($4, a) == 1' |
    grep -oE 'valid_lft [^ ]+' | awk '{ print $2 }' | head -n1
}

# vip_lft_seconds NODE ADDR: the same in whole seconds; "forever" stays "forever".
vip_lft_seconds() {
  local l
  l=$(vip_valid_lft "$1" "$2")
  [[ $l == forever ]] && echo forever || echo "${l%sec}"
}

# last_responder_segments_after NAME T: the names of the probe's responder segments that end
# after epoch time T (the responders the client heard from after T), space-separated.
responders_after() {
  local start
  start=$(probe_value "$1" start_epoch)
  grep '^responder ' "$VT_WORK/$1.probe" |
    awk -v s="$start" -v t="$2" '{
      for (i = 2; i <= NF; i++) { split($i, kv, "="); f[kv[1]] = kv[2] }
      if (s + f["to_ms"] / 1000 > t) printf "%s ", f["name"] }' | sed 's/ $//'
}

# probe_last_reply_epoch NAME: when the client last heard a reply (epoch seconds).
probe_last_reply_epoch() {
  awk -v s="$(probe_value "$1" start_epoch)" -v l="$(probe_value "$1" last_reply_ms)" \
    'BEGIN { printf "%.6f", s + l / 1000 }'
}

# stall NODE SECONDS: SIGSTOP the node's vrrpd for SECONDS, then SIGCONT; sets T_STOP and
# T_CONT (epoch seconds).
stall() {
  local pid=${VRRPD_PID[$1]}
  T_STOP=$(now)
  kill -STOP "$pid"
  sleep "$2"
  T_CONT=$(now)
  kill -CONT "$pid"
}

# adverts_from NAME SRC T: the adverts of capture NAME sent from SRC after epoch time T.
adverts_from() { adverts "$1" | all_after "$3" | grep " src=$2 "; }

# monitor_addresses NODE NAME: `ip monitor address` in NODE, with timestamps, into
# $VT_WORK/NAME.mon until the test ends.
monitor_addresses() {
  ip -n "${VT_PREFIX}$1" -timestamp monitor address >"$VT_WORK/$2.mon" 2>&1 &
  VT_PIDS+=($!)
}
