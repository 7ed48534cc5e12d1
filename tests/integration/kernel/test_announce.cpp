// arp::Announcer against the kernel: the frames on the wire, captured on the far end of a
// veth, and their effect on the receiver's neighbour table (the point of announcing).
#include <catch2/catch.hpp>

#include <algorithm>

#include "arp/announcer.hpp"
#include "capture.hpp"
#include "netlink/links.hpp"
#include "netlink/mac_address.hpp"
#include "netns.hpp"

using kernel_test::ether_type;
using kernel_test::Frame;
using kernel_test::FrameCapture;
using kernel_test::TestNamespace;
using vrrp::Family;
using vrrp::IpAddress;
using vrrp::arp::Announcer;
using vrrp::netlink::MacAddress;

namespace {

IpAddress addr(const char* text) {
  return *IpAddress::parse(text);
}

bool is_na_for(const Frame& f, const IpAddress& target) {
  return ether_type(f) == 0x86dd && f.size() >= 78 && f[20] == 58 && f[54] == 136 &&
         std::equal(target.bytes().begin(), target.bytes().end(), f.begin() + 62);
}

std::string neighbour_entry(const TestNamespace& ns, const std::string& dev, const std::string& dst,
                            bool* router = nullptr) {
  for (const auto& n : ns.neighbours(dev)) {
    if (n.dst == dst) {
      if (router != nullptr) *router = n.router;
      return n.lladdr;
    }
  }
  return {};
}

}  // namespace

TEST_CASE("RFC 9568 §6.4.2: gratuitous ARP on the wire, byte for byte, from the given MAC") {
  TestNamespace ns;
  const int va = ns.ifindex("va");
  const MacAddress vmac = vrrp::netlink::virtual_router_mac(Family::ipv4, 10);
  REQUIRE(ns.link("va").mac != vmac.to_string());  // so the source below is ours, not va's

  FrameCapture capture(ns.ifindex("vb"));
  Announcer announcer;
  REQUIRE_FALSE(announcer.gratuitous_arp(va, vmac, addr("192.0.2.100")));

  auto frame = capture.next([](const Frame& f) { return ether_type(f) == 0x0806; });
  REQUIRE(frame.has_value());
  const Frame expected = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00, 0x00, 0x5e, 0x00, 0x01,
                          0x0a, 0x08, 0x06, 0x00, 0x01, 0x08, 0x00, 0x06, 0x04, 0x00, 0x01,
                          0x00, 0x00, 0x5e, 0x00, 0x01, 0x0a, 192,  0,    2,    100,  0x00,
                          0x00, 0x5e, 0x00, 0x01, 0x0a, 192,  0,    2,    100};
  CHECK(*frame == expected);
}

TEST_CASE("RFC 9568 §6.4.2: a gratuitous ARP moves the receiver's entry for the VIP to the VMAC") {
  TestNamespace ns;
  const int va = ns.ifindex("va");
  ns.ip("addr add 192.0.2.2/24 dev vb");
  // The receiver knows the VIP at the old Active's MAC.
  ns.ip("neigh add 192.0.2.100 lladdr 02:00:00:00:00:99 dev vb nud stale");
  REQUIRE(neighbour_entry(ns, "vb", "192.0.2.100") == "02:00:00:00:00:99");

  Announcer announcer;
  const MacAddress vmac = vrrp::netlink::virtual_router_mac(Family::ipv4, 1);
  REQUIRE_FALSE(announcer.gratuitous_arp(va, vmac, addr("192.0.2.100")));
  CHECK(kernel_test::eventually(
      [&] { return neighbour_entry(ns, "vb", "192.0.2.100") == "00:00:5e:00:01:01"; }));
}

