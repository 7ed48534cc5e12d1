// RFC 9568 §7.1 with the Verified errata, and RFC 3768 §7.1: one TEST_CASE per rule of the
// compliance checklist (NOTES Part 3, items 14-28 and 69), each showing the packet accepted
// and the packet dropped.
#include <catch2/catch.hpp>

#include <vector>

#include "codec_test_support.hpp"
#include "vrrp/codec.hpp"
#include "vrrp/receive_validation.hpp"

using namespace vrrp;
using namespace vrrp::test;

namespace {

// Built on first use, inside a test: ip() REQUIREs, which needs a running test case.
const std::vector<IpAddress>& vips4() {
  static const std::vector<IpAddress> vips = {ip("192.0.2.100"), ip("192.0.2.101")};
  return vips;
}
const std::vector<IpAddress>& vips6() {
  static const std::vector<IpAddress> vips = {ip("fe80::7"), ip("2001:db8::100")};
  return vips;
}

// A v3 IPv4 advert from 192.0.2.11 for VRID 7, priority 200, 100 cs, in the rfc9568 form.
std::vector<std::uint8_t> v3_ipv4(ChecksumForm form = ChecksumForm::rfc9568) {
  EncodeRequest r;
  r.vrid = 7;
  r.priority = 200;
  r.addresses = vips4();
  r.checksum_form = form;
  r.source = ip("192.0.2.11");
  r.destination = ip("224.0.0.18");
  return encode_advert(r);
}
PacketInfo info4() {
  return info_v4("192.0.2.11");
}

std::vector<std::uint8_t> v3_ipv6(std::span<const IpAddress> vips = {}) {
  EncodeRequest r;
  r.vrid = 7;
  r.priority = 200;
  r.addresses = vips.empty() ? std::span<const IpAddress>(vips6()) : vips;
  r.source = ip("fe80::b");
  r.destination = ip("ff02::12");
  return encode_advert(r);
}
PacketInfo info6() {
  return info_v6("fe80::b");
}

std::vector<std::uint8_t> v2_ipv4(AuthType auth = AuthType::none,
                                  std::array<std::uint8_t, 8> password = {}) {
  EncodeRequest r;
  r.version = Version::v2;
  r.vrid = 7;
  r.priority = 200;
  r.auth_type = auth;
  r.auth_data = password;
  r.addresses = vips4();
  r.source = ip("192.0.2.11");
  r.destination = ip("224.0.0.18");
  return encode_advert(r);
}

ReceiverConfig v3_receiver4() {
  ReceiverConfig c;
  c.version = Version::v3;
  c.family = Family::ipv4;
  c.vrid = 7;
  c.advert_interval = Centiseconds(100);
  c.local_priority = 100;
  c.virtual_addresses = vips4();
  return c;
}

ReceiverConfig v3_receiver6() {
  ReceiverConfig c = v3_receiver4();
  c.family = Family::ipv6;
  c.virtual_addresses = vips6();
  return c;
}

ReceiverConfig v2_receiver() {
  ReceiverConfig c = v3_receiver4();
  c.version = Version::v2;
  return c;
}

// Decodes; returns the drop reason or nullopt.
std::optional<DropReason> decode_drop(const PacketInfo& info,
                                      const std::vector<std::uint8_t>& bytes) {
  const auto result = decode_advert(info, bytes);
  if (const auto* drop = drop_of(result)) return *drop;
  return std::nullopt;
}

DecodedAdvert decoded(const PacketInfo& info, const std::vector<std::uint8_t>& bytes) {
  auto result = decode_advert(info, bytes);
  if (const auto* drop = drop_of(result)) FAIL("decode dropped: " << to_string(*drop));
  return std::get<DecodedAdvert>(result);
}

// decode + validate; the drop reason, or nullopt with `notices` set.
std::optional<DropReason> receive(const PacketInfo& info, const std::vector<std::uint8_t>& bytes,
                                  const ReceiverConfig& config, ReceiveNotices* notices = nullptr) {
  const auto result = decode_advert(info, bytes);
  if (const auto* drop = drop_of(result)) return *drop;
  const auto validated = validate_for_receiver(std::get<DecodedAdvert>(result), config);
  if (const auto* drop = drop_of(validated)) return *drop;
  if (notices) *notices = std::get<ReceiveNotices>(validated);
  return std::nullopt;
}

}  // namespace

