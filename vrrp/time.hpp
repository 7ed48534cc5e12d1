// Time in the protocol core. The core never reads a clock: the caller passes `now` in.
#pragma once

#include <chrono>
#include <cstdint>

namespace vrrp {

// A point on the monotonic clock (CLOCK_MONOTONIC in the daemon, a virtual clock in tests).
using Clock = std::chrono::steady_clock;
using TimePoint = std::chrono::time_point<Clock, std::chrono::nanoseconds>;
using Duration = std::chrono::nanoseconds;

// Centiseconds exist only on the wire (RFC 9568 §5.2.7 Max Advertise Interval).
using Centiseconds = std::chrono::duration<std::int64_t, std::centi>;

// 1/256 of a centisecond. RFC 9568 §6.1 divides by 256, so Skew_Time and
// Active_Down_Interval are whole numbers of this unit for every priority and interval:
// the formulas are evaluated exactly, multiply before divide, and never truncate to zero
// (other implementations shipped a skew that integer division made always zero).
using ProtocolInterval = std::chrono::duration<std::int64_t, std::ratio<1, 25600>>;

// A deadline `interval` after `now`, rounded up to the clock's nanosecond so that a timer
// never fires before the RFC's instant.
inline TimePoint deadline_after(TimePoint now, ProtocolInterval interval) {
  return now + std::chrono::ceil<Duration>(interval);
}

}  // namespace vrrp
