#include "vrrp/sync_group_tracking.hpp"

#include <algorithm>

namespace vrrp {

namespace {

int script_weight(const Config& config, const TrackScript& t) {
  if (t.weight) return *t.weight;
  const ScriptConfig* script = config.find_script(t.name);
  return script ? script->weight : 0;
}

int file_weight(const Config& config, const TrackFile& t) {
  if (t.weight) return *t.weight;
  for (const TrackFileConfig& f : config.track_files) {
    if (f.name == t.name) return f.weight;
  }
  return 0;
}

}  // namespace

const SyncGroupConfig* sync_group_of(const Config& config, const InstanceConfig& instance) {
  for (const SyncGroupConfig& group : config.sync_groups) {
    if (std::find(group.members.begin(), group.members.end(), instance.name) !=
        group.members.end()) {
      return &group;
    }
  }
  return nullptr;
}

MemberTrackers trackers_for(const Config& config, const InstanceConfig& instance) {
  MemberTrackers out;
  const SyncGroupConfig* group = sync_group_of(config, instance);
  if (!group) {
    out.interfaces = instance.track_interfaces;
    out.scripts = instance.track_scripts;
    out.files = instance.track_files;
    return out;
  }

  const std::string why = "due to sync group " + group->name;
  if (group->sync_group_tracking_weight) {
    out.interfaces = instance.track_interfaces;
    out.scripts = instance.track_scripts;
    out.files = instance.track_files;
  } else {
    for (TrackInterface t : instance.track_interfaces) {
      if (t.weight != 0) {
        out.ignored.push_back("ignoring weight " + std::to_string(t.weight) +
                              " of tracked interface " + t.name + " " + why +
                              " (down puts the group in Fault)");
        t.weight = 0;
      }
      out.interfaces.push_back(t);
    }
    for (const TrackScript& t : instance.track_scripts) {
      if (const int weight = script_weight(config, t); weight != 0) {
        out.ignored.push_back("ignoring tracked script " + t.name + " with weight " +
                              std::to_string(weight) + " " + why);
        continue;
      }
      out.scripts.push_back(t);
    }
    for (const TrackFile& t : instance.track_files) {
      if (const int weight = file_weight(config, t); weight != 0) {
        out.ignored.push_back("ignoring tracked file " + t.name + " with weight " +
                              std::to_string(weight) + " " + why);
        continue;
      }
      out.files.push_back(t);
    }
  }

  // The group's own trackers, on every member. An address owner cannot take weights (its
  // priority is fixed at 255), so with one in the group they count with weight 0.
  bool has_owner = false;
  for (const std::string& name : group->members) {
    const InstanceConfig* member = config.find_instance(name);
    if (member && member->priority == kOwnerPriority) has_owner = true;
  }
  for (TrackInterface t : group->track_interfaces) {
    if (has_owner) t.weight = 0;
    out.interfaces.push_back(t);
  }
  for (TrackScript t : group->track_scripts) {
    if (has_owner) t.weight = 0;
    out.scripts.push_back(t);
  }
  for (TrackFile t : group->track_files) {
    if (has_owner) t.weight = 0;
    out.files.push_back(t);
  }
  return out;
}

}  // namespace vrrp
