// The VRRP state machine of one virtual router instance: one per (interface, VRID, address
// family), RFC 9568 §6 (VRRPv3) and RFC 3768 §6 (VRRPv2), plus keepalived's Fault state and
// preempt_delay.
//
// Pure: events and the current time go in, actions come out. It reads no clock and opens no
// socket; the caller owns the clock, calls timer_expired() once now >= next_deadline(), and
// carries out the actions in the order they were appended.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "vrrp/actions.hpp"
#include "vrrp/advert.hpp"
#include "vrrp/ip_address.hpp"
#include "vrrp/machine_config.hpp"
#include "vrrp/state.hpp"
#include "vrrp/time.hpp"
#include "vrrp/transition_reason.hpp"

namespace vrrp {

// An ADVERTISEMENT that passed RFC 9568 §7.1 (or RFC 3768 §7.1) validation for this instance.
struct AdvertEvent {
  IpAddress source;  // the sender's primary address: IPv4 source, or IPv6 link-local source
  std::uint8_t priority = 0;
  // Max Advertise Interval; for a v2 advert Adver Int x 100 (RFC 9568 §8.4.2 converts so).
  Centiseconds max_advert_interval{100};
  Version version = Version::v3;
};

class StateMachine {
 public:
  // Throws std::invalid_argument when config_error(config) reports a problem.
  explicit StateMachine(MachineConfig config);

  // RFC 9568 §6.4.1 Startup. Owner (priority 255): Active at once; otherwise Backup. While a
  // fault is raised, to Fault instead. Ignored unless in Initialize.
  void startup(TimePoint now, std::vector<Action>& out);

  // RFC 9568 §6.4.2 / §6.4.3 Shutdown: to Initialize. From Active exactly one priority-0 advert
  // and the addresses released; from Backup or Fault nothing is sent.
  void shutdown(TimePoint now, std::vector<Action>& out);

  // An advert from another router. Our own adverts never get here: the I/O layer filters them
  // by source address (RFC 9568 is silent; processing our own advert under §6.4.3's "answer an
  // inferior advert" rule would answer every advert we send, NOTES Part 4 item 3).
  void advert_received(const AdvertEvent& advert, TimePoint now, std::vector<Action>& out);

  // Call when now >= *next_deadline(): Active_Down_Timer in Backup, Adver_Timer in Active.
  // An early call (now before the deadline) does nothing.
  void timer_expired(TimePoint now, std::vector<Action>& out);

  // A new effective priority (see effective_priority()): an event in itself. 0 is taken as 1.
  void set_effective_priority(std::uint8_t priority, TimePoint now, std::vector<Action>& out);

  // A configuration reload changed the instance's parameters in place (vrrp/reload_plan.hpp):
  // the state, the timers and what was learned are kept. Preempt_Mode, Accept_Mode,
  // preempt_delay (and keepalived's advert options) apply from the next event. A new
  // Advertisement_Interval: an Active advertises it at once and re-arms Adver_Timer with it, so
  // the Backups learn it from that advert (RFC 9568 §6.4.2); a Backup that learns nothing (v2,
  // or no Active heard yet) takes it as Active_Adver_Interval for its next Active_Down_Timer.
  // The base priority is not applied here: the caller sets the effective one through
  // set_effective_priority(). `config.primary_address` is ignored (the current one stays).
  // Throws std::invalid_argument for another version, family or VRID, or a config_error().
  void reconfigure(MachineConfig config, TimePoint now, std::vector<Action>& out);

  // keepalived's Fault: the interface went down or a tracker with weight 0 failed. The caller
  // aggregates all fault sources into one condition; repeated calls are no-ops. Leaving Active
  // for Fault sends a priority-0 advert and releases the addresses. Raised in Initialize, it is
  // remembered: startup() then goes to Fault.
  void fault_raised(TimePoint now, std::vector<Action>& out);
  // The fault condition ended: from Fault through the Initialize logic (owner -> Active,
  // else Backup with Active_Adver_Interval reset to Advertisement_Interval).
  void fault_cleared(TimePoint now, std::vector<Action>& out);

  // keepalived's vrrp_sync_group (vrrp/sync_group.hpp decides; the caller carries it out).
  // A member never goes Backup -> Active by itself: when its Active_Down_Timer fires it stays
  // Backup, re-arms the timer (Active_Down_Interval) and reports wants_active(), and the group
  // calls force_active() on every member once all of them want it (keepalived's "only sync to
  // master if everyone wants to", which keeps a group whose members hear different Actives
  // from flapping). An accepted advert ends the wish.
  void set_sync_group_member(bool member) { sync_group_member_ = member; }
  bool wants_active() const { return wants_active_; }
  // Backup -> Active because the group goes Active; a member that wanted it keeps its own
  // reason. Ignored in other states.
  void force_active(TimePoint now, std::vector<Action>& out);
  // Active -> Backup because another member left Active for Backup. The member resigns as on
  // Shutdown (one priority-0 advert, RFC 9568 §6.4.3) so the peer router's Backup takes over
  // after Skew_Time instead of Active_Down_Interval; then Backup with Active_Down_Timer set to
  // Active_Down_Interval. Ignored in other states.
  void force_backup(TimePoint now, std::vector<Action>& out);
  // The group's Fault: another member has a fault of its own. A second fault source beside
  // fault_raised(): the machine stays in Fault while either holds. Repeated calls are no-ops.
  void group_fault_raised(TimePoint now, std::vector<Action>& out);
  void group_fault_cleared(TimePoint now, std::vector<Action>& out);
  bool group_fault() const { return group_fault_; }

