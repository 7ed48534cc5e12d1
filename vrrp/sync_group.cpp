#include "vrrp/sync_group.hpp"

#include <algorithm>
#include <stdexcept>
#include <utility>

#include "vrrp/transition_reason.hpp"

namespace vrrp {

SyncGroup::SyncGroup(std::string name, std::size_t member_count)
    : name_(std::move(name)), own_fault_(member_count, false) {
  if (member_count == 0) throw std::invalid_argument("sync group " + name_ + ": no members");
}

GroupDecision SyncGroup::fault_changed(std::size_t member, std::span<const MemberStatus> members) {
  GroupDecision decision;
  own_fault_.at(member) = members[member].own_fault;
  const bool any = std::find(own_fault_.begin(), own_fault_.end(), true) != own_fault_.end();
  if (any == (state_ == State::fault)) return decision;
  // Every member gets the group's fault, the one that caused it too: it then stays in Fault
  // until no member has a fault of its own, even after its own one ends.
  const GroupCommandKind kind = any ? GroupCommandKind::raise_fault : GroupCommandKind::clear_fault;
  for (std::size_t i = 0; i < members.size(); ++i)
    decision.commands.push_back({i, kind});
  // Out of Fault the members go through the Initialize logic, to Backup (an address owner to
  // Active, and then it takes the group along as it joins).
  state_ = any ? State::fault : State::backup;
  decision.entered = state_;
  return decision;
}

GroupDecision SyncGroup::state_changed(std::size_t member, const StateChanged& change,
                                       std::span<const MemberStatus> members) {
  GroupDecision decision;
  if (change.to == State::initialize) {
    // keepalived's STOP for the group, once the last member has stopped.
    const bool all_stopped = std::all_of(
        members.begin(), members.end(), [](const auto& m) { return m.state == State::initialize; });
    if (all_stopped && state_ != State::initialize) {
      state_ = State::initialize;
      decision.entered = state_;
    }
    return decision;
  }
  // Faults travel through fault_changed(): a member's own fault is what counts, not its state.
  if (change.to == State::fault || state_ == State::fault) return decision;

  if (change.from == State::initialize || change.from == State::fault) {
    // A member joins (Startup, end of a fault): it follows the group.
    if (change.to == State::active) {
      if (state_ != State::active) return enter_active(members);
    } else if (state_ == State::active) {
      decision.commands.push_back({member, GroupCommandKind::force_active});
    } else if (state_ == State::initialize) {
      state_ = State::backup;
      decision.entered = state_;
    }
    return decision;
  }

  // What the group forced forces nothing in turn: no ping-pong between members.
  if (is_sync_group_reason(change.reason)) return decision;

  if (change.from == State::active && change.to == State::backup && state_ == State::active) {
    // The member heard a better router: the whole group steps back for the peer router.
    state_ = State::backup;
    decision.entered = state_;
    for (std::size_t i = 0; i < members.size(); ++i) {
      if (i != member && members[i].state == State::active)
        decision.commands.push_back({i, GroupCommandKind::force_backup});
    }
    return decision;
  }
  if (change.to == State::active && state_ != State::active) return enter_active(members);
  return decision;
}

GroupDecision SyncGroup::active_wanted(std::size_t member, std::span<const MemberStatus> members) {
  GroupDecision decision;
  if (state_ == State::fault) return decision;
  if (state_ == State::active) {
    decision.commands.push_back({member, GroupCommandKind::force_active});
    return decision;
  }
  for (std::size_t i = 0; i < members.size(); ++i) {
    if (members[i].state != State::active && !members[i].wants_active)
      decision.waiting_for.push_back(i);
  }
  if (!decision.waiting_for.empty()) return decision;
  return enter_active(members);
}

GroupDecision SyncGroup::enter_active(std::span<const MemberStatus> members) {
  GroupDecision decision;
  state_ = State::active;
  decision.entered = state_;
  for (std::size_t i = 0; i < members.size(); ++i) {
    if (members[i].state != State::active)
      decision.commands.push_back({i, GroupCommandKind::force_active});
  }
  return decision;
}

}  // namespace vrrp
