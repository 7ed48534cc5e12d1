// RFC 1071 sums and the three VRRP checksum forms (RFC 9568 §5.2.8, RFC 5798 §5.2.8 as
// keepalived and FRR read it, RFC 3768 §5.3.8), each checked against the naive reference sum in
// codec_test_support.cpp.
#include <catch2/catch.hpp>

#include <random>
#include <vector>

#include "codec_test_support.hpp"
#include "vrrp/checksum.hpp"
#include "vrrp/codec.hpp"

using namespace vrrp;
using namespace vrrp::test;

namespace {

std::vector<IpAddress> random_addresses(std::mt19937& rng, Family family, std::size_t count) {
  std::vector<IpAddress> out;
  std::uniform_int_distribution<int> byte(0, 255);
  for (std::size_t i = 0; i < count; ++i) {
    std::uint8_t raw[16];
    for (auto& b : raw)
      b = static_cast<std::uint8_t>(byte(rng));
    if (family == Family::ipv6 && i == 0) {  // RFC 9568 §5.2.9: link-local first
      raw[0] = 0xfe;
      raw[1] = 0x80;
    }
    out.push_back(IpAddress::from_bytes(family, {raw, address_size(family)}));
  }
  return out;
}

}  // namespace

TEST_CASE("RFC 1071 §3: the numerical example sums to 0xddf2", "[checksum]") {
  const std::vector<std::uint8_t> bytes = {0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7};
  CHECK(reference_fold_sum(bytes) == 0xddf2);
  ChecksumAccumulator acc;
  acc.add(bytes);
  CHECK(acc.sum() == 0xddf2);
  CHECK(acc.finish() == 0x220d);
}

TEST_CASE("RFC 1071: an accumulator fed in pieces sums like one span", "[checksum]") {
  std::mt19937 rng(1071);
  std::uniform_int_distribution<int> byte(0, 255);
  for (int round = 0; round < 500; ++round) {
    std::vector<std::uint8_t> data(static_cast<std::size_t>(round % 97 + 1));
    for (auto& b : data)
      b = static_cast<std::uint8_t>(byte(rng));
    ChecksumAccumulator whole;
    whole.add(data);
    REQUIRE(whole.sum() == reference_fold_sum(data));

    ChecksumAccumulator pieces;  // odd and even cuts at random places
    std::size_t at = 0;
    while (at < data.size()) {
      const std::size_t n = std::uniform_int_distribution<std::size_t>(0, data.size() - at)(rng);
      pieces.add(std::span<const std::uint8_t>(data).subspan(at, n));
      at += n;
    }
    REQUIRE(pieces.sum() == whole.sum());
  }
}

TEST_CASE("RFC 1071: add16 and add32 add big-endian words, also after an odd byte", "[checksum]") {
  ChecksumAccumulator words;
  words.add16(0x1234);
  words.add32(0xabcdef01);
  CHECK(words.sum() == reference_fold_sum({0x12, 0x34, 0xab, 0xcd, 0xef, 0x01}));

  ChecksumAccumulator odd;
  const std::uint8_t one[] = {0x7f};
  odd.add(one);
  odd.add16(0x1234);
  CHECK(odd.sum() == reference_fold_sum({0x7f, 0x12, 0x34}));

  CHECK(ChecksumAccumulator{}.sum() == 0);
  CHECK(ChecksumAccumulator{}.finish() == 0xFFFF);
}

TEST_CASE("RFC 9568 §5.2.8: NOTES 1.3 golden vectors, checked by the reference first",
          "[checksum][golden]") {
  // IPv4, VRID 1, priority 100, interval 100 cs, 192.0.2.1.
  const std::vector<std::uint8_t> v4 = {0x31, 0x01, 0x64, 0x01, 0x00, 0x64,
                                        0x00, 0x00, 0xc0, 0x00, 0x02, 0x01};
  const IpAddress src4 = ip("192.0.2.10"), dst4 = ip("224.0.0.18");
  // Independent check of the values in NOTES 1.3 (they agree with the reference).
  REQUIRE(reference_checksum(ChecksumForm::rfc9568, src4, dst4, v4) == 0xA897);
  REQUIRE(reference_checksum(ChecksumForm::rfc5798, src4, dst4, v4) == 0x05FE);
  CHECK(vrrp_checksum(ChecksumForm::rfc9568, src4, dst4, v4) == 0xA897);
  CHECK(vrrp_checksum(ChecksumForm::rfc5798, src4, dst4, v4) == 0x05FE);
  CHECK(vrrp_checksum(ChecksumForm::v2, src4, dst4, v4) == 0xA897);  // no pseudo-header either

  // IPv6, VRID 1, priority 100, interval 100, fe80::1:1 and 2001:db8::1, fe80::a -> ff02::12.
  std::vector<std::uint8_t> v6 = {0x31, 0x01, 0x64, 0x02, 0x00, 0x64, 0x00, 0x00};
  for (const char* text : {"fe80::1:1", "2001:db8::1"}) {
    const IpAddress address = ip(text);
    v6.insert(v6.end(), address.bytes().begin(), address.bytes().end());
  }
  const IpAddress src6 = ip("fe80::a"), dst6 = ip("ff02::12");
  REQUIRE(reference_checksum(ChecksumForm::rfc9568, src6, dst6, v6) == 0x4023);
  CHECK(vrrp_checksum(ChecksumForm::rfc9568, src6, dst6, v6) == 0x4023);

  // The encoder writes the same values.
  const std::vector<IpAddress> one = {ip("192.0.2.1")};
  EncodeRequest request;
  request.vrid = 1;
  request.addresses = one;
  request.source = src4;
  request.destination = dst4;
  auto bytes = encode_advert(request);
  REQUIRE(bytes.size() == 12);
  CHECK(bytes[6] == 0xA8);
  CHECK(bytes[7] == 0x97);
  request.checksum_form = ChecksumForm::rfc5798;
  bytes = encode_advert(request);
  CHECK(bytes[6] == 0x05);
  CHECK(bytes[7] == 0xFE);

  const std::vector<IpAddress> two = {ip("fe80::1:1"), ip("2001:db8::1")};
  request.checksum_form = ChecksumForm::rfc9568;
  request.addresses = two;
  request.source = src6;
  request.destination = dst6;
  bytes = encode_advert(request);
  REQUIRE(bytes == [&] {
    auto expected = v6;
    expected[6] = 0x40;
    expected[7] = 0x23;
    return expected;
  }());
}

