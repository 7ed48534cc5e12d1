// The IP layer under VRRP: an IPv4 packet as a raw IPv4 socket (or a capture) gives it, or an
// IPv6 packet from a capture. (A raw IPv6 socket gives no IPv6 header; the daemon fills
// PacketInfo from the ancillary data itself.)
#pragma once

#include <cstdint>
#include <span>
#include <variant>

#include "vrrp/drop_reason.hpp"
#include "vrrp/ip_address.hpp"

namespace vrrp {

// What the VRRP layer needs from the IP header.
struct PacketInfo {
  Family family = Family::ipv4;
  IpAddress source;
  IpAddress destination;
  std::uint8_t ttl = 0;  // IPv4 TTL or IPv6 Hop Limit
};

struct IpPacket {
  PacketInfo info;
  std::uint8_t protocol = 0;  // IPv4 Protocol, or the IPv6 Next Header after extension headers
  std::span<const std::uint8_t> payload;  // a view into the parsed bytes
};

// Bounds-checked parse. IPv4: version, IHL >= 5, options well formed, total length within the
// bytes (bytes after it, such as Ethernet padding, are ignored), header checksum, no fragment.
// IPv6: fixed header, payload length within the bytes, Hop-by-Hop / Routing / Destination
// Options headers skipped, a Fragment header dropped. Never reads outside `bytes`.
std::variant<IpPacket, DropReason> parse_ip_packet(std::span<const std::uint8_t> bytes);

}  // namespace vrrp
