#include "vrrp/daemon/sync_groups.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "vrrp/daemon/log.hpp"

namespace vrrp::daemon {

namespace {

std::string member_names(const std::vector<Instance*>& members,
                         const std::vector<std::size_t>& indexes) {
  std::string out;
  for (std::size_t i : indexes) {
    if (!out.empty()) out += ", ";
    out += members[i]->name();
  }
  return out;
}

}  // namespace

SyncGroups::SyncGroups(const Config& config, std::span<Instance* const> instances,
                       Notifier* notifier, Rearm rearm, TimePoint now)
    : config_(config), notifier_(notifier), rearm_(std::move(rearm)) {
  for (const SyncGroupConfig& g : config_.sync_groups) {
    std::vector<Instance*> members;
    for (const std::string& name : g.members) {
      for (Instance* instance : instances) {
        if (instance->name() == name) members.push_back(instance);
      }
    }
    if (members.empty()) continue;
    if (members.size() == 1) {
      // keepalived: "this probably isn't what you want"; the group still works.
      log_warning("vrrp_sync_group {} has only one member", g.name);
    }
    auto group = std::make_unique<Group>(Group{&g, SyncGroup(g.name, members.size()), members,
                                               std::vector<bool>(members.size(), false),
                                               std::vector<bool>(members.size(), false)});
    for (std::size_t i = 0; i < members.size(); ++i) {
      membership_[members[i]] = Membership{group.get(), i};
      members[i]->join_sync_group(g.name, now);
    }
    groups_.push_back(std::move(group));
  }
  for (Instance* instance : instances) {
    if (!membership_.contains(instance)) instance->join_sync_group({}, now);
  }
  // What the members are already. At start-up all are in Initialize, and only their own
  // faults count (an interface that is down puts the group in Fault before any member starts,
  // and that is notified). After a reload they run: the group takes the state they are in,
  // quietly, as keepalived keeps a group's state over a reload.
  for (auto& group : groups_) {
    quiet_ = std::any_of(group->members.begin(), group->members.end(),
                         [](const Instance* m) { return m->state() != State::initialize; });
    for (std::size_t i = 0; i < group->members.size(); ++i) {
      Instance& member = *group->members[i];
      after_events(member, {}, now);
      if (member.state() == State::initialize) continue;
      const StateChanged joined{State::initialize, member.state(), TransitionReason::startup,
                                member.machine().priority()};
      apply(*group, group->logic.state_changed(i, joined, statuses(*group)), now);
    }
    quiet_ = false;
    if (group->logic.state() == State::fault) continue;
    for (Instance* member : group->members) {
      if (member->machine().group_fault()) member->set_group_fault(false, now);
    }
  }
}

const SyncGroup* SyncGroups::group_of(const Instance& instance) const {
  auto it = membership_.find(&instance);
  return it == membership_.end() ? nullptr : &it->second.group->logic;
}

std::vector<MemberStatus> SyncGroups::statuses(const Group& group) const {
  std::vector<MemberStatus> out;
  out.reserve(group.members.size());
  for (const Instance* m : group.members) {
    out.push_back({m->state(), m->machine().fault(), m->machine().wants_active()});
  }
  return out;
}

void SyncGroups::after_events(Instance& instance, std::span<const StateChanged> changes,
                              TimePoint now) {
  auto it = membership_.find(&instance);
  if (it == membership_.end()) return;
  Group& group = *it->second.group;
  const std::size_t i = it->second.index;
  // Its own fault first: a member that just went to Fault by itself takes the group along
  // before anything else is decided.
  if (const bool fault = instance.machine().fault(); fault != group.fault_reported[i]) {
    group.fault_reported[i] = fault;
    apply(group, group.logic.fault_changed(i, statuses(group)), now);
  }
  for (const StateChanged& change : changes) {
    apply(group, group.logic.state_changed(i, change, statuses(group)), now);
  }
  if (const bool wish = instance.machine().wants_active(); wish != group.wish_reported[i]) {
    group.wish_reported[i] = wish;
    if (wish) {
      const GroupDecision decision = group.logic.active_wanted(i, statuses(group));
      if (!decision.waiting_for.empty()) {
        log_info("VRRP_Group({}): {} wants Active; waiting for {}", group.config->name,
                 instance.name(), member_names(group.members, decision.waiting_for));
      }
      apply(group, decision, now);
    }
  }
}

void SyncGroups::apply(Group& group, const GroupDecision& decision, TimePoint now) {
  if (decision.entered && !quiet_) {
    log_notice("VRRP_Group({}): {}", group.config->name,
               *decision.entered == State::initialize
                   ? std::string("stopped")
                   : fmt::format("syncing instances to {}", to_string(*decision.entered)));
  }
  // The group's state is set before any member moves: the moves, reported back through
  // after_events() while this runs, find the group where it already is and force nothing.
  for (const GroupCommand& command : decision.commands) {
    Instance& member = *group.members[command.member];
    switch (command.kind) {
      case GroupCommandKind::raise_fault:
        member.set_group_fault(true, now);
        break;
      case GroupCommandKind::clear_fault:
        member.set_group_fault(false, now);
        break;
      case GroupCommandKind::force_active:
        member.force_active(now);
        break;
      case GroupCommandKind::force_backup:
        member.force_backup(now);
        break;
    }
    if (rearm_) rearm_(member);
  }
  // keepalived notifies the group once its members are there. A nested decision may have
  // moved the group on meanwhile (an address owner leaving Fault takes it to Active): that
  // one has notified already, and this state is history.
  if (decision.entered && *decision.entered == group.logic.state() && notifier_ && !quiet_) {
    notifier_->group_changed(*group.config, *decision.entered);
  }
}

}  // namespace vrrp::daemon
