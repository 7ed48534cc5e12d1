// The gratuitous ARP a router sends for each IPv4 VIP when it becomes Active (RFC 9568 §6.4.1,
// §6.4.2, with errata 7947 and 7949), as a complete Ethernet frame. Pure byte layout: sending
// is announcer.hpp's job.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

#include "netlink/mac_address.hpp"
#include "vrrp/ip_address.hpp"

namespace vrrp::arp {

// 14 bytes of Ethernet header and 28 of ARP. Shorter than Ethernet's 60-byte minimum: the
// driver pads it on the wire.
inline constexpr std::size_t kGratuitousArpFrameSize = 42;
using GratuitousArpFrame = std::array<std::uint8_t, kGratuitousArpFrameSize>;

// The frame, from `mac` (the VMAC, or the interface's MAC without use_vmac), to the broadcast
// address:
//   Ethernet: destination ff:ff:ff:ff:ff:ff, source mac, EtherType 0x0806
//   ARP:      htype 1 (Ethernet), ptype 0x0800, hlen 6, plen 4, opcode 1 (request),
//             sender hardware mac, sender protocol vip, target hardware mac, target protocol vip
// Throws std::invalid_argument if vip is not IPv4.
GratuitousArpFrame build_gratuitous_arp(const netlink::MacAddress& mac, const IpAddress& vip);

}  // namespace vrrp::arp
