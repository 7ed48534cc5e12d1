// Where the IP packet starts in a captured frame, for the link types a VRRP capture comes in:
// Ethernet (with 802.1Q / 802.1ad tags), Linux cooked v1 and v2 (`-i any`), raw IP, BSD
// loopback, Cisco HDLC and Frame Relay. Bounds-checked; never reads outside the frame.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace vrrp::dump {

enum class LinkStatus : std::uint8_t {
  ip,                     // ip_offset is where the IPv4 or IPv6 header starts
  not_ip,                 // another protocol (ARP, an unknown EtherType, ...)
  link_header_truncated,  // the capture ends inside the link-layer header
  unsupported_link_type,  // a DLT_* this reader does not know
};
std::string_view to_string(LinkStatus status);

struct LinkResult {
  LinkStatus status = LinkStatus::not_ip;
  std::size_t ip_offset = 0;
};

// `link_type` is the capture's DLT_* value (pcap_datalink()).
LinkResult find_ip(int link_type, std::span<const std::uint8_t> frame);

// True for the link types find_ip knows.
bool link_type_supported(int link_type);

// The IP packet's protocol is VRRP (112), read from the raw header, so that a packet the IP
// layer later rejects (truncated, bad header checksum) is still reported: IPv4 Protocol, or
// the IPv6 Next Header of the fixed header. What a BPF "ip proto 112 or ip6 proto 112" keeps.
bool is_vrrp_protocol(std::span<const std::uint8_t> ip);

}  // namespace vrrp::dump
