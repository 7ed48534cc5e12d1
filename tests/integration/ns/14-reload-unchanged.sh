#!/usr/bin/env bash
# Scenario 14: SIGHUP with an unchanged configuration (issue 4, "Reload and signals"). The
# Active is sent SIGHUP several times, the Backup too: each reload is logged as all unchanged,
# neither daemon changes state, the Active's adverts keep their spacing of advert_int (no gap,
# no extra advert, no priority 0) and it keeps the VIP. A comment added to the file (which
# moves every line) is still no change. r1 tracks a failing vrrp_script (weight -50): its
# state is kept over the reloads, so r1's priority stays 150 and never jumps back to 200 (a
# check counts as up until its first result).
source "$(dirname "$0")/../lib.sh"
lib_init "$@"

setup_lan r1 r2
capture_start wire

conf() { # ROUTER PRIORITY [TRACKING]
  conf_global "$1"
  if [[ -n ${3:-} ]]; then
    printf 'vrrp_script chk_down {\n    script "/bin/false"\n    interval 1\n    weight -50\n}\n'
    conf_instance VI_1 51 "$2" 192.0.2.100/24 'track_script {' '    chk_down' '}'
  else
    conf_instance VI_1 51 "$2" 192.0.2.100/24
  fi
}
start_vrrpd r1 "$(conf r1 200 tracking)"
start_vrrpd r2 "$(conf r2 100)"
check "r1 becomes Active" wait_state r1 Active 10
check "r2 is Backup" wait_state r2 Backup 3
check "r1 holds the VIP" wait_for "has_vip r1 192.0.2.100" 3
check "r1's failing check takes its priority to 150" \
  wait_for "current_log r1 | grep -q 'VI_1: priority 150 (configured 200, tracking weight -50)'" 5
sleep 1.5 # the first adverts' spacing settles

unchanged_line='reload: 1 unchanged, 0 updated, 0 restarted, 0 added, 0 removed'
t0=$(now)
for i in 1 2 3 4 5; do
  kill -HUP "${VRRPD_PID[r1]}"
  sleep 0.7
  if ((i == 3)); then
    # The same file with a comment on top: every location moves, nothing else.
    { echo "# edited by the test"; cat "$VT_WORK/r1.conf"; } >"$VT_WORK/r1.conf.new"
    mv "$VT_WORK/r1.conf.new" "$VT_WORK/r1.conf"
    kill -HUP "${VRRPD_PID[r2]}"
  fi
done
check "r1 logged five reloads, all unchanged" \
  wait_for "(( \$(current_log r1 | grep -c '$unchanged_line') == 5 ))" 3
check "r2 logged its reload, unchanged" wait_for "current_log r2 | grep -q '$unchanged_line'" 3
sleep 2
t1=$(now)

assert "r1 stayed Active: one transition to Active, none after the reloads" \
  '(($(count_entries r1 Active) == 1)) && [[ -z $(entered_after r1 Backup "$t0") ]]'
assert "r2 stayed Backup: never Active" '(($(count_entries r2 Active) == 0))'
assert "no reload was refused" '! current_log r1 | grep -q "reload refused"'
check "r1 still holds the VIP" has_vip r1 192.0.2.100
check "r2 holds no VIP" not has_vip r2 192.0.2.100

# The wire: r1's adverts over the reloads, from 1 s before the first to the end.
times=$(adverts wire | all_after "$(fsub "$t0" 1)" "$t1" | grep ' src=192.0.2.1 ' | field t)
count=$(wc -l <<<"$times")
gaps=$(awk 'NR > 1 { printf "%.3f\n", $1 - prev } { prev = $1 }' <<<"$times")
max_gap=$(sort -g <<<"$gaps" | tail -n1)
min_gap=$(sort -g <<<"$gaps" | head -n1)
note "r1 sent $count adverts over the reloads; gaps between $min_gap and $max_gap s"
assert "at least 5 adverts from r1 in that time" '((count >= 5))'
check "no gap: the longest spacing stays near advert_int (at most 1.25 s)" fbetween "$max_gap" 0.5 1.25
check "no extra advert: the shortest spacing stays near advert_int (at least 0.75 s)" \
  fbetween "$min_gap" 0.75 2
prios=$(adverts wire | all_after "$(fsub "$t0" 1)" "$t1" | grep ' src=192.0.2.1 ' | field prio | sort -u)
assert "every advert of r1 had priority 150 (no resignation, no jump back to 200)" \
  '[[ $prios == 150 ]]'
assert "r1 logged no priority change after the reloads" \
  '[[ -z $(current_log r1 | awk -v t="$t0" '"'"'$1 > t && /VI_1: priority /'"'"') ]]'
assert "r2 sent no advert" \
  '(($(adverts wire | all_after "$(fsub "$t0" 1)" "$t1" | grep -c " src=192.0.2.2 ") == 0))'
lib_done
