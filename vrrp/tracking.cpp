#include "vrrp/tracking.hpp"

#include <algorithm>

namespace vrrp {

namespace {

// Beyond ±(254 + 253) no total can change an effective priority (1..254) any further, so
// summing in long long and clamping to this keeps the int result exact where it matters.
constexpr long long kWeightLimit = 100000;

// keepalived: a track_file product below -253 is a fault rather than a weight.
constexpr long long kFileFaultBelow = -253;

}  // namespace

ScriptTracker::ScriptTracker(std::uint32_t rise, std::uint32_t fall, bool init_fail)
    : rise_(std::max<std::uint32_t>(rise, 1)),
      fall_(std::max<std::uint32_t>(fall, 1)),
      up_(!init_fail),
      first_(!init_fail) {}

bool ScriptTracker::record(bool success) {
  if (first_) {
    first_ = false;
    const bool was = up_;
    up_ = success;
    streak_ = 0;
    return was != up_;
  }
  if (success == up_) {
    streak_ = 0;  // confirms the current state; any count against it restarts
    return false;
  }
  ++streak_;
  if (streak_ < (up_ ? fall_ : rise_)) return false;
  up_ = success;
  streak_ = 0;
  return true;
}

TrackingResult combine_trackers(std::span<const StatusTracker> statuses,
                                std::span<const FileTracker> files) {
  TrackingResult result;
  long long total = 0;
  for (const StatusTracker& t : statuses) {
    if (t.weight == 0) {
      if (t.up == t.reverse) result.fault = true;
      continue;
    }
    const long long weight = t.reverse ? -static_cast<long long>(t.weight) : t.weight;
    if (t.weight > 0 && t.up) total += weight;
    if (t.weight < 0 && !t.up) total += weight;
  }
  for (const FileTracker& f : files) {
    const long long value = f.value.value_or(0);
    if (f.weight == 0) {
      if (value != 0) result.fault = true;
      continue;
    }
    const long long weight = f.reverse ? -static_cast<long long>(f.weight) : f.weight;
    // Clamp the value first: weight is at most 254 in magnitude, so the product cannot overflow.
    const long long product = std::clamp(value, -kWeightLimit, kWeightLimit) * weight;
    if (product < kFileFaultBelow) {
      result.fault = true;
      continue;
    }
    total += product;
  }
  result.total_weight = static_cast<int>(std::clamp(total, -kWeightLimit, kWeightLimit));
  return result;
}

}  // namespace vrrp
