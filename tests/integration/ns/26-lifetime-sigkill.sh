#!/usr/bin/env bash
# Scenario 26 (issue 8): SIGKILL of the Active. The Backup takes over as usual, and the killed
# node's VIP, bound with the default vip_lifetime (6 s at advert_int 1) and renewed every 2 s,
# is removed by the kernel within the lifetime plus one second of the kill; after that the
# client's replies come only from the new Active. keepalived leaves the VIP on the dead node
# until it is restarted (scenario 10 shows that with vip_lifetime 0).
source "$(dirname "$0")/../lib.sh"
source "$(dirname "$0")/../lifetime.sh"
lib_init "$@"

setup_lan r1 r2
start_servers r1 r2
start_vrrpd r1 "$(conf_global r1)$(conf_instance VI_1 51 200 192.0.2.100/24)"
check "r1 (priority 200) becomes Active" wait_state r1 Active 10
start_vrrpd r2 "$(conf_global r2)$(conf_instance VI_1 51 100 192.0.2.100/24)"
check "r2 (priority 100) is Backup" wait_state r2 Backup 10

lft=$(vip_lft_seconds r1 192.0.2.100)
note "r1's VIP: valid_lft ${lft}s"
assert "r1 binds the VIP with a finite lifetime of at most 6 s (the default)" \
  '[[ $lft =~ ^[0-9]+$ ]] && ((lft >= 1 && lft <= 6))'
sleep 3
lft=$(vip_lft_seconds r1 192.0.2.100)
assert "3 s later it has been renewed (valid_lft ${lft}s, more than 6 - 3)" \
  '[[ $lft =~ ^[0-9]+$ ]] && ((lft > 3))'

probe_start kill 192.0.2.100
sleep 1
t_kill=$(now)
stop_vrrpd r1 KILL
assert "r1's vrrpd is gone" 'not vrrpd_alive r1'
check "r2 takes over" wait_state r2 Active 6
t_takeover=$(entered_at r2 Active)
check "the killed node's VIP is gone within lifetime + 1 s = 7 s of the kill" \
  wait_for '! has_vip r1 192.0.2.100' 7.5
t_gone=$(now)
note "takeover $(fms "$(fsub "$t_takeover" "$t_kill")") ms after the kill; r1's VIP gone" \
  "$(fms "$(fsub "$t_gone" "$t_kill")") ms after the kill," \
  "$(fms "$(fsub "$t_gone" "$t_takeover")") ms after the takeover"
assert "gone at most 7 s after the kill" 'flt "$(fsub "$t_gone" "$t_kill")" 7.0'
assert "gone no earlier than the takeover (the dead node served until then)" \
  'flt "$t_takeover" "$t_gone"'
echo "LIFETIME scenario=sigkill takeover_ms=$(fms "$(fsub "$t_takeover" "$t_kill")")" \
  "gone_ms=$(fms "$(fsub "$t_gone" "$t_kill")") gone_after_takeover_ms=$(fms "$(fsub "$t_gone" "$t_takeover")")"
sleep 2
probe_stop kill
assert "only r2 holds the VIP" '[[ $(vip_holders 192.0.2.100) == r2 ]]'
after=$(responders_after kill "$t_gone")
note "responders after the VIP was gone: ${after:-none}"
assert "after that the client's replies came only from r2" '[[ $after == r2 ]]'
assert "the client still gets replies at the end" \
  'flt "$(fsub "$t_gone" "$(probe_last_reply_epoch kill)")" 0'
lib_done
