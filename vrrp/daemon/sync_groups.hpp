// The run-time side of keepalived's vrrp_sync_group: one core SyncGroup (vrrp/sync_group.hpp)
// per configured group, fed after every event of a member instance, and its commands carried
// out on the other members at once. Group notifications (notify_* scripts, `notify` with
// `GROUP name state 0`, the FIFO line) go through the Notifier.
#pragma once

#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "vrrp/actions.hpp"
#include "vrrp/config.hpp"
#include "vrrp/daemon/instance.hpp"
#include "vrrp/daemon/notifier.hpp"
#include "vrrp/sync_group.hpp"
#include "vrrp/time.hpp"

namespace vrrp::daemon {

class SyncGroups {
 public:
  // After the group moved an instance: the daemon re-arms that instance's timer.
  using Rearm = std::function<void(Instance&)>;

  // `config` and `notifier` must outlive this. Every member named by a group is looked up in
  // `instances` (by name) and told it is a member; instances in no group are told they are not.
  // Members that are running already (a reload) give the group its state at once.
  SyncGroups(const Config& config, std::span<Instance* const> instances, Notifier* notifier,
             Rearm rearm, TimePoint now);

  // Call after every batch of events an instance handled (InstanceHost::after_events):
  // `changes` are the state changes in it, in order.
  void after_events(Instance& instance, std::span<const StateChanged> changes, TimePoint now);

  // The group an instance is in, or nullptr.
  const SyncGroup* group_of(const Instance& instance) const;

 private:
  struct Group {
    const SyncGroupConfig* config = nullptr;
    SyncGroup logic;
    std::vector<Instance*> members;
    std::vector<bool> fault_reported;  // the member's own fault as last given to `logic`
    std::vector<bool> wish_reported;   // its wish for Active as last given to `logic`
  };
  struct Membership {
    Group* group = nullptr;
    std::size_t index = 0;
  };

  std::vector<MemberStatus> statuses(const Group& group) const;
  void apply(Group& group, const GroupDecision& decision, TimePoint now);

  const Config& config_;
  Notifier* notifier_;
  Rearm rearm_;
  std::vector<std::unique_ptr<Group>> groups_;
  std::map<const Instance*, Membership> membership_;
  bool quiet_ = false;  // taking over running members after a reload: no notify, no log
};

}  // namespace vrrp::daemon
