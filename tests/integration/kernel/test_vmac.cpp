// netlink::Vmac and the ARP sysctls against the kernel: the macvlan's MAC, mode and IPv6
// address generation, its lifetime as an RAII object, and how ARP and ND answer for a VIP
// on it, seen from a client on the other end of the wire.
#include <catch2/catch.hpp>

#include <thread>

#include "netlink/addresses.hpp"
#include "netlink/links.hpp"
#include "netlink/sysctl.hpp"
#include "netlink/vmac.hpp"
#include "netns.hpp"

using kernel_test::eventually;
using kernel_test::TestNamespace;
using vrrp::Family;
using vrrp::IpPrefix;
using vrrp::netlink::Addresses;
using vrrp::netlink::AddressSpec;
using vrrp::netlink::Links;
using vrrp::netlink::Netlink;
using vrrp::netlink::Vmac;
using vrrp::netlink::VmacSpec;

namespace {

VmacSpec spec(int parent, std::uint8_t vrid, Family family, std::string name = {}) {
  VmacSpec s;
  s.parent_ifindex = parent;
  s.vrid = vrid;
  s.family = family;
  s.name = std::move(name);
  return s;
}

bool has_ipv6_address(const TestNamespace& ns, const std::string& dev) {
  for (const auto& a : ns.addresses(dev)) {
    if (a.local.find(':') != std::string::npos) return true;
  }
  return false;
}

AddressSpec vip(int ifindex, const char* text) {
  AddressSpec s;
  s.ifindex = ifindex;
  s.prefix = *IpPrefix::parse(text);
  return s;
}

std::string neighbour_mac(const TestNamespace& ns, const std::string& dst) {
  for (const auto& line : kernel_test::lines(ns.in_client("ip -j neigh show dev vb | python3 " +
                                                          std::string(IPJSON_SCRIPT) + " neigh"))) {
    const auto f = kernel_test::fields(line);
    if (f.size() >= 2 && f[0] == dst) return f[1];
  }
  return {};
}

}  // namespace

TEST_CASE(
    "RFC 9568 §7.3, §7.4: IPv4 VMAC is a private macvlan with 00:00:5e:00:01:{VRID}, up, "
    "and no IPv6 address generated") {
  TestNamespace ns;
  Netlink nl;
  const int va = ns.ifindex("va");

  auto vmac = Vmac::create(nl, spec(va, 10, Family::ipv4));
  REQUIRE(vmac.ok());
  CHECK(vmac->name() == "vrrp.10");
  CHECK(vmac->mac().to_string() == "00:00:5e:00:01:0a");

  const auto link = ns.link("vrrp.10");
  REQUIRE(link.name == "vrrp.10");
  CHECK(link.kind == "macvlan");
  CHECK(link.mode == "private");
  CHECK(link.mac == "00:00:5e:00:01:0a");
  CHECK(link.parent == "va");
  CHECK(link.addr_gen_mode == "none");
  CHECK(link.flags.find("UP") != std::string::npos);
  CHECK(vmac->ifindex() == ns.ifindex("vrrp.10"));

  // The control: a macvlan made the ordinary way gets an EUI-64 link-local address from its
  // MAC as soon as it is up, which is what §7.4 forbids for the VMAC.
  ns.ip("link add link va name ctl0 address 00:00:5e:00:01:0b type macvlan mode private");
  ns.ip("link set ctl0 up");
  CHECK(eventually([&] { return has_ipv6_address(ns, "ctl0"); }));

  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  CHECK_FALSE(has_ipv6_address(ns, "vrrp.10"));
  CHECK(ns.addresses("vrrp.10").empty());
}

TEST_CASE(
    "RFC 9568 §7.3: IPv6 VMAC is 00:00:5e:00:02:{VRID} and the IPv4 and IPv6 VMACs of a VRID "
    "coexist") {
  TestNamespace ns;
  Netlink nl;
  const int va = ns.ifindex("va");
  auto v4 = Vmac::create(nl, spec(va, 1, Family::ipv4, "vrrp4.1"));
  auto v6 = Vmac::create(nl, spec(va, 1, Family::ipv6, "vrrp6.1"));
  REQUIRE(v4.ok());
  REQUIRE(v6.ok());
  CHECK(ns.link("vrrp4.1").mac == "00:00:5e:00:01:01");
  CHECK(ns.link("vrrp6.1").mac == "00:00:5e:00:02:01");
  CHECK(ns.link("vrrp6.1").addr_gen_mode == "none");
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  CHECK_FALSE(has_ipv6_address(ns, "vrrp6.1"));
}

