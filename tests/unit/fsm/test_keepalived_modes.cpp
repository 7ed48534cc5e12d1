// keepalived's departures from RFC 9568 that its keywords ask for: `state MASTER`
// (initial_state_master), lower_prio_no_advert, higher_prio_send_advert, and the announcement
// an Active makes when it hears a lower-priority Active (garp_lower_prio_*).
#include <catch2/catch.hpp>

#include "fsm_test_support.hpp"
#include "vrrp/timers.hpp"

using namespace fsm_test;
using vrrp::Version;

namespace {

MachineConfig master_config(std::uint8_t priority, Centiseconds interval = Centiseconds{100},
                            Version version = Version::v3) {
  MachineConfig c = config(priority, "10.0.0.1", interval);
  c.version = version;
  c.initial_state_master = true;
  return c;
}

// An Active reached through the down timer, with `out` cleared.
StateMachine active_machine(MachineConfig c, TimePoint& became_active) {
  StateMachine m(std::move(c));
  std::vector<Action> out;
  m.startup(kT0, out);
  became_active = *m.next_deadline();
  m.timer_expired(became_active, out);
  REQUIRE(m.state() == State::active);
  return m;
}

}  // namespace

TEST_CASE("keepalived state MASTER: Backup first, the down timer is one interval plus I/256",
          "[initialize][keepalived][state-master]") {
  SECTION("v3: Advertisement_Interval + Skew_Time(255)") {
    StateMachine m(master_config(100, Centiseconds{100}));
    std::vector<Action> out;
    m.startup(kT0, out);
    // RFC 9568 §6.4.1 still holds: a non-owner goes to Backup and sends nothing.
    CHECK(describe(out) == "State(Initialize->Backup: startup, p=100)");
    CHECK(*m.next_deadline() == kT0 + cs(100 + 100.0 / 256));
    out.clear();
    m.timer_expired(*m.next_deadline(), out);
    CHECK(describe(out) ==
          "Bind, Send(100), Announce, State(Backup->Active: initial state MASTER, no router of at "
          "least our priority heard, p=100)");
  }
  SECTION("v2: Advertisement_Interval + 1/256 s (RFC 3768 §6.1 skew at 255)") {
    StateMachine m(master_config(100, Centiseconds{300}, Version::v2));
    std::vector<Action> out;
    m.startup(kT0, out);
    CHECK(*m.next_deadline() == kT0 + cs(300 + 100.0 / 256));
  }
  SECTION("not taken: state BACKUP waits Active_Down_Interval") {
    MachineConfig c = master_config(100);
    c.initial_state_master = false;
    StateMachine m(c);
    std::vector<Action> out;
    m.startup(kT0, out);
    CHECK(
        *m.next_deadline() ==
        vrrp::deadline_after(kT0, vrrp::active_down_interval(Version::v3, 100, Centiseconds{100})));
  }
  SECTION("the owner is Active at once whatever the initial state") {
    StateMachine m(master_config(255));
    std::vector<Action> out;
    m.startup(kT0, out);
    CHECK(m.state() == State::active);
  }
}

TEST_CASE("keepalived state MASTER: an Active of higher priority heard in time keeps it Backup",
          "[backup][keepalived][state-master]") {
  StateMachine m(master_config(100));
  std::vector<Action> out;
  m.startup(kT0, out);
  m.advert_received(advert("10.0.0.2", 200), kT0 + 500ms, out);
  // From the first accepted advert the ordinary §6.4.2 timer runs.
  CHECK(*m.next_deadline() ==
        vrrp::deadline_after(kT0 + 500ms,
                             vrrp::active_down_interval(Version::v3, 100, Centiseconds{100})));
  out.clear();
  m.timer_expired(kT0 + cs(100 + 100.0 / 256), out);  // the short timer's old deadline
  CHECK(out.empty());
  CHECK(m.state() == State::backup);
}

