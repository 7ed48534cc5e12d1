// Which trackers act on a vrrp_instance once sync groups are taken into account, by
// keepalived 2.2's rule (its vrrp_complete_instance() and sync_group_tracking_init()):
// - The group's track_interface / track_script / track_file apply to every member, with their
//   weights; if a member is the address owner (priority 255) those weights are cleared to 0
//   (a failure then faults the group).
// - Without sync_group_tracking_weight, a member's own trackers must not move its priority
//   (the members would drift apart): its weighted track_interface lines count with weight 0
//   (down means Fault), and its weighted track_script and track_file lines are ignored, with a
//   log line each. With sync_group_tracking_weight, the member's own weights apply as written.
#pragma once

#include <string>
#include <vector>

#include "vrrp/config.hpp"

namespace vrrp {

struct MemberTrackers {
  std::vector<TrackInterface> interfaces;
  std::vector<TrackScript> scripts;
  std::vector<TrackFile> files;
  std::vector<std::string> ignored;  // one sentence per tracker the rule changed or dropped
};

// The vrrp_sync_group `instance` is in, or nullptr.
const SyncGroupConfig* sync_group_of(const Config& config, const InstanceConfig& instance);

// The trackers acting on `instance` (its own, and its group's), by the rule above.
MemberTrackers trackers_for(const Config& config, const InstanceConfig& instance);

}  // namespace vrrp
