// The announcement frames byte for byte, without a kernel. Expected bytes are written out by
// hand from RFC 826, RFC 4861 and RFC 9568; checksums were computed independently (a Python
// one's-complement sum over the RFC 8200 pseudo-header).
#include <catch2/catch.hpp>

#include <cstdint>
#include <stdexcept>
#include <vector>

#include "arp/gratuitous_arp.hpp"
#include "arp/unsolicited_na.hpp"
#include "netlink/mac_address.hpp"
#include "vrrp/checksum.hpp"

using vrrp::Family;
using vrrp::IpAddress;
using vrrp::netlink::MacAddress;

namespace {

IpAddress addr(const char* text) {
  return *IpAddress::parse(text);
}

template <typename Frame>
std::vector<std::uint8_t> bytes(const Frame& frame) {
  return {frame.begin(), frame.end()};
}

}  // namespace

TEST_CASE("RFC 9568 §7.3: virtual router MAC is 00-00-5E-00-01-{VRID} (IPv4), -02- (IPv6)") {
  CHECK(vrrp::netlink::virtual_router_mac(Family::ipv4, 10).to_string() == "00:00:5e:00:01:0a");
  CHECK(vrrp::netlink::virtual_router_mac(Family::ipv6, 10).to_string() == "00:00:5e:00:02:0a");
  CHECK(vrrp::netlink::virtual_router_mac(Family::ipv4, 255).to_string() == "00:00:5e:00:01:ff");
  CHECK(vrrp::netlink::is_virtual_router_mac(vrrp::netlink::virtual_router_mac(Family::ipv6, 1)));
  CHECK_FALSE(vrrp::netlink::is_virtual_router_mac(MacAddress{{0x00, 0x00, 0x5e, 0x00, 0x03, 1}}));
  CHECK_FALSE(vrrp::netlink::is_virtual_router_mac(MacAddress{{0x02, 0x00, 0x5e, 0x00, 0x01, 1}}));
}

TEST_CASE("RFC 1071: Internet checksum of the worked example is 0x220d") {
  vrrp::ChecksumAccumulator sum;
  const std::uint8_t data[] = {0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7};
  sum.add(data);
  CHECK(sum.finish() == 0x220d);

  // Split across spans at an even boundary: the same result.
  vrrp::ChecksumAccumulator split;
  split.add(std::span<const std::uint8_t>(data, 2));
  split.add(std::span<const std::uint8_t>(data + 2, 6));
  CHECK(split.finish() == 0x220d);

  // An odd trailing byte is padded with zero on the right.
  vrrp::ChecksumAccumulator odd;
  const std::uint8_t three[] = {0x01, 0x02, 0x03};  // 0x0102 + 0x0300 = 0x0402
  odd.add(three);
  CHECK(odd.finish() == static_cast<std::uint16_t>(~0x0402));
}

TEST_CASE("RFC 9568 §6.4.2: gratuitous ARP for 192.0.2.100 from VMAC of VRID 10, byte for byte") {
  const MacAddress vmac = vrrp::netlink::virtual_router_mac(Family::ipv4, 10);
  const std::vector<std::uint8_t> expected = {
      // Ethernet: broadcast destination, VMAC source, EtherType ARP
      0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00, 0x00, 0x5e, 0x00, 0x01, 0x0a, 0x08, 0x06,
      // htype 1, ptype 0x0800, hlen 6, plen 4, opcode 1 (request)
      0x00, 0x01, 0x08, 0x00, 0x06, 0x04, 0x00, 0x01,
      // sender hardware = VMAC, sender protocol = VIP
      0x00, 0x00, 0x5e, 0x00, 0x01, 0x0a, 192, 0, 2, 100,
      // target hardware = VMAC, target protocol = VIP
      0x00, 0x00, 0x5e, 0x00, 0x01, 0x0a, 192, 0, 2, 100};
  CHECK(bytes(vrrp::arp::build_gratuitous_arp(vmac, addr("192.0.2.100"))) == expected);
}

TEST_CASE("RFC 9568 §6.4.2: gratuitous ARP carries the given MAC, not a fixed one") {
  // Without use_vmac the interface's own MAC is announced.
  const MacAddress own{{0x02, 0x11, 0x22, 0x33, 0x44, 0x55}};
  const auto frame = vrrp::arp::build_gratuitous_arp(own, addr("198.51.100.7"));
  const std::vector<std::uint8_t> source(frame.begin() + 6, frame.begin() + 12);
  const std::vector<std::uint8_t> sender(frame.begin() + 22, frame.begin() + 28);
  const std::vector<std::uint8_t> target(frame.begin() + 32, frame.begin() + 38);
  const std::vector<std::uint8_t> mac(own.bytes.begin(), own.bytes.end());
  CHECK(source == mac);
  CHECK(sender == mac);
  CHECK(target == mac);
  CHECK(std::vector<std::uint8_t>(frame.begin() + 28, frame.begin() + 32) ==
        std::vector<std::uint8_t>{198, 51, 100, 7});
}