TEST_CASE("RFC 9568 §7.1 (item 14): IPv4 TTL 254 is dropped, TTL 255 accepted", "[rx]") {
  CHECK(receive(info4(), v3_ipv4(), v3_receiver4()) == std::nullopt);
  for (std::uint8_t ttl : {0, 1, 64, 254}) {
    INFO("ttl " << int(ttl));
    CHECK(decode_drop(info_v4("192.0.2.11", ttl), v3_ipv4()) == DropReason::ttl_not_255);
  }
  // The same through the IP layer: the TTL comes from the IPv4 header.
  const auto packet = ipv4_packet(info_v4("192.0.2.11", 254), 112, v3_ipv4());
  REQUIRE(drop_of(decode_ip_packet(packet)));
  CHECK(*drop_of(decode_ip_packet(packet)) == DropReason::ttl_not_255);
  CHECK(std::holds_alternative<ReceivedAdvert>(
      decode_ip_packet(ipv4_packet(info4(), 112, v3_ipv4()))));
}

TEST_CASE("RFC 9568 §7.1 (item 15): IPv6 Hop Limit 254 is dropped, 255 accepted", "[rx]") {
  CHECK(receive(info6(), v3_ipv6(), v3_receiver6()) == std::nullopt);
  CHECK(decode_drop(info_v6("fe80::b", 254), v3_ipv6()) == DropReason::ttl_not_255);
  CHECK(decode_drop(info_v6("fe80::b", 1), v3_ipv6()) == DropReason::ttl_not_255);
  const auto packet = ipv6_packet(info_v6("fe80::b", 64), 112, v3_ipv6());
  CHECK(*drop_of(decode_ip_packet(packet)) == DropReason::ttl_not_255);
}

TEST_CASE(
    "RFC 9568 §7.1 (item 16): a version other than 3 is dropped unless it is v2 for a v2 "
    "instance",
    "[rx]") {
  CHECK(receive(info4(), v3_ipv4(), v3_receiver4()) == std::nullopt);
  for (int version : {0, 1, 4, 15}) {
    INFO("version " << version);
    auto bytes = v3_ipv4();
    bytes[0] = static_cast<std::uint8_t>(version << 4 | 1);
    set_checksum(bytes, ChecksumForm::rfc9568, info4().source, info4().destination);
    CHECK(decode_drop(info4(), bytes) == DropReason::bad_version);
  }
  // A v2 advert decodes (RFC 3768) but a v3 instance drops it, and a v2 instance drops v3.
  CHECK(receive(info4(), v2_ipv4(), v3_receiver4()) == DropReason::bad_version);
  CHECK(receive(info4(), v2_ipv4(), v2_receiver()) == std::nullopt);
  CHECK(receive(info4(), v3_ipv4(), v2_receiver()) == DropReason::bad_version);
  // RFC 3768 is IPv4 only: version 2 over IPv6 is not a VRRP packet.
  auto bytes = v3_ipv6();
  bytes[0] = 0x21;
  set_checksum(bytes, ChecksumForm::rfc9568, info6().source, info6().destination);
  CHECK(decode_drop(info6(), bytes) == DropReason::bad_version);
}

TEST_CASE("RFC 9568 §5.2.2, §7.1 (item 17): a type other than 1 is dropped", "[rx]") {
  CHECK(decode_drop(info4(), v3_ipv4()) == std::nullopt);
  for (int type : {0, 2, 3, 15}) {
    INFO("type " << type);
    auto bytes = v3_ipv4();
    bytes[0] = static_cast<std::uint8_t>(0x30 | type);
    set_checksum(bytes, ChecksumForm::rfc9568, info4().source, info4().destination);
    CHECK(decode_drop(info4(), bytes) == DropReason::bad_type);
  }
}

