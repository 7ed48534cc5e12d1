#!/usr/bin/env bash
# Interop 3, nopreempt both ways (VRRPv3, IPv4; RFC 9568 §6.4.2: with Preempt_Mode False a
# Backup with the higher priority does not take over from a lower-priority Active).
#  - keepalived (r2, 100) is Active alone; vrrpd (r1, 200, nopreempt) joins and stays Backup;
#  - vrrpd (r1, 100) is Active alone; keepalived (r2, 200, nopreempt) joins and stays Backup.
# Then the lower Active stops (priority 0) and the higher nopreempt Backup takes over.
source "$(dirname "$0")/../lib.sh"
source "$(dirname "$0")/keepalived.sh"
ka_require
lib_init "$@"

setup_lan r1 r2
capture_start wire

note "part 1: keepalived Active at 100, vrrpd joins at 200 with nopreempt"
start_keepalived r2 "$(conf_global r2)$(conf_instance VI_1 51 100 192.0.2.100/24)"
check "keepalived alone becomes Active" wait_member r2 Active 8
start_vrrpd r1 "$(conf_global r1)$(conf_instance VI_1 51 200 192.0.2.100/24 nopreempt)" -D
check "vrrpd enters Backup" wait_state r1 Backup 5
sleep 4
settled 192.0.2.100 r2 r1
assert "vrrpd never became Active" '(($(count_entries r1 Active) == 0))'
t_stop=$(now)
stop_keepalived r2 TERM
check "keepalived stops with a priority-0 advert; vrrpd takes over" wait_state r1 Active 3
assert "within Skew_Time (0.22 s) + 1 s, well before Active_Down_Interval (3.2 s)" \
  'flt "$(fsub "$(entered_after r1 Active "$t_stop")" "$t_stop")" 1.22'
stop_vrrpd r1 TERM

note "part 2: vrrpd Active at 100, keepalived joins at 200 with nopreempt"
start_vrrpd r1 "$(conf_global r1)$(conf_instance VI_1 51 100 192.0.2.100/24)" -D
check "vrrpd alone becomes Active" wait_state r1 Active 8
start_keepalived r2 "$(conf_global r2)$(conf_instance VI_1 51 200 192.0.2.100/24 nopreempt)"
check "keepalived enters BACKUP" wait_member r2 Backup 5
sleep 4
settled 192.0.2.100 r1 r2
assert "keepalived never became Active" '[[ -z $(ka_transitions r2 | grep Active) ]]'
t_stop=$(now)
stop_vrrpd r1 TERM
check "vrrpd stops with a priority-0 advert; keepalived takes over" wait_member r2 Active 3
assert "within Skew_Time (0.22 s) + 1 s, well before Active_Down_Interval (3.2 s)" \
  'flt "$(fsub "$(ka_entered_after r2 Active "$t_stop")" "$t_stop")" 1.22'
interop_done