TEST_CASE("Vmac: the destructor deletes the interface, a moved-from object deletes nothing") {
  TestNamespace ns;
  Netlink nl;
  const int va = ns.ifindex("va");
  {
    auto created = Vmac::create(nl, spec(va, 7, Family::ipv4));
    REQUIRE(created.ok());
    Vmac owner = std::move(*created);  // the Result's copy is now moved-from
    CHECK_FALSE(ns.link("vrrp.7").name.empty());
    {
      Vmac second = std::move(owner);
      CHECK(second.ifindex() > 0);
      CHECK(owner.ifindex() == 0);
    }  // `second` deletes it
    CHECK(ns.link("vrrp.7").name.empty());
    CHECK(owner.remove().ok());  // owns nothing: nothing to do
  }
  CHECK(ns.link("vrrp.7").name.empty());
  CHECK_FALSE(ns.link("va").name.empty());  // the parent is untouched
}

TEST_CASE("Vmac: remove() deletes now, a VMAC deleted by someone else is success") {
  TestNamespace ns;
  Netlink nl;
  const int va = ns.ifindex("va");
  auto vmac = Vmac::create(nl, spec(va, 3, Family::ipv4));
  REQUIRE(vmac.ok());
  REQUIRE(vmac->remove().ok());
  CHECK(ns.link("vrrp.3").name.empty());
  CHECK(vmac->remove().ok());

  auto other = Vmac::create(nl, spec(va, 4, Family::ipv4));
  REQUIRE(other.ok());
  ns.ip("link del vrrp.4");
  CHECK(other->remove().ok());
}

TEST_CASE("Vmac: a VMAC left by an earlier run is replaced, a non-VMAC of that name is refused") {
  TestNamespace ns;
  Netlink nl;
  const int va = ns.ifindex("va");

  // A crashed run left vrrp.5 behind (a macvlan with a VRRP MAC, in bridge mode even).
  ns.ip("link add link va name vrrp.5 address 00:00:5e:00:01:05 type macvlan mode bridge");
  const int stale = ns.ifindex("vrrp.5");
  Links links(nl);
  auto listed = links.list();
  REQUIRE(listed.ok());
  bool found_stale = false;
  for (const auto& l : *listed) {
    if (l.name == "vrrp.5") found_stale = vrrp::netlink::is_vmac(l);
    if (l.name == "va") CHECK_FALSE(vrrp::netlink::is_vmac(l));
  }
  CHECK(found_stale);

  auto vmac = Vmac::create(nl, spec(va, 5, Family::ipv4));
  REQUIRE(vmac.ok());
  CHECK(vmac->ifindex() != stale);
  CHECK(ns.link("vrrp.5").mode == "private");

  // vb is a veth, not a VMAC: never deleted to make room.
  auto refused = Vmac::create(nl, spec(va, 6, Family::ipv4, "vb"));
  CHECK_FALSE(refused.ok());
  CHECK(ns.link("vb").kind == "veth");
}

TEST_CASE("Vmac: VRID 0, a missing parent and an over-long name are refused") {
  TestNamespace ns;
  Netlink nl;
  const int va = ns.ifindex("va");
  CHECK_FALSE(Vmac::create(nl, spec(va, 0, Family::ipv4)).ok());
  CHECK_FALSE(Vmac::create(nl, spec(va, 1, Family::ipv4, "a-name-too-long-x")).ok());
  CHECK_FALSE(Vmac::create(nl, spec(999999, 1, Family::ipv4)).ok());
  CHECK(ns.link("vrrp.0").name.empty());
  CHECK(ns.link("vrrp.1").name.empty());
}

TEST_CASE("sysctl: configure_vmac_arp sets each ARP setting on the VMAC and its parent") {
  TestNamespace ns;
  Netlink nl;
  auto vmac = Vmac::create(nl, spec(ns.ifindex("va"), 1, Family::ipv4));
  REQUIRE(vmac.ok());
  // The defaults differ, so the checks below can fail.
  REQUIRE(vrrp::netlink::read_ipv4_conf("va", "arp_ignore").value() == 0);
  REQUIRE(vrrp::netlink::read_ipv4_conf("vrrp.1", "promote_secondaries").value() == 0);

  REQUIRE(vrrp::netlink::configure_vmac_arp("vrrp.1", "va").ok());
  auto value = [](const char* dev, const char* name) {
    return vrrp::netlink::read_ipv4_conf(dev, name).value();
  };
  CHECK(value("vrrp.1", "arp_ignore") == 1);
  CHECK(value("vrrp.1", "accept_local") == 1);
  CHECK(value("vrrp.1", "rp_filter") == 0);
  CHECK(value("vrrp.1", "promote_secondaries") == 1);
  CHECK(value("va", "arp_ignore") == 1);
  CHECK(value("va", "arp_filter") == 1);
  CHECK(value("va", "arp_announce") == 2);
  // Through /proc as any tool sees it, in this namespace.
  CHECK(kernel_test::run("cat /proc/sys/net/ipv4/conf/va/arp_announce") == "2\n");

  CHECK_FALSE(vrrp::netlink::configure_vmac_arp("nosuchif0", "va").ok());
  CHECK_FALSE(vrrp::netlink::write_ipv4_conf("../all", "arp_ignore", 1).ok());
}

