// Checks across the whole configuration: names defined twice, two instances that would be the
// same virtual router, and references (track_script, track_file, sync group members) to
// things that are not defined.
#include <algorithm>
#include <map>
#include <set>

#include "vrrp/config_blocks.hpp"

namespace vrrp::config_detail {

namespace {

template <typename T>
void check_unique_names(const std::vector<T>& items, std::string_view kind) {
  std::map<std::string_view, const T*> seen;
  for (const T& item : items) {
    auto [it, inserted] = seen.emplace(item.name, &item);
    if (!inserted) {
      fail(item.where, std::string(kind) + " " + item.name + ": defined twice (first at " +
                           it->second->where.to_string() + ")");
    }
  }
}

// RFC 9568 §6.1: a virtual router is (interface, VRID, address family). keepalived lets two
// instances share it when both are unicast with no peer in common (they never hear each
// other), and so does vrrpd.
bool same_virtual_router(const InstanceConfig& a, const InstanceConfig& b) {
  if (a.interface != b.interface || a.virtual_router_id != b.virtual_router_id ||
      a.family != b.family) {
    return false;
  }
  if (a.is_unicast() != b.is_unicast()) return false;
  if (!a.is_unicast()) return true;
  for (const UnicastPeer& p : a.unicast_peers) {
    for (const UnicastPeer& q : b.unicast_peers) {
      if (p.address == q.address) return true;
    }
  }
  return false;
}

template <typename Tracker, typename Defined>
void check_references(const std::vector<Tracker>& trackers, const std::vector<Defined>& defined,
                      std::string_view keyword, std::string_view block) {
  for (const Tracker& t : trackers) {
    const bool found = std::any_of(defined.begin(), defined.end(),
                                   [&](const Defined& d) { return d.name == t.name; });
    if (!found) {
      fail(t.where,
           std::string(keyword) + ": no " + std::string(block) + " named " + quoted(t.name));
    }
  }
}

}  // namespace

void check_configuration(const Config& config, const std::vector<InstanceDraft>& drafts) {
  check_unique_names(config.instances, "vrrp_instance");
  check_unique_names(config.scripts, "vrrp_script");
  check_unique_names(config.track_files, "track_file");
  check_unique_names(config.sync_groups, "vrrp_sync_group");

  for (std::size_t j = 0; j < config.instances.size(); ++j) {
    const InstanceConfig& b = config.instances[j];
    for (std::size_t i = 0; i < j; ++i) {
      const InstanceConfig& a = config.instances[i];
      if (!same_virtual_router(a, b)) continue;
      fail(drafts[j].virtual_router_id->where,
           "virtual_router_id: " + std::to_string(b.virtual_router_id) + " on " +
               (b.interface.empty() ? std::string("no interface") : b.interface) + " (" +
               std::string(to_string(b.family)) + ") is already used by vrrp_instance " + a.name +
               " (" + a.where.to_string() + ")");
    }
  }

  for (const InstanceConfig& c : config.instances) {
    check_references(c.track_scripts, config.scripts, "track_script", "vrrp_script");
    check_references(c.track_files, config.track_files, "track_file", "track_file block");
  }

  std::map<std::string_view, const SyncGroupConfig*> group_of;
  for (const SyncGroupConfig& g : config.sync_groups) {
    check_references(g.track_scripts, config.scripts, "track_script", "vrrp_script");
    check_references(g.track_files, config.track_files, "track_file", "track_file block");
    for (std::size_t k = 0; k < g.members.size(); ++k) {
      const std::string& member = g.members[k];
      if (!config.find_instance(member)) {
        fail(g.member_locations[k], "group: no vrrp_instance named " + quoted(member));
      }
      auto [it, inserted] = group_of.emplace(member, &g);
      if (!inserted) {
        fail(g.member_locations[k], "group: vrrp_instance " + member +
                                        " is already in vrrp_sync_group " + it->second->name);
      }
    }
  }
}

}  // namespace vrrp::config_detail
