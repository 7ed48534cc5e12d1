#!/usr/bin/env bash
# Interop 8, VRRPv3 over IPv4:
#  - advert intervals that differ: a Backup learns the Active's Max Advert Interval (RFC 9568
#    §6.4.2, Active_Adver_Interval) and computes its Active_Down_Interval from it, both ways:
#    keepalived (2 s) under vrrpd (1 s) logs "advertisement interval updated from 2000ms to
#    1000ms by master"; vrrpd (1 s) under keepalived (2 s) learns 200 cs, and when keepalived's
#    cable is cut it waits 3 x 2 s + Skew_Time, not 3 x 1 s + Skew_Time;
#  - priority 255 on either side: vrrpd as the address owner (the VIP is its own address) is
#    Active at once and keepalived Backup; keepalived at 255 takes over from vrrpd
#    (RFC 9568 §6.4.1, §6.4.2 preempt, §6.4.3).
source "$(dirname "$0")/../lib.sh"
source "$(dirname "$0")/keepalived.sh"
ka_require
lib_init "$@"

setup_lan r1 r2
capture_start wire

note "part 1: vrrpd Active at 1 s, keepalived Backup configured with 2 s"
start_vrrpd r1 "$(conf_global r1)$(conf_instance VI_1 51 200 192.0.2.100/24)" -D
start_keepalived r2 "$(conf_global r2)$(ADVERT_INT=2 conf_instance VI_1 51 100 192.0.2.100/24)"
settled 192.0.2.100 r1 r2
check "keepalived learns vrrpd's interval" \
  wait_for '[[ -n $(ka_current_log r2 | grep "(VI_1) advertisement interval updated from 2000ms to 1000ms by master") ]]' 2
stop_vrrpd r1 TERM
stop_keepalived r2 TERM

note "part 2: keepalived Active at 2 s, vrrpd Backup configured with 1 s"
start_keepalived r2 "$(conf_global r2)$(ADVERT_INT=2 conf_instance VI_1 51 200 192.0.2.100/24)"
check "keepalived alone becomes Active" wait_member r2 Active 10
start_vrrpd r1 "$(conf_global r1)$(conf_instance VI_1 51 100 192.0.2.100/24)" -D
settled 192.0.2.100 r2 r1
check "vrrpd learns keepalived's 200 cs" \
  wait_for '[[ -n $(current_log r1 | grep -E "VI_1: .*peer 192.0.2.2, priority 200, interval 200 cs") ]]' 3
sample=$(adverts wire | grep ' src=192.0.2.2 ' | tail -n1)
check "keepalived's adverts carry 200 cs" advert_is "$sample" ver=3 prio=200 intvl=200cs
t_cut=$(now)
cut_cable r2
check "vrrpd takes over" wait_state r1 Active 12
delay=$(fsub "$(entered_after r1 Active "$t_cut")" "$t_cut")
adi=$(active_down_interval 100 2)
note "vrrpd Active $(fms "$delay") ms after the cut; Active_Down_Interval at 2 s is $(fms "$adi") ms"
check "the delay is within [ADI(2 s) - 2.25 s, ADI(2 s) + 1 s] (ADI at 1 s would be 3.6 s)" \
  fbetween "$delay" "$(fsub "$adi" 2.25)" "$(fsub "$adi" -1)"
stop_vrrpd r1 TERM
stop_keepalived r2 TERM
restore_cable r2

# The owner starts first: a non-owner that holds the owner's own address as a VIP cannot hear
# the owner at all (Linux drops a packet whose source address is one of its own local
# addresses, a "martian source"), so it would stay Active beside the owner.
note "part 3: vrrpd is the owner of 192.0.2.1 (priority 255)"
t_owner=$(now)
start_vrrpd r1 "$(conf_global r1)$(conf_instance VI_1 51 255 192.0.2.1/24)" -D
check "vrrpd, the owner, is Active at once" wait_state r1 Active 3
start_keepalived r2 "$(conf_global r2)$(conf_instance VI_1 51 100 192.0.2.1/24)"
settled 192.0.2.1 r1 r2
sample=$(adverts wire | all_after "$t_owner" | grep ' src=192.0.2.1 ' | head -n1)
check "vrrpd advertises priority 255" advert_is "$sample" ver=3 prio=255 addrs=192.0.2.1
stop_keepalived r2 TERM
stop_vrrpd r1 TERM
check "vrrpd leaves the owner's address on eth0" has_vip r1 192.0.2.1 eth0

# keepalived removes its VIPs when it starts as BACKUP, even its interface's own address (then
# it has no IPv4 address and stays in FAULT), so a keepalived owner is configured as keepalived
# users do: priority 255 with a VIP that is not the interface's address. Not being the owner
# of the address it starts as BACKUP and, hearing only lower priorities, takes over when its
# Active_Down_Interval (3 x 1 s + 0 s) ends; vrrpd then goes back to Backup at once.
note "part 4: keepalived with priority 255; vrrpd is Active before it"
start_vrrpd r1 "$(conf_global r1)$(conf_instance VI_1 51 100 192.0.2.100/24)" -D
check "vrrpd alone becomes Active" wait_state r1 Active 8
t_owner=$(now)
start_keepalived r2 "$(conf_global r2)$(conf_instance VI_1 51 255 192.0.2.100/24)"
check "keepalived (255) is MASTER after its Active_Down_Interval" wait_member r2 Active 5
check "vrrpd goes back to Backup" wait_state r1 Backup 2
settled 192.0.2.100 r2 r1
sample=$(adverts wire | all_after "$t_owner" | grep ' src=192.0.2.2 ' | head -n1)
check "keepalived advertises priority 255" advert_is "$sample" ver=3 prio=255 addrs=192.0.2.100
interop_done
