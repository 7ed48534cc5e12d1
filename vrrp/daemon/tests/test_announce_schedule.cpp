#include <catch2/catch.hpp>

#include "vrrp/daemon/announce_schedule.hpp"

using namespace std::chrono_literals;
using vrrp::GarpSettings;
using vrrp::TimePoint;
using vrrp::daemon::AnnounceSchedule;

TEST_CASE(
    "RFC 9568 §6.4.2: announcing on becoming Active, keepalived's defaults 5 now and 5 after 5 s",
    "[announce_schedule]") {
  AnnounceSchedule a(GarpSettings{});
  const TimePoint t0{100s};
  CHECK(a.take_due(t0) == 0u);  // not Active: nothing
  CHECK_FALSE(a.next_deadline());
  a.start(t0);
  CHECK(a.next_deadline() == t0);
  CHECK(a.take_due(t0) == 5u);
  CHECK(a.next_deadline() == t0 + 5s);
  CHECK(a.take_due(t0 + 4999ms) == 0u);
  CHECK(a.take_due(t0 + 5s) == 5u);
  CHECK_FALSE(a.next_deadline());  // no refresh by default
  CHECK(a.take_due(t0 + 60s) == 0u);
}

TEST_CASE("garp_master_delay 0: a single burst", "[announce_schedule]") {
  GarpSettings s;
  s.master_delay = 0s;
  s.master_repeat = 3;
  AnnounceSchedule a(s);
  const TimePoint t0{100s};
  a.start(t0);
  CHECK(a.take_due(t0) == 3u);
  CHECK_FALSE(a.next_deadline());
}

TEST_CASE("garp_master_refresh: periodic announcements while Active, none after leaving",
          "[announce_schedule]") {
  GarpSettings s;
  s.master_delay = 0s;
  s.master_refresh = 10s;
  s.master_refresh_repeat = 2;
  AnnounceSchedule a(s);
  const TimePoint t0{100s};
  a.start(t0);
  CHECK(a.take_due(t0) == 5u);
  CHECK(a.next_deadline() == t0 + 10s);
  CHECK(a.take_due(t0 + 10s) == 2u);
  CHECK(a.next_deadline() == t0 + 20s);
  // A stall of 35 s sends one refresh, not three, and keeps the original phase.
  CHECK(a.take_due(t0 + 55s) == 2u);
  CHECK(a.next_deadline() == t0 + 60s);
  a.stop();
  CHECK_FALSE(a.next_deadline());
  CHECK(a.take_due(t0 + 60s) == 0u);
}

TEST_CASE("becoming Active again restarts the schedule", "[announce_schedule]") {
  AnnounceSchedule a(GarpSettings{});
  a.start(TimePoint{100s});
  CHECK(a.take_due(TimePoint{100s}) == 5u);
  a.stop();
  a.start(TimePoint{103s});
  CHECK(a.take_due(TimePoint{103s}) == 5u);
  CHECK(a.next_deadline() == TimePoint{108s});
}

TEST_CASE(
    "keepalived garp_lower_prio_*: a burst when a lower-priority advert is heard, another "
    "lower_prio_delay later",
    "[announce_schedule]") {
  GarpSettings s;
  s.master_delay = 0s;
  s.master_repeat = 2;
  s.lower_prio_repeat = 3;
  s.lower_prio_delay = 4s;
  AnnounceSchedule a(s);
  const TimePoint t0{100s};
  a.lower_priority_heard(t0);  // not taken: not Active
  CHECK_FALSE(a.next_deadline());
  a.start(t0);
  CHECK(a.take_due(t0) == 2u);
  CHECK_FALSE(a.next_deadline());
  a.lower_priority_heard(t0 + 1s);
  CHECK(a.next_deadline() == t0 + 1s);
  CHECK(a.take_due(t0 + 1s) == 3u);
  CHECK(a.next_deadline() == t0 + 5s);
  // A second inferior advert while the delayed burst is pending: an immediate burst only.
  a.lower_priority_heard(t0 + 2s);
  CHECK(a.take_due(t0 + 2s) == 3u);
  CHECK(a.next_deadline() == t0 + 5s);
  CHECK(a.take_due(t0 + 4999ms) == 0u);
  CHECK(a.take_due(t0 + 5s) == 3u);
  CHECK_FALSE(a.next_deadline());
  // Leaving Active drops what is pending.
  a.lower_priority_heard(t0 + 6s);
  a.stop();
  CHECK_FALSE(a.next_deadline());
  CHECK(a.take_due(t0 + 20s) == 0u);
}

TEST_CASE("keepalived garp_lower_prio_repeat 0: nothing is announced for a lower-priority advert",
          "[announce_schedule]") {
  GarpSettings s;
  s.master_delay = 0s;
  s.lower_prio_repeat = 0;
  AnnounceSchedule a(s);
  const TimePoint t0{100s};
  a.start(t0);
  CHECK(a.take_due(t0) == 5u);
  a.lower_priority_heard(t0 + 1s);
  CHECK_FALSE(a.next_deadline());
  CHECK(a.take_due(t0 + 1s) == 0u);
}

TEST_CASE("keepalived garp_lower_prio_delay 0: a single burst", "[announce_schedule]") {
  GarpSettings s;
  s.master_delay = 0s;
  s.lower_prio_delay = 0s;
  s.lower_prio_repeat = 1;
  AnnounceSchedule a(s);
  const TimePoint t0{100s};
  a.start(t0);
  a.take_due(t0);
  a.lower_priority_heard(t0 + 1s);
  CHECK(a.take_due(t0 + 1s) == 1u);
  CHECK_FALSE(a.next_deadline());
}
