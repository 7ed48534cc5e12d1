// keepalived's preempt_delay on top of RFC 9568 §6.4.2 preemption.
#include <catch2/catch.hpp>

#include "fsm_test_support.hpp"

using namespace fsm_test;

namespace {
MachineConfig delayed(Duration delay) {
  MachineConfig c = config(200, "10.0.0.1");
  c.preempt_delay = delay;
  return c;
}

// A lower-priority (100) Active on 10.0.0.9 advertising every second from kT0 + 0.5 s, fed to
// `m` until `until` (or until `m` goes Active). Returns the time of the last advert delivered.
TimePoint feed_lower_active(StateMachine& m, TimePoint until, std::vector<Action>& out) {
  TimePoint last{};
  for (TimePoint t = kT0 + 500ms; t <= until; t += 1s) {
    run_until(m, t, out);
    if (m.state() != State::backup) break;
    m.advert_received(advert("10.0.0.9", 100), t, out);
    last = t;
  }
  return last;
}
}  // namespace

TEST_CASE(
    "keepalived preempt_delay: no delay -> preempts Active_Down_Interval after Startup "
    "(RFC 9568 §6.4.2)",
    "[preempt_delay][rfc9568-6.4.2]") {
  StateMachine m(delayed(0s));
  std::vector<Action> out;
  m.startup(kT0, out);
  feed_lower_active(m, kT0 + 20s, out);
  const auto changes = only<vrrp::StateChanged>(out);
  REQUIRE(changes.size() == 2);
  CHECK(changes[1].to == State::active);
  CHECK(changes[1].reason == vrrp::TransitionReason::preempted_lower_priority);
  // 3 x 100 + (56 x 100) / 256 = 321.875 cs after Startup.
  CHECK(*m.next_deadline() == kT0 + cs(321.875) + 1s);
}

TEST_CASE(
    "keepalived preempt_delay: a lower-priority Active is tolerated for the delay, "
    "counted from its first advert",
    "[preempt_delay]") {
  StateMachine m(delayed(10s));
  std::vector<Action> out;
  m.startup(kT0, out);
  feed_lower_active(m, kT0 + 30s, out);

  // Its first advert (kT0 + 0.5 s) opened the window: it ends at kT0 + 10.5 s.
  const auto notices = only<vrrp::Notice>(out);
  REQUIRE_FALSE(notices.empty());
  CHECK(notices.front().kind == vrrp::NoticeKind::preempt_delay_started);
  // Adverts at 0.5 .. 9.5 s were accepted; the one at 10.5 s (window over) was discarded, so
  // the last accepted is at 9.5 s and we preempt 321.875 cs later.
  const auto changes = only<vrrp::StateChanged>(out);
  REQUIRE(changes.size() == 2);
  CHECK(changes[1].reason == vrrp::TransitionReason::preempted_lower_priority);
  const TimePoint became_active = kT0 + 9500ms + cs(321.875);
  CHECK(*m.next_deadline() == became_active + 1s);
}

TEST_CASE("keepalived preempt_delay: inside the window the Backup stays Backup (not taken)",
          "[preempt_delay]") {
  StateMachine m(delayed(10s));
  std::vector<Action> out;
  m.startup(kT0, out);
  feed_lower_active(m, kT0 + 10s, out);
  CHECK(m.state() == State::backup);
  REQUIRE(m.preempt_delay_end().has_value());
  CHECK(*m.preempt_delay_end() == kT0 + 10500ms);
}

TEST_CASE("keepalived preempt_delay: an advert of at least our priority stops the window",
          "[preempt_delay]") {
  StateMachine m(delayed(10s));
  std::vector<Action> out;
  m.startup(kT0, out);
  m.advert_received(advert("10.0.0.9", 100), kT0 + 1s, out);
  REQUIRE(m.preempt_delay_end() == kT0 + 11s);
  out.clear();
  m.advert_received(advert("10.0.0.8", 200), kT0 + 2s, out);
  CHECK(describe_without_notices(out).empty());
  CHECK(only<vrrp::Notice>(out).back().kind == vrrp::NoticeKind::preempt_delay_stopped);
  CHECK_FALSE(m.preempt_delay_end().has_value());
  // The next lower advert opens a new window from its own time.
  m.advert_received(advert("10.0.0.9", 100), kT0 + 3s, out);
  CHECK(m.preempt_delay_end() == kT0 + 13s);
}

TEST_CASE("keepalived preempt_delay: nopreempt and the owner ignore it", "[preempt_delay]") {
  MachineConfig nopreempt = delayed(1s);
  nopreempt.preempt = false;
  StateMachine a(nopreempt);
  std::vector<Action> out;
  a.startup(kT0, out);
  feed_lower_active(a, kT0 + 30s, out);
  CHECK(a.state() == State::backup);  // never preempts
  CHECK_FALSE(a.preempt_delay_end().has_value());

  // An owner that lost a tie-break to another owner preempts a lower Active without delay.
  MachineConfig owner = config(255, "10.0.0.1");
  owner.preempt_delay = 100s;
  StateMachine b(owner);
  b.startup(kT0, out);
  b.advert_received(advert("10.0.0.2", 255), kT0 + 1s, out);
  REQUIRE(b.state() == State::backup);
  const auto dead = b.next_deadline();
  b.advert_received(advert("10.0.0.9", 100), kT0 + 2s, out);
  CHECK(b.next_deadline() == dead);  // discarded at once
  CHECK_FALSE(b.preempt_delay_end().has_value());
}
