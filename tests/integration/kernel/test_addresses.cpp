// netlink::Addresses against the kernel: VIPs added and removed idempotently, with their
// attributes, NODAD for IPv6, prefix routes, lifetimes (issue 8) and IFA_PROTO.
#include <catch2/catch.hpp>

#include <linux/if_addr.h>

#include <thread>

#include "netlink/addresses.hpp"
#include "netlink/sysctl.hpp"
#include "netns.hpp"

using kernel_test::eventually;
using kernel_test::IpAddr;
using kernel_test::TestNamespace;
using vrrp::IpAddress;
using vrrp::IpPrefix;
using vrrp::netlink::Addresses;
using vrrp::netlink::AddressSpec;
using vrrp::netlink::kForever;
using vrrp::netlink::Lifetime;
using vrrp::netlink::Netlink;
using vrrp::netlink::Scope;

namespace {

IpPrefix prefix(const char* text) {
  return *IpPrefix::parse(text);
}
IpAddress addr(const char* text) {
  return *IpAddress::parse(text);
}

std::vector<IpAddr> matching(const TestNamespace& ns, const std::string& dev,
                             const std::string& local) {
  std::vector<IpAddr> out;
  for (const IpAddr& a : ns.addresses(dev)) {
    if (a.local == local) out.push_back(a);
  }
  return out;
}

AddressSpec vip(int ifindex, const char* text) {
  AddressSpec spec;
  spec.ifindex = ifindex;
  spec.prefix = prefix(text);
  return spec;
}

}  // namespace

TEST_CASE("Addresses: an IPv4 VIP with broadcast, label and scope, as ip addr shows it") {
  TestNamespace ns;
  Netlink nl;
  Addresses addresses(nl);
  const int va = ns.ifindex("va");

  AddressSpec spec = vip(va, "192.0.2.100/24");
  spec.broadcast = addr("192.0.2.255");
  spec.label = "va:vip";
  spec.scope = Scope::site;
  REQUIRE(addresses.add(spec).ok());

  const auto found = matching(ns, "va", "192.0.2.100");
  REQUIRE(found.size() == 1);
  CHECK(found[0].prefixlen == 24);
  CHECK(found[0].broadcast == "192.0.2.255");
  CHECK(found[0].label == "va:vip");
  CHECK(found[0].scope == "site");
  CHECK(found[0].valid_lft == kForever);

  auto held = addresses.contains(va, addr("192.0.2.100"));
  REQUIRE(held.ok());
  CHECK(*held);
  auto not_held = addresses.contains(va, addr("192.0.2.101"));
  REQUIRE(not_held.ok());
  CHECK_FALSE(*not_held);
}

TEST_CASE("Addresses: add is idempotent, remove is idempotent") {
  TestNamespace ns;
  Netlink nl;
  Addresses addresses(nl);
  const int va = ns.ifindex("va");

  const AddressSpec spec = vip(va, "203.0.113.10/32");
  REQUIRE(addresses.add(spec).ok());
  REQUIRE(addresses.add(spec).ok());  // already there: success, not EEXIST
  CHECK(matching(ns, "va", "203.0.113.10").size() == 1);

  REQUIRE(addresses.remove(va, spec.prefix).ok());
  CHECK(matching(ns, "va", "203.0.113.10").empty());
  CHECK(addresses.remove(va, spec.prefix).ok());                // already gone: success
  CHECK(addresses.remove(va, prefix("203.0.113.99/32")).ok());  // never there: success

  // The same for IPv6.
  const AddressSpec spec6 = vip(va, "2001:db8::10/64");
  REQUIRE(addresses.add(spec6).ok());
  REQUIRE(addresses.add(spec6).ok());
  CHECK(matching(ns, "va", "2001:db8::10").size() == 1);
  REQUIRE(addresses.remove(va, spec6.prefix).ok());
  CHECK(addresses.remove(va, spec6.prefix).ok());
  CHECK(matching(ns, "va", "2001:db8::10").empty());
}

