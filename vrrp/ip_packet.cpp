#include "vrrp/ip_packet.hpp"

#include "vrrp/byte_reader.hpp"
#include "vrrp/checksum.hpp"

namespace vrrp {
namespace {

constexpr std::size_t kIpv4MinHeader = 20;  // RFC 791 §3.1
constexpr std::size_t kIpv6Header = 40;     // RFC 8200 §3
constexpr std::uint16_t kMoreFragments = 0x2000;
constexpr std::uint16_t kFragmentOffsetMask = 0x1FFF;

// RFC 791 §3.1 options: End of Option List (0) ends the list, No Operation (1) is one byte,
// every other option has a length byte that counts the type and length bytes too.
bool ipv4_options_well_formed(std::span<const std::uint8_t> options) {
  std::size_t i = 0;
  while (i < options.size()) {
    const std::uint8_t type = options[i];
    if (type == 0) return true;
    if (type == 1) {
      ++i;
      continue;
    }
    if (i + 1 >= options.size()) return false;
    const std::uint8_t length = options[i + 1];
    if (length < 2 || length > options.size() - i) return false;
    i += length;
  }
  return true;
}

std::variant<IpPacket, DropReason> parse_ipv4(std::span<const std::uint8_t> bytes) {
  if (bytes.size() < kIpv4MinHeader) return DropReason::ip_truncated;
  ByteReader r(bytes);
  const std::uint8_t version_ihl = r.u8();
  const std::size_t header_length = static_cast<std::size_t>(version_ihl & 0x0F) * 4;
  r.skip(1);  // TOS / DSCP: Cisco sends 0xc0, nothing to check
  const std::uint16_t total_length = r.u16();
  r.skip(2);  // Identification: MikroTik sends 0x1234 on every advert
  const std::uint16_t flags_offset = r.u16();
  const std::uint8_t ttl = r.u8();
  const std::uint8_t protocol = r.u8();
  r.skip(2);  // header checksum, verified over the whole header below
  const auto source = r.bytes(4);
  const auto destination = r.bytes(4);

  if (header_length < kIpv4MinHeader) return DropReason::ip_header_malformed;
  if (header_length > bytes.size()) return DropReason::ip_truncated;
  if (total_length < header_length) return DropReason::ip_header_malformed;
  if (total_length > bytes.size()) return DropReason::ip_truncated;
  if (!ipv4_options_well_formed(bytes.subspan(kIpv4MinHeader, header_length - kIpv4MinHeader))) {
    return DropReason::ip_header_malformed;
  }
  ChecksumAccumulator header_sum;
  header_sum.add(bytes.first(header_length));
  if (header_sum.sum() != 0xFFFF) return DropReason::ip_header_checksum;
  // The kernel reassembles before a raw socket sees the packet; a capture can hold pieces.
  if ((flags_offset & kMoreFragments) || (flags_offset & kFragmentOffsetMask)) {
    return DropReason::ip_fragment;
  }

  IpPacket packet;
  packet.info.family = Family::ipv4;
  packet.info.source = IpAddress::from_bytes(Family::ipv4, source);
  packet.info.destination = IpAddress::from_bytes(Family::ipv4, destination);
  packet.info.ttl = ttl;
  packet.protocol = protocol;
  packet.payload = bytes.subspan(header_length, total_length - header_length);
  return packet;
}

std::variant<IpPacket, DropReason> parse_ipv6(std::span<const std::uint8_t> bytes) {
  if (bytes.size() < kIpv6Header) return DropReason::ip_truncated;
  ByteReader r(bytes);
  r.skip(4);  // version, traffic class (Cisco: 0xe0), flow label
  const std::uint16_t payload_length = r.u16();
  std::uint8_t next_header = r.u8();
  const std::uint8_t hop_limit = r.u8();
  const auto source = r.bytes(16);
  const auto destination = r.bytes(16);
  if (payload_length > r.remaining()) return DropReason::ip_truncated;

  // RFC 8200 §4: walk the extension headers that may precede the upper layer. Each is at
  // least 8 bytes, so the walk ends within payload_length / 8 steps.
  ByteReader payload(r.bytes(payload_length));
  constexpr std::uint8_t kHopByHop = 0, kRouting = 43, kFragment = 44, kDestinationOptions = 60;
  while (next_header == kHopByHop || next_header == kRouting ||
         next_header == kDestinationOptions) {
    const std::uint8_t following = payload.u8();
    const std::size_t length = (static_cast<std::size_t>(payload.u8()) + 1) * 8;
    payload.skip(length - 2);
    if (payload.failed()) return DropReason::ip_header_malformed;
    next_header = following;
  }
  if (next_header == kFragment) return DropReason::ip_fragment;

  IpPacket packet;
  packet.info.family = Family::ipv6;
  packet.info.source = IpAddress::from_bytes(Family::ipv6, source);
  packet.info.destination = IpAddress::from_bytes(Family::ipv6, destination);
  packet.info.ttl = hop_limit;
  packet.protocol = next_header;
  packet.payload = payload.rest();
  return packet;
}

}  // namespace

std::variant<IpPacket, DropReason> parse_ip_packet(std::span<const std::uint8_t> bytes) {
  if (bytes.empty()) return DropReason::ip_truncated;
  switch (bytes[0] >> 4) {
    case 4:
      return parse_ipv4(bytes);
    case 6:
      return parse_ipv6(bytes);
    default:
      return DropReason::ip_header_malformed;
  }
}

}  // namespace vrrp