TEST_CASE("Kernel quirk: promote_secondaries keeps the other VIPs when the first is removed") {
  TestNamespace ns;
  Netlink nl;
  Addresses addresses(nl);
  auto vmac = Vmac::create(nl, spec(ns.ifindex("va"), 1, Family::ipv4));
  REQUIRE(vmac.ok());
  REQUIRE(vrrp::netlink::configure_vmac_arp("vrrp.1", "va").ok());

  // On the VMAC (promote_secondaries=1): removing the primary VIP promotes the next one.
  REQUIRE(addresses.add(vip(vmac->ifindex(), "192.0.2.100/24")).ok());
  REQUIRE(addresses.add(vip(vmac->ifindex(), "192.0.2.101/24")).ok());
  REQUIRE(addresses.remove(vmac->ifindex(), *IpPrefix::parse("192.0.2.100/24")).ok());
  CHECK(addresses.contains(vmac->ifindex(), *vrrp::IpAddress::parse("192.0.2.101")).value());

  // The control, on vb (promote_secondaries=0, the default): the secondary goes too.
  const int vb = ns.ifindex("vb");
  REQUIRE(addresses.add(vip(vb, "198.51.100.100/24")).ok());
  REQUIRE(addresses.add(vip(vb, "198.51.100.101/24")).ok());
  REQUIRE(addresses.remove(vb, *IpPrefix::parse("198.51.100.100/24")).ok());
  CHECK_FALSE(addresses.contains(vb, *vrrp::IpAddress::parse("198.51.100.101")).value());
}

TEST_CASE(
    "RFC 9568 §8.1.2: ARP for a VIP on the VMAC is answered with the VMAC, ARP for the "
    "parent's address with the parent's MAC") {
  TestNamespace ns;
  Netlink nl;
  Addresses addresses(nl);
  const int va = ns.ifindex("va");
  const std::string va_mac = ns.link("va").mac;
  ns.ip("addr add 192.0.2.1/24 dev va");
  auto vmac = Vmac::create(nl, spec(va, 1, Family::ipv4));
  REQUIRE(vmac.ok());
  REQUIRE(vrrp::netlink::configure_vmac_arp("vrrp.1", "va").ok());
  REQUIRE(addresses.add(vip(vmac->ifindex(), "192.0.2.100/24")).ok());

  ns.move_peer_to_client();
  ns.in_client("ip addr add 192.0.2.2/24 dev vb");

  for (int round = 0; round < 3; ++round) {
    INFO("round " << round);
    ns.in_client("ip neigh flush dev vb");
    ns.ip("neigh flush dev va");
    ns.in_client("ping -c 1 -W 2 192.0.2.100");
    ns.in_client("ping -c 1 -W 2 192.0.2.1");
    CHECK(neighbour_mac(ns, "192.0.2.100") == "00:00:5e:00:01:01");
    CHECK(neighbour_mac(ns, "192.0.2.1") == va_mac);
  }

  // arp_announce=2 on the parent: replies from the VIP leave through the parent (its route to
  // the subnet comes first); when the parent has to resolve the client again after the
  // client's ARP lock time, its request must not claim the VIP with the parent's MAC.
  std::this_thread::sleep_for(std::chrono::milliseconds(1200));
  ns.ip("neigh flush dev va");
  ns.in_client("ping -c 1 -W 2 192.0.2.100");
  CHECK(neighbour_mac(ns, "192.0.2.100") == "00:00:5e:00:01:01");
}

TEST_CASE(
    "RFC 9568 §8.2.2: a Neighbor Solicitation for an IPv6 VIP on the VMAC is answered "
    "with the VMAC") {
  TestNamespace ns;
  Netlink nl;
  Addresses addresses(nl);
  const int va = ns.ifindex("va");
  auto vmac = Vmac::create(nl, spec(va, 1, Family::ipv6));
  REQUIRE(vmac.ok());
  REQUIRE(addresses.add(vip(vmac->ifindex(), "2001:db8::100/64")).ok());

  ns.move_peer_to_client();
  ns.in_client("ip addr add 2001:db8::2/64 dev vb nodad");
  ns.in_client("ping -6 -c 1 -W 2 2001:db8::100");
  CHECK(neighbour_mac(ns, "2001:db8::100") == "00:00:5e:00:02:01");
}
