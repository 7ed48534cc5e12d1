// keepalived's vrrp_sync_group: the group's decisions (vrrp/sync_group.hpp), then two members'
// state machines driven through them the way the daemon does it.
#include <catch2/catch.hpp>

#include <chrono>
#include <string>
#include <vector>

#include "vrrp/state_machine.hpp"
#include "vrrp/sync_group.hpp"

using namespace std::chrono_literals;
using vrrp::GroupCommand;
using vrrp::GroupCommandKind;
using vrrp::GroupDecision;
using vrrp::MemberStatus;
using vrrp::State;
using vrrp::StateChanged;
using vrrp::SyncGroup;
using vrrp::TransitionReason;

namespace {

StateChanged change(State from, State to, TransitionReason reason) {
  return StateChanged{from, to, reason, 100};
}

std::vector<GroupCommand> all(GroupCommandKind kind, std::size_t n) {
  std::vector<GroupCommand> out;
  for (std::size_t i = 0; i < n; ++i)
    out.push_back({i, kind});
  return out;
}

// A started group of two Backup members.
SyncGroup started_group(std::vector<MemberStatus>& members) {
  SyncGroup group("G", 2);
  members = {{State::backup, false, false}, {State::backup, false, false}};
  group.state_changed(0, change(State::initialize, State::backup, TransitionReason::startup),
                      members);
  group.state_changed(1, change(State::initialize, State::backup, TransitionReason::startup),
                      members);
  REQUIRE(group.state() == State::backup);
  return group;
}

}  // namespace

TEST_CASE("sync group: the first member to start puts the group in Backup, once", "[sync]") {
  SyncGroup group("G", 2);
  std::vector<MemberStatus> members{{State::backup, false, false},
                                    {State::initialize, false, false}};
  CHECK(group.state() == State::initialize);
  auto d = group.state_changed(
      0, change(State::initialize, State::backup, TransitionReason::startup), members);
  CHECK(d.entered == State::backup);
  CHECK(d.commands.empty());
  members[1].state = State::backup;
  d = group.state_changed(1, change(State::initialize, State::backup, TransitionReason::startup),
                          members);
  CHECK_FALSE(d.entered.has_value());
  CHECK(d.commands.empty());
}

TEST_CASE("sync group: one member's own fault puts every member in Fault", "[sync]") {
  std::vector<MemberStatus> members;
  SyncGroup group = started_group(members);
  members[1].own_fault = true;
  auto d = group.fault_changed(1, members);
  CHECK(d.entered == State::fault);
  CHECK(d.commands == all(GroupCommandKind::raise_fault, 2));
  CHECK(group.state() == State::fault);
  // Reported again: nothing new.
  d = group.fault_changed(1, members);
  CHECK(d.commands.empty());
  CHECK_FALSE(d.entered.has_value());
}

TEST_CASE("sync group: the members leave Fault only when none has a fault of its own", "[sync]") {
  std::vector<MemberStatus> members;
  SyncGroup group = started_group(members);
  members[0].own_fault = true;
  group.fault_changed(0, members);
  members[1].own_fault = true;
  CHECK(group.fault_changed(1, members).commands.empty());

  members[0].own_fault = false;
  auto d = group.fault_changed(0, members);
  CHECK(d.commands.empty());
  CHECK(group.state() == State::fault);

  members[1].own_fault = false;
  d = group.fault_changed(1, members);
  CHECK(d.commands == all(GroupCommandKind::clear_fault, 2));
  CHECK(d.entered == State::backup);
}

TEST_CASE("sync group: a member that wants Active waits until every member wants it", "[sync]") {
  std::vector<MemberStatus> members;
  SyncGroup group = started_group(members);
  members[0].wants_active = true;
  auto d = group.active_wanted(0, members);
  CHECK(d.commands.empty());
  CHECK_FALSE(d.entered.has_value());
  CHECK(d.waiting_for == std::vector<std::size_t>{1});
  CHECK(group.state() == State::backup);

  members[1].wants_active = true;
  d = group.active_wanted(1, members);
  CHECK(d.entered == State::active);
  CHECK(d.commands == all(GroupCommandKind::force_active, 2));
  CHECK(d.waiting_for.empty());
}

