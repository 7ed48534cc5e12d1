// The unsolicited Neighbor Advertisement a router sends for each IPv6 VIP when it becomes
// Active (RFC 9568 §6.4.1, §6.4.2; RFC 4861 §4.4, §7.2.6), as a complete Ethernet frame with
// its IPv6 header. Pure byte layout: sending is announcer.hpp's job.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

#include "netlink/mac_address.hpp"
#include "vrrp/ip_address.hpp"

namespace vrrp::arp {

// Ethernet 14 + IPv6 40 + ICMPv6 NA 24 + Target Link-Layer Address option 8.
inline constexpr std::size_t kUnsolicitedNaFrameSize = 86;
using UnsolicitedNaFrame = std::array<std::uint8_t, kUnsolicitedNaFrameSize>;

// The frame:
//   Ethernet: destination 33:33:00:00:00:01 (ff02::1, RFC 2464 §7), source mac, 0x86DD
//   IPv6:     source `source` (the interface's link-local address), destination ff02::1,
//             Next Header 58, Hop Limit 255 (RFC 4861 §7.1.2 drops anything else)
//   ICMPv6:   type 136, code 0, flags R (router), S=0, O=1, target `target` (the VIP),
//             option 2 (Target Link-Layer Address) = mac, checksum over the RFC 8200 §8.1
//             pseudo-header
// `router` sets the R flag: true for a VRRP router (RFC 9568 Part 3 item 60 of NOTES); a
// host that sees R=0 from its default router drops it from its router list (RFC 4861
// §7.2.5). Throws std::invalid_argument unless source and target are IPv6.
UnsolicitedNaFrame build_unsolicited_na(const netlink::MacAddress& mac, const IpAddress& source,
                                        const IpAddress& target, bool router = true);

}  // namespace vrrp::arp
