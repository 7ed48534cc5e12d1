#include "vrrp/reload_plan.hpp"

#include <algorithm>
#include <functional>
#include <map>

namespace vrrp {

namespace {

// Locations say where a thing was written, not what it is.
void strip(SourceLocation& where) {
  where = SourceLocation{};
}
void strip(std::optional<NotifyScript>& script) {
  if (script) strip(script->where);
}
template <typename T>
void strip_all(std::vector<T>& items) {
  for (auto& item : items)
    strip(item.where);
}

InstanceConfig stripped(InstanceConfig c) {
  strip(c.where);
  strip_all(c.virtual_addresses);
  strip_all(c.virtual_addresses_excluded);
  strip_all(c.virtual_routes);
  strip_all(c.track_interfaces);
  strip_all(c.track_scripts);
  strip_all(c.track_files);
  for (auto* script :
       {&c.notify_master, &c.notify_backup, &c.notify_fault, &c.notify_stop, &c.notify})
    strip(*script);
  return c;
}

SyncGroupConfig stripped(SyncGroupConfig g) {
  strip(g.where);
  for (auto& at : g.member_locations)
    strip(at);
  strip_all(g.track_interfaces);
  strip_all(g.track_scripts);
  strip_all(g.track_files);
  for (auto* script :
       {&g.notify_master, &g.notify_backup, &g.notify_fault, &g.notify_stop, &g.notify})
    strip(*script);
  return g;
}

// One keyword of vrrp_instance and whether a difference in it needs a restart.
struct Field {
  const char* keyword;
  std::function<bool(const InstanceConfig&, const InstanceConfig&)> same;
  bool restart = false;
};

template <typename Member>
Field field(const char* keyword, Member member, bool restart = false) {
  return Field{
      keyword,
      [member](const InstanceConfig& a, const InstanceConfig& b) { return a.*member == b.*member; },
      restart};
}

// The keywords a reload names, compared on location-free copies. A difference outside them
// (a keyword added later) still makes the instance "updated" through same_settings().
const std::vector<Field>& fields() {
  using C = InstanceConfig;
  static const std::vector<Field> kFields = {
      // Restart: another socket, another VMAC, another source for the adverts.
      field("version", &C::version, true),
      field("use_vmac", &C::vmac, true),
      field("unicast_src_ip", &C::unicast_src_ip, true),
      field("mcast_src_ip", &C::mcast_src_ip, true),
      // In place.
      field("name", &C::name),
      field("state", &C::state),
      field("priority", &C::priority),
      field("advert_int", &C::advert_interval),
      field("virtual_ipaddress", &C::virtual_addresses),
      field("virtual_ipaddress_excluded", &C::virtual_addresses_excluded),
      field("virtual_routes", &C::virtual_routes),
      field("vip_lifetime", &C::vip_lifetime),
      field("nopreempt", &C::preempt),
      field("preempt_delay", &C::preempt_delay),
      field("accept", &C::accept_mode),
      field("unicast_peer", &C::unicast_peers),
      field("authentication", &C::authentication),
      field("dont_track_primary", &C::dont_track_primary),
      field("track_interface", &C::track_interfaces),
      field("track_script", &C::track_scripts),
      field("track_file", &C::track_files),
      field("notify_master", &C::notify_master),
      field("notify_backup", &C::notify_backup),
      field("notify_fault", &C::notify_fault),
      field("notify_stop", &C::notify_stop),
      field("notify", &C::notify),
      field("smtp_alert", &C::smtp_alert),
      field("garp", &C::garp),
      field("lower_prio_no_advert", &C::lower_prio_no_advert),
      field("higher_prio_send_advert", &C::higher_prio_send_advert),
      field("v3_checksum_as_v2", &C::v3_checksum_as_v2),
      field("checksum", &C::checksum),
      field("promote_secondaries", &C::promote_secondaries),
      field("skip_check_adv_addr", &C::skip_check_adv_addr),
      field("check_unicast_src", &C::check_unicast_src),
      field("strict_mode", &C::strict_mode),
  };
  return kFields;
}

const SyncGroupConfig* group_of(const Config& config, const std::string& instance) {
  for (const auto& group : config.sync_groups) {
    for (const auto& member : group.members) {
      if (member == instance) return &group;
    }
  }
  return nullptr;
}

template <typename Block>
const Block* find_named(const std::vector<Block>& blocks, const std::string& name) {
  for (const auto& block : blocks) {
    if (block.name == name) return &block;
  }
  return nullptr;
}

// Whether the block named `name` is defined alike in both lists (or absent from both).
template <typename Block>
bool same_block(const std::vector<Block>& running, const std::vector<Block>& next,
                const std::string& name) {
  const Block* a = find_named(running, name);
  const Block* b = find_named(next, name);
  if (!a || !b) return !a && !b;
  return same_definition(*a, *b);
}

// What differs between a running instance and its match, and whether it needs a restart.
InstanceReload compare(const Config& running, std::size_t ri, const Config& next, std::size_t ni) {
  InstanceReload out;
  out.running_index = ri;
  out.next_index = ni;
  const InstanceConfig a = stripped(running.instances[ri]);
  const InstanceConfig b = stripped(next.instances[ni]);
  bool restart = false;
  std::vector<std::string> restart_reasons;
  for (const Field& f : fields()) {
    if (f.same(a, b)) continue;
    (f.restart ? restart_reasons : out.changes).push_back(f.keyword);
    restart = restart || f.restart;
  }
  if (a != b && restart_reasons.empty() && out.changes.empty()) {
    out.changes.push_back("other settings");
  }
  // What the instance reads from outside its block.
  const GlobalDefs& ga = running.globals;
  const GlobalDefs& gb = next.globals;
  if (!b.is_unicast()) {
    const bool v4 = b.family == Family::ipv4;
    if ((v4 ? ga.vrrp_mcast_group4 : ga.vrrp_mcast_group6) !=
        (v4 ? gb.vrrp_mcast_group4 : gb.vrrp_mcast_group6)) {
      restart = true;
      restart_reasons.push_back(v4 ? "vrrp_mcast_group4" : "vrrp_mcast_group6");
    }
  }
  if (ga.vrrp_strict != gb.vrrp_strict) out.changes.push_back("vrrp_strict");
  if (ga.v3_checksum_as_v2 != gb.v3_checksum_as_v2) out.changes.push_back("v3_checksum_as_v2");
  // (vrrp_checksum and the others the parser folds into the instances are compared there.)
  for (const auto& t : b.track_scripts) {
    if (!same_block(running.scripts, next.scripts, t.name))
      out.changes.push_back("vrrp_script " + t.name);
  }
  for (const auto& t : b.track_files) {
    if (!same_block(running.track_files, next.track_files, t.name))
      out.changes.push_back("track_file " + t.name);
  }
  const SyncGroupConfig* group_a = group_of(running, a.name);
  const SyncGroupConfig* group_b = group_of(next, b.name);
  if (group_a || group_b) {
    if (!group_a || !group_b || stripped(*group_a) != stripped(*group_b)) {
      out.changes.push_back("vrrp_sync_group " + (group_b ? group_b->name : group_a->name));
    }
  }
  if (restart) {
    out.action = ReloadAction::restarted;
    out.changes = std::move(restart_reasons);
  } else {
    out.action = out.changes.empty() ? ReloadAction::unchanged : ReloadAction::updated;
  }
  return out;
}

}  // namespace

InstanceKey instance_key(const InstanceConfig& instance) {
  return InstanceKey{instance.interface, instance.virtual_router_id, instance.family,
                     instance.is_unicast()};
}

std::string to_string(const InstanceKey& key) {
  return key.interface + (key.family == Family::ipv4 ? " IPv4" : " IPv6") + " VRID " +
         std::to_string(key.vrid) + (key.unicast ? " unicast" : "");
}

std::string_view to_string(ReloadAction action) {
  switch (action) {
    case ReloadAction::unchanged:
      return "unchanged";
    case ReloadAction::updated:
      return "updated";
    case ReloadAction::restarted:
      return "restarted";
    case ReloadAction::added:
      return "added";
    case ReloadAction::removed:
      return "removed";
  }
  return "?";
}

std::size_t ReloadPlan::count(ReloadAction action) const {
  std::size_t n = 0;
  for (const auto& i : instances) {
    if (i.action == action) ++n;
  }
  return n;
}

bool same_settings(const InstanceConfig& a, const InstanceConfig& b) {
  return stripped(a) == stripped(b);
}

bool same_address(const VirtualAddress& a, const VirtualAddress& b) {
  VirtualAddress x = a;
  VirtualAddress y = b;
  strip(x.where);
  strip(y.where);
  return x == y;
}

bool same_route(const VirtualRoute& a, const VirtualRoute& b) {
  VirtualRoute x = a;
  VirtualRoute y = b;
  strip(x.where);
  strip(y.where);
  return x == y;
}

bool same_definition(const ScriptConfig& a, const ScriptConfig& b) {
  ScriptConfig x = a;
  ScriptConfig y = b;
  strip(x.where);
  strip(y.where);
  return x == y;
}

bool same_definition(const TrackFileConfig& a, const TrackFileConfig& b) {
  TrackFileConfig x = a;
  TrackFileConfig y = b;
  strip(x.where);
  strip(y.where);
  return x == y;
}

ReloadPlan plan_reload(const Config& running, const Config& next) {
  ReloadPlan plan;
  // keepalived's match; the first running instance of a key takes the first new one.
  std::multimap<InstanceKey, std::size_t> unmatched;
  for (std::size_t i = 0; i < running.instances.size(); ++i) {
    unmatched.emplace(instance_key(running.instances[i]), i);
  }
  for (std::size_t n = 0; n < next.instances.size(); ++n) {
    auto it = unmatched.find(instance_key(next.instances[n]));
    if (it == unmatched.end()) {
      InstanceReload added;
      added.action = ReloadAction::added;
      added.next_index = n;
      plan.instances.push_back(std::move(added));
      continue;
    }
    plan.instances.push_back(compare(running, it->second, next, n));
    unmatched.erase(it);
  }
  std::vector<std::size_t> removed;
  for (const auto& [key, index] : unmatched)
    removed.push_back(index);
  std::sort(removed.begin(), removed.end());
  for (std::size_t index : removed) {
    InstanceReload r;
    r.action = ReloadAction::removed;
    r.running_index = index;
    plan.instances.push_back(std::move(r));
  }

  for (const auto& script : next.scripts) {
    if (const auto* old = find_named(running.scripts, script.name);
        old && same_definition(*old, script)) {
      plan.kept_scripts.insert(script.name);
    }
  }
  for (const auto& file : next.track_files) {
    if (const auto* old = find_named(running.track_files, file.name);
        old && same_definition(*old, file)) {
      plan.kept_track_files.insert(file.name);
    }
  }
  // Everything else in global_defs is read at run time (script_user, enable_script_security,
  // notify_fifo), folded into the instances by the parser (vrrp_version, garp timing, ...) or
  // compared with them above; vrrpd sends no mail.
  // vrrp_startup_delay is for start-up only; the announcement pacing intervals are taken once.
  if (running.globals.vrrp_startup_delay != next.globals.vrrp_startup_delay) {
    plan.globals_not_applied.push_back("vrrp_startup_delay");
  }
  if (running.globals.vrrp_garp_interval != next.globals.vrrp_garp_interval) {
    plan.globals_not_applied.push_back("vrrp_garp_interval");
  }
  if (running.globals.vrrp_gna_interval != next.globals.vrrp_gna_interval) {
    plan.globals_not_applied.push_back("vrrp_gna_interval");
  }
  return plan;
}

std::string reload_summary(const ReloadPlan& plan) {
  std::string out = "reload:";
  const char* sep = " ";
  for (ReloadAction action :
       {ReloadAction::unchanged, ReloadAction::updated, ReloadAction::restarted,
        ReloadAction::added, ReloadAction::removed}) {
    out += sep + std::to_string(plan.count(action)) + " " + std::string(to_string(action));
    sep = ", ";
  }
  return out;
}

}  // namespace vrrp
