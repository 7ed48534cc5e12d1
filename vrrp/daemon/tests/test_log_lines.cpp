#include <catch2/catch.hpp>

#include "vrrp/daemon/log_lines.hpp"
#include "vrrp/daemon/rate_limiter.hpp"

using namespace std::chrono_literals;
using vrrp::DropReason;
using vrrp::IpAddress;
using vrrp::State;
using vrrp::StateChanged;
using vrrp::TimePoint;
using vrrp::TransitionReason;
using vrrp::daemon::format_drop;
using vrrp::daemon::format_state_change;
using vrrp::daemon::KeyedRateLimiter;
using vrrp::daemon::RateLimiter;

TEST_CASE("log: the state change line has the exact documented form", "[log]") {
  CHECK(
      format_state_change("VI_1", StateChanged{State::backup, State::active,
                                               TransitionReason::active_down_timer_expired, 100}) ==
      "VI_1: Backup -> Active (active down timer expired, priority 100)");
  CHECK(format_state_change(
            "web", StateChanged{State::initialize, State::backup, TransitionReason::startup, 50}) ==
        "web: Initialize -> Backup (startup, priority 50)");
  CHECK(format_state_change("VI_6", StateChanged{State::active, State::initialize,
                                                 TransitionReason::shutdown, 255}) ==
        "VI_6: Active -> Initialize (shutdown, priority 255)");
}

TEST_CASE("RFC 9568 §7.1: drop lines name the source and the reason", "[log]") {
  CHECK(format_drop("VI_1", IpAddress::v4(192, 0, 2, 2), DropReason::ttl_not_255, 0) ==
        "VI_1: dropped advert from 192.0.2.2: ttl_not_255");
  CHECK(format_drop("eth0 IPv6", *IpAddress::parse("fe80::2"), DropReason::bad_checksum, 12) ==
        "eth0 IPv6: dropped advert from fe80::2: bad_checksum (12 similar suppressed)");
}

TEST_CASE("RFC 9568 §7.1: drop logging is rate-limited, one line per window", "[log]") {
  const TimePoint t0{1000s};
  RateLimiter limiter(5s);
  CHECK(limiter.admit(t0) == 0u);  // the first one is logged
  int logged = 0;
  for (int i = 1; i <= 1000; ++i) {
    if (limiter.admit(t0 + i * 4ms)) ++logged;  // a burst within 4 s
  }
  CHECK(logged == 0);
  // After the window, the next one is logged and reports the 1000 held back.
  CHECK(limiter.admit(t0 + 5s) == 1000u);
  CHECK_FALSE(limiter.admit(t0 + 6s));
  CHECK(limiter.admit(t0 + 11s) == 1u);
  CHECK(limiter.admit(t0 + 20s) == 0u);
}

TEST_CASE("RFC 9568 §7.1: each drop reason has its own rate limit", "[log]") {
  const TimePoint t0{1000s};
  KeyedRateLimiter<DropReason> limiter(5s);
  CHECK(limiter.admit(DropReason::ttl_not_255, t0));
  CHECK_FALSE(limiter.admit(DropReason::ttl_not_255, t0 + 1s));
  CHECK(limiter.admit(DropReason::bad_checksum, t0 + 1s));  // another reason is not held back
  CHECK_FALSE(limiter.admit(DropReason::bad_checksum, t0 + 2s));
  CHECK(limiter.admit(DropReason::ttl_not_255, t0 + 5s) == 1u);
}