TEST_CASE("sync group: no member goes Active while the group is in Fault", "[sync]") {
  std::vector<MemberStatus> members;
  SyncGroup group = started_group(members);
  members[0].own_fault = true;
  group.fault_changed(0, members);
  members[1].wants_active = true;
  const auto d = group.active_wanted(1, members);
  CHECK(d.commands.empty());
  CHECK_FALSE(d.entered.has_value());
}

TEST_CASE("sync group: a member that leaves Active for Backup takes the other Active members along",
          "[sync]") {
  SyncGroup group("G", 3);
  std::vector<MemberStatus> members(3, MemberStatus{State::active, false, false});
  group.state_changed(
      0, change(State::initialize, State::active, TransitionReason::startup_as_owner), members);
  REQUIRE(group.state() == State::active);
  members[2].state = State::backup;  // say it is still on its way
  members[0].state = State::backup;
  const auto d = group.state_changed(
      0, change(State::active, State::backup, TransitionReason::higher_priority_advert), members);
  CHECK(d.entered == State::backup);
  CHECK(d.commands == std::vector<GroupCommand>{{1, GroupCommandKind::force_backup}});
}

TEST_CASE("sync group: a transition the group forced never forces anything (no ping-pong)",
          "[sync]") {
  std::vector<MemberStatus> members;
  SyncGroup group = started_group(members);
  members = {{State::active, false, false}, {State::active, false, false}};
  group.state_changed(
      0, change(State::backup, State::active, TransitionReason::active_down_timer_expired),
      members);
  REQUIRE(group.state() == State::active);

  // Member 0 hears a better router; member 1 is forced to Backup ...
  members[0].state = State::backup;
  auto d = group.state_changed(
      0, change(State::active, State::backup, TransitionReason::higher_priority_advert), members);
  REQUIRE(d.commands == std::vector<GroupCommand>{{1, GroupCommandKind::force_backup}});
  members[1].state = State::backup;
  // ... and its forced transition, reported back, moves nobody.
  d = group.state_changed(
      1, change(State::active, State::backup, TransitionReason::sync_group_backup), members);
  CHECK(d.commands.empty());
  CHECK_FALSE(d.entered.has_value());

  // The same for a forced Active.
  members[1].state = State::active;
  d = group.state_changed(
      1, change(State::backup, State::active, TransitionReason::sync_group_active), members);
  CHECK(d.commands.empty());
  CHECK(group.state() == State::backup);
}

TEST_CASE("sync group: a member that goes Active by itself (address owner) takes the group along",
          "[sync]") {
  std::vector<MemberStatus> members;
  SyncGroup group = started_group(members);
  members[0].state = State::active;
  const auto d = group.state_changed(
      0, change(State::backup, State::active, TransitionReason::active_down_timer_expired),
      members);
  CHECK(d.entered == State::active);
  CHECK(d.commands == std::vector<GroupCommand>{{1, GroupCommandKind::force_active}});
}

TEST_CASE("sync group: a member that joins an Active group is taken to Active", "[sync]") {
  SyncGroup group("G", 2);
  std::vector<MemberStatus> members{{State::active, false, false},
                                    {State::initialize, false, false}};
  auto d = group.state_changed(
      0, change(State::initialize, State::active, TransitionReason::startup_as_owner), members);
  CHECK(d.entered == State::active);
  CHECK(d.commands == std::vector<GroupCommand>{{1, GroupCommandKind::force_active}});
  members[1].state = State::backup;
  d = group.state_changed(1, change(State::initialize, State::backup, TransitionReason::startup),
                          members);
  CHECK(d.commands == std::vector<GroupCommand>{{1, GroupCommandKind::force_active}});
  CHECK_FALSE(d.entered.has_value());
}

TEST_CASE("sync group: the group stops (keepalived STOP) when its last member stops", "[sync]") {
  std::vector<MemberStatus> members;
  SyncGroup group = started_group(members);
  members[0].state = State::initialize;
  auto d = group.state_changed(
      0, change(State::backup, State::initialize, TransitionReason::shutdown), members);
  CHECK_FALSE(d.entered.has_value());
  members[1].state = State::initialize;
  d = group.state_changed(1, change(State::backup, State::initialize, TransitionReason::shutdown),
                          members);
  CHECK(d.entered == State::initialize);
}
