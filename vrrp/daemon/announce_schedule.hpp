// When an Active instance announces its addresses (gratuitous ARP / unsolicited NA), following
// keepalived's garp_master_* settings: a burst of `master_repeat` messages per address on
// becoming Active (RFC 9568 §6.4.1, §6.4.2 ask for one; keepalived sends 5 because switches and
// hosts drop some), a second burst `master_delay` later for slow switches (OpenBSD carp does the
// same), and, with `master_refresh`, `master_refresh_repeat` messages every refresh period while
// Active. keepalived also announces when an Active hears a lower-priority Active (hosts may have
// followed it during a partition): `lower_prio_repeat` messages at once and as many again
// `lower_prio_delay` later. Pure: the instance asks what is due at `now`.
#pragma once

#include <cstdint>
#include <optional>

#include "vrrp/config.hpp"
#include "vrrp/time.hpp"

namespace vrrp::daemon {

class AnnounceSchedule {
 public:
  explicit AnnounceSchedule(const GarpSettings& settings) : settings_(settings) {}

  // Became Active: the first burst is due at once.
  void start(TimePoint now);
  // Active and an advert of a lower-priority Active arrived: a burst of lower_prio_repeat is
  // due at once and, with lower_prio_delay, another that much later. While one delayed burst is
  // pending, further lower-priority adverts bring immediate bursts only (keepalived would stack
  // a delayed burst per advert, one every advert interval during a split brain).
  void lower_priority_heard(TimePoint now);
  // Left Active: nothing more is due.
  void stop();
  bool running() const { return running_; }

  // How many messages per address are due at `now` (0 when none), advancing the schedule.
  std::uint32_t take_due(TimePoint now);
  std::optional<TimePoint> next_deadline() const;

 private:
  GarpSettings settings_;
  bool running_ = false;
  std::optional<TimePoint> burst_at_;  // the first burst, then the delayed one
  bool delayed_burst_pending_ = false;
  std::optional<TimePoint> refresh_at_;
  std::optional<TimePoint> lower_prio_at_;          // the immediate burst
  std::optional<TimePoint> lower_prio_delayed_at_;  // the one lower_prio_delay later
};

}  // namespace vrrp::daemon
