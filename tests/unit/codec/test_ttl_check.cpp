// decode_advert's TtlCheck: RFC 9568 §7.1's TTL 255 at decode time, or left to the instance for
// a unicast advert (keepalived's unicast peers may be routed; min_ttl / max_ttl judge them).
#include <catch2/catch.hpp>

#include <variant>
#include <vector>

#include "codec_test_support.hpp"
#include "vrrp/codec.hpp"

using namespace vrrp;
using namespace vrrp::test;

namespace {
// A v3 IPv4 advert from 192.0.2.11 to the unicast address 192.0.2.1.
std::vector<std::uint8_t> unicast_v3() {
  const std::vector<IpAddress> vips = {ip("192.0.2.100")};
  EncodeRequest r;
  r.vrid = 7;
  r.priority = 200;
  r.addresses = vips;
  r.checksum_form = ChecksumForm::rfc9568;
  r.source = ip("192.0.2.11");
  r.destination = ip("192.0.2.1");
  return encode_advert(r);
}
PacketInfo unicast_info(std::uint8_t ttl) {
  PacketInfo info = info_v4("192.0.2.11", ttl);
  info.destination = ip("192.0.2.1");
  return info;
}
}  // namespace

TEST_CASE("RFC 9568 §7.1: TtlCheck::rfc (the default) drops TTL 64, TtlCheck::deferred decodes it",
          "[rx][ttl]") {
  const auto message = unicast_v3();
  for (std::uint8_t ttl : {0, 64, 254}) {
    INFO("ttl " << int(ttl));
    const auto info = unicast_info(ttl);
    const auto by_default = decode_advert(info, message);
    REQUIRE(std::holds_alternative<DropReason>(by_default));
    CHECK(std::get<DropReason>(by_default) == DropReason::ttl_not_255);
    CHECK(std::holds_alternative<DropReason>(decode_advert(info, message, TtlCheck::rfc)));
    CHECK(std::holds_alternative<DecodedAdvert>(decode_advert(info, message, TtlCheck::deferred)));
  }
  CHECK(std::holds_alternative<DecodedAdvert>(decode_advert(unicast_info(255), message)));
}

TEST_CASE("TtlCheck::deferred skips only the TTL: a bad checksum is still dropped", "[rx][ttl]") {
  auto broken = unicast_v3();
  broken[6] ^= 0xff;
  const auto d = decode_advert(unicast_info(64), broken, TtlCheck::deferred);
  REQUIRE(std::holds_alternative<DropReason>(d));
  CHECK(std::get<DropReason>(d) == DropReason::bad_checksum);
}
