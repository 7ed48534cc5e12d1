// The state machine's side of keepalived's vrrp_sync_group: the group's fault as a second fault
// source, the Active_Down_Timer that asks instead of acting, and the transitions the group
// forces (vrrp/sync_group.hpp decides them).
#include <catch2/catch.hpp>

#include "fsm_test_support.hpp"

using namespace fsm_test;

TEST_CASE(
    "sync group: a member's Active_Down_Timer asks the group instead of going Active, and "
    "waits another Active_Down_Interval",
    "[sync]") {
  StateMachine m(config(100, "10.0.0.1"));
  m.set_sync_group_member(true);
  std::vector<Action> out;
  m.startup(kT0, out);
  out.clear();
  const TimePoint fired = *m.next_deadline();
  m.timer_expired(fired, out);
  CHECK(out.empty());
  CHECK(m.state() == State::backup);
  CHECK(m.wants_active());
  CHECK(*m.next_deadline() == fired + cs(360.9375));  // RFC 9568 §6.1 Active_Down_Interval

  // The group lets it go: its own reason is kept.
  m.force_active(fired + 1s, out);
  CHECK(describe(out) ==
        "Bind, Send(100), Announce, State(Backup->Active: active down timer expired, p=100)");
  CHECK_FALSE(m.wants_active());
}

TEST_CASE("sync group: a machine outside a group still goes Active by itself", "[sync]") {
  StateMachine m(config(100, "10.0.0.1"));
  std::vector<Action> out;
  m.startup(kT0, out);
  out.clear();
  m.timer_expired(*m.next_deadline(), out);
  CHECK(m.state() == State::active);
  CHECK_FALSE(m.wants_active());
}

TEST_CASE("sync group: an accepted advert ends a member's wish for Active", "[sync]") {
  StateMachine m(config(100, "10.0.0.1"));
  m.set_sync_group_member(true);
  std::vector<Action> out;
  m.startup(kT0, out);
  m.timer_expired(*m.next_deadline(), out);
  REQUIRE(m.wants_active());
  m.advert_received(advert("10.0.0.9", 200), kT0 + 5s, out);
  CHECK_FALSE(m.wants_active());
  // A lower-priority advert is discarded (preemption, §6.4.2): the wish stays.
  m.timer_expired(*m.next_deadline(), out);
  REQUIRE(m.wants_active());
  m.advert_received(advert("10.0.0.9", 50), kT0 + 20s, out);
  CHECK(m.wants_active());
}

TEST_CASE("sync group: force_active from Backup uses the sync group reason; elsewhere a no-op",
          "[sync]") {
  StateMachine m(config(100, "10.0.0.1"));
  m.set_sync_group_member(true);
  std::vector<Action> out;
  m.force_active(kT0, out);  // Initialize
  CHECK(out.empty());
  m.startup(kT0, out);
  out.clear();
  m.force_active(kT0 + 1s, out);
  CHECK(describe(out) == "Bind, Send(100), Announce, State(Backup->Active: sync group, p=100)");
  out.clear();
  m.force_active(kT0 + 2s, out);  // already Active
  CHECK(out.empty());
  m.fault_raised(kT0 + 3s, out);
  out.clear();
  m.force_active(kT0 + 4s, out);  // Fault
  CHECK(out.empty());
}

TEST_CASE(
    "sync group: force_backup resigns with priority 0 (RFC 9568 §6.4.3) and arms "
    "Active_Down_Interval",
    "[sync]") {
  StateMachine m(config(100, "10.0.0.1"));
  m.set_sync_group_member(true);
  std::vector<Action> out;
  m.startup(kT0, out);
  m.force_active(kT0 + 1s, out);
  out.clear();
  m.force_backup(kT0 + 2s, out);
  CHECK(describe(out) == "Send(0), Unbind, State(Active->Backup: sync group, p=100)");
  CHECK(*m.next_deadline() == kT0 + 2s + cs(360.9375));
  CHECK_FALSE(m.accepts_packets_for_vips());
  out.clear();
  m.force_backup(kT0 + 3s, out);  // already Backup
  CHECK(out.empty());
}

TEST_CASE("sync group: the group's fault takes an Active member to Fault with priority 0",
          "[sync]") {
  StateMachine m(config(100, "10.0.0.1"));
  m.set_sync_group_member(true);
  std::vector<Action> out;
  m.startup(kT0, out);
  m.force_active(kT0 + 1s, out);
  out.clear();
  m.group_fault_raised(kT0 + 2s, out);
  CHECK(describe(out) == "Send(0), Unbind, State(Active->Fault: sync group, p=100)");
  CHECK(m.group_fault());
  CHECK_FALSE(m.fault());  // not its own
  CHECK_FALSE(m.next_deadline().has_value());
  out.clear();
  m.group_fault_raised(kT0 + 3s, out);
  CHECK(out.empty());

  m.group_fault_cleared(kT0 + 4s, out);
  CHECK(describe(out) == "State(Fault->Backup: sync group, p=100)");
  CHECK(*m.next_deadline() == kT0 + 4s + cs(360.9375));
}

TEST_CASE("sync group: Fault holds while either the own or the group's fault holds", "[sync]") {
  StateMachine m(config(100, "10.0.0.1"));
  m.set_sync_group_member(true);
  std::vector<Action> out;
  m.startup(kT0, out);
  m.fault_raised(kT0 + 1s, out);
  m.group_fault_raised(kT0 + 2s, out);
  out.clear();

  SECTION("own fault clears first: still Fault until the group's clears") {
    m.fault_cleared(kT0 + 3s, out);
    CHECK(out.empty());
    CHECK(m.state() == State::fault);
    m.group_fault_cleared(kT0 + 4s, out);
    CHECK(describe(out) == "State(Fault->Backup: sync group, p=100)");
  }
  SECTION("group's fault clears first: still Fault until the own one clears") {
    m.group_fault_cleared(kT0 + 3s, out);
    CHECK(out.empty());
    CHECK(m.state() == State::fault);
    m.fault_cleared(kT0 + 4s, out);
    CHECK(describe(out) == "State(Fault->Backup: fault cleared, p=100)");
  }
}

TEST_CASE("sync group: a group fault raised before Startup makes Startup go to Fault", "[sync]") {
  StateMachine m(config(100, "10.0.0.1"));
  m.set_sync_group_member(true);
  std::vector<Action> out;
  m.group_fault_raised(kT0, out);
  CHECK(out.empty());
  m.startup(kT0 + 1s, out);
  CHECK(describe(out) == "State(Initialize->Fault: startup while faulted, p=100)");
}
