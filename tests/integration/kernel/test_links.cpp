// netlink::Links against the kernel: lookups, state, primary and link-local addresses.
#include <catch2/catch.hpp>

#include "netlink/links.hpp"
#include "netns.hpp"

using kernel_test::eventually;
using kernel_test::TestNamespace;
using vrrp::IpAddress;
using vrrp::netlink::Links;
using vrrp::netlink::Netlink;

TEST_CASE("Links: index, name and MAC agree with ip link") {
  TestNamespace ns;
  Netlink nl;
  Links links(nl);

  const int va = ns.ifindex("va");
  auto index = links.index_of("va");
  REQUIRE(index.ok());
  REQUIRE(index->has_value());
  CHECK(**index == va);

  auto name = links.name_of(va);
  REQUIRE(name.ok());
  REQUIRE(name->has_value());
  CHECK(**name == "va");

  auto info = links.get(va);
  REQUIRE(info.ok());
  REQUIRE(info->has_value());
  REQUIRE((*info)->mac.has_value());
  CHECK((*info)->mac->to_string() == ns.link("va").mac);
  CHECK((*info)->kind == "veth");
  CHECK((*info)->mtu == 1500);
}

TEST_CASE("Links: a missing interface is nullopt, not an error") {
  TestNamespace ns;
  Netlink nl;
  Links links(nl);
  auto by_name = links.index_of("nosuchif0");
  REQUIRE(by_name.ok());
  CHECK_FALSE(by_name->has_value());
  auto by_index = links.get(999999);
  REQUIRE(by_index.ok());
  CHECK_FALSE(by_index->has_value());
  auto too_long = links.get("a-name-longer-than-ifnamsiz");
  REQUIRE(too_long.ok());
  CHECK_FALSE(too_long->has_value());
}

TEST_CASE("Links: up and running follow IFF_UP and the peer's carrier") {
  TestNamespace ns;
  Netlink nl;
  Links links(nl);
  const int va = ns.ifindex("va");
  const int vb = ns.ifindex("vb");

  REQUIRE(eventually([&] { return links.get(va).value()->usable(); }));

  // The peer goes down: va stays administratively up but loses carrier (not running).
  REQUIRE(links.set_up(vb, false).ok());
  CHECK(ns.link("vb").flags.find("UP") == std::string::npos);
  auto a = links.get(va).value();
  auto b = links.get(vb).value();
  CHECK(a->up);
  CHECK_FALSE(a->running);
  CHECK_FALSE(a->lower_up);
  CHECK_FALSE(a->usable());
  CHECK_FALSE(b->up);

  REQUIRE(links.set_up(vb, true).ok());
  CHECK(eventually([&] { return links.get(va).value()->usable(); }));
  CHECK(links.get(vb).value()->up);
}

TEST_CASE("Links: list shows every interface, remove deletes, and again is success") {
  TestNamespace ns;
  Netlink nl;
  Links links(nl);
  auto all = links.list();
  REQUIRE(all.ok());
  int found = 0;
  for (const auto& l : *all) {
    if (l.name == "va" || l.name == "vb") ++found;
  }
  CHECK(found == 2);

  const int vb = ns.ifindex("vb");
  REQUIRE(links.remove(vb).ok());
  CHECK(ns.link("vb").name.empty());
  CHECK(ns.link("va").name.empty());  // a veth pair goes as a pair
  CHECK(links.remove(vb).ok());
}

TEST_CASE("RFC 9568 §7.2: primary IPv4 is the first non-secondary global address") {
  TestNamespace ns;
  Netlink nl;
  Links links(nl);
  const int va = ns.ifindex("va");

  auto none = links.primary_ipv4(va);
  REQUIRE(none.ok());
  CHECK_FALSE(none->has_value());

  ns.ip("addr add 192.0.2.1/24 dev va");
  ns.ip("addr add 192.0.2.100/24 dev va");  // same subnet: secondary (how a VIP sits there)
  auto primary = links.primary_ipv4(va);
  REQUIRE(primary.ok());
  REQUIRE(primary->has_value());
  CHECK((*primary)->to_string() == "192.0.2.1");
}

TEST_CASE("RFC 9568 §7.2: the IPv6 link-local address is the interface's fe80:: address") {
  TestNamespace ns;
  Netlink nl;
  Links links(nl);
  const int va = ns.ifindex("va");
  std::string expected;
  REQUIRE(eventually([&] {
    for (const auto& a : ns.addresses("va")) {
      if (a.scope == "link" && !a.has_flag("tentative")) expected = a.local;
    }
    return !expected.empty();
  }));
  auto ll = links.ipv6_link_local(va);
  REQUIRE(ll.ok());
  REQUIRE(ll->has_value());
  CHECK((*ll)->to_string() == expected);
  CHECK((*ll)->is_link_local());
}