TEST_CASE("RFC 9568 §7.1 (item 18): a packet shorter than 8 + count x address size is dropped",
          "[rx]") {
  for (const auto& [info, full] : {std::pair{info4(), v3_ipv4()}, std::pair{info6(), v3_ipv6()}}) {
    INFO(to_string(info.family) << " full length " << full.size());
    CHECK(decode_drop(info, full) == std::nullopt);
    for (std::size_t n = 0; n < full.size(); ++n) {
      INFO("length " << n);
      // Each truncation in its own exact-size buffer, so an over-read is an ASan error.
      const std::vector<std::uint8_t> cut(full.begin(), full.begin() + static_cast<long>(n));
      CHECK(decode_drop(info, cut) == DropReason::too_short);
    }
  }
  // A count larger than the addresses present: too short even with a right checksum.
  auto bytes = v3_ipv4();
  bytes[3] = 3;
  set_checksum(bytes, ChecksumForm::rfc9568, info4().source, info4().destination);
  CHECK(decode_drop(info4(), bytes) == DropReason::too_short);
}

TEST_CASE(
    "RFC 9568 §7.1, NOTES 4.6 (item 18): bytes after the last address are accepted and "
    "need not be summed",
    "[rx]") {
  // Summed over the message only (RFC 9568 §5.2.8's IPv4 wording, keepalived).
  for (ChecksumForm form : {ChecksumForm::rfc9568, ChecksumForm::rfc5798}) {
    auto bytes = v3_ipv4(form);
    bytes.insert(bytes.end(), {0xde, 0xad, 0xbe});
    const auto d = decoded(info4(), bytes);
    CHECK(d.checksum_form == form);
    CHECK(d.advert.addresses.size() == 2);
  }
  auto v6 = v3_ipv6();
  v6.insert(v6.end(), {1, 2, 3, 4});
  CHECK(decoded(info6(), v6).checksum_form == ChecksumForm::rfc9568);
  // Summed over everything delivered (RFC 3768 §5.3.8 "entire VRRP message", as Cisco sums its
  // MD5 trailer): also accepted. Odd trailing lengths are padded per RFC 1071.
  auto v2 = v2_ipv4();
  v2.insert(v2.end(), {0x11, 0x22, 0x33});
  set_checksum(v2, ChecksumForm::v2, info4().source, info4().destination);
  CHECK(reference_verifies(ChecksumForm::v2, info4().source, info4().destination, v2));
  CHECK(decoded(info4(), v2).checksum_form == ChecksumForm::v2);
  auto v6_whole = v3_ipv6();
  v6_whole.insert(v6_whole.end(), {9, 8, 7});
  set_checksum(v6_whole, ChecksumForm::rfc9568, info6().source, info6().destination);
  CHECK(decoded(info6(), v6_whole).checksum_form == ChecksumForm::rfc9568);
  // A trailer that makes neither sum right is still a bad checksum.
  auto broken = v3_ipv4();
  broken.insert(broken.end(), {0x12, 0x34});
  broken[2] ^= 0x01;
  CHECK(decode_drop(info4(), broken) == DropReason::bad_checksum);
}

TEST_CASE("RFC 9568 §7.1 (item 19): a packet with one byte changed fails the checksum", "[rx]") {
  CHECK(decode_drop(info4(), v3_ipv4()) == std::nullopt);
  const auto good = v3_ipv4();
  for (std::size_t i = 0; i < good.size(); ++i) {
    if (i == 0 || i == 3) continue;  // version/type and count fail earlier checks first
    INFO("byte " << i);
    auto bytes = good;
    bytes[i] ^= 0x40;
    CHECK(decode_drop(info4(), bytes) == DropReason::bad_checksum);
  }
  auto v6 = v3_ipv6();
  v6.back() ^= 0x01;
  CHECK(decode_drop(info6(), v6) == DropReason::bad_checksum);
  // IPv6 without the pseudo-header is not a form: the sum must include it.
  auto no_pseudo = v3_ipv6();
  set_checksum(no_pseudo, ChecksumForm::v2, info6().source, info6().destination);
  CHECK(decode_drop(info6(), no_pseudo) == DropReason::bad_checksum);
}

