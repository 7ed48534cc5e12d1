#!/usr/bin/env bash
# Scenario 21: keepalived's start-up and Active-vs-Active keywords.
#  - state MASTER below priority 255: Backup first (RFC 9568 §6.4.1), Active about one
#    advert_int later when nobody is heard; Backup for good when a higher priority is heard.
#  - vrrp_startup_delay: nothing happens (no advert, no transition) until it has passed.
#  - After a partition heals, the higher-priority Active (lower_prio_no_advert, garp_lower_prio_*)
#    does not answer the lower one at once but announces its VIP (a burst now, another
#    garp_lower_prio_delay later); the lower one (higher_prio_send_advert) sends one advert of
#    its own before it goes Backup.
source "$(dirname "$0")/../lib.sh"
lib_init "$@"

setup_lan r1 r2

# conf_master NODE VRID PRIORITY [EXTRA...]: conf_instance with state MASTER.
conf_master() {
  local node=$1
  shift
  conf_instance VI_1 "$@" | sed 's/state BACKUP/state MASTER/'
}
# started_at NODE: when the node's vrrpd was last started (the log marker).
started_at() { grep '=== vrrpd started' "$VT_WORK/$1.log" | tail -n1 | awk '{ print $1 }'; }

note "part 1: state MASTER, priority 100, alone"
start_vrrpd r1 "$(conf_global r1)$(conf_master r1 51 100 192.0.2.100/24)"
check "r1 becomes Active" wait_state r1 Active 5
took=$(fsub "$(entered_at r1 Active)" "$(started_at r1)")
note "r1 Active $(fms "$took") ms after its start (Active_Down_Interval would be $(fms "$(active_down_interval 100 1)") ms)"
assert "about one advert_int after start, well before Active_Down_Interval" \
  'fbetween "$took" 0.95 2.5'
assert "the log names the reason" \
  'current_log r1 | grep -q "Backup -> Active (initial state MASTER, no router of at least our priority heard"'
stop_vrrpd r1

note "part 2: state MASTER, priority 100, beside an Active of priority 200"
start_vrrpd r2 "$(conf_global r2)$(conf_instance VI_1 51 200 192.0.2.100/24)"
check "r2 becomes Active" wait_state r2 Active 10
start_vrrpd r1 "$(conf_global r1)$(conf_master r1 51 100 192.0.2.100/24)"
check "r1 starts as Backup" wait_state r1 Backup 3
sleep 3
assert "r1 never became Active" '[[ $(count_entries r1 Active) -eq 0 ]]'
assert "r2 is still Active and alone with the VIP" \
  '[[ $(state_of r2) == Active && $(vip_holders 192.0.2.100) == r2 ]]'
stop_vrrpd r1
stop_vrrpd r2

note "part 3: vrrp_startup_delay 2 (with state MASTER, priority 200)"
capture_start delay
conf_r1="$(printf 'global_defs {\n    router_id r1\n    vrrp_version 3\n    vrrp_startup_delay 2\n}\n')
$(conf_master r1 51 200 192.0.2.100/24)"
start_vrrpd r1 "$conf_r1"
t_start=$(started_at r1)
check "r1 becomes Active" wait_state r1 Active 6
sleep 1.2 # an advert or two on the wire
capture_stop delay
assert "the log says it waits" 'current_log r1 | grep -q "Delaying startup for 2 seconds"'
t_backup=$(transitions r1 | awk '$3 == "Backup" { print $1; exit }')
note "Initialize -> Backup $(fms "$(fsub "$t_backup" "$t_start")") ms after the start"
assert "no transition before the delay" 'flt 2.0 "$(fsub "$t_backup" "$t_start")"'
first_advert=$(adverts delay | grep " src=192.0.2.1 " | head -n1 | field t)
note "first advert $(fms "$(fsub "$first_advert" "$t_start")") ms after the start"
assert "no advert before the delay" '[[ -n $first_advert ]] && flt 2.0 "$(fsub "$first_advert" "$t_start")"'
stop_vrrpd r1

note "part 4: a healed partition; r1 (200) lower_prio_no_advert + garp_lower_prio, r2 (100) higher_prio_send_advert"
conf_r1="$(conf_global r1)$(conf_instance VI_1 51 200 192.0.2.100/24 \
  'lower_prio_no_advert' 'garp_master_delay 0' 'garp_master_repeat 1' \
  'garp_lower_prio_repeat 3' 'garp_lower_prio_delay 2')"
conf_r2="$(conf_global r2)$(conf_instance VI_1 51 100 192.0.2.100/24 'higher_prio_send_advert')"
block_vrrp
start_vrrpd r1 "$conf_r1"
start_vrrpd r2 "$conf_r2"
check "r1 becomes Active alone" wait_state r1 Active 10
check "r2 becomes Active alone" wait_state r2 Active 10
capture_start heal
sleep 0.5
t_unblock=$(now)
unblock_vrrp
check "r2 goes Backup" wait_state r2 Backup 4
sleep 3.5
capture_stop heal
t_backup=$(entered_after r2 Backup "$t_unblock")
r1_adverts=$(adverts heal | grep " src=192.0.2.1 " | all_after "$t_unblock")
r2_adverts=$(adverts heal | grep " src=192.0.2.2 " | all_after "$t_unblock")
# The advert of r1 that sent r2 to Backup: r1's last one before r2's transition.
t_trigger=$(all_after 0 "$t_backup" <<<"$r1_adverts" | tail -n1 | field t)
note "r1 advert at +$(fms "$(fsub "$t_trigger" "$t_unblock")") ms, r2 Backup at +$(fms "$(fsub "$t_backup" "$t_unblock")") ms"
answer=$(all_after "$t_trigger" <<<"$r2_adverts" | head -n1)
assert "r2 sent one advert of priority 100 after r1's, as it yielded (higher_prio_send_advert)" \
  '[[ -n $answer ]] && advert_is "$answer" prio=100 && flt "$(fsub "$(field t <<<"$answer")" "$t_trigger")" 0.1'
assert "and none after that" '[[ $(all_after "$t_trigger" <<<"$r2_adverts" | wc -l) -eq 1 ]]'
gaps=$(field t <<<"$r1_adverts" | awk 'NR > 1 { printf "%.3f\n", $1 - prev } { prev = $1 }')
note "gaps between r1's adverts: $(echo $gaps)"
assert "r1 never answered r2 at once: its adverts stay one advert_int apart (lower_prio_no_advert)" \
  '[[ -n $gaps ]] && ! awk "\$1 < 0.9 { bad = 1 } END { exit !bad }" <<<"$gaps"'
r1_mac=$(mac_of r1 eth0)
garps=$(gratuitous_arps heal | grep " smac=$r1_mac " | grep " ip=192.0.2.100" | all_after "$t_unblock")
t_first=$(head -n1 <<<"$garps" | field t)
note "r1's gratuitous ARPs after the heal at: $(field t <<<"$garps" | awk -v u="$t_unblock" '{ printf "+%.0fms ", ($1 - u) * 1000 }')"
assert "r1 announced the VIP when it heard r2 (garp_lower_prio_repeat 3)" \
  '[[ -n $t_first ]] && (( $(all_after 0 "$(fsub "$t_first" -0.1)" <<<"$garps" | wc -l) >= 3 ))'
assert "and again garp_lower_prio_delay (2 s) later" \
  '(( $(all_after "$(fsub "$t_first" -1.9)" "$(fsub "$t_first" -2.3)" <<<"$garps" | wc -l) >= 3 ))'
lib_done
