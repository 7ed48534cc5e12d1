// keepalived's vrrp_garp_interval and vrrp_gna_interval: the least gap between two gratuitous
// ARPs, and between two unsolicited Neighbor Advertisements, sent out of one interface, whatever
// instance asked for them. Some switches and hosts drop a burst sent back to back; spacing it
// out costs announcement time (N messages take (N - 1) x interval). With an interval of 0 every
// message is due at once, in the order it was asked for.
//
// Pure: the daemon queues what an instance asks for (AnnounceSchedule says how many and when)
// and sends what is due at `now`. Messages keep their order per (interface, family): round
// after round of the addresses, as the unpaced burst goes.
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "vrrp/ip_address.hpp"
#include "vrrp/time.hpp"

namespace vrrp::daemon {

class AnnouncePacer {
 public:
  struct Message {
    std::string device;
    IpAddress address;
    friend bool operator==(const Message&, const Message&) = default;
  };

  // `garp_interval` spaces IPv4 messages, `gna_interval` IPv6 ones; negative counts as 0.
  AnnouncePacer(Duration garp_interval, Duration gna_interval);

  // `count` rounds of one message per address of `addresses`, out of `device`.
  void enqueue(const std::string& device, std::span<const IpAddress> addresses,
               std::uint32_t count);
  // The messages due at `now`, oldest first per interface and family; they count as sent now.
  std::vector<Message> take_due(TimePoint now);
  // When the next queued message is due (nothing queued: none). A lane whose first message
  // has never waited is due at once: TimePoint{} (the clock's epoch, always past).
  std::optional<TimePoint> next_deadline() const;
  // Drops what is queued for `address` on `device`: it is no longer ours to announce.
  void forget(const std::string& device, const IpAddress& address);

 private:
  using LaneKey = std::pair<std::string, Family>;
  struct Lane {
    std::deque<IpAddress> queue;
    std::optional<TimePoint> last_sent;
  };
  Duration interval(Family family) const;

  Duration garp_interval_;
  Duration gna_interval_;
  std::map<LaneKey, Lane> lanes_;
};

}  // namespace vrrp::daemon
