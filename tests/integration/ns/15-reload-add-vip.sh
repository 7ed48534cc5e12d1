#!/usr/bin/env bash
# Scenario 15: SIGHUP with changes (issue 4, "Reload and signals").
#  - A second VIP added to VI_1 on both routers: the Active binds it and announces it
#    (gratuitous ARP), the Backup does not bind it; nobody changes state (updated in place).
#  - The VIP removed again: the Active releases it and keeps the first.
#  - VI_2 removed from the Active's configuration: it resigns (priority 0, RFC 9568 §6.4.3), the
#    peer takes VI_2 over within Skew_Time rather than Active_Down_Interval, and the old Active
#    keeps no VIP of VI_2; VI_1 is not disturbed.
#  - VI_2 added back: it starts in Backup and preempts the peer (priority 200 over 100).
#  - use_vmac added to VI_1 on both: it restarts (needs a VMAC); r1 ends Active with the VIP on
#    its new vrrp.51, and use_vmac removed again deletes the VMAC, the VIP back on eth0.
source "$(dirname "$0")/../lib.sh"
lib_init "$@"

setup_lan r1 r2
capture_start wire

# conf ROUTER PRIORITY VI_1_VIPS [with VI_2: yes|no] [VI_1's extra line]
conf() {
  conf_global "$1"
  conf_instance VI_1 51 "$2" "$3" ${5:+"$5"}
  [[ ${4:-yes} == yes ]] && conf_instance VI_2 52 "$2" 192.0.2.200/24
}
reload() { # ROUTER CONFIG
  printf '%s\n' "$2" >"$VT_WORK/$1.conf"
  kill -HUP "${VRRPD_PID[$1]}"
}
reloads() { current_log "$1" | grep -c 'reload: [0-9]* unchanged'; }

start_vrrpd r1 "$(conf r1 200 192.0.2.100/24)"
start_vrrpd r2 "$(conf r2 100 192.0.2.100/24)"
check "r1 becomes Active in VI_1" wait_state r1 Active 10 VI_1
check "r1 becomes Active in VI_2" wait_state r1 Active 10 VI_2
check "r2 is Backup in VI_1 and VI_2" \
  wait_for '[[ $(state_of r2 VI_1) == Backup && $(state_of r2 VI_2) == Backup ]]' 3
check "r1 holds both instances' VIPs" wait_for "has_vip r1 192.0.2.100 && has_vip r1 192.0.2.200" 3
sleep 1

note "part 1: 192.0.2.101 added to VI_1 on both routers"
t_add=$(now)
reload r1 "$(conf r1 200 '192.0.2.100/24 192.0.2.101/24')"
reload r2 "$(conf r2 100 '192.0.2.100/24 192.0.2.101/24')"
check "r1 logs VI_1 updated in place" \
  wait_for "current_log r1 | grep -q 'VI_1: reload: updated in place (virtual_ipaddress)'" 3
check "r1's summary: 1 unchanged (VI_2), 1 updated (VI_1)" \
  wait_for "current_log r1 | grep -q 'reload: 1 unchanged, 1 updated, 0 restarted, 0 added, 0 removed'" 3
check "r2's summary is the same" \
  wait_for "current_log r2 | grep -q 'reload: 1 unchanged, 1 updated, 0 restarted, 0 added, 0 removed'" 3
check "the Active (r1) binds the new VIP" wait_for "has_vip r1 192.0.2.101" 3
check "the Backup (r2) does not" not has_vip r2 192.0.2.101
check "r1 keeps the first VIP" has_vip r1 192.0.2.100
# (tcpdump hands packets over in blocks: the capture file may lag a second behind)
wait_for "adverts wire | all_after $(fsub "$t_add" -1.2) | grep -q ' src=192.0.2.1 '" 4
garps=$(gratuitous_arps wire | all_after "$t_add" | grep -c ' ip=192.0.2.101$')
assert "r1 announced the new VIP ($garps gratuitous ARPs)" '((garps >= 1))'
from_r2=$(gratuitous_arps wire | all_after "$t_add" | grep ' ip=192.0.2.101$' |
  grep -c ' smac=02:00:00:00:00:02')
assert "r2 announced nothing for it" '((from_r2 == 0))'
latest=$(adverts wire | all_after "$t_add" | grep ' src=192.0.2.1 ' | grep ' vrid=51 ' | tail -n1)
note "advert: $latest"
check "r1's VI_1 adverts list both VIPs" advert_is "$latest" addrs=192.0.2.100,192.0.2.101 prio=200
assert "no state change on r1 or r2" \
  '[[ -z $(entered_after r1 Backup "$t_add" VI_1) && -z $(entered_after r2 Active "$t_add" VI_1) ]]'

note "part 2: 192.0.2.101 removed again on r1"
reload r1 "$(conf r1 200 192.0.2.100/24)"
check "r1 releases it" wait_for "not has_vip r1 192.0.2.101" 3
check "r1 keeps 192.0.2.100" has_vip r1 192.0.2.100
assert "r1 is still Active in VI_1" '[[ $(state_of r1 VI_1) == Active ]]'

