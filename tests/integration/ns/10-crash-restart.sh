#!/usr/bin/env bash
# Scenario 10: SIGKILL, then restart. A vrrpd killed while Active leaves its VIP and VMAC in
# the kernel. Meanwhile another router takes over. The restarted vrrpd (same --state-dir) must
# remove what the earlier run left before it elects anything, so no node holds a VIP it does
# not own (issue 3, "Start-up after a crash").
source "$(dirname "$0")/../lib.sh"
lib_init "$@"

setup_lan r1 r2
capture_start wire
# vip_lifetime 0: the VIP stays until the restart, as with keepalived, so the test sees what
# crash recovery removes (the expiry of a killed daemon's VIP is scenario 26's).
conf_r1="$(conf_global r1)$(conf_instance VI_1 51 100 192.0.2.100/24 use_vmac 'vip_lifetime 0')"

start_vrrpd r1 "$conf_r1"
check "r1, alone, becomes Active" wait_state r1 Active 10
check "r1 holds the VIP on vrrp.51" wait_for '[[ $(vip_dev r1 192.0.2.100) == vrrp.51 ]]' 3
stale_index=$(ifindex_of r1 vrrp.51)
stop_vrrpd r1 KILL
assert "r1's vrrpd is gone" 'not vrrpd_alive r1'
# The precondition of the test: the kernel kept what the dead daemon had added.
check "the stale VIP is still on r1" has_vip r1 192.0.2.100
check "the stale vrrp.51 is still on r1 (ifindex $stale_index)" link_exists r1 vrrp.51

start_vrrpd r2 "$(conf_global r2)$(conf_instance VI_1 51 200 192.0.2.100/24 use_vmac)"
check "r2 (priority 200) becomes Active" wait_state r2 Active 10
check "r2 holds the VIP" wait_for "has_vip r2 192.0.2.100" 3
assert "both hold the VIP now (r1's is stale)" '[[ $(vip_holders 192.0.2.100) == "r1 r2" ]]'

t_restart=$(now)
start_vrrpd r1 "$conf_r1"
# Right after the restart: the stale VIP and the stale macvlan go before any election.
stale_gone() {
  ! has_vip r1 192.0.2.100 && [[ $(ifindex_of r1 vrrp.51) != "$stale_index" ]]
}
check "within 2 s of the restart, r1 holds no VIP and the stale vrrp.51 is gone" \
  wait_for stale_gone 2
t_clean=$(now)
note "clean $(fms "$(fsub "$t_clean" "$t_restart")") ms after the restart"
assert "r1 had not become Active by then" '(($(count_entries r1 Active) == 0))'
sleep "$(active_down_interval 100 1)"
sleep 1
assert "r1 is Backup" '[[ $(state_of r1) == Backup && $(count_entries r1 Active) == 0 ]]'
assert "only r2 holds the VIP" '[[ $(vip_holders 192.0.2.100) == r2 ]]'
assert "r1 never advertised after its restart" \
  '[[ -z $(adverts wire | all_after "$t_restart" | grep " src=192.0.2.1 ") ]]'
lib_done
