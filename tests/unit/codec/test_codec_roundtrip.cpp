// Encode then decode: every field survives, for each version, family and checksum form.
#include <catch2/catch.hpp>

#include <vector>

#include "codec_test_support.hpp"
#include "vrrp/codec.hpp"

using namespace vrrp;
using namespace vrrp::test;

namespace {

DecodedAdvert decode_ok(const PacketInfo& info, const std::vector<std::uint8_t>& bytes) {
  auto result = decode_advert(info, bytes);
  if (const auto* drop = drop_of(result)) FAIL("dropped: " << to_string(*drop));
  return std::get<DecodedAdvert>(result);
}

std::vector<IpAddress> addresses_of(const AddressList& list) {
  std::vector<IpAddress> out;
  for (std::size_t i = 0; i < list.size(); ++i)
    out.push_back(list[i]);
  return out;
}

}  // namespace

TEST_CASE("RFC 9568 §5.2: v3 IPv4 round trip in the rfc9568 and rfc5798 forms", "[codec]") {
  const std::vector<IpAddress> vips = {ip("192.0.2.100"), ip("192.0.2.101"), ip("198.51.100.1")};
  const PacketInfo info = info_v4("192.0.2.11");
  for (ChecksumForm form : {ChecksumForm::rfc9568, ChecksumForm::rfc5798}) {
    INFO(to_string(form));
    EncodeRequest request;
    request.vrid = 42;
    request.priority = 254;
    request.interval = Centiseconds(4095);
    request.addresses = vips;
    request.checksum_form = form;
    request.source = info.source;
    request.destination = info.destination;
    REQUIRE(encoded_size(request) == 20);
    const auto bytes = encode_advert(request);
    REQUIRE(bytes.size() == 20);
    CHECK(bytes[0] == 0x31);      // §5.2.1, §5.2.2: version 3, type 1
    CHECK((bytes[4] >> 4) == 0);  // §5.2.6: Reserve sent as zero
    const auto d = decode_ok(info, bytes);
    CHECK(d.checksum_form == form);
    CHECK(d.advert.version == Version::v3);
    CHECK(d.advert.vrid == 42);
    CHECK(d.advert.priority == 254);
    CHECK(d.advert.max_advert_interval == Centiseconds(4095));
    CHECK(d.advert.reserve == 0);
    CHECK(d.advert.checksum == (bytes[6] << 8 | bytes[7]));
    CHECK(d.advert.addresses.family() == Family::ipv4);
    CHECK(addresses_of(d.advert.addresses) == vips);
  }
}

TEST_CASE("RFC 9568 §5.2: v3 IPv6 round trip", "[codec]") {
  const std::vector<IpAddress> vips = {ip("fe80::1"), ip("2001:db8::1"), ip("2001:db8::2")};
  const PacketInfo info = info_v6("fe80::3c:71ff:fe38:3f84");
  EncodeRequest request;
  request.vrid = 255;
  request.priority = 0;  // §5.2.4: the resign advert
  request.interval = Centiseconds(1);
  request.addresses = vips;
  request.source = info.source;
  request.destination = info.destination;
  const auto bytes = encode_advert(request);
  REQUIRE(bytes.size() == 8 + 3 * 16);
  const auto d = decode_ok(info, bytes);
  CHECK(d.checksum_form == ChecksumForm::rfc9568);
  CHECK(d.advert.vrid == 255);
  CHECK(d.advert.priority == 0);
  CHECK(d.advert.max_advert_interval == Centiseconds(1));
  CHECK(d.advert.addresses.family() == Family::ipv6);
  CHECK(addresses_of(d.advert.addresses) == vips);
}

TEST_CASE("RFC 3768 §5.3: v2 round trip with Auth Type 0 and 1", "[codec]") {
  const std::vector<IpAddress> vips = {ip("192.0.2.100")};
  const PacketInfo info = info_v4("192.0.2.11");
  const std::array<std::uint8_t, 8> password = {'p', 'a', 's', 's', 'w', 'o', 'r', 'd'};
  for (AuthType auth : {AuthType::none, AuthType::simple_text}) {
    INFO("auth type " << static_cast<int>(auth));
    EncodeRequest request;
    request.version = Version::v2;
    request.vrid = 7;
    request.priority = 200;
    request.interval = Centiseconds(300);
    request.auth_type = auth;
    request.auth_data = password;
    request.addresses = vips;
    request.source = info.source;
    request.destination = info.destination;
    const auto bytes = encode_advert(request);
    REQUIRE(bytes.size() == 8 + 4 + 8);
    CHECK(bytes[0] == 0x21);
    CHECK(bytes[4] == static_cast<std::uint8_t>(auth));
    CHECK(bytes[5] == 3);  // §5.3.7: seconds
    const auto d = decode_ok(info, bytes);
    CHECK(d.checksum_form == ChecksumForm::v2);
    CHECK(d.advert.version == Version::v2);
    CHECK(d.advert.vrid == 7);
    CHECK(d.advert.priority == 200);
    CHECK(d.advert.max_advert_interval == Centiseconds(300));  // seconds x 100
    CHECK(d.advert.auth_type == auth);
    // §5.3.6.1: zero for type 0; the password for type 1 (RFC 2338).
    const std::array<std::uint8_t, 8> zeros{};
    CHECK(d.advert.auth_data == (auth == AuthType::simple_text ? password : zeros));
    CHECK(addresses_of(d.advert.addresses) == vips);
  }
}

