// The keepalived keywords vrrpd reads past: LVS, BFD, SNMP, DBus, keepalived's own process
// settings, and the VRRP extensions vrrpd does not implement. Each is a warning naming the
// place, so a keepalived.conf loads as it is; a word keepalived does not know either stays an
// error (a typo must not pass silently). Lists from keepalived.conf(5).
#include <array>

#include "vrrp/config_blocks.hpp"

namespace vrrp::config_detail {

namespace {

struct Unhandled {
  std::string_view block;
  std::string_view area;
  std::string_view keyword;
};

constexpr std::string_view kLvs = "LVS";
constexpr std::string_view kBfd = "BFD";
constexpr std::string_view kSnmp = "SNMP";
constexpr std::string_view kDbus = "DBus";
constexpr std::string_view kFirewall = "keepalived's firewall rules";
constexpr std::string_view kStatic = "static addresses, routes and rules";
constexpr std::string_view kProcess = "a keepalived process setting";
constexpr std::string_view kFeature = "a keepalived extension vrrpd does not implement";

constexpr auto kUnhandled = std::to_array<Unhandled>({
    // Top level.
    {"top", kLvs, "virtual_server"},
    {"top", kLvs, "virtual_server_group"},
    {"top", kLvs, "SSL"},
    {"top", kBfd, "bfd_instance"},
    {"top", kStatic, "static_ipaddress"},
    {"top", kStatic, "static_routes"},
    {"top", kStatic, "static_rules"},
    {"top", kStatic, "track_group"},
    {"top", kProcess, "linkbeat_interfaces"},
    {"top", kProcess, "interface_up_down_delays"},
    {"top", kProcess, "net_namespace"},
    {"top", kProcess, "net_namespace_ipvs"},
    {"top", kProcess, "namespace_with_ipsets"},
    {"top", kProcess, "instance"},
    {"top", kProcess, "use_pid_dir"},
    {"top", kProcess, "linkbeat_use_polling"},
    {"top", kProcess, "child_wait_time"},
    {"top", kFeature, "vrrp_track_process"},
    {"top", kFeature, "garp_group"},

    // global_defs.
    {"global_defs", kLvs, "lvs_sync_daemon"},
    {"global_defs", kLvs, "lvs_timeouts"},
    {"global_defs", kLvs, "lvs_flush"},
    {"global_defs", kLvs, "lvs_flush_on_stop"},
    {"global_defs", kLvs, "lvs_notify_fifo"},
    {"global_defs", kLvs, "lvs_notify_fifo_script"},
    {"global_defs", kLvs, "lvs_netlink_cmd_rcv_bufs"},
    {"global_defs", kLvs, "lvs_netlink_cmd_rcv_bufs_force"},
    {"global_defs", kLvs, "lvs_netlink_monitor_rcv_bufs"},
    {"global_defs", kLvs, "lvs_netlink_monitor_rcv_bufs_force"},
    {"global_defs", kLvs, "checker_process_name"},
    {"global_defs", kLvs, "checker_priority"},
    {"global_defs", kLvs, "checker_no_swap"},
    {"global_defs", kLvs, "checker_cpu_affinity"},
    {"global_defs", kLvs, "checker_rt_priority"},
    {"global_defs", kLvs, "checker_rlimit_rttime"},
    {"global_defs", kLvs, "checker_log_all_failures"},
    {"global_defs", kLvs, "smtp_alert_checker"},
    {"global_defs", kLvs, "rs_init_notifies"},
    {"global_defs", kLvs, "no_checker_emails"},
    {"global_defs", kLvs, "nftables_ipvs"},
    {"global_defs", kLvs, "nftables_ipvs_priority"},
    {"global_defs", kLvs, "nftables_ipvs_start_fwmark"},
    {"global_defs", kBfd, "bfd_process_name"},
    {"global_defs", kBfd, "bfd_priority"},
    {"global_defs", kBfd, "bfd_no_swap"},
    {"global_defs", kBfd, "bfd_cpu_affinity"},
    {"global_defs", kBfd, "bfd_rt_priority"},
    {"global_defs", kBfd, "bfd_rlimit_rttime"},
    {"global_defs", kSnmp, "snmp_socket"},
    {"global_defs", kSnmp, "enable_snmp_vrrp"},
    {"global_defs", kSnmp, "enable_snmp_keepalived"},
    {"global_defs", kSnmp, "enable_snmp_checker"},
    {"global_defs", kSnmp, "enable_snmp_rfc"},
    {"global_defs", kSnmp, "enable_snmp_rfcv2"},
    {"global_defs", kSnmp, "enable_snmp_rfcv3"},
    {"global_defs", kSnmp, "enable_traps"},
    {"global_defs", kSnmp, "snmp_vs_stats_update_interval"},
    {"global_defs", kSnmp, "snmp_rs_stats_update_interval"},
    {"global_defs", kDbus, "enable_dbus"},
    {"global_defs", kDbus, "dbus_service_name"},
    {"global_defs", kDbus, "dbus_no_interface_name"},
    {"global_defs", kFirewall, "nftables"},
    {"global_defs", kFirewall, "nftables_priority"},
    {"global_defs", kFirewall, "nftables_counters"},
    {"global_defs", kFirewall, "nftables_ifindex"},
    {"global_defs", kFirewall, "vrrp_iptables"},
    {"global_defs", kFirewall, "vrrp_ipsets"},
    {"global_defs", kFirewall, "disable_local_igmp"},
    {"global_defs", kStatic, "default_interface"},
    {"global_defs", kProcess, "tmp_config_directory"},
    {"global_defs", kProcess, "config_save_dir"},
    {"global_defs", kProcess, "process_names"},
    {"global_defs", kProcess, "process_name"},
    {"global_defs", kProcess, "vrrp_process_name"},
    {"global_defs", kProcess, "use_symlink_paths"},
    {"global_defs", kProcess, "set_supplementary_groups"},
    {"global_defs", kProcess, "startup_script"},
    {"global_defs", kProcess, "startup_script_timeout"},
    {"global_defs", kProcess, "shutdown_script"},
    {"global_defs", kProcess, "shutdown_script_timeout"},
    {"global_defs", kProcess, "max_auto_priority"},
    {"global_defs", kProcess, "min_auto_priority_delay"},
    {"global_defs", kProcess, "vrrp_priority"},
    {"global_defs", kProcess, "vrrp_no_swap"},
    {"global_defs", kProcess, "vrrp_cpu_affinity"},
    {"global_defs", kProcess, "vrrp_rt_priority"},
    {"global_defs", kProcess, "vrrp_rlimit_rttime"},
    {"global_defs", kProcess, "umask"},
    {"global_defs", kProcess, "net_namespace"},
    {"global_defs", kProcess, "net_namespace_ipvs"},
    {"global_defs", kProcess, "namespace_with_ipsets"},
    {"global_defs", kProcess, "instance"},
    {"global_defs", kProcess, "use_pid_dir"},
    {"global_defs", kProcess, "linkbeat_use_polling"},
    {"global_defs", kProcess, "child_wait_time"},
    {"global_defs", kProcess, "vrrp_netlink_cmd_rcv_bufs"},
    {"global_defs", kProcess, "vrrp_netlink_cmd_rcv_bufs_force"},
    {"global_defs", kProcess, "vrrp_netlink_monitor_rcv_bufs"},
    {"global_defs", kProcess, "vrrp_netlink_monitor_rcv_bufs_force"},
    {"global_defs", kProcess, "process_monitor_rcv_bufs"},
    {"global_defs", kProcess, "process_monitor_rcv_bufs_force"},
    {"global_defs", kProcess, "vrrp_rx_bufs_policy"},
    {"global_defs", kProcess, "vrrp_rx_bufs_multiplier"},
    {"global_defs", kProcess, "dynamic_interfaces"},
    {"global_defs", kProcess, "random_seed"},
    {"global_defs", kProcess, "reload_check_config"},
    {"global_defs", kProcess, "include_check"},
    {"global_defs", kProcess, "reload_time_file"},
    {"global_defs", kProcess, "reload_repeat"},
    {"global_defs", kProcess, "reload_file"},
    {"global_defs", kProcess, "data_use_instance"},
    {"global_defs", kProcess, "state_file_location"},
    {"global_defs", kProcess, "stats_file_location"},
    {"global_defs", kProcess, "json_file_location"},
    {"global_defs", kProcess, "json_version"},
    {"global_defs", kProcess, "iproute_usr_dir"},
    {"global_defs", kProcess, "iproute_etc_dir"},
    {"global_defs", kProcess, "notify_fifo_script"},
    {"global_defs", kProcess, "vrrp_notify_fifo_script"},
    {"global_defs", kProcess, "fifo_write_vrrp_states_on_reload"},
    {"global_defs", kProcess, "no_email_faults"},
    {"global_defs", kFeature, "vrrp_garp_extra_if"},
    {"global_defs", kFeature, "vrrp_down_timer_adverts"},
    {"global_defs", kFeature, "vrrp_notify_priority_changes"},
    {"global_defs", kFeature, "vrrp_delay_after_boot"},
    {"global_defs", kFeature, "log_unknown_vrids"},
    {"global_defs", kFeature, "vmac_prefix"},
    {"global_defs", kFeature, "vmac_addr_prefix"},

    // vrrp_instance.
    {"vrrp_instance", kLvs, "lvs_sync_daemon_interface"},
    {"vrrp_instance", kBfd, "track_bfd"},
    {"vrrp_instance", kProcess, "kernel_rx_buf_size"},
    {"vrrp_instance", kProcess, "linkbeat_use_polling"},
    {"vrrp_instance", kProcess, "debug"},
    {"vrrp_instance", kFeature, "use_ipvlan"},
    {"vrrp_instance", kFeature, "use_vmac_addr"},
    {"vrrp_instance", kFeature, "vrf"},
    {"vrrp_instance", kFeature, "track_process"},
    {"vrrp_instance", kFeature, "track_src_ip"},
    {"vrrp_instance", kFeature, "mcast_dst_ip"},
    {"vrrp_instance", kFeature, "unicast_ttl"},
    {"vrrp_instance", kFeature, "unicast_fault_no_peer"},
    {"vrrp_instance", kFeature, "old_unicast_checksum"},
    {"vrrp_instance", kFeature, "down_timer_adverts"},
    {"vrrp_instance", kFeature, "timer_expired_backup"},
    {"vrrp_instance", kFeature, "notify_master_rx_lower_pri"},
    {"vrrp_instance", kFeature, "notify_priority_changes"},
    {"vrrp_instance", kFeature, "notify_deleted"},
    {"vrrp_instance", kFeature, "virtual_rules"},
    {"vrrp_instance", kFeature, "auth_hmac"},
    {"vrrp_instance", kFeature, "garp_extra_if"},

    // vrrp_sync_group.
    {"vrrp_sync_group", kBfd, "track_bfd"},
    {"vrrp_sync_group", kFeature, "track_process"},
    {"vrrp_sync_group", kFeature, "notify_priority_changes"},
    {"vrrp_sync_group", kFeature, "notify_deleted"},
});

}  // namespace

bool warn_if_unhandled(std::string_view block, const Statement& s, ParseContext& ctx) {
  for (const Unhandled& u : kUnhandled) {
    if (u.block == block && u.keyword == s.name()) {
      ctx.warn(s.keyword().where,
               s.name() + ": not handled by vrrpd (" + std::string(u.area) + "), ignored");
      return true;
    }
  }
  return false;
}

std::vector<std::string_view> unhandled_keywords_of(std::string_view block) {
  std::vector<std::string_view> out;
  for (const Unhandled& u : kUnhandled) {
    if (u.block == block) out.push_back(u.keyword);
  }
  return out;
}

}  // namespace vrrp::config_detail