TEST_CASE("Addresses: failures are reported, not hidden") {
  TestNamespace ns;
  Netlink nl;
  Addresses addresses(nl);
  const int va = ns.ifindex("va");

  auto no_interface = addresses.add(vip(999999, "192.0.2.50/24"));
  CHECK_FALSE(no_interface.ok());
  CHECK_FALSE(no_interface.error().message.empty());

  AddressSpec long_label = vip(va, "192.0.2.51/24");
  long_label.label = "a-label-too-long-for-ifnamsiz";
  CHECK_FALSE(addresses.add(long_label).ok());

  AddressSpec backwards = vip(va, "192.0.2.52/24");
  backwards.lifetime = Lifetime{10, 20};  // preferred > valid: the kernel says EINVAL
  CHECK_FALSE(addresses.add(backwards).ok());
  CHECK(matching(ns, "va", "192.0.2.51").empty());
  CHECK(matching(ns, "va", "192.0.2.52").empty());
}

TEST_CASE("RFC 9568 §8.2.2: IPv6 VIPs skip duplicate address detection (IFA_F_NODAD)") {
  TestNamespace ns;
  Netlink nl;
  Addresses addresses(nl);
  const int va = ns.ifindex("va");
  // DAD is on for va, so an address added without NODAD is tentative at first: the control
  // case below shows the check can fail.
  REQUIRE(kernel_test::run("cat /proc/sys/net/ipv6/conf/va/accept_dad") == "1\n");
  ns.ip("addr add 2001:db8::99/64 dev va");
  CHECK(matching(ns, "va", "2001:db8::99").at(0).has_flag("tentative"));

  REQUIRE(addresses.add(vip(va, "2001:db8::100/64")).ok());
  const auto found = matching(ns, "va", "2001:db8::100");
  REQUIRE(found.size() == 1);
  CHECK(found[0].has_flag("nodad"));
  CHECK_FALSE(found[0].has_flag("tentative"));  // usable at once

  auto listed = addresses.list(va);
  REQUIRE(listed.ok());
  bool seen = false;
  for (const auto& a : *listed) {
    if (a.prefix.address == addr("2001:db8::100")) {
      seen = true;
      CHECK((a.flags & IFA_F_NODAD) != 0);
      CHECK_FALSE(a.tentative());
      CHECK(a.prefix.length == 64);
    }
  }
  CHECK(seen);
}

TEST_CASE("RFC 9568 §6.4.2: an IPv6 VIP joins its solicited-node group, and leaves it") {
  TestNamespace ns;
  Netlink nl;
  Addresses addresses(nl);
  const int va = ns.ifindex("va");
  auto has_group = [&](const std::string& group) {
    for (const auto& g : ns.multicast_groups6("va")) {
      if (g == group) return true;
    }
    return false;
  };
  CHECK_FALSE(has_group("ff02::1:ff00:100"));
  REQUIRE(addresses.add(vip(va, "2001:db8::100/64")).ok());
  // The kernel joins from its DAD work item, a moment after the add returns, NODAD or not.
  CHECK(eventually([&] { return has_group("ff02::1:ff00:100"); }));
  REQUIRE(addresses.remove(va, prefix("2001:db8::100/64")).ok());
  CHECK(eventually([&] { return !has_group("ff02::1:ff00:100"); }));
}

