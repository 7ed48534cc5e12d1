#include "arp/gratuitous_arp.hpp"

#include <stdexcept>

#include "arp/ethernet.hpp"
#include "arp/frame_layout.hpp"

namespace vrrp::arp {

namespace {

// RFC 826 field values.
constexpr std::uint16_t kHardwareEthernet = 1;
constexpr std::uint16_t kProtocolIpv4 = 0x0800;
constexpr std::uint8_t kHardwareLength = 6;
constexpr std::uint8_t kProtocolLength = 4;
// RFC 9568 says only "a gratuitous ARP message"; RFC 5798 and RFC 3768 said "request".
// A request is what keepalived sends, and what RFC 5227 §3 ("ARP Announcement") recommends:
// every Linux, BSD and Windows host updates an existing cache entry from it, while some
// stacks ignore unsolicited replies.
constexpr std::uint16_t kOpRequest = 1;

}  // namespace

GratuitousArpFrame build_gratuitous_arp(const netlink::MacAddress& mac, const IpAddress& vip) {
  if (!vip.is_v4()) throw std::invalid_argument("gratuitous ARP for a non-IPv4 address");
  GratuitousArpFrame frame{};
  using namespace detail;
  // Ethernet header.
  put_bytes(frame, 0, netlink::MacAddress::broadcast().bytes);
  put_bytes(frame, 6, mac.bytes);  // RFC 9568 §7.2 note: learning bridges see the VMAC's port
  put_u16(frame, 12, kEtherTypeArp);
  // ARP body (RFC 826).
  constexpr std::size_t arp = kEthernetHeaderSize;
  put_u16(frame, arp + 0, kHardwareEthernet);
  put_u16(frame, arp + 2, kProtocolIpv4);
  put_u8(frame, arp + 4, kHardwareLength);
  put_u8(frame, arp + 5, kProtocolLength);
  put_u16(frame, arp + 6, kOpRequest);
  put_bytes(frame, arp + 8, mac.bytes);  // sender hardware: the VMAC (RFC 9568 §6.4.1)
  // Sender protocol: the VIP ("containing the Virtual Router IPv4 address", RFC 9568 §6.4.1
  // and §6.4.2 as corrected by errata 7947 and 7949).
  put_bytes(frame, arp + 14, vip.bytes());
  // Target hardware: "set to the Virtual Router MAC address" (RFC 9568 §6.4.1, §6.4.2).
  // Receivers ignore this field in a request; Linux compares it only in gratuitous replies.
  put_bytes(frame, arp + 18, mac.bytes);
  put_bytes(frame, arp + 24, vip.bytes());  // target protocol: the VIP, which makes it gratuitous
  return frame;
}

}  // namespace vrrp::arp