TEST_CASE("RFC 9568 §5.2.8: v3 IPv4 checksums for 1..255 addresses match the reference, both forms",
          "[checksum]") {
  std::mt19937 rng(9568);
  const IpAddress src = ip("198.51.100.7"), dst = ip("224.0.0.18");
  for (std::size_t count = 1; count <= 255; ++count) {
    const auto addresses = random_addresses(rng, Family::ipv4, count);
    for (ChecksumForm form : {ChecksumForm::rfc9568, ChecksumForm::rfc5798}) {
      INFO("count " << count << " form " << to_string(form));
      EncodeRequest request;
      request.vrid = static_cast<std::uint8_t>(count);
      request.priority = static_cast<std::uint8_t>(count * 7);
      request.interval = Centiseconds(static_cast<int>(count * 16 % 4095 + 1));
      request.addresses = addresses;
      request.checksum_form = form;
      request.source = src;
      request.destination = dst;
      const auto bytes = encode_advert(request);
      REQUIRE(bytes.size() == 8 + 4 * count);
      REQUIRE(vrrp_checksum(form, src, dst, bytes) == reference_checksum(form, src, dst, bytes));
      REQUIRE(reference_verifies(form, src, dst, bytes));

      PacketInfo info{Family::ipv4, src, dst, 255};
      const auto decoded = decode_advert(info, bytes);
      REQUIRE(std::holds_alternative<DecodedAdvert>(decoded));
      const auto& d = std::get<DecodedAdvert>(decoded);
      CHECK((d.checksum_form == form || d.matches_both_ipv4_forms));
      CHECK(d.advert.addresses.size() == count);
    }
  }
}

TEST_CASE("RFC 9568 §5.2.8: v3 IPv6 checksums for 1..255 addresses match the reference",
          "[checksum]") {
  std::mt19937 rng(8200);
  const IpAddress src = ip("fe80::21b:21ff:fe3c:4d5e"), dst = ip("ff02::12");
  for (std::size_t count = 1; count <= 255; ++count) {
    INFO("count " << count);
    const auto addresses = random_addresses(rng, Family::ipv6, count);
    EncodeRequest request;
    request.vrid = 200;
    request.addresses = addresses;
    request.source = src;
    request.destination = dst;
    const auto bytes = encode_advert(request);
    REQUIRE(bytes.size() == 8 + 16 * count);
    REQUIRE(vrrp_checksum(ChecksumForm::rfc9568, src, dst, bytes) ==
            reference_checksum(ChecksumForm::rfc9568, src, dst, bytes));
    REQUIRE(reference_verifies(ChecksumForm::rfc9568, src, dst, bytes));
    const auto decoded = decode_advert(PacketInfo{Family::ipv6, src, dst, 255}, bytes);
    REQUIRE(std::holds_alternative<DecodedAdvert>(decoded));
    CHECK(std::get<DecodedAdvert>(decoded).checksum_form == ChecksumForm::rfc9568);
    // Without the pseudo-header the same bytes do not verify: IPv6 has one form.
    CHECK_FALSE(reference_verifies(ChecksumForm::v2, src, dst, bytes));
  }
}