TEST_CASE(
    "RFC 9568 §7.1, NOTES 4.2: an IPv4 checksum form the instance refuses is dropped as "
    "such, not as a bad checksum",
    "[rx]") {
  ReceiverConfig strict = v3_receiver4();
  strict.accept_rfc5798_checksum = false;
  CHECK(receive(info4(), v3_ipv4(ChecksumForm::rfc9568), strict) == std::nullopt);
  CHECK(receive(info4(), v3_ipv4(ChecksumForm::rfc5798), strict) ==
        DropReason::checksum_form_refused);
  ReceiverConfig legacy = v3_receiver4();
  legacy.accept_rfc9568_checksum = false;
  CHECK(receive(info4(), v3_ipv4(ChecksumForm::rfc5798), legacy) == std::nullopt);
  CHECK(receive(info4(), v3_ipv4(ChecksumForm::rfc9568), legacy) ==
        DropReason::checksum_form_refused);
  // Accept-either (the default) takes both.
  CHECK(receive(info4(), v3_ipv4(ChecksumForm::rfc5798), v3_receiver4()) == std::nullopt);
  // The policy is for v3 IPv4 only: IPv6 and v2 have a single form.
  ReceiverConfig no9568_v6 = v3_receiver6();
  no9568_v6.accept_rfc9568_checksum = false;
  CHECK(receive(info6(), v3_ipv6(), no9568_v6) == std::nullopt);
  // A packet that matches both forms passes either policy.
  // Pseudo-header words e000 + 0012 + 0070 + 0010 (16 bytes) + source: 1f6d 0000 sum to 0xFFFF.
  const IpAddress src = ip("31.109.0.0"), dst = ip("224.0.0.18");
  EncodeRequest r;
  r.vrid = 7;
  r.addresses = vips4();
  r.source = src;
  r.destination = dst;
  const PacketInfo both_info{Family::ipv4, src, dst, 255};
  const auto both = encode_advert(r);
  REQUIRE(decoded(both_info, both).matches_both_ipv4_forms);
  CHECK(receive(both_info, both, legacy) == std::nullopt);
  CHECK(receive(both_info, both, strict) == std::nullopt);
}

TEST_CASE("RFC 9568 §7.1 (item 20): an advert for a VRID not configured is dropped", "[rx]") {
  ReceiverConfig config = v3_receiver4();
  CHECK(receive(info4(), v3_ipv4(), config) == std::nullopt);
  config.vrid = 8;
  CHECK(receive(info4(), v3_ipv4(), config) == DropReason::vrid_not_configured);
  // [I] The families are separate instances: an IPv4 advert never reaches an IPv6 VRID 7.
  CHECK(receive(info4(), v3_ipv4(), v3_receiver6()) == DropReason::address_family_mismatch);
  CHECK(receive(info6(), v3_ipv6(), v3_receiver4()) == DropReason::address_family_mismatch);
}

TEST_CASE(
    "RFC 9568 §7.1, EID 8298 (item 21): the address owner processes an advert and reports "
    "it",
    "[rx]") {
  ReceiveNotices notices;
  ReceiverConfig config = v3_receiver4();
  REQUIRE(receive(info4(), v3_ipv4(), config, &notices) == std::nullopt);
  CHECK_FALSE(notices.has(ReceiveNotice::owner_received_advert));
  config.local_priority = 255;  // as published §7.1 would discard; the erratum processes
  REQUIRE(receive(info4(), v3_ipv4(), config, &notices) == std::nullopt);
  CHECK(notices.has(ReceiveNotice::owner_received_advert));
  // Same for v2 (RFC 3768 §7.1 has the same owner discard).
  ReceiverConfig v2 = v2_receiver();
  v2.local_priority = 255;
  REQUIRE(receive(info4(), v2_ipv4(), v2, &notices) == std::nullopt);
  CHECK(notices.has(ReceiveNotice::owner_received_advert));
}