TEST_CASE("Addresses: prefix_route false sets IFA_F_NOPREFIXROUTE and adds no route") {
  TestNamespace ns;
  Netlink nl;
  Addresses addresses(nl);
  const int va = ns.ifindex("va");

  AddressSpec with_route = vip(va, "198.51.100.10/24");
  REQUIRE(addresses.add(with_route).ok());
  CHECK(ns.ip("-4 route show 198.51.100.0/24 dev va").find("198.51.100.0/24") != std::string::npos);

  AddressSpec without = vip(va, "203.0.113.10/24");
  without.prefix_route = false;
  REQUIRE(addresses.add(without).ok());
  CHECK(matching(ns, "va", "203.0.113.10").at(0).has_flag("noprefixroute"));
  CHECK(ns.ip("-4 route show 203.0.113.0/24").empty());

  AddressSpec without6 = vip(va, "2001:db8:1::10/64");
  without6.prefix_route = false;
  REQUIRE(addresses.add(without6).ok());
  CHECK(matching(ns, "va", "2001:db8:1::10").at(0).has_flag("noprefixroute"));
  CHECK(ns.ip("-6 route show 2001:db8:1::/64").empty());
}

TEST_CASE("Issue 8: a VIP gets the given lifetimes, and a re-add renews them in place") {
  TestNamespace ns;
  Netlink nl;
  Addresses addresses(nl);
  const int va = ns.ifindex("va");

  for (const char* text : {"192.0.2.100/24", "2001:db8::100/64"}) {
    INFO(text);
    AddressSpec spec = vip(va, text);
    const std::string local = spec.prefix.address.to_string();
    spec.lifetime = Lifetime{60, 30};
    REQUIRE(addresses.add(spec).ok());
    auto found = matching(ns, "va", local);
    REQUIRE(found.size() == 1);
    CHECK(found[0].valid_lft <= 60);
    CHECK(found[0].valid_lft >= 55);
    CHECK(found[0].preferred_lft <= 30);
    CHECK(found[0].preferred_lft >= 25);
    CHECK(found[0].has_flag("dynamic"));  // not permanent

    // Renewal: the same address again with a longer lifetime, updated in place.
    spec.lifetime = Lifetime::finite(120);
    REQUIRE(addresses.add(spec).ok());
    found = matching(ns, "va", local);
    REQUIRE(found.size() == 1);
    CHECK(found[0].valid_lft > 100);
    CHECK(found[0].preferred_lft > 100);

    // Our own listing reports the same remaining lifetime.
    auto listed = addresses.list(va);
    REQUIRE(listed.ok());
    for (const auto& a : *listed) {
      if (a.prefix.address == spec.prefix.address) {
        CHECK(a.valid_seconds > 100);
        CHECK(a.valid_seconds <= 120);
        CHECK_FALSE(a.permanent());
      }
    }

    // 0 means forever, as keepalived binds; a refresh turns the finite lifetime back.
    spec.lifetime = Lifetime::forever();
    REQUIRE(addresses.add(spec).ok());
    found = matching(ns, "va", local);
    REQUIRE(found.size() == 1);
    CHECK(found[0].valid_lft == kForever);
    CHECK(found[0].preferred_lft == kForever);
  }
}

TEST_CASE("Issue 8: the kernel deletes a VIP whose valid lifetime runs out") {
  TestNamespace ns;
  Netlink nl;
  Addresses addresses(nl);
  const int va = ns.ifindex("va");

  AddressSpec v4 = vip(va, "192.0.2.100/24");
  v4.lifetime = Lifetime::finite(2);
  AddressSpec v6 = vip(va, "2001:db8::100/64");
  v6.lifetime = Lifetime::finite(2);
  // The control, permanent and in another subnet: stays. (In the same subnet it would be a
  // secondary of the expiring VIP and go with it; see the next test.)
  AddressSpec forever = vip(va, "198.51.100.1/24");
  REQUIRE(addresses.add(v4).ok());
  REQUIRE(addresses.add(v6).ok());
  REQUIRE(addresses.add(forever).ok());
  const auto start = std::chrono::steady_clock::now();
  CHECK(matching(ns, "va", "192.0.2.100").size() == 1);

  // Gone within the lifetime plus a second or so (the IPv4 expiry worker rounds up to the
  // next second, IPv6 addrconf_verify runs on its own timer).
  CHECK(eventually(
      [&] {
        return matching(ns, "va", "192.0.2.100").empty() &&
               matching(ns, "va", "2001:db8::100").empty();
      },
      std::chrono::milliseconds(4500)));
  CHECK(std::chrono::steady_clock::now() - start >= std::chrono::milliseconds(1500));
  CHECK(matching(ns, "va", "198.51.100.1").size() == 1);
}

