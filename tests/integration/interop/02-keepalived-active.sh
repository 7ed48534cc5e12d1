#!/usr/bin/env bash
# Interop 2, VRRPv3 over IPv4, the reverse of interop 1: keepalived (r2, 200) is Active and
# vrrpd (r1, 100) Backup. Then, with the client probing the VIP:
#  - graceful hand-over keepalived -> vrrpd: keepalived stops (SIGTERM, "sent 0 priority") and
#    vrrpd takes over after Skew_Time (RFC 9568 §6.4.2);
#  - preempt back vrrpd -> keepalived: keepalived starts again and preempts;
#  - failover keepalived -> vrrpd on link loss: r2's cable is cut, vrrpd takes over after
#    Active_Down_Interval; with the cable back keepalived preempts again.
source "$(dirname "$0")/../lib.sh"
source "$(dirname "$0")/keepalived.sh"
ka_require
lib_init "$@"

setup_lan r1 r2
start_servers r1 r2
capture_start wire
conf_r2="$(conf_global r2)$(conf_instance VI_1 51 200 192.0.2.100/24)"
start_vrrpd r1 "$(conf_global r1)$(conf_instance VI_1 51 100 192.0.2.100/24)" -D
start_keepalived r2 "$conf_r2"
settled 192.0.2.100 r2 r1

failover p0-keepalived-to-vrrpd 192.0.2.100 'stop_keepalived r2 TERM' r1 r2
settled 192.0.2.100 r1
# On the priority-0 advert the Backup waits Skew_Time (0.61 s at priority 100), not
# Active_Down_Interval (3.61 s).
assert "the hand-over is quick (outage < 1.5 s): vrrpd heard keepalived's priority 0" \
  'flt "$OUTAGE_MS" 1500'

failover preempt-vrrpd-to-keepalived 192.0.2.100 'start_keepalived r2 "$conf_r2"' r2 r1
settled 192.0.2.100 r2 r1
check "vrrpd went back to Backup on the higher-priority advert" wait_state r1 Backup 1

failover linkloss-keepalived-to-vrrpd 192.0.2.100 'cut_cable r2' r1 r2
check "keepalived sees its carrier go and enters FAULT" wait_member r2 Fault 5
check "keepalived gives the VIP up" wait_for "not has_vip r2 192.0.2.100" 3
settled 192.0.2.100 r1

note "the cable is back: keepalived (higher) preempts"
restore_cable r2
settled 192.0.2.100 r2 r1
interop_done
