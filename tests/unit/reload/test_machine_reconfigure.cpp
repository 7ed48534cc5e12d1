// StateMachine::reconfigure: a reload's new parameters applied to a running state machine
// without a transition.
#include <catch2/catch.hpp>

#include <algorithm>
#include <stdexcept>
#include <vector>

#include "vrrp/state_machine.hpp"

using namespace std::chrono_literals;
using namespace vrrp;

namespace {

const TimePoint t0{1000s};

MachineConfig config(std::uint8_t priority = 100) {
  MachineConfig c;
  c.name = "VI_1";
  c.vrid = 51;
  c.priority = priority;
  c.primary_address = IpAddress::v4(192, 0, 2, 1);
  return c;
}

AdvertEvent advert(std::uint8_t priority, Centiseconds interval = Centiseconds{100}) {
  return AdvertEvent{IpAddress::v4(192, 0, 2, 2), priority, interval, Version::v3};
}

std::size_t sends(const std::vector<Action>& actions) {
  return static_cast<std::size_t>(std::count_if(actions.begin(), actions.end(), [](const auto& a) {
    return std::holds_alternative<SendAdvert>(a);
  }));
}
bool changed_state(const std::vector<Action>& actions) {
  return std::any_of(actions.begin(), actions.end(),
                     [](const auto& a) { return std::holds_alternative<StateChanged>(a); });
}

// Active since t0 (the owner starts Active at once), then at priority 100.
StateMachine active_machine(std::vector<Action>& out) {
  StateMachine m(config(255));
  m.startup(t0, out);
  m.set_effective_priority(100, t0, out);
  REQUIRE(m.state() == State::active);
  out.clear();
  return m;
}

}  // namespace

TEST_CASE("reload: the same parameters change nothing, in Active or Backup", "[reload][fsm]") {
  std::vector<Action> out;
  StateMachine active = active_machine(out);
  const auto deadline = active.next_deadline();
  MachineConfig same = config(255);
  active.reconfigure(same, t0 + 300ms, out);
  CHECK(out.empty());
  CHECK(active.next_deadline() == deadline);

  StateMachine backup(config());
  backup.startup(t0, out);
  out.clear();
  const auto down = backup.next_deadline();
  backup.reconfigure(config(), t0 + 300ms, out);
  CHECK(out.empty());
  CHECK(backup.next_deadline() == down);
  CHECK(backup.state() == State::backup);
}

TEST_CASE(
    "reload: RFC 9568 §6.4.3, a new Advertisement_Interval is advertised by the Active at "
    "once and times Adver_Timer",
    "[reload][fsm]") {
  std::vector<Action> out;
  StateMachine m = active_machine(out);
  MachineConfig c = config(255);
  c.advert_interval = Centiseconds{200};
  m.reconfigure(c, t0 + 300ms, out);
  CHECK(sends(out) == 1);
  CHECK(!changed_state(out));
  CHECK(m.state() == State::active);
  CHECK(m.next_deadline() == t0 + 300ms + 2s);
}

TEST_CASE(
    "reload: RFC 9568 §6.4.2, a Backup learns the interval from the Active, not from its "
    "own configuration",
    "[reload][fsm]") {
  std::vector<Action> out;
  StateMachine m(config());
  m.startup(t0, out);
  MachineConfig c = config();
  c.advert_interval = Centiseconds{300};
  SECTION("no Active heard yet: the new value is Active_Adver_Interval") {
    m.reconfigure(c, t0 + 100ms, out);
    CHECK(m.active_adver_interval() == Centiseconds{300});
  }
  SECTION("an Active heard: its interval stays until its next advert says otherwise") {
    m.advert_received(advert(200), t0 + 100ms, out);
    m.reconfigure(c, t0 + 200ms, out);
    CHECK(m.active_adver_interval() == Centiseconds{100});
  }
  CHECK(sends(out) == 0);
  CHECK(m.state() == State::backup);
}

TEST_CASE("reload: RFC 9568 §6.1 Preempt_Mode off stops a Backup from preempting a lower Active",
          "[reload][fsm]") {
  std::vector<Action> out;
  StateMachine m(config(200));
  m.startup(t0, out);
  SECTION("preempting (the default)") {
    TimePoint t = t0;
    for (int i = 0; i < 6 && m.state() == State::backup; ++i) {
      t += 1s;
      m.advert_received(advert(100), t, out);
      if (m.next_deadline() && *m.next_deadline() <= t + 1s)
        m.timer_expired(*m.next_deadline(), out);
    }
    CHECK(m.state() == State::active);
  }
  SECTION("nopreempt by reload") {
    MachineConfig c = config(200);
    c.preempt = false;
    m.reconfigure(c, t0 + 100ms, out);
    TimePoint t = t0;
    for (int i = 0; i < 6; ++i) {
      t += 1s;
      m.advert_received(advert(100), t, out);
      if (m.next_deadline() && *m.next_deadline() <= t + 1s)
        m.timer_expired(*m.next_deadline(), out);
    }
    CHECK(m.state() == State::backup);
  }
}

TEST_CASE("reload: the version, family and VRID cannot change in place", "[reload][fsm]") {
  std::vector<Action> out;
  StateMachine m(config());
  m.startup(t0, out);
  MachineConfig other_vrid = config();
  other_vrid.vrid = 52;
  CHECK_THROWS_AS(m.reconfigure(other_vrid, t0, out), std::invalid_argument);
  MachineConfig v2 = config();
  v2.version = Version::v2;
  CHECK_THROWS_AS(m.reconfigure(v2, t0, out), std::invalid_argument);
  MachineConfig bad_interval = config();
  bad_interval.advert_interval = Centiseconds{0};
  CHECK_THROWS_AS(m.reconfigure(bad_interval, t0, out), std::invalid_argument);
  CHECK(m.state() == State::backup);
}