TEST_CASE("RFC 9568 §6.4.2: unsolicited NA on the wire, byte for byte, from the link-local") {
  TestNamespace ns;
  const int va = ns.ifindex("va");
  vrrp::netlink::Netlink nl;
  vrrp::netlink::Links links(nl);
  auto ll = links.ipv6_link_local(va);
  REQUIRE(ll.ok());
  REQUIRE(ll->has_value());
  const IpAddress source = **ll;
  const MacAddress vmac = vrrp::netlink::virtual_router_mac(Family::ipv6, 10);
  const IpAddress vip = addr("2001:db8::100");

  FrameCapture capture(ns.ifindex("vb"));
  Announcer announcer;
  REQUIRE_FALSE(announcer.unsolicited_na(va, vmac, source, vip));
  auto frame = capture.next([&](const Frame& f) { return is_na_for(f, vip); });
  REQUIRE(frame.has_value());
  REQUIRE(frame->size() == 86);

  const Frame head = {0x33, 0x33, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x5e, 0x00, 0x02,
                      0x0a, 0x86, 0xdd, 0x60, 0x00, 0x00, 0x00, 0x00, 0x20, 0x3a, 0xff};
  const Frame tail = {0xff, 0x02, 0,    0,    0,    0,    0,    0,    0,    0,    0,    0,
                      0,    0,    0,    0x01,                          // ff02::1
                      0x88, 0x00, 0x00, 0x00, 0xa0, 0x00, 0x00, 0x00,  // type, code, checksum, R|O
                      0x20, 0x01, 0x0d, 0xb8, 0,    0,    0,    0,    0,    0,    0,    0,
                      0,    0,    0x01, 0x00, 0x02, 0x01, 0x00, 0x00, 0x5e, 0x00, 0x02, 0x0a};
  Frame expected(head.size() + 16 + tail.size());
  std::copy(head.begin(), head.end(), expected.begin());
  std::copy(source.bytes().begin(), source.bytes().end(), expected.begin() + 22);
  std::copy(tail.begin(), tail.end(), expected.begin() + 38);
  // The checksum depends on va's random link-local address: compare everything else here;
  // the receiver's kernel verifies it in the next test, and test_frames.cpp pins its value.
  Frame got = *frame;
  got[56] = 0;
  got[57] = 0;
  CHECK(got == expected);
}

TEST_CASE(
    "RFC 9568 §6.4.2: an unsolicited NA moves the receiver's entry to the VMAC, R=1 marks "
    "it a router and R=0 clears that") {
  // The receiving kernel checks Hop Limit 255, the ICMPv6 checksum and the flags
  // (ndisc_recv_na): an entry that changes proves the frame is a valid NA.
  TestNamespace ns;
  const int va = ns.ifindex("va");
  vrrp::netlink::Netlink nl;
  vrrp::netlink::Links links(nl);
  const IpAddress source = links.ipv6_link_local(va).value().value();
  ns.ip("addr add 2001:db8::2/64 dev vb nodad");
  ns.ip("neigh add 2001:db8::100 lladdr 02:00:00:00:00:99 dev vb nud stale");
  REQUIRE(neighbour_entry(ns, "vb", "2001:db8::100") == "02:00:00:00:00:99");

  Announcer announcer;
  const MacAddress vmac = vrrp::netlink::virtual_router_mac(Family::ipv6, 1);
  REQUIRE_FALSE(announcer.unsolicited_na(va, vmac, source, addr("2001:db8::100"), true));
  bool router = false;
  CHECK(kernel_test::eventually(
      [&] { return neighbour_entry(ns, "vb", "2001:db8::100", &router) == "00:00:5e:00:02:01"; }));
  CHECK(router);

  REQUIRE_FALSE(announcer.unsolicited_na(va, vmac, source, addr("2001:db8::100"), false));
  CHECK(kernel_test::eventually([&] {
    bool r = true;
    neighbour_entry(ns, "vb", "2001:db8::100", &r);
    return !r;
  }));
}

TEST_CASE("Announcer: wrong address families and a bad interface are errors, not frames") {
  TestNamespace ns;
  Announcer announcer;
  const MacAddress mac = vrrp::netlink::virtual_router_mac(Family::ipv4, 1);
  CHECK(announcer.gratuitous_arp(ns.ifindex("va"), mac, addr("2001:db8::1")) ==
        std::errc::invalid_argument);
  CHECK(announcer.unsolicited_na(ns.ifindex("va"), mac, addr("192.0.2.1"), addr("2001:db8::1")) ==
        std::errc::invalid_argument);
  CHECK(announcer.gratuitous_arp(999999, mac, addr("192.0.2.1")));  // ENXIO/ENODEV
}