TEST_CASE("RFC 3768 §5.3.8: v2 checksums for 1..255 addresses match the reference", "[checksum]") {
  std::mt19937 rng(3768);
  const IpAddress src = ip("203.0.113.2"), dst = ip("224.0.0.18");
  for (std::size_t count = 1; count <= 255; ++count) {
    INFO("count " << count);
    const auto addresses = random_addresses(rng, Family::ipv4, count);
    for (AuthType auth : {AuthType::none, AuthType::simple_text}) {
      EncodeRequest request;
      request.version = Version::v2;
      request.vrid = 9;
      request.interval = Centiseconds(100 * static_cast<int>(count % 255 + 1));
      request.auth_type = auth;
      request.auth_data = {'s', 'e', 'c', 'r', 'e', 't', 0, 0};
      request.addresses = addresses;
      request.source = src;
      request.destination = dst;
      const auto bytes = encode_advert(request);
      REQUIRE(bytes.size() == 8 + 4 * count + 8);
      REQUIRE(vrrp_checksum(ChecksumForm::v2, src, dst, bytes) ==
              reference_checksum(ChecksumForm::v2, src, dst, bytes));
      REQUIRE(reference_verifies(ChecksumForm::v2, src, dst, bytes));
      const auto decoded = decode_advert(PacketInfo{Family::ipv4, src, dst, 255}, bytes);
      REQUIRE(std::holds_alternative<DecodedAdvert>(decoded));
      CHECK(std::get<DecodedAdvert>(decoded).checksum_form == ChecksumForm::v2);
    }
  }
}

TEST_CASE("RFC 9568 §5.2.8: a v3 IPv4 advert in one form does not verify in the other",
          "[checksum]") {
  const std::vector<IpAddress> addresses = {ip("192.0.2.1")};
  EncodeRequest request;
  request.vrid = 1;
  request.addresses = addresses;
  request.source = ip("192.0.2.10");
  request.destination = ip("224.0.0.18");
  for (ChecksumForm form : {ChecksumForm::rfc9568, ChecksumForm::rfc5798}) {
    request.checksum_form = form;
    const auto bytes = encode_advert(request);
    const ChecksumForm other =
        form == ChecksumForm::rfc9568 ? ChecksumForm::rfc5798 : ChecksumForm::rfc9568;
    CHECK(reference_verifies(form, request.source, request.destination, bytes));
    CHECK_FALSE(reference_verifies(other, request.source, request.destination, bytes));
    const auto decoded = decode_advert(info_v4(), bytes);
    REQUIRE(std::holds_alternative<DecodedAdvert>(decoded));
    CHECK(std::get<DecodedAdvert>(decoded).checksum_form == form);
    CHECK_FALSE(std::get<DecodedAdvert>(decoded).matches_both_ipv4_forms);
  }
}

TEST_CASE("RFC 5798 §5.2.8: the rfc5798 pseudo-header uses the packet's own addresses",
          "[checksum]") {
  // A receiver sums with the source and destination of the packet it got: the same bytes from
  // another source fail the rfc5798 form (but would pass rfc9568 if that were the form).
  const std::vector<IpAddress> addresses = {ip("192.0.2.1")};
  EncodeRequest request;
  request.vrid = 1;
  request.addresses = addresses;
  request.checksum_form = ChecksumForm::rfc5798;
  request.source = ip("192.0.2.10");
  request.destination = ip("224.0.0.18");
  const auto bytes = encode_advert(request);
  CHECK(std::holds_alternative<DecodedAdvert>(decode_advert(info_v4("192.0.2.10"), bytes)));
  const auto moved = decode_advert(info_v4("192.0.2.11"), bytes);
  REQUIRE(drop_of(moved));
  CHECK(*drop_of(moved) == DropReason::bad_checksum);
}

TEST_CASE("RFC 9568 §5.2.8: a pseudo-header that sums to zero makes both IPv4 forms match",
          "[checksum]") {
  // Choose a source whose pseudo-header (src, dst, 0, 112, 12) sums to 0xFFFF, i.e. zero in
  // one's complement: then both forms give the same checksum and the decoder says so.
  const IpAddress dst = ip("224.0.0.18");
  // words: e000 + 0012 + 0070 + 000c = e08e; the source words must add up to 0x1f71.
  const IpAddress src = ip("31.113.0.0");  // 0x1f71 + 0x0000
  REQUIRE(reference_checksum(ChecksumForm::rfc5798, src, dst,
                             {0x31, 1, 100, 1, 0, 100, 0, 0, 192, 0, 2, 1}) ==
          reference_checksum(ChecksumForm::rfc9568, src, dst,
                             {0x31, 1, 100, 1, 0, 100, 0, 0, 192, 0, 2, 1}));
  const std::vector<IpAddress> addresses = {ip("192.0.2.1")};
  EncodeRequest request;
  request.vrid = 1;
  request.addresses = addresses;
  request.source = src;
  request.destination = dst;
  const auto decoded =
      decode_advert(PacketInfo{Family::ipv4, src, dst, 255}, encode_advert(request));
  REQUIRE(std::holds_alternative<DecodedAdvert>(decoded));
  CHECK(std::get<DecodedAdvert>(decoded).checksum_form == ChecksumForm::rfc9568);
  CHECK(std::get<DecodedAdvert>(decoded).matches_both_ipv4_forms);
}