TEST_CASE("RFC 9568 §5.2: the encoder refuses requests it cannot put on the wire", "[codec]") {
  const std::vector<IpAddress> v4 = {ip("192.0.2.100")};
  const std::vector<IpAddress> v6 = {ip("fe80::1")};
  const std::vector<IpAddress> mixed = {ip("192.0.2.100"), ip("2001:db8::1")};
  const std::vector<IpAddress> too_many(256, ip("192.0.2.1"));
  const std::vector<IpAddress> max(255, ip("192.0.2.1"));
  auto base = [&] {
    EncodeRequest r;
    r.vrid = 1;
    r.addresses = v4;
    r.source = ip("192.0.2.10");
    r.destination = ip("224.0.0.18");
    return r;
  };
  CHECK(encoded_size(base()) == 12);

  auto r = base();
  r.addresses = {};
  CHECK(encoded_size(r) == 0);  // §5.2.5: at least one address
  r = base();
  r.addresses = too_many;
  CHECK(encoded_size(r) == 0);  // an 8-bit count
  r.addresses = max;
  CHECK(encoded_size(r) == 8 + 4 * 255);
  r = base();
  r.addresses = mixed;
  CHECK(encoded_size(r) == 0);  // §5.2.9: one family
  r = base();
  r.vrid = 0;
  CHECK(encoded_size(r) == 0);  // §5.2.3: 1-255
  r = base();
  r.interval = Centiseconds(0);
  CHECK(encoded_size(r) == 0);  // EID 8301
  r.interval = Centiseconds(4096);
  CHECK(encoded_size(r) == 0);  // 12 bits
  r.interval = Centiseconds(4095);
  CHECK(encoded_size(r) == 12);
  r = base();
  r.checksum_form = ChecksumForm::bad;
  CHECK(encoded_size(r) == 0);
  r.checksum_form = ChecksumForm::v2;
  CHECK(encoded_size(r) == 0);  // v3 has no v2 form

  // IPv6: the pseudo-header needs IPv6 addresses; there is no rfc5798 form.
  r = base();
  r.addresses = v6;
  CHECK(encoded_size(r) == 0);  // source and destination still IPv4
  r.source = ip("fe80::a");
  r.destination = ip("ff02::12");
  CHECK(encoded_size(r) == 24);
  r.checksum_form = ChecksumForm::rfc5798;
  CHECK(encoded_size(r) == 0);

  // v2: IPv4 only, whole seconds 1-255, Auth Type 0 or 1.
  r = base();
  r.version = Version::v2;
  CHECK(encoded_size(r) == 20);
  r.interval = Centiseconds(150);
  CHECK(encoded_size(r) == 0);
  r.interval = Centiseconds(25500);
  CHECK(encoded_size(r) == 20);
  r.interval = Centiseconds(25600);
  CHECK(encoded_size(r) == 0);
  r = base();
  r.version = Version::v2;
  r.auth_type = AuthType::ip_ah;
  CHECK(encoded_size(r) == 0);
  r = base();
  r.version = Version::v2;
  r.addresses = v6;
  r.source = ip("fe80::a");
  r.destination = ip("ff02::12");
  CHECK(encoded_size(r) == 0);

  // The span overload: too small a buffer writes nothing.
  std::array<std::uint8_t, 11> small{};
  CHECK(encode_advert(base(), small) == 0);
  CHECK(small == std::array<std::uint8_t, 11>{});
  std::array<std::uint8_t, 64> big{};
  CHECK(encode_advert(base(), big) == 12);
  CHECK(encode_advert(r).empty());
}

TEST_CASE("RFC 9568 §7.1: decode_ip_packet decodes an IPv4 and an IPv6 packet end to end",
          "[codec]") {
  const std::vector<IpAddress> v4 = {ip("192.0.2.100")};
  EncodeRequest request;
  request.vrid = 5;
  request.addresses = v4;
  request.source = ip("192.0.2.10");
  request.destination = ip("224.0.0.18");
  const auto packet4 = ipv4_packet(info_v4("192.0.2.10"), 112, encode_advert(request));
  const auto r4 = decode_ip_packet(packet4);
  REQUIRE(std::holds_alternative<ReceivedAdvert>(r4));
  CHECK(std::get<ReceivedAdvert>(r4).info.source == ip("192.0.2.10"));
  CHECK(std::get<ReceivedAdvert>(r4).decoded.advert.vrid == 5);

  const auto other = ipv4_packet(info_v4("192.0.2.10"), 17, encode_advert(request));
  REQUIRE(drop_of(decode_ip_packet(other)));
  CHECK(*drop_of(decode_ip_packet(other)) == DropReason::not_vrrp_protocol);

  const std::vector<IpAddress> v6 = {ip("fe80::1")};
  request.addresses = v6;
  request.source = ip("fe80::a");
  request.destination = ip("ff02::12");
  const auto packet6 = ipv6_packet(info_v6("fe80::a"), 112, encode_advert(request));
  const auto r6 = decode_ip_packet(packet6);
  REQUIRE(std::holds_alternative<ReceivedAdvert>(r6));
  CHECK(std::get<ReceivedAdvert>(r6).info.family == Family::ipv6);
  CHECK(std::get<ReceivedAdvert>(r6).decoded.checksum_form == ChecksumForm::rfc9568);
}
