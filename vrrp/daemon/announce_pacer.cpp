#include "vrrp/daemon/announce_pacer.hpp"

#include <algorithm>

namespace vrrp::daemon {

AnnouncePacer::AnnouncePacer(Duration garp_interval, Duration gna_interval)
    : garp_interval_(std::max(garp_interval, Duration::zero())),
      gna_interval_(std::max(gna_interval, Duration::zero())) {}

Duration AnnouncePacer::interval(Family family) const {
  return family == Family::ipv4 ? garp_interval_ : gna_interval_;
}

void AnnouncePacer::enqueue(const std::string& device, std::span<const IpAddress> addresses,
                            std::uint32_t count) {
  for (std::uint32_t round = 0; round < count; ++round) {
    for (const IpAddress& address : addresses) {
      lanes_[{device, address.family()}].queue.push_back(address);
    }
  }
}

std::vector<AnnouncePacer::Message> AnnouncePacer::take_due(TimePoint now) {
  std::vector<Message> due;
  for (auto& [key, lane] : lanes_) {
    const Duration gap = interval(key.second);
    while (!lane.queue.empty() && (!lane.last_sent || *lane.last_sent + gap <= now)) {
      due.push_back({key.first, lane.queue.front()});
      lane.queue.pop_front();
      // From `now`, not from the planned instant: a late loop never sends two closer than
      // the interval (keepalived's rule is a minimum gap too).
      lane.last_sent = now;
      if (gap > Duration::zero()) break;
    }
  }
  return due;
}

std::optional<TimePoint> AnnouncePacer::next_deadline() const {
  std::optional<TimePoint> earliest;
  for (const auto& [key, lane] : lanes_) {
    if (lane.queue.empty()) continue;
    const TimePoint at = lane.last_sent ? *lane.last_sent + interval(key.second) : TimePoint{};
    if (!earliest || at < *earliest) earliest = at;
  }
  return earliest;
}

void AnnouncePacer::forget(const std::string& device, const IpAddress& address) {
  auto lane = lanes_.find({device, address.family()});
  if (lane != lanes_.end()) std::erase(lane->second.queue, address);
}

}  // namespace vrrp::daemon
