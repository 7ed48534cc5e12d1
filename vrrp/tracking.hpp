// Tracking: what keepalived's vrrp_script, track_interface and track_file do to an instance's
// priority, as pure logic. The daemon runs the scripts, watches the links and reads the files,
// and feeds the results in here; what comes out is a total weight for effective_priority() and
// whether a weight-0 tracker puts the instance in Fault.
#pragma once

#include <cstdint>
#include <optional>
#include <span>

namespace vrrp {

// keepalived's rise/fall counting for one vrrp_script. The script is "up" after `rise`
// consecutive successes and "down" after `fall` consecutive failures; a single result of the
// other kind in between restarts the count.
//
// The starting state follows keepalived's init_fail: without it the script counts as up until
// its first result, and that first result decides at once (no rise/fall counting); with it the
// script starts down and needs `rise` successes like any later recovery.
class ScriptTracker {
 public:
  ScriptTracker(std::uint32_t rise, std::uint32_t fall, bool init_fail);

  // One finished run of the script (exit status 0 is success; a timeout is a failure).
  // Returns true when up() changed.
  bool record(bool success);

  bool up() const { return up_; }

 private:
  std::uint32_t rise_;
  std::uint32_t fall_;
  bool up_;
  bool first_ = true;         // no result yet (only without init_fail)
  std::uint32_t streak_ = 0;  // consecutive results against the current state
};

// A tracked thing that is either up or down: a vrrp_script (ScriptTracker::up) or an interface
// (administratively up and running). `weight` is the one in force (the track_script line's,
// else the vrrp_script's).
struct StatusTracker {
  int weight = 0;
  bool reverse = false;
  bool up = true;
};

// A track_file: the integer in the file (nullopt: unreadable or not a number, taken as 0 as
// keepalived does).
struct FileTracker {
  int weight = 1;
  bool reverse = false;
  std::optional<long long> value;
};

struct TrackingResult {
  int total_weight = 0;  // for effective_priority()
  bool fault = false;    // a weight-0 tracker failed, or a file result below -253
};

// keepalived's rules:
// - status trackers: weight > 0 adds the weight while up; weight < 0 adds it (subtracts) while
//   down; weight 0: down means Fault. `reverse` negates the weight (weight 10 reverse takes 10
//   off while up) and, for weight 0, makes up the Fault condition.
// - file trackers: weight 0: a non-zero value means Fault; otherwise value x weight (negated by
//   `reverse`) is added, and a product below -253 means Fault instead.
// The total is clamped to a range that cannot overflow; effective_priority() clamps further.
TrackingResult combine_trackers(std::span<const StatusTracker> statuses,
                                std::span<const FileTracker> files);

}  // namespace vrrp
