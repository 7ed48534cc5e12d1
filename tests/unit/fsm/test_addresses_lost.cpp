// Issue 8: an Active whose VIPs' kernel lifetime ran out (the daemon was stopped or stalled
// past it) leaves Active as a router that just started enters: one priority-0 advert (RFC 9568
// §6.4.3), the addresses released, Backup with Active_Down_Timer = Active_Down_Interval.
#include <catch2/catch.hpp>

#include "fsm_test_support.hpp"

using namespace fsm_test;

namespace {

// Backup, then Active when the down timer runs out, nobody else heard.
StateMachine active_machine(std::uint8_t priority, std::vector<Action>& out) {
  StateMachine m(config(priority, "10.0.0.1"));
  m.startup(kT0, out);
  run_until(m, kT0 + 5s, out);
  REQUIRE(m.state() == State::active);
  out.clear();
  return m;
}

}  // namespace

TEST_CASE(
    "issue 8: addresses lost while Active: resign with priority 0, then Backup as at "
    "Startup (RFC 9568 §6.4.1, §6.4.3)",
    "[addresses_lost]") {
  std::vector<Action> out;
  StateMachine m = active_machine(100, out);
  const TimePoint t = kT0 + 60s;
  m.addresses_lost(t, out);
  CHECK(describe(out) ==
        "Send(0), Unbind, State(Active->Backup: our addresses expired while vrrpd was stopped or "
        "stalled, p=100)");
  CHECK(m.state() == State::backup);
  // Active_Down_Interval = 3 x 100 cs + (256 - 100) x 100 / 256 cs = 360.9375 cs.
  CHECK(*m.next_deadline() == t + cs(360.9375));
  CHECK_FALSE(m.active_address().has_value());
  CHECK_FALSE(m.accepts_packets_for_vips());
}

TEST_CASE(
    "issue 8: after losing its addresses, a Backup stays Backup under an equal-priority "
    "Active, whatever the addresses (RFC 9568 §6.4.2: no tie-break in Backup)",
    "[addresses_lost]") {
  std::vector<Action> out;
  StateMachine m = active_machine(100, out);
  m.addresses_lost(kT0 + 60s, out);
  out.clear();
  // The peer that took over has the same priority and a lower address: as Active we would
  // have won the tie-break (§6.4.3), as Backup we only reset the timer.
  for (int i = 1; i <= 10; ++i) {
    m.advert_received(advert("10.0.0.0", 100), kT0 + 60s + std::chrono::seconds(i), out);
    run_until(m, kT0 + 60s + std::chrono::seconds(i), out);
  }
  CHECK(m.state() == State::backup);
  CHECK(only<vrrp::SendAdvert>(out).empty());
  CHECK(only<vrrp::BindAddresses>(out).empty());
}

TEST_CASE(
    "issue 8: after losing its addresses, a higher-priority router preempts the one that "
    "took over only after Active_Down_Interval (RFC 9568 §6.4.2)",
    "[addresses_lost]") {
  std::vector<Action> out;
  StateMachine m = active_machine(200, out);
  const TimePoint t = kT0 + 60s;
  m.addresses_lost(t, out);
  out.clear();
  // The lower-priority peer's adverts are discarded (Preempt_Mode True) and the timer runs out.
  m.advert_received(advert("10.0.0.2", 100), t + 1s, out);
  m.advert_received(advert("10.0.0.2", 100), t + 2s, out);
  run_until(m, t + 2s, out);
  CHECK(m.state() == State::backup);
  run_until(m, t + 4s, out);
  CHECK(m.state() == State::active);
}

TEST_CASE("issue 8: with preempt off, the router that took over keeps its role",
          "[addresses_lost]") {
  MachineConfig c = config(200, "10.0.0.1");
  c.preempt = false;
  StateMachine m(c);
  std::vector<Action> out;
  m.startup(kT0, out);
  run_until(m, kT0 + 5s, out);
  REQUIRE(m.state() == State::active);
  const TimePoint t = kT0 + 60s;
  m.addresses_lost(t, out);
  out.clear();
  for (int i = 1; i <= 10; ++i) {
    m.advert_received(advert("10.0.0.2", 100), t + std::chrono::seconds(i), out);
    run_until(m, t + std::chrono::seconds(i), out);
  }
  CHECK(m.state() == State::backup);
  CHECK(only<vrrp::BindAddresses>(out).empty());
}

TEST_CASE("issue 8: the owner binds its addresses again and stays Active", "[addresses_lost]") {
  std::vector<Action> out;
  StateMachine m(config(255, "10.0.0.1"));
  m.startup(kT0, out);
  out.clear();
  m.addresses_lost(kT0 + 60s, out);
  CHECK(describe(out) == "Bind, Announce");
  CHECK(m.state() == State::active);
}

TEST_CASE("issue 8: addresses lost outside Active is ignored", "[addresses_lost]") {
  std::vector<Action> out;
  StateMachine m(config(100, "10.0.0.1"));
  m.addresses_lost(kT0, out);  // Initialize
  m.startup(kT0, out);
  out.clear();
  const auto deadline = m.next_deadline();
  m.addresses_lost(kT0 + 1s, out);  // Backup
  CHECK(out.empty());
  CHECK(m.next_deadline() == deadline);
  m.fault_raised(kT0 + 2s, out);
  out.clear();
  m.addresses_lost(kT0 + 3s, out);  // Fault
  CHECK(out.empty());
  CHECK(m.state() == State::fault);
}