TEST_CASE("RFC 9568 §5.2.5, EID 8299 (item 22): IPvX Addr Count 0 is dropped", "[rx]") {
  CHECK(decode_drop(info4(), v3_ipv4()) == std::nullopt);
  for (const auto& info : {info4(), info6()}) {
    std::vector<std::uint8_t> bytes = {0x31, 7, 200, 0, 0, 100, 0, 0};  // right sum, no address
    set_checksum(bytes, ChecksumForm::rfc9568, info.source, info.destination);
    CHECK(decode_drop(info, bytes) == DropReason::address_count_zero);
  }
  std::vector<std::uint8_t> v2 = {0x21, 7, 200, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
  set_checksum(v2, ChecksumForm::v2, info4().source, info4().destination);
  CHECK(decode_drop(info4(), v2) == DropReason::address_count_zero);
}

TEST_CASE("RFC 9568 §5.2.7, EID 8301 (item 23): Max Advertise Interval 0 is dropped", "[rx]") {
  auto bytes = v3_ipv4();
  bytes[4] = 0x00;
  bytes[5] = 0x01;  // 1 cs: the smallest valid interval
  set_checksum(bytes, ChecksumForm::rfc9568, info4().source, info4().destination);
  CHECK(decoded(info4(), bytes).advert.max_advert_interval == Centiseconds(1));
  bytes[5] = 0x00;
  set_checksum(bytes, ChecksumForm::rfc9568, info4().source, info4().destination);
  CHECK(decode_drop(info4(), bytes) == DropReason::interval_zero);
  bytes[4] = 0xF0;  // Reserve set does not hide a zero interval
  set_checksum(bytes, ChecksumForm::rfc9568, info4().source, info4().destination);
  CHECK(decode_drop(info4(), bytes) == DropReason::interval_zero);
  // v2: Adver Int 0 s is as meaningless.
  auto v2 = v2_ipv4();
  v2[5] = 0;
  set_checksum(v2, ChecksumForm::v2, info4().source, info4().destination);
  CHECK(decode_drop(info4(), v2) == DropReason::interval_zero);
}

TEST_CASE(
    "RFC 9568 §5.2.9, EID 8300 (item 24): an IPv6 advert whose first address is not "
    "link-local is dropped",
    "[rx]") {
  CHECK(receive(info6(), v3_ipv6(), v3_receiver6()) == std::nullopt);
  const std::vector<IpAddress> global_first = {ip("2001:db8::100"), ip("fe80::7")};
  ReceiverConfig config = v3_receiver6();
  config.virtual_addresses = global_first;
  // Decoding does not judge it (keepalived 2.2.7 sends exactly this); the instance does.
  CHECK(decode_drop(info6(), v3_ipv6(global_first)) == std::nullopt);
  CHECK(receive(info6(), v3_ipv6(global_first), config) ==
        DropReason::ipv6_first_address_not_link_local);
  // An instance that does not enforce it processes the advert and reports it.
  config.require_ipv6_link_local_first = false;
  ReceiveNotices notices;
  REQUIRE(receive(info6(), v3_ipv6(global_first), config, &notices) == std::nullopt);
  CHECK(notices.has(ReceiveNotice::ipv6_first_address_not_link_local));
  REQUIRE(receive(info6(), v3_ipv6(), v3_receiver6(), &notices) == std::nullopt);
  CHECK_FALSE(notices.has(ReceiveNotice::ipv6_first_address_not_link_local));
}

TEST_CASE(
    "RFC 9568 §7.1 (item 25): every packet of a burst of invalid packets is counted under "
    "its own reason",
    "[rx]") {
  // The rate-limited log line is the I/O layer's; the counters under it must stay exact.
  DropCounters counters;
  auto bad = v3_ipv4();
  bad[7] ^= 0xFF;
  for (int i = 0; i < 10000; ++i) {
    const auto result = decode_advert(i % 2 ? info4() : info_v4("192.0.2.11", 254), bad);
    REQUIRE(drop_of(result));
    counters.count(*drop_of(result));
  }
  CHECK(counters[DropReason::bad_checksum] == 5000);
  CHECK(counters[DropReason::ttl_not_255] == 5000);
  CHECK(counters[DropReason::too_short] == 0);
  CHECK(counters.total() == 10000);
  counters.clear();
  CHECK(counters.total() == 0);
  CHECK(counters[DropReason::bad_checksum] == 0);
}

TEST_CASE("RFC 9568 §7.1, §1.1 item 8 (item 26): a v3 interval mismatch is logged, not dropped",
          "[rx]") {
  ReceiveNotices notices;
  ReceiverConfig config = v3_receiver4();
  REQUIRE(receive(info4(), v3_ipv4(), config, &notices) == std::nullopt);
  CHECK_FALSE(notices.has(ReceiveNotice::interval_mismatch));
  config.advert_interval = Centiseconds(200);
  REQUIRE(receive(info4(), v3_ipv4(), config, &notices) == std::nullopt);
  CHECK(notices.has(ReceiveNotice::interval_mismatch));
  CHECK(notices == ReceiveNotices(ReceiveNotice::interval_mismatch));
}

TEST_CASE("RFC 9568 §7.1 (item 27): an address list mismatch is logged and the advert processed",
          "[rx]") {
  ReceiveNotices notices;
  ReceiverConfig config = v3_receiver4();
  REQUIRE(receive(info4(), v3_ipv4(), config, &notices) == std::nullopt);
  CHECK(notices.empty());
  // §5.2.9 only recommends the same order: the same set in another order matches.
  const std::vector<IpAddress> reordered = {vips4()[1], vips4()[0]};
  config.virtual_addresses = reordered;
  REQUIRE(receive(info4(), v3_ipv4(), config, &notices) == std::nullopt);
  CHECK(notices.empty());
  const std::vector<IpAddress> other = {ip("192.0.2.100"), ip("192.0.2.102")};
  config.virtual_addresses = other;
  REQUIRE(receive(info4(), v3_ipv4(), config, &notices) == std::nullopt);
  CHECK(notices.has(ReceiveNotice::address_list_mismatch));
  const std::vector<IpAddress> fewer = {ip("192.0.2.100")};
  config.virtual_addresses = fewer;  // the count differs
  REQUIRE(receive(info4(), v3_ipv4(), config, &notices) == std::nullopt);
  CHECK(notices.has(ReceiveNotice::address_list_mismatch));
}

TEST_CASE("RFC 9568 §5.2.6 (item 28): a non-zero Reserve nibble is ignored", "[rx]") {
  for (std::uint8_t reserve : {0x1, 0x8, 0xF}) {
    auto bytes = v3_ipv4();
    bytes[4] = static_cast<std::uint8_t>(reserve << 4 | (bytes[4] & 0x0F));
    set_checksum(bytes, ChecksumForm::rfc9568, info4().source, info4().destination);
    ReceiveNotices notices;
    REQUIRE(receive(info4(), bytes, v3_receiver4(), &notices) == std::nullopt);
    CHECK(notices.empty());
    const auto d = decoded(info4(), bytes);
    CHECK(d.advert.reserve == reserve);
    CHECK(d.advert.max_advert_interval == Centiseconds(100));  // not mixed into the interval
  }
}

TEST_CASE("RFC 3768 §5.3.6, §7.1 (item 69): a v2 Auth Type that is not ours is dropped", "[rx]") {
  ReceiverConfig config = v2_receiver();
  CHECK(receive(info4(), v2_ipv4(AuthType::none), config) == std::nullopt);
  CHECK(receive(info4(), v2_ipv4(AuthType::simple_text, {'x'}), config) ==
        DropReason::auth_type_mismatch);
  config.auth_type = AuthType::simple_text;
  config.auth_data = {'x'};
  CHECK(receive(info4(), v2_ipv4(AuthType::none), config) == DropReason::auth_type_mismatch);
  CHECK(receive(info4(), v2_ipv4(AuthType::simple_text, {'x'}), config) == std::nullopt);
  // Unknown types (Cisco MD5 is 254) are dropped the same way.
  for (std::uint8_t type : {2, 3, 254}) {
    auto bytes = v2_ipv4();
    bytes[4] = type;
    set_checksum(bytes, ChecksumForm::v2, info4().source, info4().destination);
    CHECK(receive(info4(), bytes, v2_receiver()) == DropReason::auth_type_mismatch);
  }
}

TEST_CASE("RFC 2338 §5.3.6.1 (item 69): a v2 simple-text password that differs is dropped",
          "[rx]") {
  const std::array<std::uint8_t, 8> password = {'s', 'e', 'c', 'r', 'e', 't', 0, 0};
  ReceiverConfig config = v2_receiver();
  config.auth_type = AuthType::simple_text;
  config.auth_data = password;
  CHECK(receive(info4(), v2_ipv4(AuthType::simple_text, password), config) == std::nullopt);
  auto wrong = password;
  wrong[7] = '!';  // every byte counts, the last one too
  CHECK(receive(info4(), v2_ipv4(AuthType::simple_text, wrong), config) ==
        DropReason::auth_data_mismatch);
  // RFC 3768 §5.3.6.1: with Auth Type 0 the data is ignored on reception.
  auto noise = v2_ipv4();
  noise[16] = 0xAA;
  set_checksum(noise, ChecksumForm::v2, info4().source, info4().destination);
  CHECK(receive(info4(), noise, v2_receiver()) == std::nullopt);
}

TEST_CASE("RFC 3768 §7.1 (item 69): a v2 Adver Int mismatch is dropped", "[rx]") {
  ReceiverConfig config = v2_receiver();
  CHECK(receive(info4(), v2_ipv4(), config) == std::nullopt);
  config.advert_interval = Centiseconds(200);
  CHECK(receive(info4(), v2_ipv4(), config) == DropReason::v2_interval_mismatch);
}

TEST_CASE(
    "RFC 3768 §5.3.8, §7.1 (item 69): the v2 checksum has no pseudo-header and covers the "
    "Authentication Data",
    "[rx]") {
  CHECK(decoded(info4(), v2_ipv4()).checksum_form == ChecksumForm::v2);
  auto pseudo = v2_ipv4();
  set_checksum(pseudo, ChecksumForm::rfc5798, info4().source, info4().destination);
  CHECK(decode_drop(info4(), pseudo) == DropReason::bad_checksum);
  auto auth_changed = v2_ipv4(AuthType::simple_text, {'a'});
  auth_changed[16] = 'b';  // the first byte of the Authentication Data (after 2 addresses)
  CHECK(decode_drop(info4(), auth_changed) == DropReason::bad_checksum);
}

TEST_CASE(
    "RFC 3768 §7.1 (item 69): a v2 packet without the 8-byte Authentication Data is "
    "dropped as too short",
    "[rx]") {
  auto bytes = v2_ipv4();
  CHECK(decode_drop(info4(), bytes) == std::nullopt);
  bytes.resize(bytes.size() - 8);  // PcapPlusPlus' VRRP-V2 capture is built like this
  set_checksum(bytes, ChecksumForm::v2, info4().source, info4().destination);
  CHECK(decode_drop(info4(), bytes) == DropReason::too_short);
  bytes.resize(bytes.size() + 7);
  CHECK(decode_drop(info4(), bytes) == DropReason::too_short);
}

TEST_CASE("RFC 3768 §7.1 (item 69): a v2 address list mismatch from a non-owner is dropped",
          "[rx]") {
  ReceiveNotices notices;
  ReceiverConfig config = v2_receiver();
  REQUIRE(receive(info4(), v2_ipv4(), config, &notices) == std::nullopt);
  CHECK(notices.empty());
  const std::vector<IpAddress> other = {ip("192.0.2.100"), ip("192.0.2.102")};
  config.virtual_addresses = other;
  CHECK(receive(info4(), v2_ipv4(), config) == DropReason::v2_address_list_mismatch);
  // "... otherwise continue processing": from the owner (priority 255) it is logged only.
  auto owner = v2_ipv4();
  owner[2] = 255;
  set_checksum(owner, ChecksumForm::v2, info4().source, info4().destination);
  REQUIRE(receive(info4(), owner, config, &notices) == std::nullopt);
  CHECK(notices.has(ReceiveNotice::address_list_mismatch));
}