TEST_CASE(
    "Kernel quirk: an expiring primary address takes its secondaries along, unless "
    "promote_secondaries") {
  // Issue 8's lifetimes and IPv4 primaries: when the first address of a subnet expires, the
  // kernel deletes it like `ip addr del`, and without promote_secondaries every secondary of
  // that subnet goes with it, permanent or not. configure_vmac_arp sets promote_secondaries on
  // the VMAC; VIPs on a plain interface should be secondaries of its own permanent address.
  TestNamespace ns;
  Netlink nl;
  Addresses addresses(nl);
  const int va = ns.ifindex("va");
  const int vb = ns.ifindex("vb");
  REQUIRE(vrrp::netlink::write_ipv4_conf("vb", "promote_secondaries", 1).ok());

  for (int ifindex : {va, vb}) {
    AddressSpec expiring = vip(ifindex, "192.0.2.100/24");
    expiring.lifetime = Lifetime::finite(1);
    REQUIRE(addresses.add(expiring).ok());
    REQUIRE(addresses.add(vip(ifindex, "192.0.2.101/24")).ok());  // permanent, secondary
  }
  CHECK(eventually(
      [&] {
        return matching(ns, "va", "192.0.2.100").empty() &&
               matching(ns, "vb", "192.0.2.100").empty();
      },
      std::chrono::milliseconds(3500)));
  CHECK(matching(ns, "va", "192.0.2.101").empty());      // gone with the primary
  CHECK(matching(ns, "vb", "192.0.2.101").size() == 1);  // promoted
}

TEST_CASE("Addresses: IFA_PROTO tags an address and comes back in the dump") {
  TestNamespace ns;
  Netlink nl;
  Addresses addresses(nl);
  const int va = ns.ifindex("va");

  AddressSpec tagged = vip(va, "192.0.2.100/24");
  tagged.protocol = 0x76;
  AddressSpec tagged6 = vip(va, "2001:db8::100/64");
  tagged6.protocol = 0x76;
  REQUIRE(addresses.add(tagged).ok());
  REQUIRE(addresses.add(tagged6).ok());
  ns.ip("addr add 192.0.2.1/24 dev va");

  auto listed = addresses.list(va);
  REQUIRE(listed.ok());
  int tagged_seen = 0;
  for (const auto& a : *listed) {
    if (a.prefix.address == addr("192.0.2.100") || a.prefix.address == addr("2001:db8::100")) {
      CHECK(a.protocol == 0x76);
      ++tagged_seen;
    } else if (a.prefix.address == addr("192.0.2.1")) {
      CHECK(a.protocol == 0);
    }
  }
  CHECK(tagged_seen == 2);
}

TEST_CASE("Kernel quirk: an IPv6 VIP is deleted when its interface goes administratively down") {
  // Linux removes IPv6 addresses on NETDEV_DOWN unless keep_addr_on_down is set (and then
  // only permanent ones), while IPv4 addresses stay. The daemon must add IPv6 VIPs again when
  // it leaves Fault; this test pins the behaviour it relies on.
  TestNamespace ns;
  Netlink nl;
  Addresses addresses(nl);
  const int va = ns.ifindex("va");
  REQUIRE(addresses.add(vip(va, "192.0.2.100/24")).ok());
  REQUIRE(addresses.add(vip(va, "2001:db8::100/64")).ok());
  ns.ip("link set va down");
  CHECK(matching(ns, "va", "2001:db8::100").empty());
  CHECK(matching(ns, "va", "192.0.2.100").size() == 1);
  ns.ip("link set va up");
  CHECK(matching(ns, "va", "2001:db8::100").empty());
}
