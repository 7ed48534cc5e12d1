// RFC 9568 §6.4.1 Initialize, §6.1 defaults, and the configuration the machine accepts.
#include <catch2/catch.hpp>

#include <stdexcept>

#include "fsm_test_support.hpp"
#include "vrrp/timers.hpp"

using namespace fsm_test;

TEST_CASE("RFC 9568 §6.4.1: owner (255) startup sends, announces and is Active at once",
          "[initialize][rfc9568-6.4.1]") {
  StateMachine m(config(255, "10.0.0.1"));
  CHECK(m.state() == State::initialize);
  CHECK_FALSE(m.next_deadline().has_value());
  std::vector<Action> out;
  m.startup(kT0, out);
  // Send an ADVERTISEMENT, GARP / NA per VIP, Adver_Timer := Advertisement_Interval, Active.
  // The addresses are bound first (§8.1.2: no GARP before the address and VMAC exist).
  CHECK(describe(out) ==
        "Bind, Send(255), Announce, State(Initialize->Active: startup as address owner, p=255)");
  CHECK(m.state() == State::active);
  CHECK(*m.next_deadline() == kT0 + 1s);  // no waiting for other routers
  CHECK(m.is_owner());
  CHECK(m.accepts_packets_for_vips());  // the owner always accepts (§6.4.3)
  CHECK(m.active_address() == ip("10.0.0.1"));
}

TEST_CASE("RFC 9568 §6.4.1: non-owner startup goes Backup, sends nothing, arms the down timer",
          "[initialize][rfc9568-6.4.1]") {
  for (std::uint8_t p : {1, 100, 254}) {
    INFO("priority " << int(p));
    StateMachine m(config(p, "10.0.0.1", Centiseconds{250}));
    std::vector<Action> out;
    m.startup(kT0, out);
    CHECK(describe(out) == "State(Initialize->Backup: startup, p=" + std::to_string(p) + ")");
    CHECK(m.state() == State::backup);
    CHECK(m.active_adver_interval() == Centiseconds{250});  // := Advertisement_Interval
    CHECK(*m.next_deadline() ==
          vrrp::deadline_after(
              kT0, vrrp::active_down_interval(vrrp::Version::v3, p, Centiseconds{250})));
    CHECK_FALSE(m.accepts_packets_for_vips());
    CHECK_FALSE(m.active_address().has_value());  // no Active seen yet
  }
}

TEST_CASE("RFC 9568 §6.4.1: startup is only taken from Initialize", "[initialize][rfc9568-6.4.1]") {
  StateMachine m(config(100, "10.0.0.1"));
  std::vector<Action> out;
  m.startup(kT0, out);
  const auto deadline = m.next_deadline();
  out.clear();
  m.startup(kT0 + 1s, out);  // a second Startup is not an event in Backup
  CHECK(out.empty());
  CHECK(m.next_deadline() == deadline);
  // Nothing happens in Initialize except Startup.
  StateMachine idle(config(100, "10.0.0.1"));
  idle.advert_received(advert("10.0.0.2", 200), kT0, out);
  idle.timer_expired(kT0 + 100s, out);
  idle.shutdown(kT0, out);
  CHECK(out.empty());
  CHECK(idle.state() == State::initialize);
}

TEST_CASE("RFC 9568 §6.1: defaults", "[config][rfc9568-6.1]") {
  const MachineConfig c;
  CHECK(c.advert_interval == Centiseconds{100});
  CHECK(c.priority == 100);
  CHECK(c.preempt);
  CHECK_FALSE(c.accept_mode);
  CHECK(c.version == vrrp::Version::v3);
  CHECK(c.preempt_delay == Duration::zero());
  // The initial Active_Adver_Interval is the Advertisement_Interval (§6.1).
  StateMachine m(config(100, "10.0.0.1", Centiseconds{70}));
  CHECK(m.active_adver_interval() == Centiseconds{70});
  CHECK(m.priority() == 100);
}

TEST_CASE("RFC 9568 §6.1: the machine refuses configurations outside the RFC's ranges",
          "[config][rfc9568-6.1]") {
  auto error = [](auto change) {
    MachineConfig c = config(100, "10.0.0.1");
    change(c);
    return vrrp::config_error(c);
  };
  CHECK_FALSE(error([](MachineConfig&) {}).has_value());
  CHECK(error([](MachineConfig& c) { c.vrid = 0; }).has_value());
  CHECK(error([](MachineConfig& c) { c.priority = 0; }).has_value());
  CHECK(error([](MachineConfig& c) {
          c.advert_interval = Centiseconds{0};
        }).has_value());  // EID 8301
  CHECK(error([](MachineConfig& c) { c.advert_interval = Centiseconds{4096}; }).has_value());
  CHECK_FALSE(error([](MachineConfig& c) { c.advert_interval = Centiseconds{4095}; }).has_value());
  CHECK_FALSE(error([](MachineConfig& c) { c.advert_interval = Centiseconds{1}; }).has_value());
  CHECK(error([](MachineConfig& c) { c.primary_address = ip("fe80::1"); }).has_value());
  CHECK(error([](MachineConfig& c) { c.preempt_delay = -1s; }).has_value());
  // VRRPv2: IPv4 only, whole seconds 1-255 (RFC 3768 §5.3.7).
  CHECK_FALSE(error([](MachineConfig& c) { c.version = vrrp::Version::v2; }).has_value());
  CHECK(error([](MachineConfig& c) {
          c.version = vrrp::Version::v2;
          c.advert_interval = Centiseconds{150};
        }).has_value());
  CHECK(error([](MachineConfig& c) {
          c.version = vrrp::Version::v2;
          c.advert_interval = Centiseconds{25600};
        }).has_value());
  CHECK_FALSE(error([](MachineConfig& c) {
                c.version = vrrp::Version::v2;
                c.advert_interval = Centiseconds{25500};
              }).has_value());
  CHECK(error([](MachineConfig& c) {
          c.version = vrrp::Version::v2;
          c.family = vrrp::Family::ipv6;
          c.primary_address = ip("fe80::1");
        }).has_value());

  MachineConfig bad = config(100, "10.0.0.1");
  bad.vrid = 0;
  CHECK_THROWS_AS(StateMachine(bad), std::invalid_argument);
  StateMachine m(config(100, "10.0.0.1"));
  CHECK_THROWS_AS(m.set_primary_address(ip("2001:db8::1")), std::invalid_argument);
  m.set_primary_address(ip("10.0.0.9"));
  CHECK(m.config().primary_address == ip("10.0.0.9"));
}

TEST_CASE("State and reason names for the log", "[names]") {
  CHECK(vrrp::to_string(State::initialize) == "Initialize");
  CHECK(vrrp::to_string(State::backup) == "Backup");
  CHECK(vrrp::to_string(State::active) == "Active");
  CHECK(vrrp::to_string(State::fault) == "Fault");
  CHECK(vrrp::to_string(vrrp::TransitionReason::active_down_timer_expired) ==
        "active down timer expired");
  CHECK(vrrp::to_string(vrrp::NoticeKind::another_owner).find("255") != std::string_view::npos);
}