  // Issue 8: while Active, the kernel removed our addresses because their lifetime ran out
  // (the daemon was stopped or stalled past it): whatever the peers did meanwhile, this node
  // no longer acts as Active. Active -> Backup as on leaving Active for a higher-priority
  // advert, but with one priority-0 advert first (RFC 9568 §6.4.3 resignation, so a Backup
  // that has not taken over yet does so after Skew_Time) and Active_Down_Timer set to
  // Active_Down_Interval, as after Startup: the election resolves as for a router that just
  // started. An owner (priority 255) binds them again and stays Active. Ignored in other
  // states.
  void addresses_lost(TimePoint now, std::vector<Action>& out);

  // A new primary address (the interface's address changed). Must be of the instance's family.
  void set_primary_address(const IpAddress& address);

  // The one running timer (RFC 9568 §6.2): Active_Down_Timer in Backup, Adver_Timer in Active,
  // none in Initialize and Fault.
  std::optional<TimePoint> next_deadline() const { return deadline_; }

  State state() const { return state_; }
  std::uint8_t priority() const { return priority_; }  // local effective priority
  bool is_owner() const { return priority_ == kOwnerPriority; }
  bool fault() const { return fault_; }  // the instance's own fault (not the group's)
  // RFC 9568 §6.1. For v2 always the configured interval (RFC 3768 learns nothing).
  Centiseconds active_adver_interval() const { return active_adver_interval_; }
  ProtocolInterval skew_time() const;             // from priority() and active_adver_interval()
  ProtocolInterval active_down_interval() const;  // likewise
  // Who we believe is Active: ourselves when Active; in Backup the sender of the last
  // non-zero-priority advert; nothing before the first advert or in Initialize and Fault.
  std::optional<IpAddress> active_address() const;
  std::uint8_t active_priority() const;  // 0 when active_address() is empty
  // RFC 9568 §6.4.3: an Active accepts packets addressed to the VIPs if it is the owner or
  // Accept_Mode is True. The I/O layer honours this (e.g. by a drop rule when false).
  bool accepts_packets_for_vips() const {
    return state_ == State::active && (is_owner() || config_.accept_mode);
  }
  // keepalived preempt_delay: a lower-priority Active is being tolerated until this instant.
  std::optional<TimePoint> preempt_delay_end() const { return preempt_delay_end_; }
  const MachineConfig& config() const { return config_; }

 private:
  void enter_from_initialize(TimePoint now, TransitionReason owner_reason,
                             TransitionReason backup_reason, std::vector<Action>& out);
  void become_active(TimePoint now, TransitionReason reason, std::vector<Action>& out);
  void backup_received(const AdvertEvent& advert, TimePoint now, std::vector<Action>& out);
  void active_received(const AdvertEvent& advert, TimePoint now, std::vector<Action>& out);
  bool backup_discards_lower(const AdvertEvent& advert, TimePoint now, std::vector<Action>& out);
  void learn_interval(const AdvertEvent& advert, std::vector<Action>& out);
  void arm_active_down_timer(TimePoint now, ProtocolInterval after);
  void arm_adver_timer(TimePoint now);
  void change_state(State to, TransitionReason reason, std::vector<Action>& out);
  void stand_down(State to, TransitionReason reason, std::vector<Action>& out);
  bool ignore_as_v2_duplicate(const AdvertEvent& advert);

  // Why the Active_Down_Timer was last armed: names the Backup -> Active transition.
  enum class DownTimerCause : std::uint8_t { no_advert, priority_zero, initial_state_master };

  MachineConfig config_;
  State state_ = State::initialize;
  std::uint8_t priority_;
  bool fault_ = false;
  bool group_fault_ = false;
  bool sync_group_member_ = false;
  bool wants_active_ = false;  // a sync group member whose Active_Down_Timer fired
  TransitionReason wanted_reason_ = TransitionReason::active_down_timer_expired;
  Centiseconds active_adver_interval_;
  std::optional<TimePoint> deadline_;
  DownTimerCause down_timer_cause_ = DownTimerCause::no_advert;
  bool discarded_lower_since_accept_ = false;
  std::optional<IpAddress> active_address_;  // in Backup (self is implied when Active)
  std::uint8_t active_priority_ = 0;
  std::optional<TimePoint> preempt_delay_end_;
  // Sources of recent v3 adverts, to ignore their v2 twins in v2/v3 mode (RFC 9568 §8.4.2).
  std::array<std::optional<IpAddress>, 4> v3_peers_{};
  std::size_t next_v3_peer_slot_ = 0;
};

}  // namespace vrrp
