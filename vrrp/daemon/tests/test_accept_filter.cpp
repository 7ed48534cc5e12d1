#include <catch2/catch.hpp>

#include "vrrp/daemon/accept_filter.hpp"

using vrrp::InstanceConfig;
using vrrp::IpPrefix;
using vrrp::VirtualAddress;
using vrrp::daemon::accept_filter_script;

namespace {
InstanceConfig instance(bool accept, std::uint8_t priority, std::vector<const char*> vips) {
  InstanceConfig c;
  c.name = "VI";
  c.priority = priority;
  c.accept_mode = accept;
  for (const char* v : vips) {
    VirtualAddress a;
    a.prefix = *IpPrefix::parse(v);
    c.virtual_addresses.push_back(a);
  }
  return c;
}
}  // namespace

TEST_CASE("RFC 9568 §6.4.3 Accept_Mode False: the VIPs of a non-owner are dropped on input",
          "[accept_filter]") {
  const auto s = accept_filter_script({instance(false, 100, {"192.0.2.100/24", "2001:db8::100/64"}),
                                       instance(true, 100, {"192.0.2.200/24"})});
  CHECK(s.find("add table inet vrrpd_accept\ndelete table inet vrrpd_accept\n") == 0);
  CHECK(s.find("ip daddr { 192.0.2.100 } drop") != std::string::npos);
  CHECK(s.find("192.0.2.200") == std::string::npos);  // not taken: Accept_Mode True
  // Neighbor Discovery for the IPv6 VIP still passes, before the drop.
  const auto nd = s.find(
      "ip6 daddr { 2001:db8::100 } icmpv6 type { nd-neighbor-solicit, "
      "nd-neighbor-advert } accept");
  const auto drop = s.find("ip6 daddr { 2001:db8::100 } drop");
  REQUIRE(nd != std::string::npos);
  REQUIRE(drop != std::string::npos);
  CHECK(nd < drop);
}

TEST_CASE("RFC 9568 §6.4.3: the owner always accepts; no instance without Accept_Mode, no table",
          "[accept_filter]") {
  CHECK(accept_filter_script({instance(false, 255, {"192.0.2.100/24"})}).empty());
  CHECK(accept_filter_script({instance(true, 100, {"192.0.2.100/24"})}).empty());
  CHECK(accept_filter_script({}).empty());
}
