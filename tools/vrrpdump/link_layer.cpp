#include "tools/vrrpdump/link_layer.hpp"

#include <pcap/dlt.h>

namespace vrrp::dump {
namespace {

constexpr std::uint16_t kEtherTypeIpv4 = 0x0800;
constexpr std::uint16_t kEtherTypeIpv6 = 0x86DD;
constexpr std::uint8_t kIpProtocolVrrp = 112;  // RFC 9568 §5.1.1.4, §5.1.2.4

std::uint16_t be16(std::span<const std::uint8_t> b, std::size_t at) {
  return static_cast<std::uint16_t>(b[at] << 8 | b[at + 1]);
}

bool is_ip_ethertype(std::uint16_t type) {
  return type == kEtherTypeIpv4 || type == kEtherTypeIpv6;
}

LinkResult ethernet(std::span<const std::uint8_t> f) {
  std::size_t type_at = 12;
  while (true) {
    if (f.size() < type_at + 2) return {LinkStatus::link_header_truncated};
    const std::uint16_t type = be16(f, type_at);
    if (type == 0x8100 || type == 0x88A8 || type == 0x9100) {  // VLAN tags
      type_at += 4;
      continue;
    }
    if (!is_ip_ethertype(type)) return {LinkStatus::not_ip};
    return {LinkStatus::ip, type_at + 2};
  }
}

// The EtherType at `type_at`, the packet right after it (SLL: 14, SLL2: 0, Cisco HDLC: 2).
LinkResult by_ethertype(std::span<const std::uint8_t> f, std::size_t type_at,
                        std::size_t header_size) {
  if (f.size() < header_size) return {LinkStatus::link_header_truncated};
  if (!is_ip_ethertype(be16(f, type_at))) return {LinkStatus::not_ip};
  return {LinkStatus::ip, header_size};
}

// A 4-byte address family in host or network order: look at the IP version instead.
LinkResult bsd_loopback(std::span<const std::uint8_t> f) {
  if (f.size() < 5) return {LinkStatus::link_header_truncated};
  const int version = f[4] >> 4;
  if (version != 4 && version != 6) return {LinkStatus::not_ip};
  return {LinkStatus::ip, 4};
}

// Q.922 address (2-4 bytes, the last with the EA bit set), then either the RFC 2427 UI control
// byte 0x03, an optional pad and an NLPID (0xCC IPv4, 0x8E IPv6), or (Cisco) an EtherType.
LinkResult frame_relay(std::span<const std::uint8_t> f) {
  std::size_t at = 0;
  while (true) {
    if (at >= f.size()) return {LinkStatus::link_header_truncated};
    if (f[at++] & 0x01) break;
    if (at == 4) return {LinkStatus::not_ip};
  }
  if (at < 2) return {LinkStatus::not_ip};
  if (at >= f.size()) return {LinkStatus::link_header_truncated};
  if (f[at] != 0x03) return by_ethertype(f, at, at + 2);
  ++at;
  if (at < f.size() && f[at] == 0x00) ++at;  // RFC 2427 pad
  if (at >= f.size()) return {LinkStatus::link_header_truncated};
  const std::uint8_t nlpid = f[at];
  if (nlpid != 0xCC && nlpid != 0x8E) return {LinkStatus::not_ip};
  return {LinkStatus::ip, at + 1};
}

}  // namespace

std::string_view to_string(LinkStatus status) {
  switch (status) {
    case LinkStatus::ip:
      return "ip";
    case LinkStatus::not_ip:
      return "not_ip";
    case LinkStatus::link_header_truncated:
      return "link_header_truncated";
    case LinkStatus::unsupported_link_type:
      return "unsupported_link_type";
  }
  return "unknown";
}

LinkResult find_ip(int link_type, std::span<const std::uint8_t> f) {
  switch (link_type) {
    case DLT_EN10MB:
      return ethernet(f);
    case DLT_LINUX_SLL:  // 16-byte header, protocol at 14
      return by_ethertype(f, 14, 16);
    case DLT_LINUX_SLL2:  // 20-byte header, protocol at 0
      return by_ethertype(f, 0, 20);
    case DLT_RAW:
    case DLT_IPV4:
    case DLT_IPV6:
      return {LinkStatus::ip, 0};
    case DLT_NULL:
    case DLT_LOOP:
      return bsd_loopback(f);
    case DLT_C_HDLC:
      return by_ethertype(f, 2, 4);
    case DLT_FRELAY:
      return frame_relay(f);
    default:
      return {LinkStatus::unsupported_link_type};
  }
}

bool link_type_supported(int link_type) {
  return find_ip(link_type, {}).status != LinkStatus::unsupported_link_type;
}

bool is_vrrp_protocol(std::span<const std::uint8_t> ip) {
  if (ip.empty()) return false;
  switch (ip[0] >> 4) {
    case 4:
      return ip.size() > 9 && ip[9] == kIpProtocolVrrp;
    case 6:
      return ip.size() > 6 && ip[6] == kIpProtocolVrrp;
    default:
      return false;
  }
}

}  // namespace vrrp::dump
