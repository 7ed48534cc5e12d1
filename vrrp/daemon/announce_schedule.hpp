// When an Active instance announces its addresses (gratuitous ARP / unsolicited NA), following
// keepalived's garp_master_* settings: a burst of `master_repeat` messages per address on
// becoming Active (RFC 9568 §6.4.1, §6.4.2 ask for one; keepalived sends 5 because switches and
// hosts drop some), a second burst `master_delay` later for slow switches (OpenBSD carp does the
// same), and, with `master_refresh`, `master_refresh_repeat` messages every refresh period while
// Active. Pure: the instance asks what is due at `now`.
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
};

}  // namespace vrrp::daemon
