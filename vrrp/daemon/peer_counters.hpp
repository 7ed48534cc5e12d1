// Adverts received per peer source address, for the SIGUSR2 statistics (issue 5). Bounded, so
// a flood of forged sources cannot grow the daemon: the first kMaxPeers addresses get a line
// each and every later address is counted under "other".
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>

#include "vrrp/ip_address.hpp"

namespace vrrp::daemon {

class PeerCounters {
 public:
  static constexpr std::size_t kMaxPeers = 64;

  void count(const IpAddress& peer) {
    if (auto it = peers_.find(peer); it != peers_.end()) {
      ++it->second;
    } else if (peers_.size() < kMaxPeers) {
      peers_.emplace(peer, 1);
    } else {
      ++other_;
    }
  }
  // In address order, so the statistics file is stable from one dump to the next.
  const std::map<IpAddress, std::uint64_t>& peers() const { return peers_; }
  std::uint64_t other() const { return other_; }  // adverts from addresses beyond kMaxPeers

 private:
  std::map<IpAddress, std::uint64_t> peers_;
  std::uint64_t other_ = 0;
};

}  // namespace vrrp::daemon
