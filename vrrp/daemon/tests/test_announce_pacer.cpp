#include <catch2/catch.hpp>

#include <algorithm>
#include <vector>

#include "vrrp/daemon/announce_pacer.hpp"

using namespace std::chrono_literals;
using vrrp::IpAddress;
using vrrp::TimePoint;
using vrrp::daemon::AnnouncePacer;
using Message = AnnouncePacer::Message;

namespace {
const TimePoint t0{100s};
const IpAddress a4 = IpAddress::v4(192, 0, 2, 100);
const IpAddress b4 = IpAddress::v4(192, 0, 2, 101);
const IpAddress a6 = *IpAddress::parse("2001:db8::100");
}  // namespace

TEST_CASE("keepalived vrrp_garp_interval 0: a whole burst is due at once, round by round",
          "[announce_pacer]") {
  AnnouncePacer p(0s, 0s);
  CHECK_FALSE(p.next_deadline());
  const std::vector<IpAddress> vips{a4, b4};
  p.enqueue("eth0", vips, 2);
  CHECK(p.take_due(t0) ==
        std::vector<Message>{{"eth0", a4}, {"eth0", b4}, {"eth0", a4}, {"eth0", b4}});
  CHECK_FALSE(p.next_deadline());
  CHECK(p.take_due(t0 + 1s).empty());
}

TEST_CASE("keepalived vrrp_garp_interval: one gratuitous ARP per interval on an interface",
          "[announce_pacer]") {
  AnnouncePacer p(100ms, 0s);
  const std::vector<IpAddress> vips{a4, b4};
  p.enqueue("eth0", vips, 2);
  CHECK(p.take_due(t0) == std::vector<Message>{{"eth0", a4}});
  CHECK(p.next_deadline() == t0 + 100ms);
  CHECK(p.take_due(t0 + 99ms).empty());  // not taken: too early
  CHECK(p.take_due(t0 + 100ms) == std::vector<Message>{{"eth0", b4}});
  // A late loop: the gap is counted from when the message really went.
  CHECK(p.take_due(t0 + 350ms) == std::vector<Message>{{"eth0", a4}});
  CHECK(p.next_deadline() == t0 + 450ms);
  CHECK(p.take_due(t0 + 450ms) == std::vector<Message>{{"eth0", b4}});
  CHECK_FALSE(p.next_deadline());
  // A new burst soon after the last message still waits the interval.
  p.enqueue("eth0", vips, 1);
  CHECK(p.take_due(t0 + 460ms).empty());
  CHECK(p.take_due(t0 + 550ms) == std::vector<Message>{{"eth0", a4}});
}

TEST_CASE("keepalived vrrp_gna_interval spaces NAs; ARPs and other interfaces have their own gap",
          "[announce_pacer]") {
  AnnouncePacer p(0s, 50ms);
  const std::vector<IpAddress> mixed{a4, a6};
  p.enqueue("eth0", mixed, 2);
  p.enqueue("eth1", std::vector<IpAddress>{a6}, 1);
  const auto first = p.take_due(t0);
  // Both IPv4 messages at once (garp interval 0), the first NA of each interface.
  CHECK(first.size() == 4);
  CHECK(std::count(first.begin(), first.end(), Message{"eth0", a4}) == 2);
  CHECK(std::count(first.begin(), first.end(), Message{"eth0", a6}) == 1);
  CHECK(std::count(first.begin(), first.end(), Message{"eth1", a6}) == 1);
  CHECK(p.next_deadline() == t0 + 50ms);
  CHECK(p.take_due(t0 + 50ms) == std::vector<Message>{{"eth0", a6}});
  CHECK_FALSE(p.next_deadline());
}

TEST_CASE("announce pacer: an address given back is not announced any more", "[announce_pacer]") {
  AnnouncePacer p(1s, 1s);
  p.enqueue("eth0", std::vector<IpAddress>{a4, b4}, 2);
  p.enqueue("eth1", std::vector<IpAddress>{a4}, 2);
  CHECK(p.take_due(t0).size() == 2);  // eth0 a4, eth1 a4
  p.forget("eth0", a4);
  CHECK(p.take_due(t0 + 1s) == std::vector<Message>{{"eth0", b4}, {"eth1", a4}});
  CHECK(p.take_due(t0 + 2s) == std::vector<Message>{{"eth0", b4}});
  CHECK_FALSE(p.next_deadline());
}
