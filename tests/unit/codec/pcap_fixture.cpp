#include "pcap_fixture.hpp"

#include <pcap/pcap.h>

#include <memory>
#include <optional>
#include <span>
#include <stdexcept>

namespace vrrp::test {
namespace {

constexpr std::uint16_t kEtherTypeIpv4 = 0x0800;
constexpr std::uint16_t kEtherTypeIpv6 = 0x86DD;

std::uint16_t be16(std::span<const std::uint8_t> b, std::size_t at) {
  return static_cast<std::uint16_t>(b[at] << 8 | b[at + 1]);
}

bool is_ip_ethertype(std::uint16_t type) {
  return type == kEtherTypeIpv4 || type == kEtherTypeIpv6;
}

struct LinkResult {
  LinkStatus status;
  std::size_t ip_offset = 0;
};

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

LinkResult by_ethertype(std::span<const std::uint8_t> f, std::size_t type_at) {
  if (f.size() < type_at + 2) return {LinkStatus::link_header_truncated};
  if (!is_ip_ethertype(be16(f, type_at))) return {LinkStatus::not_ip};
  return {LinkStatus::ip, type_at + 2};
}

// A 4-byte address family in host or network order, then the packet: look at the IP version.
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
  if (f[at] != 0x03) return by_ethertype(f, at);
  ++at;
  if (at < f.size() && f[at] == 0x00) ++at;  // RFC 2427 pad
  if (at >= f.size()) return {LinkStatus::link_header_truncated};
  const std::uint8_t nlpid = f[at];
  if (nlpid != 0xCC && nlpid != 0x8E) return {LinkStatus::not_ip};
  return {LinkStatus::ip, at + 1};
}

LinkResult find_ip(int link_type, std::span<const std::uint8_t> f) {
  switch (link_type) {
    case DLT_EN10MB:
      return ethernet(f);
    case DLT_LINUX_SLL:
      return by_ethertype(f, 14);
    case DLT_LINUX_SLL2:
      return by_ethertype(f, 0);
    case DLT_RAW:
    case DLT_IPV4:
    case DLT_IPV6:
      return {LinkStatus::ip, 0};
    case DLT_NULL:
    case DLT_LOOP:
      return bsd_loopback(f);
    case DLT_C_HDLC:
      return by_ethertype(f, 2);
    case DLT_FRELAY:
      return frame_relay(f);
    default:
      return {LinkStatus::unsupported_link_type};
  }
}

struct PcapCloser {
  void operator()(pcap_t* p) const { pcap_close(p); }
};

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

PcapFile read_pcap(const std::string& path) {
  char error[PCAP_ERRBUF_SIZE] = {};
  std::unique_ptr<pcap_t, PcapCloser> handle(pcap_open_offline(path.c_str(), error));
  if (!handle) throw std::runtime_error("cannot read " + path + ": " + error);

  PcapFile file;
  file.link_type = pcap_datalink(handle.get());
  pcap_pkthdr* header = nullptr;
  const u_char* data = nullptr;
  int status = 0;
  while ((status = pcap_next_ex(handle.get(), &header, &data)) == 1) {
    PcapFrame frame;
    frame.number = file.frames.size() + 1;
    frame.timestamp_us =
        static_cast<std::int64_t>(header->ts.tv_sec) * 1000000 + header->ts.tv_usec;
    frame.wire_length = header->len;
    frame.captured.assign(data, data + header->caplen);
    const LinkResult link = find_ip(file.link_type, frame.captured);
    frame.link = link.status;
    if (link.status == LinkStatus::ip) {
      if (link.ip_offset > frame.captured.size()) {
        frame.link = LinkStatus::link_header_truncated;
      } else {
        frame.ip.assign(frame.captured.begin() + static_cast<std::ptrdiff_t>(link.ip_offset),
                        frame.captured.end());
        frame.ip.shrink_to_fit();
      }
    }
    file.frames.push_back(std::move(frame));
  }
  if (status == PCAP_ERROR) {
    throw std::runtime_error("error reading " + path + ": " + pcap_geterr(handle.get()));
  }
  return file;
}

std::string fixture_path(std::string_view file_name) {
  return std::string(VRRPD_FIXTURES_DIR) + "/" + std::string(file_name);
}

}  // namespace vrrp::test
