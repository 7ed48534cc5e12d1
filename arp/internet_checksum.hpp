// The Internet checksum (RFC 1071): the one's complement of the one's complement sum of
// 16-bit big-endian words. Used here for the ICMPv6 checksum of Neighbor Advertisements.
#pragma once

#include <cstdint>
#include <span>

namespace vrrp::arp {

// Accumulates 16-bit words across several spans (pseudo-header, then message); an odd
// trailing byte is padded with zero as RFC 1071 says, which is only right for the last span.
class InternetChecksum {
 public:
  void add(std::span<const std::uint8_t> bytes);
  // The value to store in the checksum field, in host order (write it big-endian).
  std::uint16_t finish() const;

 private:
  std::uint32_t sum_ = 0;
};

}  // namespace vrrp::arp
