#!/usr/bin/env bash
# Interop 9, three members, two of them keepalived (VRRPv3, IPv4): keepalived r2 (200) Active,
# vrrpd r1 (150) and keepalived r3 (100) Backup.
#  - r2's cable is cut: of the two Backups vrrpd, the higher, takes over (its Skew_Time is the
#    shorter, RFC 9568 §6.1) and keepalived r3 stays Backup;
#  - vrrpd stops (priority 0): keepalived r3 takes over;
#  - r2's cable is back: keepalived r2 preempts; vrrpd, started again, stays Backup.
source "$(dirname "$0")/../lib.sh"
source "$(dirname "$0")/keepalived.sh"
ka_require
lib_init "$@"

setup_lan r1 r2 r3
start_servers r1 r2 r3
capture_start wire
conf_r1="$(conf_global r1)$(conf_instance VI_1 51 150 192.0.2.100/24)"
start_vrrpd r1 "$conf_r1" -D
start_keepalived r2 "$(conf_global r2)$(conf_instance VI_1 51 200 192.0.2.100/24)"
start_keepalived r3 "$(conf_global r3)$(conf_instance VI_1 51 100 192.0.2.100/24)"
settled 192.0.2.100 r2 r1 r3

failover three-linkloss-keepalived-to-vrrpd 192.0.2.100 'cut_cable r2' r1 r2
settled 192.0.2.100 r1 r3
assert "keepalived r3 never became MASTER" '[[ -z $(ka_transitions r3 | grep Active) ]]'

failover three-p0-vrrpd-to-keepalived 192.0.2.100 'stop_vrrpd r1 TERM' r3 r1
settled 192.0.2.100 r3

note "r2's cable is back; vrrpd starts again"
restore_cable r2
start_vrrpd r1 "$conf_r1" -D
settled 192.0.2.100 r2 r1 r3
assert "vrrpd never became Active after its restart" '(($(count_entries r1 Active) == 0))'
interop_done
