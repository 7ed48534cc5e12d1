#include "vrrp/state_machine.hpp"

#include <algorithm>
#include <stdexcept>
#include <utility>

#include "vrrp/timers.hpp"

namespace vrrp {

StateMachine::StateMachine(MachineConfig config)
    : config_(std::move(config)),
      priority_(config_.priority),
      active_adver_interval_(config_.advert_interval) {
  if (auto error = config_error(config_)) {
    throw std::invalid_argument(config_.name + ": " + *error);
  }
}

void StateMachine::set_primary_address(const IpAddress& address) {
  if (address.family() != config_.family) {
    throw std::invalid_argument(config_.name + ": primary address of the wrong family");
  }
  config_.primary_address = address;
}

ProtocolInterval StateMachine::skew_time() const {
  return vrrp::skew_time(config_.version, priority_, active_adver_interval_);
}

ProtocolInterval StateMachine::active_down_interval() const {
  return vrrp::active_down_interval(config_.version, priority_, active_adver_interval_);
}

std::optional<IpAddress> StateMachine::active_address() const {
  if (state_ == State::active) return config_.primary_address;
  if (state_ == State::backup) return active_address_;
  return std::nullopt;
}

std::uint8_t StateMachine::active_priority() const {
  if (state_ == State::active) return priority_;
  if (state_ == State::backup && active_address_) return active_priority_;
  return 0;
}

// ---- events ---------------------------------------------------------------------------------

void StateMachine::startup(TimePoint now, std::vector<Action>& out) {
  if (state_ != State::initialize) return;
  v3_peers_.fill(std::nullopt);
  if (fault_ || group_fault_) {
    // keepalived starts an instance whose interface is down (or tracker failed) in FAULT.
    change_state(State::fault, TransitionReason::startup_in_fault, out);
    return;
  }
  enter_from_initialize(now, TransitionReason::startup_as_owner, TransitionReason::startup, out);
  if (state_ == State::backup && config_.initial_state_master) {
    // keepalived's `state MASTER` below priority 255 (its vrrp_init_state()): Backup, as §6.4.1
    // requires of a non-owner, but with the first Active_Down_Timer at Advertisement_Interval
    // plus the smallest Skew_Time (that of priority 255) instead of Active_Down_Interval. Any
    // Active of at least our priority is heard within that time and the ordinary §6.4.2 rules
    // apply from its first advert; with none, we take over after about one interval.
    arm_active_down_timer(
        now, ProtocolInterval{config_.advert_interval} +
                 vrrp::skew_time(config_.version, kOwnerPriority, config_.advert_interval));
    down_timer_cause_ = DownTimerCause::initial_state_master;
  }
}

void StateMachine::shutdown(TimePoint /*now*/, std::vector<Action>& out) {
  if (state_ == State::initialize) return;
  stand_down(State::initialize, TransitionReason::shutdown, out);
}

// Leaves Backup, Active or Fault for Initialize (Shutdown) or Fault. From Active: cancel
// Adver_Timer, send one ADVERTISEMENT with Priority = 0 (RFC 9568 §6.4.3; keepalived does the
// same on entering FAULT, so the Backups take over after Skew_Time instead of
// Active_Down_Interval), then release the addresses: after the advert, which leaves from the
// VMAC. From Backup: cancel Active_Down_Timer and send nothing (§6.4.2).
void StateMachine::stand_down(State to, TransitionReason reason, std::vector<Action>& out) {
  if (state_ == State::active) {
    out.push_back(SendAdvert{kResignPriority});
    out.push_back(UnbindAddresses{});
  }
  deadline_.reset();  // no timer runs in Initialize or Fault (§6.2)
  active_address_.reset();
  preempt_delay_end_.reset();
  change_state(to, reason, out);
}

void StateMachine::advert_received(const AdvertEvent& advert, TimePoint now,
                                   std::vector<Action>& out) {
  // Only Backup and Active process adverts: Initialize waits for Startup (RFC 9568 §6.4.1) and
  // Fault, as in keepalived, ignores the protocol until the fault clears.
  if (state_ != State::backup && state_ != State::active) return;

  // The IPv4 and IPv6 virtual routers of one VRID are separate instances (RFC 9568 §1, §3);
  // the I/O layer routes by family, this only guards the tie-break below.
  if (advert.source.family() != config_.family) {
    out.push_back(Notice{NoticeKind::wrong_family_ignored, advert.source, advert.priority, {}});
    return;
  }
  if (ignore_as_v2_duplicate(advert)) {
    out.push_back(Notice{NoticeKind::v2_advert_ignored, advert.source, advert.priority, {}});
    return;
  }

  // RFC 9568 §8.3.2: several owners SHOULD be logged; EID 8298 makes the owner process adverts
  // (instead of discarding them, §7.1 as published) so this is visible and the §6.4.3
  // tie-break resolves two owners by address.
  if (is_owner() && advert.priority == kOwnerPriority) {
    out.push_back(Notice{NoticeKind::another_owner, advert.source, advert.priority, {}});
  } else if (advert.priority == priority_ && advert.source != config_.primary_address) {
    // RFC 9568 §8.3.2: equal priorities MAY be logged.
    out.push_back(Notice{NoticeKind::equal_priority_peer, advert.source, advert.priority, {}});
  }

  if (state_ == State::backup) {
    backup_received(advert, now, out);
  } else {
    active_received(advert, now, out);
  }
}

void StateMachine::timer_expired(TimePoint now, std::vector<Action>& out) {
  if (!deadline_ || now < *deadline_) return;
  if (state_ == State::backup) {
    // RFC 9568 §6.4.2 "If the Active_Down_Timer fires".
    TransitionReason reason = TransitionReason::active_down_timer_expired;
    if (down_timer_cause_ == DownTimerCause::priority_zero) {
      reason = TransitionReason::priority_zero_received;
    } else if (down_timer_cause_ == DownTimerCause::initial_state_master) {
      reason = TransitionReason::initial_state_master;
    } else if (discarded_lower_since_accept_) {
      reason = TransitionReason::preempted_lower_priority;
    }
    if (sync_group_member_) {
      // The group decides (see set_sync_group_member): wait another Active_Down_Interval.
      wants_active_ = true;
      wanted_reason_ = reason;
      arm_active_down_timer(now, active_down_interval());
      return;
    }
    become_active(now, reason, out);
  } else if (state_ == State::active) {
    // RFC 9568 §6.4.3 "If the Adver_Timer fires": send, and reset to Advertisement_Interval
    // from now (not from the old deadline: a late loop must not cause a burst).
    out.push_back(SendAdvert{priority_});
    arm_adver_timer(now);
  }
}

void StateMachine::set_effective_priority(std::uint8_t priority, TimePoint now,
                                          std::vector<Action>& out) {
  priority = std::max(priority, std::uint8_t{1});  // 0 is the resignation value, never local
  if (priority == priority_) return;
  priority_ = priority;
  if (state_ == State::active) {
    // RFC 9568 is silent on priority changes. An Active tells its peers at once (and restarts
    // Adver_Timer so the spacing stays Advertisement_Interval): a Backup that now outranks it
    // starts discarding its adverts, and preempts, one interval sooner.
    out.push_back(SendAdvert{priority_});
    arm_adver_timer(now);
  }
  // In Backup, Skew_Time and Active_Down_Interval follow the new priority (they are computed
  // from it) from the next time Active_Down_Timer is set; the running timer is left alone, as
  // keepalived does. The new priority also changes which adverts are "lower" from now on, so a
  // Backup raised above the Active's priority preempts it through the ordinary §6.4.2 path.
}

void StateMachine::reconfigure(MachineConfig config, TimePoint now, std::vector<Action>& out) {
  if (config.version != config_.version || config.family != config_.family ||
      config.vrid != config_.vrid) {
    throw std::invalid_argument(config_.name +
                                ": a reload cannot change the version, family or VRID in place");
  }
  config.primary_address = config_.primary_address;
  if (auto error = config_error(config)) throw std::invalid_argument(config.name + ": " + *error);
  const bool interval_changed = config.advert_interval != config_.advert_interval;
  config_ = std::move(config);
  // A pending preempt_delay ends with the setting that started it.
  if (!config_.preempt || config_.preempt_delay == Duration::zero()) preempt_delay_end_.reset();
  if (!interval_changed) return;
  if (state_ == State::active) {
    out.push_back(SendAdvert{priority_});
    arm_adver_timer(now);
  } else if (config_.version == Version::v2 || !active_address_) {
    active_adver_interval_ = config_.advert_interval;
  }
}

void StateMachine::fault_raised(TimePoint /*now*/, std::vector<Action>& out) {
  if (fault_) return;
  fault_ = true;
  // In Initialize it is remembered: startup() will go to Fault.
  if (state_ == State::initialize || state_ == State::fault) return;
  stand_down(State::fault, TransitionReason::fault_raised, out);
}

void StateMachine::fault_cleared(TimePoint now, std::vector<Action>& out) {
  if (!fault_) return;
  fault_ = false;
  if (state_ != State::fault || group_fault_) return;
  enter_from_initialize(now, TransitionReason::fault_cleared, TransitionReason::fault_cleared, out);
}

void StateMachine::group_fault_raised(TimePoint /*now*/, std::vector<Action>& out) {
  if (group_fault_) return;
  group_fault_ = true;
  if (state_ == State::initialize || state_ == State::fault) return;
  // Leaving Active: the priority-0 advert of stand_down() hands the peer router this member at
  // Skew_Time, as for a fault of its own.
  stand_down(State::fault, TransitionReason::sync_group_fault, out);
}

void StateMachine::group_fault_cleared(TimePoint now, std::vector<Action>& out) {
  if (!group_fault_) return;
  group_fault_ = false;
  if (state_ != State::fault || fault_) return;
  enter_from_initialize(now, TransitionReason::sync_group_fault_cleared,
                        TransitionReason::sync_group_fault_cleared, out);
}

void StateMachine::force_active(TimePoint now, std::vector<Action>& out) {
  if (state_ != State::backup) return;
  become_active(now, wants_active_ ? wanted_reason_ : TransitionReason::sync_group_active, out);
}

void StateMachine::force_backup(TimePoint now, std::vector<Action>& out) {
  if (state_ != State::active) return;
  // Resign as on Shutdown (RFC 9568 §6.4.3): the peer's Backup sets its Active_Down_Timer to
  // Skew_Time. Then the addresses go, as on any exit from Active (§6.4.2: a Backup MUST NOT
  // answer for them), and Active_Down_Timer runs as after Startup. The peer's Active adverts
  // then reset it as usual; should it preempt (our priority is higher), the group's
  // all-members-want-Active rule holds it while the member that heard a better router does not.
  out.push_back(SendAdvert{kResignPriority});
  out.push_back(UnbindAddresses{});
  active_adver_interval_ = config_.advert_interval;
  active_address_.reset();
  active_priority_ = 0;
  preempt_delay_end_.reset();
  discarded_lower_since_accept_ = false;
  down_timer_cause_ = DownTimerCause::no_advert;
  arm_active_down_timer(now, active_down_interval());
  change_state(State::backup, TransitionReason::sync_group_backup, out);
}

void StateMachine::addresses_lost(TimePoint now, std::vector<Action>& out) {
  if (state_ != State::active) return;
  if (is_owner()) {
    // The owner's addresses are its own (RFC 9568 §1.7) and no Backup preempts it: it binds
    // them again and stays Active.
    out.push_back(BindAddresses{});
    out.push_back(AnnounceAddresses{});
    return;
  }
  out.push_back(SendAdvert{kResignPriority});
  out.push_back(UnbindAddresses{});
  enter_from_initialize(now, TransitionReason::addresses_expired,
                        TransitionReason::addresses_expired, out);
}

// ---- transitions ----------------------------------------------------------------------------

// RFC 9568 §6.4.1, "If a Startup event is received".
void StateMachine::enter_from_initialize(TimePoint now, TransitionReason owner_reason,
                                         TransitionReason backup_reason, std::vector<Action>& out) {
  active_adver_interval_ = config_.advert_interval;
  if (is_owner()) {
    become_active(now, owner_reason, out);
    return;
  }
  // Set the Active_Adver_Interval to Advertisement_Interval (above), set the Active_Down_Timer
  // to Active_Down_Interval, go to Backup. Nothing is sent.
  active_address_.reset();
  active_priority_ = 0;
  preempt_delay_end_.reset();
  discarded_lower_since_accept_ = false;
  down_timer_cause_ = DownTimerCause::no_advert;
  arm_active_down_timer(now, active_down_interval());
  change_state(State::backup, backup_reason, out);
}

// RFC 9568 §6.4.1 (owner startup) and §6.4.2 (Active_Down_Timer fires): send an ADVERTISEMENT,
// announce every VIP, set Adver_Timer, go to Active. The addresses are bound first: the
// announcement MUST wait until the address and the VMAC exist (§8.1.2, §8.2.2), and for IPv6
// binding includes joining the Solicited-Node groups, which §6.4.2 puts before the NAs.
void StateMachine::become_active(TimePoint now, TransitionReason reason, std::vector<Action>& out) {
  out.push_back(BindAddresses{});
  out.push_back(SendAdvert{priority_});
  out.push_back(AnnounceAddresses{});
  arm_adver_timer(now);
  active_address_.reset();
  preempt_delay_end_.reset();
  change_state(State::active, reason, out);
}

// RFC 9568 §6.4.2 "If an ADVERTISEMENT is received" in Backup.
void StateMachine::backup_received(const AdvertEvent& advert, TimePoint now,
                                   std::vector<Action>& out) {
  if (advert.priority == kResignPriority) {
    // Set the Active_Down_Timer to Skew_Time: whatever Preempt_Mode and the priorities, and
    // without learning an interval (NOTES 1.4). RFC 9568 does not require the advert to come
    // from the Active we know (NOTES Part 4 item 7), and neither do we.
    arm_active_down_timer(now, skew_time());
    down_timer_cause_ = DownTimerCause::priority_zero;
    if (active_address_ == advert.source) {
      active_address_.reset();
      active_priority_ = 0;
    }
    return;
  }

  // The sender of a non-zero advert is an Active, whether or not we accept it.
  active_address_ = advert.source;
  active_priority_ = advert.priority;

  if (backup_discards_lower(advert, now, out)) {
    // "else // preempt was true and priority was less than the local priority: Discard". The
    // timer keeps running, so we go Active Active_Down_Interval after the last accepted advert.
    discarded_lower_since_accept_ = true;
    return;
  }

  // "If Preempt_Mode is False, or if the Priority in the ADVERTISEMENT is greater than or equal
  // to the local Priority": learn Active_Adver_Interval, recompute Skew_Time (the RFC 9568 fix;
  // skew_time() is always computed from the current interval) and Active_Down_Interval, and set
  // the Active_Down_Timer to it.
  learn_interval(advert, out);
  down_timer_cause_ = DownTimerCause::no_advert;
  discarded_lower_since_accept_ = false;
  wants_active_ = false;  // an Active we accept is heard again (sync groups)
  arm_active_down_timer(now, active_down_interval());
}

// Whether a Backup discards `advert` as coming from a lower-priority Active it will preempt.
//
// keepalived's preempt_delay, as its vrrp_state_backup() implements it: the first lower-priority
// advert accepted while no delay runs opens a window of preempt_delay; inside it such adverts
// are accepted as if Preempt_Mode were False; once it has passed they are discarded and the
// ordinary §6.4.2 preemption follows (Active_Down_Interval after the last accepted one). An
// advert of at least our priority closes the window; so do Startup, fault clearance and every
// state change. keepalived's man page calls this "seconds after startup or seeing a lower
// priority master": at startup no window runs, so it opens on that master's first advert.
bool StateMachine::backup_discards_lower(const AdvertEvent& advert, TimePoint now,
                                         std::vector<Action>& out) {
  if (advert.priority >= priority_) {
    if (preempt_delay_end_) {
      preempt_delay_end_.reset();
      out.push_back(Notice{NoticeKind::preempt_delay_stopped, advert.source, advert.priority, {}});
    }
    return false;
  }
  // RFC 9568 §6.1 Preempt_Mode: the address owner always preempts, whatever the flag.
  if (is_owner()) return true;
  if (!config_.preempt) return false;
  if (config_.preempt_delay > Duration::zero()) {
    if (!preempt_delay_end_) {
      preempt_delay_end_ = now + config_.preempt_delay;
      out.push_back(Notice{NoticeKind::preempt_delay_started, advert.source, advert.priority, {}});
      return false;
    }
    if (now < *preempt_delay_end_) return false;
  }
  return true;
}

// RFC 9568 §6.4.3 "If an ADVERTISEMENT is received" in Active. Preempt_Mode is not considered.
void StateMachine::active_received(const AdvertEvent& advert, TimePoint now,
                                   std::vector<Action>& out) {
  if (advert.priority == kResignPriority) {
    // Send an ADVERTISEMENT, reset the Adver_Timer to Advertisement_Interval.
    out.push_back(SendAdvert{priority_});
    arm_adver_timer(now);
    return;
  }

  // The tie-break compares the primary addresses "based on an unsigned integer comparison of
  // the IPvX addresses in network byte order": IpAddress's ordering, byte by byte.
  const bool higher = advert.priority > priority_;
  const bool equal_and_greater =
      advert.priority == priority_ && advert.source > config_.primary_address;
  if (higher || equal_and_greater) {
    // keepalived's higher_prio_send_advert: one advert of ours first, so that a peer that has
    // not heard us yet (after a partition) learns we were Active.
    if (config_.higher_prio_send_advert) out.push_back(SendAdvert{priority_});
    // Cancel Adver_Timer, learn Active_Adver_Interval, recompute Skew_Time and
    // Active_Down_Interval, set Active_Down_Timer, go to Backup. Leaving Active releases the
    // addresses: a Backup MUST NOT answer ARP/NS for them or accept their packets (§6.4.2).
    deadline_.reset();
    learn_interval(advert, out);
    down_timer_cause_ = DownTimerCause::no_advert;
    discarded_lower_since_accept_ = false;
    preempt_delay_end_.reset();
    arm_active_down_timer(now, active_down_interval());
    out.push_back(UnbindAddresses{});
    active_address_ = advert.source;
    active_priority_ = advert.priority;
    change_state(State::backup,
                 higher ? TransitionReason::higher_priority_advert
                        : TransitionReason::equal_priority_higher_address,
                 out);
    return;
  }

  if (advert.priority == priority_ && advert.source == config_.primary_address) {
    // Not our own advert (the I/O layer filters those) but a router misconfigured with our
    // address and priority. The RFC's else-branch would answer it, and it would answer us: an
    // endless exchange of adverts. Log it and leave it; neither side can win.
    out.push_back(Notice{NoticeKind::same_address_peer, advert.source, advert.priority, {}});
    return;
  }

  // "else // new Active Router logic": discard the ADVERTISEMENT and send one immediately to
  // assert the {Active} state (new in RFC 9568). RFC 3768 §6.4.3 only discards; a v2 instance
  // answers too, as keepalived does for both versions: the answer is an ordinary advert that
  // any v2 router handles, and it ends a split brain one interval sooner. Adver_Timer is not
  // reset: the RFC does not say so.
  // keepalived's lower_prio_no_advert leaves the answer out (its strict mode sets it): the
  // lower-priority Active then yields only when it hears our next periodic advert.
  out.push_back(Notice{NoticeKind::lower_priority_advert, advert.source, advert.priority, {}});
  if (!config_.lower_prio_no_advert) out.push_back(SendAdvert{priority_});
  // keepalived refreshes the hosts' ARP / ND caches too (garp_lower_prio_repeat; the I/O
  // layer sends nothing when it is 0): they may have followed the other Active.
  out.push_back(AnnounceAddresses{AnnounceTrigger::lower_priority_advert});
}

// "Set the Active_Adver_Interval to the Max Advertise Interval contained in the ADVERTISEMENT"
// (RFC 9568 §6.4.2, §6.4.3). VRRPv2 has no such step: RFC 3768 §6.1 computes
// Master_Down_Interval from the local Advertisement_Interval. A v2 advert reaching a v3
// instance (v2/v3 mode) carries Adver Int x 100 here, as RFC 9568 §8.4.2 requires.
void StateMachine::learn_interval(const AdvertEvent& advert, std::vector<Action>& out) {
  if (config_.version == Version::v2) return;
  // §7.1 validation drops an interval of 0 (EID 8301); never learn one that slipped through,
  // it would make Active_Down_Interval 0.
  if (advert.max_advert_interval <= Centiseconds::zero()) return;
  if (advert.max_advert_interval == active_adver_interval_) return;
  active_adver_interval_ = advert.max_advert_interval;
  out.push_back(
      Notice{NoticeKind::interval_learned, advert.source, advert.priority, active_adver_interval_});
}

// RFC 9568 §8.4.2: in v2/v3 mode a Backup SHOULD ignore the v2 adverts of an Active that also
// sends v3. A v3 instance remembers the last few v3 senders and drops their v2 twins (in every
// state: an Active would otherwise answer both copies of a peer's advert).
bool StateMachine::ignore_as_v2_duplicate(const AdvertEvent& advert) {
  if (config_.version != Version::v3) return false;
  const auto known = std::find(v3_peers_.begin(), v3_peers_.end(), advert.source);
  if (advert.version == Version::v3) {
    if (known == v3_peers_.end()) {
      v3_peers_[next_v3_peer_slot_] = advert.source;
      next_v3_peer_slot_ = (next_v3_peer_slot_ + 1) % v3_peers_.size();
    }
    return false;
  }
  return known != v3_peers_.end();
}

void StateMachine::arm_active_down_timer(TimePoint now, ProtocolInterval after) {
  deadline_ = deadline_after(now, after);
}

void StateMachine::arm_adver_timer(TimePoint now) {
  deadline_ = deadline_after(now, config_.advert_interval);
}

// RFC 9568 §6.2: each state has its own timer, so whoever changes state has already set (or
// cancelled) the one timer `deadline_` holds for the new state.
void StateMachine::change_state(State to, TransitionReason reason, std::vector<Action>& out) {
  wants_active_ = false;  // a wish for Active belongs to one stay in Backup
  out.push_back(StateChanged{state_, to, reason, priority_});
  state_ = to;
}

}  // namespace vrrp
