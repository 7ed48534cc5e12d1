#!/usr/bin/env bash
# Scenario 16: a reload that must be refused (issue 4: "A config with errors is refused and the
# running one stays, with the error logged"). SIGHUP with a syntax error, then with an
# interface that does not exist: each is logged (file:line:column for the syntax error), the
# daemon keeps running with the old configuration, stays Active and keeps its VIP and its
# adverts. A valid file after that is applied (priority 150 on the wire).
source "$(dirname "$0")/../lib.sh"
lib_init "$@"

setup_lan r1 r2
capture_start wire

good="$(conf_global r1)$(conf_instance VI_1 51 200 192.0.2.100/24)"
start_vrrpd r1 "$good"
start_vrrpd r2 "$(conf_global r2)$(conf_instance VI_1 51 100 192.0.2.100/24)"
check "r1 becomes Active" wait_state r1 Active 10
check "r2 is Backup" wait_state r2 Backup 3
check "r1 holds the VIP" wait_for "has_vip r1 192.0.2.100" 3
conf="$VT_WORK/r1.conf"

note "part 1: a syntax error (priority not a number)"
t0=$(now)
printf '%s\n' "$good" | sed 's/priority 200/priority high/' >"$conf"
line=$(grep -n 'priority high' "$conf" | cut -d: -f1)
col=$(awk -v l="$line" 'NR == l { print index($0, "high") }' "$conf")
note "the error is at $conf:$line:$col"
kill -HUP "${VRRPD_PID[r1]}"
check "the error is logged as file:line:column: message" \
  wait_for "current_log r1 | grep -qF '$conf:$line:$col: '" 3
check "and that the running configuration stays" \
  wait_for "current_log r1 | grep -q 'reload refused: the running configuration stays'" 3
assert "no reload summary was logged" '! current_log r1 | grep -q "reload: [0-9]* unchanged"'

note "part 2: a block left open"
head -n -1 <<<"$good" >"$conf" # the instance's closing brace is gone
kill -HUP "${VRRPD_PID[r1]}"
check "refused again" \
  wait_for "(( \$(current_log r1 | grep -c 'reload refused: the running configuration stays') == 2 ))" 3
check "with the file named in the message" \
  wait_for "current_log r1 | grep 'reload refused' -B1 | grep -qF '$conf:'" 3

note "part 3: an interface that does not exist"
printf '%s\n' "$good" | sed 's/interface eth0/interface eth9/' >"$conf"
kill -HUP "${VRRPD_PID[r1]}"
check "refused: the interface is named" \
  wait_for "current_log r1 | grep -q 'VI_1: interface eth9 does not exist'" 3
check "refused a third time" \
  wait_for "(( \$(current_log r1 | grep -c 'reload refused: the running configuration stays') == 3 ))" 3
sleep 2
t1=$(now)

check "r1 is still running" vrrpd_alive r1
assert "r1 is still Active, with no transition since the first SIGHUP" \
  '[[ $(state_of r1) == Active && -z $(entered_after r1 Backup "$t0") ]]'
check "r1 still holds the VIP" has_vip r1 192.0.2.100
assert "r2 never became Active" '(($(count_entries r2 Active) == 0))'
wait_for "adverts wire | all_after $t1 | grep -q ' src=192.0.2.1 '" 4
times=$(adverts wire | all_after "$t0" "$t1" | grep ' src=192.0.2.1 ' | field t)
max_gap=$(awk 'NR > 1 { g = $1 - prev; if (g > m) m = g } { prev = $1 } END { printf "%.3f", m }' \
  <<<"$times")
note "r1's longest advert spacing over the refused reloads: $max_gap s"
check "r1 kept advertising every second" fbetween "$max_gap" 0.5 1.25
prios=$(adverts wire | all_after "$t0" "$t1" | grep ' src=192.0.2.1 ' | field prio | sort -u)
assert "with its old priority, 200" '[[ $prios == 200 ]]'

note "part 4: a valid file again, priority 150"
printf '%s\n' "$good" | sed 's/priority 200/priority 150/' >"$conf"
t2=$(now)
kill -HUP "${VRRPD_PID[r1]}"
check "applied: VI_1 updated in place" \
  wait_for "current_log r1 | grep -q 'reload: 0 unchanged, 1 updated, 0 restarted, 0 added, 0 removed'" 3
check "r1 advertises priority 150" \
  wait_for "adverts wire | all_after $t2 | grep ' src=192.0.2.1 ' | grep -q ' prio=150 '" 4
assert "still Active" '[[ $(state_of r1) == Active ]]'
lib_done
