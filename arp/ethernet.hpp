// Ethernet II header constants shared by the announcement builders.
#pragma once

#include <cstddef>
#include <cstdint>

namespace vrrp::arp {

inline constexpr std::size_t kEthernetHeaderSize = 14;  // destination, source, EtherType
inline constexpr std::uint16_t kEtherTypeArp = 0x0806;
inline constexpr std::uint16_t kEtherTypeIpv6 = 0x86DD;

}  // namespace vrrp::arp
