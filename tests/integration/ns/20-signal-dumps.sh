#!/usr/bin/env bash
# Scenario 20: SIGUSR1 and SIGUSR2 (issue 4 "Reload and signals", issue 5's counters). Each
# writes its file into the state directory (--state-dir; /run/vrrpd by default), never /tmp
# as keepalived does: vrrpd.data (every instance's state, priorities, the Active's address,
# timers, VIPs, VMAC, trackers, the checksum mode and form) and vrrpd.stats (every counter:
# sent, received, per checksum form, per peer, drops per reason per instance and per socket).
# Both are replaced atomically, mode 0644, and a log line says where. The daemon keeps running.
source "$(dirname "$0")/../lib.sh"
lib_init "$@"

setup_lan r1 r2

# signal_dump NODE SIGNAL FILE: removes FILE, sends the signal, waits for the file.
signal_dump() {
  local file="$VT_WORK/$1.state/$3"
  rm -f "$file"
  kill -"$2" "${VRRPD_PID[$1]}"
  wait_for "[[ -e '$file' ]]" 5
}
# value NODE FILE KEY: the value of the first "  KEY: VALUE" line.
value() {
  awk -v k="  $3: " 'index($0, k) == 1 { print substr($0, length(k) + 1); exit }' \
    "$VT_WORK/$1.state/$2"
}

rm -f /tmp/keepalived.data /tmp/keepalived.stats 2>/dev/null
start_vrrpd r1 "$(conf_global r1)$(conf_instance VI_1 51 200 192.0.2.100/24 \
  'track_interface {' '    eth0 weight -10' '}' 'use_vmac')"
start_vrrpd r2 "$(conf_global r2)$(conf_instance VI_1 51 100 192.0.2.100/24)"
check "r1 becomes Active" wait_state r1 Active 10
check "r2 is Backup" wait_state r2 Backup 5
sleep 3

note "SIGUSR1: the data file"
data1="$VT_WORK/r1.state/vrrpd.data"
data2="$VT_WORK/r2.state/vrrpd.data"
check "SIGUSR1 makes r1 write $data1" signal_dump r1 USR1 vrrpd.data
check "SIGUSR1 makes r2 write $data2" signal_dump r2 USR1 vrrpd.data
check "r1 logs where it wrote the data" \
  wait_for "current_log r1 | grep -qF 'SIGUSR1: wrote $data1'" 3
assert "the data file is mode 0644" '[[ $(stat -c %a "$data1") == 644 ]]'
assert "no temporary file is left" '[[ ! -e $data1.tmp ]]'
assert "r1's data names the instance" 'grep -qx "instance VI_1" "$data1"'
assert "r1's state is Active" '[[ $(value r1 vrrpd.data state) == Active ]]'
assert "r2's state is Backup" '[[ $(value r2 vrrpd.data state) == Backup ]]'
assert "r1: priority 200 and its own address as the Active's" \
  '[[ $(value r1 vrrpd.data priority) == 200 && $(value r1 vrrpd.data active_address) == 192.0.2.1 ]]'
assert "r2: the Active is 192.0.2.1 with priority 200" \
  '[[ $(value r2 vrrpd.data active_address) == 192.0.2.1 && $(value r2 vrrpd.data active_priority) == 200 ]]'
assert "r2: the timers (RFC 9568 §6.1, P=100, I=1 s)" \
  '[[ $(value r2 vrrpd.data skew_time) == "0.609375 s" && $(value r2 vrrpd.data active_down_interval) == "3.609375 s" ]]'
assert "r1: the VIP on its VMAC" '[[ $(value r1 vrrpd.data vip) == "192.0.2.100/24 dev vrrp.51" ]]'
assert "r1: the VMAC and its MAC" '[[ $(value r1 vrrpd.data vmac) == "vrrp.51 00:00:5e:00:01:33" ]]'
assert "r2: no VMAC" '[[ $(value r2 vrrpd.data vmac) == none ]]'
assert "r1: the tracked interface" '[[ $(value r1 vrrpd.data track_interface) == "eth0 weight -10" ]]'
assert "the checksum mode and form (auto, keepalived's form)" \
  '[[ $(value r1 vrrpd.data checksum_mode) == auto && $(value r1 vrrpd.data checksum_form) == rfc5798 ]]'

note "SIGUSR2: the statistics file"
stats1="$VT_WORK/r1.state/vrrpd.stats"
stats2="$VT_WORK/r2.state/vrrpd.stats"
check "SIGUSR2 makes r1 write $stats1" signal_dump r1 USR2 vrrpd.stats
check "SIGUSR2 makes r2 write $stats2" signal_dump r2 USR2 vrrpd.stats
check "r2 logs where it wrote the statistics" \
  wait_for "current_log r2 | grep -qF 'SIGUSR2: wrote $stats2'" 3
assert "the statistics file is mode 0644" '[[ $(stat -c %a "$stats2") == 644 ]]'
sent1=$(value r1 vrrpd.stats adverts_sent)
note "r1 sent $sent1 adverts; r2 received $(value r2 vrrpd.stats adverts_received)"
assert "r1 counts its adverts sent" '((sent1 >= 3))'
assert "r2 counts them received, in keepalived's form" \
  '(($(value r2 vrrpd.stats received_checksum_rfc5798) >= 3 && $(value r2 vrrpd.stats received_checksum_rfc9568) == 0))'
assert "r2 counts them per peer" \
  '(($(value r2 vrrpd.stats "received_from 192.0.2.1") == $(value r2 vrrpd.stats adverts_received)))'
assert "r2: nobody beyond the per-peer bound" '[[ $(value r2 vrrpd.stats "received_from other") == 0 ]]'
assert "r2: every drop reason listed, none counted" \
  '(($(grep -c "^  dropped_" "$stats2") >= 22)) && [[ $(value r2 vrrpd.stats dropped_total) == 0 ]]'
assert "r2: the socket's drops too" 'grep -qx "socket eth0 IPv4" "$stats2"'

note "a second SIGUSR2 replaces the file with fresh counters"
sleep 2
check "SIGUSR2 again" signal_dump r1 USR2 vrrpd.stats
assert "r1's adverts_sent grew" '(($(value r1 vrrpd.stats adverts_sent) > sent1))'
assert "nothing written under /tmp as keepalived would" \
  '[[ ! -e /tmp/keepalived.data && ! -e /tmp/keepalived.stats ]]'
assert "the signals changed no state" \
  '(($(count_entries r1 Active) == 1)) && (($(count_entries r2 Active) == 0))'

stop_vrrpd r1
assert "r1 exits 0 after the signals" '[[ $VRRPD_EXIT == 0 ]]'
stop_vrrpd r2
lib_done
