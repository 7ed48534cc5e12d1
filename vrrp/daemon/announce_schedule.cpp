#include "vrrp/daemon/announce_schedule.hpp"

#include <algorithm>

namespace vrrp::daemon {

void AnnounceSchedule::start(TimePoint now) {
  running_ = true;
  burst_at_ = now;
  delayed_burst_pending_ = settings_.master_delay.count() > 0;
  refresh_at_.reset();
  if (settings_.master_refresh.count() > 0) refresh_at_ = now + settings_.master_refresh;
}

void AnnounceSchedule::stop() {
  running_ = false;
  burst_at_.reset();
  refresh_at_.reset();
  delayed_burst_pending_ = false;
  lower_prio_at_.reset();
  lower_prio_delayed_at_.reset();
}

void AnnounceSchedule::lower_priority_heard(TimePoint now) {
  if (!running_ || settings_.lower_prio_repeat == 0) return;
  lower_prio_at_ = now;
  if (settings_.lower_prio_delay.count() > 0 && !lower_prio_delayed_at_) {
    lower_prio_delayed_at_ = now + settings_.lower_prio_delay;
  }
}

std::uint32_t AnnounceSchedule::take_due(TimePoint now) {
  if (!running_) return 0;
  std::uint32_t due = 0;
  if (burst_at_ && *burst_at_ <= now) {
    due = std::max(due, settings_.master_repeat);
    if (delayed_burst_pending_) {
      burst_at_ = *burst_at_ + settings_.master_delay;
      delayed_burst_pending_ = false;
    } else {
      burst_at_.reset();
    }
  }
  for (auto* lower : {&lower_prio_at_, &lower_prio_delayed_at_}) {
    if (*lower && **lower <= now) {
      due = std::max(due, settings_.lower_prio_repeat);
      lower->reset();
    }
  }
  if (refresh_at_ && *refresh_at_ <= now) {
    due = std::max(due, settings_.master_refresh_repeat);
    // From the planned instant, so the refresh period does not drift with loop latency; a
    // long stall skips missed refreshes rather than sending a backlog.
    while (*refresh_at_ <= now)
      *refresh_at_ += settings_.master_refresh;
  }
  return due;
}

std::optional<TimePoint> AnnounceSchedule::next_deadline() const {
  if (!running_) return std::nullopt;
  std::optional<TimePoint> earliest;
  for (const auto& at : {burst_at_, refresh_at_, lower_prio_at_, lower_prio_delayed_at_}) {
    if (at && (!earliest || *at < *earliest)) earliest = at;
  }
  return earliest;
}

}  // namespace vrrp::daemon