TEST_CASE("keepalived state MASTER: a lower-priority Active is preempted after the short timer",
          "[backup][keepalived][state-master]") {
  StateMachine m(master_config(100));
  std::vector<Action> out;
  m.startup(kT0, out);
  m.advert_received(advert("10.0.0.2", 50), kT0 + 500ms, out);  // discarded (preempt)
  out.clear();
  m.timer_expired(*m.next_deadline(), out);
  CHECK(m.state() == State::active);
  CHECK(*m.next_deadline() == kT0 + cs(100 + 100.0 / 256) + 1s);
}

TEST_CASE("keepalived state MASTER: only Startup is shortened, not the way back from Fault",
          "[fault][keepalived][state-master]") {
  StateMachine m(master_config(100));
  std::vector<Action> out;
  m.startup(kT0, out);
  m.fault_raised(kT0 + 10ms, out);
  m.fault_cleared(kT0 + 20ms, out);
  CHECK(*m.next_deadline() ==
        vrrp::deadline_after(kT0 + 20ms,
                             vrrp::active_down_interval(Version::v3, 100, Centiseconds{100})));
}

TEST_CASE("keepalived lower_prio_no_advert: an Active does not answer a lower-priority advert",
          "[active][keepalived][rfc9568-6.4.3]") {
  MachineConfig c = config(100, "10.0.0.1");
  c.lower_prio_no_advert = true;
  TimePoint t;
  StateMachine m = active_machine(c, t);
  std::vector<Action> out;
  const auto adver_timer = m.next_deadline();
  m.advert_received(advert("10.0.0.2", 50), t + 10ms, out);
  CHECK(describe_without_notices(out) == "Announce(lower priority)");
  CHECK(m.state() == State::active);
  CHECK(m.next_deadline() == adver_timer);  // the periodic advert still goes out on time
  SECTION("equal priority from a smaller address is lower too") {
    out.clear();
    m.advert_received(advert("9.0.0.1", 100), t + 20ms, out);
    CHECK(describe_without_notices(out) == "Announce(lower priority)");
  }
  SECTION("not taken: a priority-0 advert is still answered (RFC 9568 §6.4.3)") {
    out.clear();
    m.advert_received(advert("10.0.0.2", 0), t + 20ms, out);
    CHECK(describe_without_notices(out) == "Send(100)");
  }
}

TEST_CASE("keepalived lower_prio_no_advert off: the RFC 9568 §6.4.3 answer is sent",
          "[active][keepalived][rfc9568-6.4.3]") {
  TimePoint t;
  StateMachine m = active_machine(config(100, "10.0.0.1"), t);
  std::vector<Action> out;
  m.advert_received(advert("10.0.0.2", 50), t + 10ms, out);
  CHECK(describe_without_notices(out) == "Send(100), Announce(lower priority)");
}

TEST_CASE("keepalived higher_prio_send_advert: one advert of ours before going Backup",
          "[active][keepalived][rfc9568-6.4.3]") {
  MachineConfig c = config(100, "10.0.0.1");
  c.higher_prio_send_advert = true;
  SECTION("higher priority") {
    TimePoint t;
    StateMachine m = active_machine(c, t);
    std::vector<Action> out;
    m.advert_received(advert("10.0.0.2", 150), t + 10ms, out);
    CHECK(describe_without_notices(out) ==
          "Send(100), Unbind, State(Active->Backup: higher priority advert received, p=100)");
  }
  SECTION("equal priority from a higher address") {
    TimePoint t;
    StateMachine m = active_machine(c, t);
    std::vector<Action> out;
    m.advert_received(advert("10.0.0.2", 100), t + 10ms, out);
    CHECK(describe_without_notices(out) ==
          "Send(100), Unbind, State(Active->Backup: equal priority advert from a higher address, "
          "p=100)");
  }
  SECTION("not taken: without it the Active yields silently (RFC 9568 §6.4.3)") {
    c.higher_prio_send_advert = false;
    TimePoint t;
    StateMachine m = active_machine(c, t);
    std::vector<Action> out;
    m.advert_received(advert("10.0.0.2", 150), t + 10ms, out);
    CHECK(describe_without_notices(out) ==
          "Unbind, State(Active->Backup: higher priority advert received, p=100)");
  }
}
