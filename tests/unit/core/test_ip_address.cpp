#include <catch2/catch.hpp>

#include "vrrp/ip_address.hpp"

using vrrp::IpAddress;

namespace {
IpAddress addr(const char* text) {
  auto parsed = IpAddress::parse(text);
  REQUIRE(parsed.has_value());
  return *parsed;
}
}  // namespace

TEST_CASE("IpAddress parses and prints IPv4 and IPv6", "[ip]") {
  CHECK(addr("192.0.2.1").to_string() == "192.0.2.1");
  CHECK(addr("2001:db8::1").to_string() == "2001:db8::1");
  CHECK(addr("fe80::1:1").to_string() == "fe80::1:1");
  CHECK(addr("::").to_string() == "::");
  CHECK(addr("2001:db8:0:0:1:0:0:1").to_string() == "2001:db8::1:0:0:1");
  CHECK(addr("::ffff:192.0.2.1").to_string() == "::ffff:c000:201");
  CHECK(addr("2001:DB8::A").to_string() == "2001:db8::a");
}

TEST_CASE("IpAddress rejects malformed text", "[ip]") {
  for (const char* bad : {"", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "1.2.3.", "1::2::3",
                          "12345::", "1:2:3:4:5:6:7:8:9", "g::1", "1.2.3.4/24", ":1", "1:"}) {
    INFO(bad);
    CHECK_FALSE(IpAddress::parse(bad).has_value());
  }
}

TEST_CASE("RFC 9568 §6.4.3 tie-break compares unsigned network-order bytes",
          "[ip][rfc9568-6.4.3]") {
  CHECK(addr("10.0.0.2") > addr("10.0.0.1"));
  CHECK(addr("10.0.0.2") > addr("9.0.0.3"));    // a host-byte-order compare gets this wrong
  CHECK(addr("200.0.0.1") > addr("10.0.0.1"));  // a signed compare gets this wrong
  CHECK(addr("fe80::2") > addr("fe80::1"));
  CHECK(addr("fe80::1:0") > addr("fe80::ffff"));
  CHECK(addr("10.0.0.1") == addr("10.0.0.1"));
}

TEST_CASE("IpAddress classifies link-local and multicast", "[ip]") {
  CHECK(addr("fe80::1").is_link_local());
  CHECK(addr("febf::1").is_link_local());
  CHECK_FALSE(addr("fec0::1").is_link_local());
  CHECK_FALSE(addr("2001:db8::1").is_link_local());
  CHECK(addr("224.0.0.18").is_multicast());
  CHECK(addr("ff02::12").is_multicast());
}

TEST_CASE("IpPrefix parses addr/len", "[ip]") {
  auto p = vrrp::IpPrefix::parse("192.0.2.100/24");
  REQUIRE(p);
  CHECK(p->length == 24);
  CHECK(vrrp::IpPrefix::parse("2001:db8::100")->length == 128);
  CHECK_FALSE(vrrp::IpPrefix::parse("192.0.2.1/33"));
  CHECK_FALSE(vrrp::IpPrefix::parse("192.0.2.1/"));
}
