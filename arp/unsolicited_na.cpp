#include "arp/unsolicited_na.hpp"

#include <span>
#include <stdexcept>

#include "arp/ethernet.hpp"
#include "arp/frame_layout.hpp"
#include "vrrp/checksum.hpp"

namespace vrrp::arp {

namespace {

constexpr std::size_t kIpv6HeaderSize = 40;
constexpr std::size_t kNaSize = 24;         // type, code, checksum, flags, target
constexpr std::size_t kTllaOptionSize = 8;  // type, length (in 8-byte units), MAC
constexpr std::uint16_t kIcmpv6Length = kNaSize + kTllaOptionSize;  // 32
constexpr std::uint8_t kNextHeaderIcmpv6 = 58;
constexpr std::uint8_t kHopLimit = 255;  // RFC 4861 §7.1.2
constexpr std::uint8_t kTypeNeighborAdvertisement = 136;
constexpr std::uint8_t kOptionTargetLinkLayerAddress = 2;
// RFC 4861 §4.4: R is bit 31 of the flags word, S bit 30, O bit 29.
constexpr std::uint32_t kFlagRouter = 0x80000000u;
constexpr std::uint32_t kFlagOverride = 0x20000000u;

// ff02::1, all nodes, and its Ethernet mapping 33:33 + low 32 bits (RFC 2464 §7).
constexpr std::array<std::uint8_t, 16> kAllNodes = {0xff, 0x02, 0, 0, 0, 0, 0, 0,
                                                    0,    0,    0, 0, 0, 0, 0, 1};
constexpr std::array<std::uint8_t, 6> kAllNodesMac = {0x33, 0x33, 0x00, 0x00, 0x00, 0x01};

}  // namespace

UnsolicitedNaFrame build_unsolicited_na(const netlink::MacAddress& mac, const IpAddress& source,
                                        const IpAddress& target, bool router) {
  if (!source.is_v6() || !target.is_v6()) {
    throw std::invalid_argument("neighbor advertisement needs IPv6 source and target");
  }
  UnsolicitedNaFrame frame{};
  using namespace detail;

  put_bytes(frame, 0, kAllNodesMac);
  put_bytes(frame, 6, mac.bytes);
  put_u16(frame, 12, kEtherTypeIpv6);

  constexpr std::size_t ip = kEthernetHeaderSize;
  put_u32(frame, ip + 0, 0x60000000u);  // version 6, traffic class 0, flow label 0
  put_u16(frame, ip + 4, kIcmpv6Length);
  put_u8(frame, ip + 6, kNextHeaderIcmpv6);
  put_u8(frame, ip + 7, kHopLimit);
  put_bytes(frame, ip + 8, source.bytes());
  put_bytes(frame, ip + 24, kAllNodes);

  constexpr std::size_t icmp = ip + kIpv6HeaderSize;
  put_u8(frame, icmp + 0, kTypeNeighborAdvertisement);
  put_u8(frame, icmp + 1, 0);  // code
  // icmp + 2: checksum, filled below
  // Unsolicited: S=0 (RFC 4861 §7.2.6); O=1 so receivers replace the cached link-layer
  // address with the VMAC (RFC 9568 §6.4.2).
  put_u32(frame, icmp + 4, (router ? kFlagRouter : 0u) | kFlagOverride);
  put_bytes(frame, icmp + 8, target.bytes());
  put_u8(frame, icmp + 24, kOptionTargetLinkLayerAddress);
  put_u8(frame, icmp + 25, 1);  // length in units of 8 bytes
  put_bytes(frame, icmp + 26, mac.bytes);

  // RFC 4443 §2.3 / RFC 8200 §8.1: source, destination, 32-bit upper-layer length, three
  // zero bytes and the Next Header value, then the ICMPv6 message with a zero checksum.
  ChecksumAccumulator sum;
  sum.add(std::span<const std::uint8_t>(frame).subspan(ip + 8, 32));  // source, destination
  const std::array<std::uint8_t, 8> lengths = {0, 0, 0, kIcmpv6Length, 0, 0, 0, kNextHeaderIcmpv6};
  sum.add(lengths);
  sum.add(std::span<const std::uint8_t>(frame).subspan(icmp, kIcmpv6Length));
  put_u16(frame, icmp + 2, sum.finish());
  return frame;
}

}  // namespace vrrp::arp
