#!/usr/bin/env bash
# Scenario 17: a vrrp_sync_group of two instances on two interfaces (issue 4: "sync group
# members fail over together"). r1 and r2 each run VI_1 on eth0 (192.0.2.0/24, the usual
# switch br0) and VI_2 on eth1 (198.51.100.0/24, a second bridge br1), grouped as G1. r1 has
# the higher priority in both. Cutting r1's eth0 faults VI_1 by itself and VI_2 through the
# group: both VIPs move to r2 together. When eth0 is back, both come back to r1 together
# (preempt), and nothing flaps.
source "$(dirname "$0")/../lib.sh"
lib_init "$@"

setup_lan r1 r2
# The second segment: br1 in the switch, an eth1 on each router.
ip -n "$(nsname sw)" link add br1 type bridge mcast_snooping 0 stp_state 0 forward_delay 0 ||
  fail "bridge br1"
ip -n "$(nsname sw)" link set br1 up
for r in r1 r2; do
  n=${r#r}
  ip -n "$(nsname "$r")" link add eth1 address "02:00:00:00:01:0$n" type veth peer name "${r}b" \
    netns "$(nsname sw)" || fail "veth eth1 for $r"
  ip -n "$(nsname sw)" link set "${r}b" master br1 up
  ip -n "$(nsname "$r")" addr add "198.51.100.$n/24" dev eth1
  ip -n "$(nsname "$r")" link set eth1 up
done

# conf ROUTER PRIORITY
conf() {
  conf_global "$1"
  conf_instance VI_1 51 "$2" 192.0.2.100/24
  conf_instance VI_2 52 "$2" 198.51.100.100/24 | sed 's/interface eth0/interface eth1/'
  printf 'vrrp_sync_group G1 {\n    group {\n        VI_1\n        VI_2\n    }\n}\n'
}
start_vrrpd r1 "$(conf r1 200)"
start_vrrpd r2 "$(conf r2 100)"
check "r1 becomes Active for VI_1" wait_state r1 Active 10 VI_1
check "r1 becomes Active for VI_2" wait_state r1 Active 3 VI_2
check "r2 is Backup for VI_1" wait_state r2 Backup 3 VI_1
check "r2 is Backup for VI_2" wait_state r2 Backup 3 VI_2
check "r1 holds both VIPs" \
  wait_for '[[ $(vip_holders 192.0.2.100) == r1 && $(vip_holders 198.51.100.100) == r1 ]]' 3

note "part 1: r1's eth0 goes down (VI_1's link only)"
t_down=$(now)
link_down r1 eth0
check "r1: VI_1 goes to Fault" wait_state r1 Fault 3 VI_1
check "r1: VI_2 goes to Fault with it" wait_state r1 Fault 3 VI_2
assert "VI_2's transition names the sync group" \
  'current_log r1 | grep -q "VI_2: Active -> Fault (sync group G1, priority 200)"'
assert "r1 logs the group's move" 'current_log r1 | grep -q "VRRP_Group(G1): syncing instances to Fault"'
adi=$(active_down_interval 100 1)
check "r2 takes VI_1 within Active_Down_Interval + 1 s" \
  wait_for '[[ $(vip_holders 192.0.2.100) == r2 ]]' "$(fsub "$adi" -1)"
check "r2 takes VI_2 too" wait_for '[[ $(vip_holders 198.51.100.100) == r2 ]]' 2
t1=$(entered_after r2 Active "$t_down" VI_1)
t2=$(entered_after r2 Active "$t_down" VI_2)
note "r2 went Active: VI_1 $(fms "$(fsub "$t1" "$t_down")") ms, VI_2 $(fms "$(fsub "$t2" "$t_down")") ms after the cut"
assert "r2's members went Active together (within 0.5 s)" \
  'fbetween "$(fsub "$t1" "$t2")" -0.5 0.5'
assert "r1 holds neither VIP" '! has_vip r1 192.0.2.100 && ! has_vip r1 198.51.100.100'
sleep 2
assert "r1's VI_2 stays in Fault while VI_1's link is down" '[[ $(state_of r1 VI_2) == Fault ]]'

note "part 2: r1's eth0 comes back"
t_up=$(now)
link_up r1 eth0
check "r1: VI_1 leaves Fault for Backup" wait_for '[[ -n $(entered_after r1 Backup "$t_up" VI_1) ]]' 5
check "r1: VI_2 leaves Fault for Backup" wait_for '[[ -n $(entered_after r1 Backup "$t_up" VI_2) ]]' 5
check "r1 preempts VI_1" wait_state r1 Active "$(fsub "$(active_down_interval 200 1)" -3)" VI_1
check "r1 preempts VI_2" wait_state r1 Active 2 VI_2
t1=$(entered_after r1 Active "$t_up" VI_1)
t2=$(entered_after r1 Active "$t_up" VI_2)
assert "r1's members went Active together (within 0.5 s)" 'fbetween "$(fsub "$t1" "$t2")" -0.5 0.5'
check "r2 goes back to Backup for both" \
  wait_for '[[ $(state_of r2 VI_1) == Backup && $(state_of r2 VI_2) == Backup ]]' 3
check "r1 holds both VIPs again, r2 none" \
  wait_for '[[ $(vip_holders 192.0.2.100) == r1 && $(vip_holders 198.51.100.100) == r1 ]]' 3

note "part 3: no flapping afterwards"
n1=$(count_entries r1 Active VI_1)
n2=$(count_entries r1 Active VI_2)
sleep 4
assert "r1 stays Active for both, with no new transitions" \
  '[[ $(count_entries r1 Active VI_1) == "$n1" && $(count_entries r1 Active VI_2) == "$n2" && $(state_of r1 VI_1) == Active && $(state_of r1 VI_2) == Active ]]'

note "part 4: SIGHUP with the same configuration moves no member and syncs nothing"
n_lines=$(current_log r1 | wc -l)
kill -HUP "${VRRPD_PID[r1]}"
sleep 3
assert "no transition and no group move logged after SIGHUP" \
  '! current_log r1 | tail -n +"$((n_lines + 1))" | grep -qE "VI_[12]: [A-Za-z]+ -> |VRRP_Group"'
assert "r1 still holds both VIPs" 'has_vip r1 192.0.2.100 && has_vip r1 198.51.100.100'

note "part 5: r2 is reloaded with priority 250 in both members: r1's group steps back together"
capture_start hup0 sw br0
capture_start hup1 sw br1
t_hup=$(now)
printf '%s\n' "$(conf r2 250)" >"$VT_WORK/r2.conf"
kill -HUP "${VRRPD_PID[r2]}"
check "r2 takes both VIPs" \
  wait_for '[[ $(vip_holders 192.0.2.100) == r2 && $(vip_holders 198.51.100.100) == r2 ]]' 8
check "r1 is Backup for both" \
  wait_for '[[ $(state_of r1 VI_1) == Backup && $(state_of r1 VI_2) == Backup ]]' 2
assert "r1 logged the group's move to Backup" \
  'current_log r1 | awk -v t="$t_hup" "\$1 > t" | grep -q "VRRP_Group(G1): syncing instances to Backup"'
assert "one of r1's members heard r2 and the group took the other along (with priority 0)" \
  '[[ $(current_log r1 | awk -v t="$t_hup" "\$1 > t" | grep -cE "VI_[12]: Active -> Backup \(higher priority advert received") == 1 &&
     $(current_log r1 | awk -v t="$t_hup" "\$1 > t" | grep -cE "VI_[12]: Active -> Backup \(sync group G1,") == 1 ]]'
sleep 2 # tcpdump writes what it has read; give it the last frames before stopping it
capture_stop hup0
capture_stop hup1
zeros=$( (adverts hup0; adverts hup1) | grep -E " src=(192\.0\.2\.1|198\.51\.100\.1) " | grep -c " prio=0 ")
assert "r1 sent one priority-0 advert, for the member the group took to Backup" '[[ $zeros == 1 ]]'
sleep 3
assert "r1 stays Backup for both (no preempting back)" \
  '[[ $(state_of r1 VI_1) == Backup && $(state_of r1 VI_2) == Backup ]]'
lib_done
