// parse_ip_packet: the IPv4 (RFC 791) and IPv6 (RFC 8200) headers under VRRP, bounds-checked.
#include <catch2/catch.hpp>

#include <vector>

#include "codec_test_support.hpp"
#include "vrrp/ip_packet.hpp"

using namespace vrrp;
using namespace vrrp::test;

namespace {

const std::vector<std::uint8_t> kPayload = {0x31, 7, 200, 1, 0, 100, 0, 0, 192, 0, 2, 100};

void fix_ipv4_header_checksum(std::vector<std::uint8_t>& packet) {
  const std::size_t ihl = (packet[0] & 0x0F) * 4u;
  packet[10] = packet[11] = 0;
  const std::vector<std::uint8_t> header(packet.begin(), packet.begin() + static_cast<long>(ihl));
  const std::uint16_t sum = static_cast<std::uint16_t>(0xFFFF - reference_fold_sum(header));
  packet[10] = static_cast<std::uint8_t>(sum >> 8);
  packet[11] = static_cast<std::uint8_t>(sum);
}

// Inserts `options` after the fixed IPv4 header and fixes IHL, total length and checksum.
std::vector<std::uint8_t> with_options(std::vector<std::uint8_t> packet,
                                       const std::vector<std::uint8_t>& options) {
  REQUIRE(options.size() % 4 == 0);
  packet.insert(packet.begin() + 20, options.begin(), options.end());
  packet[0] = static_cast<std::uint8_t>(0x40 | (20 + options.size()) / 4);
  packet[2] = static_cast<std::uint8_t>(packet.size() >> 8);
  packet[3] = static_cast<std::uint8_t>(packet.size());
  fix_ipv4_header_checksum(packet);
  return packet;
}

std::optional<DropReason> parse_drop(const std::vector<std::uint8_t>& bytes) {
  const auto result = parse_ip_packet(bytes);
  if (const auto* drop = drop_of(result)) return *drop;
  return std::nullopt;
}

IpPacket parsed(const std::vector<std::uint8_t>& bytes) {
  auto result = parse_ip_packet(bytes);
  if (const auto* drop = drop_of(result)) FAIL("dropped: " << to_string(*drop));
  return std::get<IpPacket>(result);
}

}  // namespace

TEST_CASE("RFC 791 §3.1: an IPv4 header gives the addresses, TTL, protocol and payload", "[ip]") {
  auto packet = ipv4_packet(info_v4("192.0.2.11", 255), 112, kPayload);
  packet.insert(packet.end(), 14, 0);  // Ethernet padding after the total length is ignored
  const IpPacket p = parsed(packet);
  CHECK(p.info.family == Family::ipv4);
  CHECK(p.info.source == ip("192.0.2.11"));
  CHECK(p.info.destination == ip("224.0.0.18"));
  CHECK(p.info.ttl == 255);
  CHECK(p.protocol == 112);
  CHECK(std::vector<std::uint8_t>(p.payload.begin(), p.payload.end()) == kPayload);
}

TEST_CASE("RFC 791 §3.1: malformed and truncated IPv4 headers are dropped", "[ip]") {
  const auto good = ipv4_packet(info_v4(), 112, kPayload);
  CHECK(parse_drop(good) == std::nullopt);
  CHECK(parse_drop({}) == DropReason::ip_truncated);
  for (std::size_t n = 1; n < good.size(); ++n) {
    INFO("length " << n);
    const std::vector<std::uint8_t> cut(good.begin(), good.begin() + static_cast<long>(n));
    CHECK(parse_drop(cut) == DropReason::ip_truncated);
  }
  auto bad_version = good;
  bad_version[0] = 0x55;
  CHECK(parse_drop(bad_version) == DropReason::ip_header_malformed);
  auto short_ihl = good;
  short_ihl[0] = 0x44;
  fix_ipv4_header_checksum(short_ihl);
  CHECK(parse_drop(short_ihl) == DropReason::ip_header_malformed);
  auto long_ihl = good;
  long_ihl[0] = 0x4F;  // 60 bytes of header, 32 present
  CHECK(parse_drop(long_ihl) == DropReason::ip_truncated);
  auto small_total = good;
  small_total[2] = 0;
  small_total[3] = 19;
  fix_ipv4_header_checksum(small_total);
  CHECK(parse_drop(small_total) == DropReason::ip_header_malformed);
  auto large_total = good;
  large_total[3] = static_cast<std::uint8_t>(large_total[3] + 1);
  fix_ipv4_header_checksum(large_total);
  CHECK(parse_drop(large_total) == DropReason::ip_truncated);
}

TEST_CASE("RFC 791 §3.1: an IPv4 header checksum that is wrong is dropped", "[ip]") {
  auto packet = ipv4_packet(info_v4(), 112, kPayload);
  CHECK(parse_drop(packet) == std::nullopt);
  packet[11] ^= 0x01;
  CHECK(parse_drop(packet) == DropReason::ip_header_checksum);
  // The payload is not covered by the header checksum.
  auto payload_changed = ipv4_packet(info_v4(), 112, kPayload);
  payload_changed.back() ^= 0xFF;
  CHECK(parse_drop(payload_changed) == std::nullopt);
}

