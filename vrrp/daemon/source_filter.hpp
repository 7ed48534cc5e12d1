// The I/O layer's filters on an advert's source address, applied before validation and before
// the state machine sees the advert:
// - our own adverts (own_advert): multicast loop is off, but a reflecting switch, a hairpin
//   bridge port or a second socket on the same link can still bring one back, and processed
//   under RFC 9568 §6.4.3 ("equal priority, not a greater address": send an advert at once) our
//   own advert would be answered by another, for ever (NOTES Part 4 item 3);
// - in unicast mode, adverts from anyone but a configured unicast_peer (not_from_unicast_peer),
//   as keepalived does with unicast_peer.
#pragma once

#include <optional>
#include <span>

#include "vrrp/drop_reason.hpp"
#include "vrrp/ip_address.hpp"

namespace vrrp::daemon {

struct SourceFilter {
  IpAddress own_source;                      // the source our adverts carry
  std::span<const IpAddress> unicast_peers;  // empty: multicast mode, any other source
};

// Why an advert from `source` is dropped, or nothing when it may go on to validation.
std::optional<DropReason> filter_source(const IpAddress& source, const SourceFilter& filter);

}  // namespace vrrp::daemon
