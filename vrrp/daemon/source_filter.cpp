#include "vrrp/daemon/source_filter.hpp"

#include <algorithm>

namespace vrrp::daemon {

std::optional<DropReason> filter_source(const IpAddress& source, const SourceFilter& filter) {
  if (source == filter.own_source) return DropReason::own_advert;
  if (!filter.unicast_peers.empty() &&
      std::find(filter.unicast_peers.begin(), filter.unicast_peers.end(), source) ==
          filter.unicast_peers.end()) {
    return DropReason::not_from_unicast_peer;
  }
  return std::nullopt;
}

}  // namespace vrrp::daemon
