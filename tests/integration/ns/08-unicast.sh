#!/usr/bin/env bash
# Scenario 8: unicast peers (keepalived's unicast_src_ip and unicast_peer). Adverts go to each
# configured peer, never to 224.0.0.18; with check_unicast_src only adverts from configured
# peers are accepted, so a stranger advertising a higher priority straight at the Active does
# not unseat it (without it, as in keepalived, any source is heard: ns 24).
source "$(dirname "$0")/../lib.sh"
lib_init "$@"

setup_lan r1 r2 r3
start_servers r1 r2
capture_start wire

conf_r1="$(conf_global r1)$(conf_instance VI_1 51 200 192.0.2.100/24 "unicast_src_ip 192.0.2.1" \
  "unicast_peer {" "    192.0.2.2" "}")"
conf_r2="$(conf_global r2)$(conf_instance VI_1 51 100 192.0.2.100/24 "unicast_src_ip 192.0.2.2" \
  "unicast_peer {" "    192.0.2.1" "}" "check_unicast_src")"
start_vrrpd r1 "$conf_r1"
start_vrrpd r2 "$conf_r2"
check "r1 (priority 200) becomes Active" wait_state r1 Active 10
check "r2 is Backup" wait_state r2 Backup 3
check "r1 holds the VIP, r2 none" wait_for '[[ $(vip_holders 192.0.2.100) == r1 ]]' 3
t0=$(now)
sleep 3
to_peer=$(adverts wire | all_after "$t0" | grep -c ' src=192.0.2.1 dst=192.0.2.2 ')
multicast=$(adverts wire | grep -c ' dst=224.0.0.18 ')
note "in 3 s: $to_peer adverts from r1 to r2; $multicast to 224.0.0.18 in the whole run"
assert "r1 advertises to its peer 192.0.2.2 (2..5 in 3 s)" 'fbetween "$to_peer" 2 5'
assert "no advert goes to 224.0.0.18" '((multicast == 0))'
sample=$(adverts wire | grep ' src=192.0.2.1 dst=192.0.2.2 ' | tail -n1)
check "the unicast advert is addressed to r2's MAC and lists the VIP" \
  advert_is "$sample" dmac="$(mac_of r2 eth0)" ver=3 vrid=51 prio=200 addrs=192.0.2.100

probe_start unicast 192.0.2.100
sleep 1
t_kill=$(now)
stop_vrrpd r1 TERM
check "r2 becomes Active" wait_state r2 Active 5
check "r2 holds the VIP" wait_for '[[ $(vip_holders 192.0.2.100) == r2 ]]' 3
check "r2 advertises to its peer 192.0.2.1" \
  wait_for '[[ -n $(adverts wire | all_after "$t_kill" | grep " src=192.0.2.2 dst=192.0.2.1 ") ]]' 3
sleep 1
probe_stop unicast
assert "the client reached r1, then r2" '[[ $(probe_responders unicast) == "r1>r2" ]]'
report_outage unicast-sigterm unicast

note "a stranger (r3, priority 250, not a configured peer) advertises straight at r2"
t_stranger=$(now)
start_vrrpd r3 "$(conf_global r3)$(conf_instance VI_1 51 250 192.0.2.100/24 \
  "unicast_src_ip 192.0.2.3" "unicast_peer {" "    192.0.2.2" "}")"
check "r3 (hearing nobody) becomes Active" wait_state r3 Active 10
check "r3's adverts reach r2's port" \
  wait_for '[[ -n $(adverts wire | all_after "$t_stranger" | grep " src=192.0.2.3 dst=192.0.2.2 .* prio=250 ") ]]' 3
sleep 3
assert "r2 ignores them and stays Active" \
  '[[ $(state_of r2) == Active && -z $(transitions r2 | awk -v t="$t_stranger" "\$1 > t") ]]'
check "r2 keeps the VIP" has_vip r2 192.0.2.100
assert "no advert went to 224.0.0.18" '[[ -z $(adverts wire | grep " dst=224.0.0.18 ") ]]'
lib_done
