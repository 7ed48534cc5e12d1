// Effective priority: the base priority moved by tracker weights, RFC 9568 §6.1 ranges.
#include <catch2/catch.hpp>

#include <climits>

#include "fsm_test_support.hpp"
#include "vrrp/priority.hpp"
#include "vrrp/timers.hpp"

using namespace fsm_test;
using vrrp::effective_priority;

TEST_CASE("RFC 9568 §6.1: effective priority is base plus weights, clamped to 1..254",
          "[priority][rfc9568-6.1]") {
  CHECK(effective_priority(100, 0) == 100);
  CHECK(effective_priority(100, 50) == 150);
  CHECK(effective_priority(100, -50) == 50);
  CHECK(effective_priority(100, 154) == 254);
  CHECK(effective_priority(100, 155) == 254);  // never 255: that is the owner's
  CHECK(effective_priority(100, 1000) == 254);
  CHECK(effective_priority(100, -98) == 2);
  CHECK(effective_priority(100, -99) == 1);
  CHECK(effective_priority(100, -100) == 1);  // never 0: that is the resignation value
  CHECK(effective_priority(1, -1) == 1);
  CHECK(effective_priority(254, 0) == 254);
  CHECK(effective_priority(100, INT_MAX) == 254);
  CHECK(effective_priority(100, INT_MIN) == 1);
}

TEST_CASE("RFC 9568 §6.1: the address owner stays 255 whatever the weights",
          "[priority][rfc9568-6.1]") {
  CHECK(effective_priority(255, 0) == 255);
  CHECK(effective_priority(255, -100) == 255);
  CHECK(effective_priority(255, -254) == 255);
  CHECK(effective_priority(255, 10) == 255);
  // Not taken: 254 is not an owner and moves.
  CHECK(effective_priority(254, -100) == 154);
}

TEST_CASE(
    "RFC 9568 §6.1: a priority change in Backup recomputes Skew_Time and "
    "Active_Down_Interval",
    "[priority][rfc9568-6.1][rfc9568-6.4.2]") {
  StateMachine m(config(100, "10.0.0.1"));
  std::vector<Action> out;
  m.startup(kT0, out);
  REQUIRE(m.state() == State::backup);
  CHECK(m.skew_time() == vrrp::skew_time(vrrp::Version::v3, 100, Centiseconds{100}));

  out.clear();
  m.set_effective_priority(200, kT0 + 1s, out);
  CHECK(out.empty());  // nothing to send from Backup
  CHECK(m.priority() == 200);
  CHECK(m.skew_time() == vrrp::skew_time(vrrp::Version::v3, 200, Centiseconds{100}));
  CHECK(m.active_down_interval() ==
        vrrp::active_down_interval(vrrp::Version::v3, 200, Centiseconds{100}));
  // The running timer is left alone ...
  CHECK(*m.next_deadline() == kT0 + cs(360.9375));
  // ... and the next accepted advert arms it with the new interval: 321.875 cs.
  m.advert_received(advert("10.0.0.2", 220), kT0 + 2s, out);
  CHECK(*m.next_deadline() == kT0 + 2s + cs(321.875));

  // Unchanged priority: no event.
  out.clear();
  m.set_effective_priority(200, kT0 + 3s, out);
  CHECK(out.empty());
  // 0 is never a local priority.
  m.set_effective_priority(0, kT0 + 3s, out);
  CHECK(m.priority() == 1);
}

TEST_CASE("RFC 9568 §6.4.3: a priority change in Active is advertised at once",
          "[priority][rfc9568-6.4.3]") {
  StateMachine m(config(100, "10.0.0.1"));
  std::vector<Action> out;
  m.startup(kT0, out);
  run_until(m, kT0 + 4s, out);
  REQUIRE(m.state() == State::active);
  out.clear();
  const TimePoint t = kT0 + 4s + 300ms;
  m.set_effective_priority(50, t, out);
  CHECK(describe(out) == "Send(50)");
  CHECK(*m.next_deadline() == t + 1s);  // Adver_Timer restarted, spacing stays I
  CHECK(m.state() == State::active);

  // Not taken: the same priority again sends nothing.
  out.clear();
  m.set_effective_priority(50, t + 10ms, out);
  CHECK(out.empty());
}
