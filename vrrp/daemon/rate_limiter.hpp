// Rate-limited logging (RFC 9568 §7.1: drops SHOULD be logged "subject to rate-limiting").
// At most one line per key per window; the next line that is let through says how many were
// held back in between, so a flood costs a few lines and no information is lost but the detail.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>

#include "vrrp/time.hpp"

namespace vrrp::daemon {

class RateLimiter {
 public:
  explicit RateLimiter(Duration window = std::chrono::seconds(5)) : window_(window) {}

  // An event happened at `now`. Returns the number of events suppressed since the last one let
  // through when this one should be logged, or nothing when it should be suppressed.
  std::optional<std::uint64_t> admit(TimePoint now) {
    if (last_ && now - *last_ < window_) {
      ++suppressed_;
      return std::nullopt;
    }
    last_ = now;
    const auto held = suppressed_;
    suppressed_ = 0;
    return held;
  }

 private:
  Duration window_;
  std::optional<TimePoint> last_;
  std::uint64_t suppressed_ = 0;
};

// One RateLimiter per key (for instance one per drop reason).
template <typename Key>
class KeyedRateLimiter {
 public:
  explicit KeyedRateLimiter(Duration window = std::chrono::seconds(5)) : window_(window) {}

  std::optional<std::uint64_t> admit(const Key& key, TimePoint now) {
    return limiters_.try_emplace(key, window_).first->second.admit(now);
  }

 private:
  Duration window_;
  std::map<Key, RateLimiter> limiters_;
};

}  // namespace vrrp::daemon
