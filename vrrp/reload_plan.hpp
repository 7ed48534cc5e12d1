// What a SIGHUP changes: the running configuration against the one just read, instance by
// instance. Pure: two Configs in, a plan out; the daemon carries it out (vrrp/daemon/daemon.cpp).
//
// Instances are matched as keepalived matches them on reload (vrrp_exist() in its vrrp.c): by
// interface, VRID and address family, and both unicast or both multicast. The name is not part
// of the match, so a renamed instance is the same instance. A matched instance is
//  - unchanged when nothing it runs with differs (locations in the files do not count: a
//    comment line added above it moves them all): it keeps its state, VIPs and timers;
//  - updated when the differences can be applied to the running instance (VIPs, priority,
//    advert_int, preempt settings, trackers, notify scripts, ...);
//  - restarted when they need other sockets or another VMAC (version, use_vmac,
//    unicast_src_ip, mcast_src_ip, the multicast group): it resigns and starts afresh, as
//    keepalived does when its match fails (a unicast instance whose source changed, a VMAC
//    added or dropped).
// An instance of the running configuration that matches none of the new one is removed (it
// resigns); one of the new configuration that matches none of the running one is added.
#pragma once

#include <compare>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "vrrp/config.hpp"
#include "vrrp/ip_address.hpp"

namespace vrrp {

struct InstanceKey {
  std::string interface;
  std::uint8_t vrid = 0;
  Family family = Family::ipv4;
  bool unicast = false;
  friend auto operator<=>(const InstanceKey&, const InstanceKey&) = default;
};

InstanceKey instance_key(const InstanceConfig& instance);
// "eth0 IPv4 VRID 51" (with " unicast" for a unicast instance).
std::string to_string(const InstanceKey& key);

enum class ReloadAction : std::uint8_t { unchanged, updated, restarted, added, removed };
std::string_view to_string(ReloadAction action);

struct InstanceReload {
  ReloadAction action = ReloadAction::unchanged;
  std::optional<std::size_t> running_index;  // in the running Config's instances (not added)
  std::optional<std::size_t> next_index;     // in the new Config's instances (not removed)
  // What differs, as keywords ("virtual_ipaddress", "priority", "vrrp_script chk", ...): for
  // updated, what is applied in place; for restarted, what forced the restart.
  std::vector<std::string> changes;
};

struct ReloadPlan {
  // The new configuration's instances in its order, then the removed ones in the running
  // configuration's order.
  std::vector<InstanceReload> instances;
  // vrrp_script and track_file blocks defined alike in both: their results so far are kept, so
  // the instances that track them keep their priority.
  std::set<std::string> kept_scripts;
  std::set<std::string> kept_track_files;
  // global_defs keywords that changed but only take effect when vrrpd starts.
  std::vector<std::string> globals_not_applied;

  std::size_t count(ReloadAction action) const;
};

ReloadPlan plan_reload(const Config& running, const Config& next);

// "reload: 2 unchanged, 1 updated, 0 restarted, 1 added, 0 removed": the line logged after a
// reload was applied.
std::string reload_summary(const ReloadPlan& plan);

// Comparisons that ignore where in the files something was written.
bool same_settings(const InstanceConfig& a, const InstanceConfig& b);
bool same_address(const VirtualAddress& a, const VirtualAddress& b);
bool same_route(const VirtualRoute& a, const VirtualRoute& b);
bool same_definition(const ScriptConfig& a, const ScriptConfig& b);
bool same_definition(const TrackFileConfig& a, const TrackFileConfig& b);

}  // namespace vrrp
