// The ownership record's route lines (virtual_routes, issue 4): what crash recovery needs to
// delete a route a killed daemon left (IPv4 routes have no kernel expiry, issue 8).
#include <catch2/catch.hpp>

#include "vrrp/daemon/state_record.hpp"

using vrrp::IpAddress;
using vrrp::IpPrefix;
using vrrp::daemon::OwnedResources;
using vrrp::daemon::OwnedRoute;
using vrrp::daemon::parse_record;
using vrrp::daemon::serialize;

TEST_CASE("state record: routes round-trip, with and without metric, gateway and device",
          "[state_record][routes]") {
  OwnedResources owned;
  OwnedRoute a;
  a.destination = *IpPrefix::parse("203.0.113.0/24");
  a.gateway = IpAddress::parse("192.0.2.254");
  a.device = "eth0";
  OwnedRoute b;
  b.table = 100;
  b.metric = 7;
  b.type = "blackhole";
  b.destination = *IpPrefix::parse("198.51.100.0/24");
  OwnedRoute c;
  c.destination = *IpPrefix::parse("2001:db8:99::/64");
  c.device = "vrrp.51";
  owned.routes = {a, b, c};
  const std::string text = serialize(owned);
  CHECK(text.find("route 254 - unicast 203.0.113.0/24 192.0.2.254 eth0\n") != std::string::npos);
  CHECK(text.find("route 100 7 blackhole 198.51.100.0/24 - -\n") != std::string::npos);
  const auto parsed = parse_record(text);
  CHECK(parsed.errors.empty());
  CHECK(parsed.owned == owned);
  CHECK_FALSE(parsed.owned.empty());
}

TEST_CASE("state record: a malformed route line is skipped and named", "[state_record][routes]") {
  const auto parsed = parse_record(
      "# vrrpd owned resources\n"
      "route 254 - unicast 203.0.113.0/24 - eth0\n"
      "route 254 - sideways 203.0.113.0/24 - eth0\n"
      "route x - unicast 203.0.113.0/24 - eth0\n"
      "route 254 - unicast 203.0.113.0 - eth0 extra\n"
      "route 254 - unicast not-a-prefix - eth0\n"
      "route 254 - unicast 203.0.113.0/24 not-an-address eth0\n");
  CHECK(parsed.owned.routes.size() == 1);
  REQUIRE(parsed.errors.size() == 5);
  CHECK(parsed.errors[0] == "line 3: expected 'route TABLE METRIC TYPE PREFIX GATEWAY DEVICE'");
  CHECK(parsed.errors[4].starts_with("line 7: "));
}