TEST_CASE("RFC 791 §3.2: IPv4 fragments are dropped, DF alone is fine", "[ip]") {
  auto packet = ipv4_packet(info_v4(), 112, kPayload);
  packet[6] = 0x40;  // DF
  fix_ipv4_header_checksum(packet);
  CHECK(parse_drop(packet) == std::nullopt);
  packet[6] = 0x20;  // MF
  fix_ipv4_header_checksum(packet);
  CHECK(parse_drop(packet) == DropReason::ip_fragment);
  packet[6] = 0x00;
  packet[7] = 0x01;  // offset 8
  fix_ipv4_header_checksum(packet);
  CHECK(parse_drop(packet) == DropReason::ip_fragment);
}

TEST_CASE("RFC 791 §3.1: IPv4 options are skipped when well formed, dropped when not", "[ip]") {
  const auto base = ipv4_packet(info_v4(), 112, kPayload);
  // Router Alert (RFC 2113), then NOP, then End of Option List and padding.
  const auto good = with_options(base, {0x94, 0x04, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00});
  const IpPacket p = parsed(good);
  CHECK(std::vector<std::uint8_t>(p.payload.begin(), p.payload.end()) == kPayload);
  CHECK(parse_drop(with_options(base, {0x94, 0x00, 0x00, 0x00})) ==
        DropReason::ip_header_malformed);  // length 0
  CHECK(parse_drop(with_options(base, {0x01, 0x01, 0x01, 0x44})) ==
        DropReason::ip_header_malformed);  // a length byte missing
  CHECK(parse_drop(with_options(base, {0x44, 0x53, 0x00, 0x00})) ==
        DropReason::ip_header_malformed);  // length 83 in a 4-byte option area
}

TEST_CASE("RFC 8200 §3: an IPv6 header gives the addresses, Hop Limit, Next Header and payload",
          "[ip]") {
  auto packet = ipv6_packet(info_v6("fe80::a", 255), 112, kPayload);
  packet.insert(packet.end(), 6, 0xEE);  // bytes after the payload length are ignored
  const IpPacket p = parsed(packet);
  CHECK(p.info.family == Family::ipv6);
  CHECK(p.info.source == ip("fe80::a"));
  CHECK(p.info.destination == ip("ff02::12"));
  CHECK(p.info.ttl == 255);
  CHECK(p.protocol == 112);
  CHECK(std::vector<std::uint8_t>(p.payload.begin(), p.payload.end()) == kPayload);
}

TEST_CASE("RFC 8200 §3: truncated IPv6 packets are dropped", "[ip]") {
  const auto good = ipv6_packet(info_v6(), 112, kPayload);
  for (std::size_t n = 1; n < good.size(); ++n) {
    INFO("length " << n);
    const std::vector<std::uint8_t> cut(good.begin(), good.begin() + static_cast<long>(n));
    CHECK(parse_drop(cut) == DropReason::ip_truncated);
  }
}

TEST_CASE("RFC 8200 §4: IPv6 extension headers are skipped, a Fragment header is dropped", "[ip]") {
  // Hop-by-Hop (Router Alert option, RFC 2711) then Destination Options (PadN), then VRRP.
  std::vector<std::uint8_t> payload = {60,  0, 0x05, 0x02, 0x00, 0x00, 0x01, 0x00,
                                       112, 0, 0x01, 0x04, 0,    0,    0,    0};
  payload.insert(payload.end(), kPayload.begin(), kPayload.end());
  const auto packet = ipv6_packet(info_v6(), 0, payload);
  const IpPacket p = parsed(packet);
  CHECK(p.protocol == 112);
  CHECK(std::vector<std::uint8_t>(p.payload.begin(), p.payload.end()) == kPayload);

  std::vector<std::uint8_t> fragment = {112, 0, 0, 1, 0, 0, 0, 42};
  fragment.insert(fragment.end(), kPayload.begin(), kPayload.end());
  CHECK(parse_drop(ipv6_packet(info_v6(), 44, fragment)) == DropReason::ip_fragment);

  // An extension header longer than the payload.
  std::vector<std::uint8_t> overlong = {112, 5, 0, 0, 0, 0, 0, 0};
  CHECK(parse_drop(ipv6_packet(info_v6(), 0, overlong)) == DropReason::ip_header_malformed);
  CHECK(parse_drop(ipv6_packet(info_v6(), 0, {112})) == DropReason::ip_header_malformed);
  // Another upper layer is reported as it is; decode_ip_packet drops it.
  CHECK(parsed(ipv6_packet(info_v6(), 58, kPayload)).protocol == 58);
}