TEST_CASE("RFC 9568 §6.4.2: gratuitous ARP is refused for an IPv6 address") {
  CHECK_THROWS_AS(vrrp::arp::build_gratuitous_arp(MacAddress{}, addr("2001:db8::1")),
                  std::invalid_argument);
}

TEST_CASE("RFC 9568 §6.4.2: unsolicited NA for 2001:db8::100, R=1 S=0 O=1, byte for byte") {
  const MacAddress vmac = vrrp::netlink::virtual_router_mac(Family::ipv6, 10);
  const std::vector<std::uint8_t> expected = {
      // Ethernet: 33:33:00:00:00:01 (ff02::1), VMAC source, EtherType IPv6
      0x33, 0x33, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x5e, 0x00, 0x02, 0x0a, 0x86, 0xdd,
      // IPv6: version 6, payload length 32, next header 58, hop limit 255
      0x60, 0x00, 0x00, 0x00, 0x00, 0x20, 0x3a, 0xff,
      // source fe80::1
      0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x01,
      // destination ff02::1
      0xff, 0x02, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x01,
      // ICMPv6 type 136, code 0, checksum 0x495a, flags R|O
      0x88, 0x00, 0x49, 0x5a, 0xa0, 0x00, 0x00, 0x00,
      // target 2001:db8::100
      0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x01, 0x00,
      // option 2 (target link-layer address), length 1, VMAC
      0x02, 0x01, 0x00, 0x00, 0x5e, 0x00, 0x02, 0x0a};
  CHECK(bytes(vrrp::arp::build_unsolicited_na(vmac, addr("fe80::1"), addr("2001:db8::100"))) ==
        expected);
}

TEST_CASE("RFC 4861 §4.4: unsolicited NA without the router flag has flags O only") {
  const MacAddress vmac = vrrp::netlink::virtual_router_mac(Family::ipv6, 10);
  const auto frame =
      vrrp::arp::build_unsolicited_na(vmac, addr("fe80::1"), addr("2001:db8::100"), false);
  CHECK(frame[54] == 136);
  CHECK(frame[58] == 0x20);  // O=1, R=0, S=0
  // The checksum follows the flags: computed independently as 0xc95a.
  CHECK(frame[56] == 0xc9);
  CHECK(frame[57] == 0x5a);
}

TEST_CASE("RFC 4443 §2.3: the NA checksum verifies over pseudo-header and message") {
  // For any source, target and MAC, summing the pseudo-header and the message including the
  // stored checksum gives 0 after complement.
  const MacAddress mac{{0x02, 0xaa, 0xbb, 0xcc, 0xdd, 0xee}};
  const auto frame =
      vrrp::arp::build_unsolicited_na(mac, addr("fe80::abcd:1234"), addr("2001:db8:ffff::fe"));
  vrrp::ChecksumAccumulator verify;
  verify.add(std::span<const std::uint8_t>(frame).subspan(22, 32));  // src, dst
  const std::uint8_t lengths[] = {0, 0, 0, 32, 0, 0, 0, 58};
  verify.add(lengths);
  verify.add(std::span<const std::uint8_t>(frame).subspan(54, 32));
  CHECK(verify.finish() == 0);

  // One flipped bit breaks it: the check above can fail.
  auto broken = frame;
  broken[70] ^= 0x01;
  vrrp::ChecksumAccumulator verify_broken;
  verify_broken.add(std::span<const std::uint8_t>(broken).subspan(22, 32));
  verify_broken.add(lengths);
  verify_broken.add(std::span<const std::uint8_t>(broken).subspan(54, 32));
  CHECK(verify_broken.finish() != 0);
}

TEST_CASE("RFC 4861 §7.2.6: unsolicited NA is refused for IPv4 addresses") {
  CHECK_THROWS_AS(
      vrrp::arp::build_unsolicited_na(MacAddress{}, addr("192.0.2.1"), addr("2001:db8::1")),
      std::invalid_argument);
  CHECK_THROWS_AS(vrrp::arp::build_unsolicited_na(MacAddress{}, addr("fe80::1"), addr("192.0.2.1")),
                  std::invalid_argument);
}