note "part 3: VI_2 removed from r1's configuration"
t_rm=$(now)
reload r1 "$(conf r1 200 192.0.2.100/24 no)"
check "r1 logs VI_2 removed" wait_for "current_log r1 | grep -q 'VI_2: reload: removed; resigning'" 3
check "r1's summary: 1 unchanged, 1 removed" \
  wait_for "current_log r1 | grep -q 'reload: 1 unchanged, 0 updated, 0 restarted, 0 added, 1 removed'" 3
check "r2 takes VI_2 over" wait_state r2 Active 3 VI_2
t_r2=$(entered_at r2 Active VI_2)
took=$(fsub "$t_r2" "$t_rm")
note "r2 became Active in VI_2 $(fms "$took") ms after the SIGHUP"
# Skew_Time for priority 100, 1 s: 0.61 s; Active_Down_Interval would be 3.61 s.
check "quickly: within 1.5 s (Skew_Time after the priority-0 advert, not Active_Down_Interval)" \
  flt "$took" 1.5
# (tcpdump hands packets over in blocks: the capture file may lag a second behind)
first_vi2_after_rm() {
  adverts wire | all_after "$t_rm" | grep ' src=192.0.2.1 ' | grep ' vrid=52 ' | head -n1
}
wait_for '[[ -n $(first_vi2_after_rm) ]]' 4
check "r1 resigned with a priority-0 advert" advert_is "$(first_vi2_after_rm)" prio=0 vrid=52
check "r1 keeps no VIP of VI_2" wait_for "not has_vip r1 192.0.2.200" 2
check "r2 holds VI_2's VIP" wait_for "has_vip r2 192.0.2.200" 2
t_quiet=$(now)
sleep 1.5
# Up to 1.5 s later, as seen once the capture has caught up with r2's adverts.
wait_for "adverts wire | all_after $(fsub "$t_quiet" -1.5) | grep -q ' src=192.0.2.2 .* vrid=52 '" 4
late=$(adverts wire | all_after "$t_quiet" "$(fsub "$t_quiet" -1.5)" | grep ' src=192.0.2.1 ' |
  grep -c ' vrid=52 ')
assert "r1 sends nothing for VI_2 any more" '((late == 0))'
assert "VI_1 on r1 was not disturbed (still Active, became Active once)" \
  '[[ $(state_of r1 VI_1) == Active ]] && (($(count_entries r1 Active VI_1) == 1))'
check "r1 still holds VI_1's VIP" has_vip r1 192.0.2.100

note "part 4: VI_2 added back on r1"
reload r1 "$(conf r1 200 192.0.2.100/24)"
check "r1's summary: 1 unchanged, 1 added" \
  wait_for "current_log r1 | grep -q 'reload: 1 unchanged, 0 updated, 0 restarted, 1 added, 0 removed'" 3
check "r1 starts VI_2 and preempts r2 (200 over 100)" wait_for "(( \$(count_entries r1 Active VI_2) == 2 ))" 8
check "r2 goes back to Backup in VI_2" wait_state r2 Backup 3 VI_2
check "r1 holds VI_2's VIP again" wait_for "has_vip r1 192.0.2.200 && not has_vip r2 192.0.2.200" 3

note "part 5: use_vmac added to VI_1 on both routers, then removed"
reload r2 "$(conf r2 100 192.0.2.100/24 yes use_vmac)"
reload r1 "$(conf r1 200 192.0.2.100/24 yes use_vmac)"
check "r1 restarts VI_1 for the VMAC" \
  wait_for "current_log r1 | grep -q 'VI_1: reload: restarting (use_vmac)'" 3
check "r1's summary: 1 unchanged (VI_2), 1 restarted" \
  wait_for "current_log r1 | grep -q 'reload: 1 unchanged, 0 updated, 1 restarted, 0 added, 0 removed'" 3
check "r1 has the macvlan vrrp.51" wait_for "link_exists r1 vrrp.51" 3
check "r1 is Active in VI_1 again, the VIP on vrrp.51" \
  wait_for '[[ $(state_of r1 VI_1) == Active && $(vip_dev r1 192.0.2.100) == vrrp.51 ]]' 8
check "r2 holds no VI_1 VIP" wait_for "not has_vip r2 192.0.2.100" 3
assert "VI_2 stayed Active on r1 throughout" '(($(count_entries r1 Active VI_2) == 2))'
reload r1 "$(conf r1 200 192.0.2.100/24)"
check "use_vmac removed: r1 deletes vrrp.51" wait_for "not link_exists r1 vrrp.51" 3
check "r1 ends Active in VI_1 with the VIP on eth0" \
  wait_for '[[ $(state_of r1 VI_1) == Active && $(vip_dev r1 192.0.2.100) == eth0 ]]' 8
lib_done
