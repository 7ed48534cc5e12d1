// keepalived's Fault state (not in the RFC): interface down or a failed tracker.
#include <catch2/catch.hpp>

#include "fsm_test_support.hpp"

using namespace fsm_test;

TEST_CASE(
    "Fault: leaving Active sends priority 0 and releases the addresses (RFC 9568 §6.4.3 "
    "Shutdown semantics)",
    "[fault]") {
  StateMachine m(config(255, "10.0.0.1"));
  std::vector<Action> out;
  m.startup(kT0, out);
  out.clear();
  m.fault_raised(kT0 + 1s, out);
  CHECK(describe(out) == "Send(0), Unbind, State(Active->Fault: fault, p=255)");
  CHECK(m.state() == State::fault);
  CHECK(m.fault());
  CHECK_FALSE(m.next_deadline().has_value());
  CHECK_FALSE(m.active_address().has_value());
  CHECK_FALSE(m.accepts_packets_for_vips());

  // In Fault: no timers, no adverts sent, adverts ignored, repeated faults are no-ops.
  out.clear();
  m.timer_expired(kT0 + 100s, out);
  m.advert_received(advert("10.0.0.2", 0), kT0 + 101s, out);
  m.advert_received(advert("10.0.0.2", 1), kT0 + 102s, out);
  m.advert_received(advert("10.0.0.2", 255), kT0 + 103s, out);
  m.fault_raised(kT0 + 104s, out);
  m.startup(kT0 + 105s, out);
  CHECK(out.empty());
  CHECK(m.state() == State::fault);

  // Cleared: through the Initialize logic; the owner is Active at once.
  m.fault_cleared(kT0 + 200s, out);
  CHECK(describe(out) == "Bind, Send(255), Announce, State(Fault->Active: fault cleared, p=255)");
  CHECK(*m.next_deadline() == kT0 + 201s);
}

TEST_CASE(
    "Fault: from Backup nothing is sent, and once cleared it is Backup again with the "
    "configured interval",
    "[fault]") {
  StateMachine m(config(100, "10.0.0.1"));
  std::vector<Action> out;
  m.startup(kT0, out);
  m.advert_received(advert("10.0.0.9", 200, Centiseconds{300}), kT0 + 1s, out);
  REQUIRE(m.active_adver_interval() == Centiseconds{300});
  out.clear();
  m.fault_raised(kT0 + 2s, out);
  CHECK(describe(out) == "State(Backup->Fault: fault, p=100)");
  CHECK_FALSE(m.next_deadline().has_value());

  out.clear();
  const TimePoint t = kT0 + 10s;
  m.fault_cleared(t, out);
  CHECK(describe(out) == "State(Fault->Backup: fault cleared, p=100)");
  CHECK(m.active_adver_interval() == Centiseconds{100});  // reset, as at Startup (§6.4.1)
  CHECK(*m.next_deadline() == t + cs(360.9375));
  // A second clear is not an event.
  out.clear();
  m.fault_cleared(t + 1s, out);
  CHECK(out.empty());
}

TEST_CASE("Fault: raised before Startup, the instance starts in Fault", "[fault]") {
  StateMachine m(config(100, "10.0.0.1"));
  std::vector<Action> out;
  m.fault_raised(kT0, out);
  CHECK(out.empty());
  CHECK(m.state() == State::initialize);
  m.startup(kT0 + 1s, out);
  CHECK(describe(out) == "State(Initialize->Fault: startup while faulted, p=100)");
  CHECK_FALSE(m.next_deadline().has_value());

  // Shutdown from Fault: to Initialize, nothing sent; the fault is still remembered.
  out.clear();
  m.shutdown(kT0 + 2s, out);
  CHECK(describe(out) == "State(Fault->Initialize: shutdown, p=100)");
  out.clear();
  m.startup(kT0 + 3s, out);
  CHECK(m.state() == State::fault);
  // Cleared while in Initialize: the next Startup is an ordinary one.
  m.shutdown(kT0 + 4s, out);
  m.fault_cleared(kT0 + 5s, out);
  CHECK(m.state() == State::initialize);
  out.clear();
  m.startup(kT0 + 6s, out);
  CHECK(describe(out) == "State(Initialize->Backup: startup, p=100)");
}

TEST_CASE("Fault: a priority change while faulted is kept for later", "[fault][priority]") {
  StateMachine m(config(100, "10.0.0.1"));
  std::vector<Action> out;
  m.startup(kT0, out);
  m.fault_raised(kT0, out);
  out.clear();
  m.set_effective_priority(150, kT0 + 1s, out);
  CHECK(out.empty());
  m.fault_cleared(kT0 + 2s, out);
  CHECK(describe(out) == "State(Fault->Backup: fault cleared, p=150)");
  CHECK(*m.next_deadline() == kT0 + 2s + cs(300 + 41.40625));  // skew (106 x 100) / 256
}
