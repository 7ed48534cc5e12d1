// keepalived's vrrp_sync_group as pure decisions: instances that change state together. The
// caller (the daemon) reports what happened to a member together with every member's current
// status; the group answers with commands for the members and, when the group as a whole
// changed state, that state (for its notify scripts and FIFO line).
//
// The rules (keepalived 2.2's vrrp_sync.c, with the wording of vrrpd.conf(5)):
// - Fault: while any member has a fault of its own (its link, a tracker, no source address),
//   every member is in Fault; when none has, they all leave it together (to Backup, through
//   the Initialize logic).
// - Active: a member goes Active only when every member wants to (its Active_Down_Timer fired,
//   see StateMachine::set_sync_group_member); then they all go at once. A member that goes
//   Active by itself (the address owner) takes the others along.
// - Backup: a member that leaves Active for Backup (it heard a better router) takes the other
//   Active members to Backup; they resign with priority 0 (StateMachine::force_backup).
// - A member that joins (Startup, or the end of a fault) follows the group: into Active if the
//   group is Active.
// - No ping-pong: a transition the group forced never makes the group force anything.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "vrrp/actions.hpp"
#include "vrrp/state.hpp"

namespace vrrp {

// What the group knows of a member when it decides.
struct MemberStatus {
  State state = State::initialize;
  bool own_fault = false;     // StateMachine::fault(): its link, a tracker, no source address
  bool wants_active = false;  // StateMachine::wants_active()
};

enum class GroupCommandKind : std::uint8_t {
  raise_fault,   // StateMachine::group_fault_raised
  clear_fault,   // StateMachine::group_fault_cleared
  force_active,  // StateMachine::force_active
  force_backup,  // StateMachine::force_backup
};

struct GroupCommand {
  std::size_t member = 0;  // index into the members the group was built with
  GroupCommandKind kind = GroupCommandKind::raise_fault;
  friend bool operator==(const GroupCommand&, const GroupCommand&) = default;
};

struct GroupDecision {
  // Carry these out in order. Each may change a member's state, which the caller reports back
  // (state_changed) before going on to the next: the group has already moved, so those
  // reports add nothing.
  std::vector<GroupCommand> commands;
  // The group entered this state (Initialize: all members stopped, keepalived's STOP).
  std::optional<State> entered;
  // active_wanted() that is held: the members that do not want Active yet.
  std::vector<std::size_t> waiting_for;
};

class SyncGroup {
 public:
  SyncGroup(std::string name, std::size_t member_count);

  const std::string& name() const { return name_; }
  // Initialize until the first member starts; then Backup, Active or Fault; Initialize again
  // once every member has stopped.
  State state() const { return state_; }

  // A member's own fault condition may have changed (`members[member].own_fault` is the new
  // one). Idempotent.
  GroupDecision fault_changed(std::size_t member, std::span<const MemberStatus> members);

  // A member changed state (`members` already shows the new state).
  GroupDecision state_changed(std::size_t member, const StateChanged& change,
                              std::span<const MemberStatus> members);

  // A member's Active_Down_Timer fired: it wants Active (`members[member].wants_active`).
  GroupDecision active_wanted(std::size_t member, std::span<const MemberStatus> members);

 private:
  GroupDecision enter_active(std::span<const MemberStatus> members);

  std::string name_;
  std::vector<bool> own_fault_;  // as last reported, per member
  State state_ = State::initialize;
};

}  // namespace vrrp
