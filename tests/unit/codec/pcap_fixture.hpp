// Reads the capture fixtures in ../shared/fixtures/pcaps with libpcap and finds the IP packet
// in each frame. Test-only: the protocol core never sees libpcap.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vrrp::test {

enum class LinkStatus {
  ip,                     // `ip` holds the IPv4 or IPv6 packet
  not_ip,                 // a frame of another protocol (ARP, an unknown EtherType, ...)
  link_header_truncated,  // the capture ends inside the link-layer header
  unsupported_link_type,  // a link type this reader does not know
};
std::string_view to_string(LinkStatus status);

struct PcapFrame {
  std::size_t number = 0;  // 1-based, as tcpdump -# and Wireshark count
  std::int64_t timestamp_us = 0;
  std::uint32_t wire_length = 0;  // length on the wire; may exceed the captured bytes
  std::vector<std::uint8_t> captured;
  LinkStatus link = LinkStatus::not_ip;
  // The captured bytes from the IP header on, in their own allocation of exactly that size, so
  // an over-read by the code under test is a heap overflow that ASan reports.
  std::vector<std::uint8_t> ip;
};

struct PcapFile {
  int link_type = 0;  // DLT_*
  std::vector<PcapFrame> frames;
};

// Throws std::runtime_error if the file cannot be read. Handles Ethernet (with 802.1Q/802.1ad
// tags), Linux cooked v1 and v2, raw IP (DLT_RAW, DLT_IPV4, DLT_IPV6), BSD loopback (DLT_NULL,
// DLT_LOOP), Cisco HDLC, and Frame Relay (Q.922 address, then RFC 2427 NLPID or a Cisco
// EtherType); other link types give LinkStatus::unsupported_link_type frames.
PcapFile read_pcap(const std::string& path);

// VRRPD_FIXTURES_DIR/<file_name>.
std::string fixture_path(std::string_view file_name);

}  // namespace vrrp::test
