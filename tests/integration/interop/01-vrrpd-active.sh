#!/usr/bin/env bash
# Interop 1, VRRPv3 over IPv4, vrrpd with the higher priority: vrrpd (r1, 200) is Active and
# keepalived (r2, 100) Backup. Then, with the client probing the VIP:
#  - graceful hand-over vrrpd -> keepalived: vrrpd stops (SIGTERM, a priority-0 advert) and
#    keepalived takes over after Skew_Time (RFC 9568 §6.4.2);
#  - preempt back keepalived -> vrrpd: vrrpd starts again and, higher, preempts (§6.4.3);
#  - failover vrrpd -> keepalived on link loss: r1's cable is cut; keepalived takes over after
#    Active_Down_Interval; vrrpd goes to Fault, and back to Active (preempt) with the cable.
# After each step exactly one member holds the VIP (kernel) and advertises (wire); keepalived
# logs no bad packet and vrrpd drops no keepalived advert.
source "$(dirname "$0")/../lib.sh"
source "$(dirname "$0")/keepalived.sh"
ka_require
lib_init "$@"

setup_lan r1 r2
start_servers r1 r2
capture_start wire
conf_r1="$(conf_global r1)$(conf_instance VI_1 51 200 192.0.2.100/24)"
start_vrrpd r1 "$conf_r1" -D
start_keepalived r2 "$(conf_global r2)$(conf_instance VI_1 51 100 192.0.2.100/24)"
settled 192.0.2.100 r1 r2

failover p0-vrrpd-to-keepalived 192.0.2.100 'stop_vrrpd r1 TERM' r2 r1
settled 192.0.2.100 r2
assert "the hand-over is quick (outage < 1.5 s): keepalived heard vrrpd's priority 0" \
  'flt "$OUTAGE_MS" 1500'
assert "vrrpd exited 0" '[[ $VRRPD_EXIT == 0 ]]'
assert "keepalived logged the priority-0 advert" \
  '[[ -n $(ka_current_log r2 | grep "(VI_1) Backup received priority 0 advertisement") ]]'

failover preempt-keepalived-to-vrrpd 192.0.2.100 'start_vrrpd r1 "$conf_r1" -D' r1 r2
settled 192.0.2.100 r1 r2

failover linkloss-vrrpd-to-keepalived 192.0.2.100 'cut_cable r1' r2 r1
check "vrrpd sees its carrier go and enters Fault" wait_state r1 Fault 5
check "vrrpd gives the VIP up" wait_for "not has_vip r1 192.0.2.100" 3
settled 192.0.2.100 r2

note "the cable is back: vrrpd (higher) preempts"
restore_cable r1
settled 192.0.2.100 r1 r2
interop_done
