// netlink::Watcher against the kernel: link and address changes arrive as typed events.
#include <catch2/catch.hpp>

#include <poll.h>

#include <chrono>
#include <functional>

#include "netlink/addresses.hpp"
#include "netlink/watcher.hpp"
#include "netns.hpp"

using kernel_test::TestNamespace;
using vrrp::IpPrefix;
using vrrp::netlink::AddressChanged;
using vrrp::netlink::Event;
using vrrp::netlink::EventsLost;
using vrrp::netlink::LinkChanged;
using vrrp::netlink::Watcher;

namespace {

// Every event the watcher delivered, kept so that two events arriving in one poll() can be
// waited for one after the other. wait_for() looks at the events since the last mark() and
// polls for more, waiting on the descriptor as the daemon's event loop does.
class EventLog {
 public:
  explicit EventLog(Watcher& watcher) : watcher_(watcher) {}

  void mark() {
    drain();
    from_ = seen_.size();
  }

  bool wait_for(const std::function<bool(const Event&)>& match,
                std::chrono::milliseconds limit = std::chrono::seconds(3)) {
    const auto deadline = std::chrono::steady_clock::now() + limit;
    for (;;) {
      drain();
      for (std::size_t i = from_; i < seen_.size(); ++i) {
        if (match(seen_[i])) return true;
      }
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          deadline - std::chrono::steady_clock::now());
      if (left.count() <= 0) return false;
      pollfd p{watcher_.fd(), POLLIN, 0};
      ::poll(&p, 1, static_cast<int>(left.count()));
    }
  }

  // The events since the last mark, after waiting `settle` for stragglers.
  std::vector<Event> since_mark(std::chrono::milliseconds settle) {
    wait_for([](const Event&) { return false; }, settle);
    return {seen_.begin() + static_cast<std::ptrdiff_t>(from_), seen_.end()};
  }

 private:
  void drain() {
    for (Event& e : watcher_.poll())
      seen_.push_back(std::move(e));
  }

  Watcher& watcher_;
  std::vector<Event> seen_;
  std::size_t from_ = 0;
};

std::function<bool(const Event&)> link_event(int ifindex, bool up, bool running) {
  return [=](const Event& e) {
    const auto* l = std::get_if<LinkChanged>(&e);
    return l != nullptr && l->ifindex == ifindex && l->up == up && l->running == running &&
           !l->removed;
  };
}

std::function<bool(const Event&)> address_event(int ifindex, const char* prefix, bool added) {
  const IpPrefix want = *IpPrefix::parse(prefix);
  return [=](const Event& e) {
    const auto* a = std::get_if<AddressChanged>(&e);
    return a != nullptr && a->ifindex == ifindex && a->prefix == want && a->added == added;
  };
}

}  // namespace

TEST_CASE("Watcher: nothing pending means an empty poll, at once") {
  TestNamespace ns;
  Watcher watcher;
  const auto start = std::chrono::steady_clock::now();
  CHECK(watcher.poll().empty());
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::milliseconds(100));
  CHECK(watcher.fd() >= 0);
}

TEST_CASE("Issue 3: the watcher sees a link go down and come back, with carrier") {
  TestNamespace ns;
  // Let va's own carrier-up settle first (link state reaches netlink through the kernel's
  // linkwatch, up to a second late), so the events below are caused by this test.
  REQUIRE(kernel_test::eventually(
      [&] { return ns.link("va").operstate == "UP" && ns.link("vb").operstate == "UP"; }));
  Watcher watcher;
  EventLog log(watcher);
  const int va = ns.ifindex("va");
  const int vb = ns.ifindex("vb");

  log.mark();
  ns.ip("link set vb down");
  CHECK(log.wait_for(link_event(vb, false, false)));
  // va is still administratively up but has lost its carrier: the Fault trigger.
  CHECK(log.wait_for(link_event(va, true, false)));
  // The events name the interface.
  CHECK(log.wait_for([&](const Event& e) {
    const auto* l = std::get_if<LinkChanged>(&e);
    return l != nullptr && l->ifindex == vb && l->name == "vb";
  }));

  log.mark();
  ns.ip("link set vb up");
  CHECK(log.wait_for(link_event(va, true, true)));
  CHECK(log.wait_for(link_event(vb, true, true)));
  // Nothing since the mark says va is down: the check above is not satisfied by history.
  for (const Event& e : log.since_mark(std::chrono::milliseconds(0))) {
    CHECK_FALSE(link_event(va, true, false)(e));
  }
}

TEST_CASE("Issue 3: the watcher sees addresses added and removed, IPv4 and IPv6") {
  TestNamespace ns;
  Watcher watcher;
  EventLog log(watcher);
  const int va = ns.ifindex("va");

  ns.ip("addr add 192.0.2.100/24 dev va");
  CHECK(log.wait_for(address_event(va, "192.0.2.100/24", true)));
  ns.ip("addr del 192.0.2.100/24 dev va");
  CHECK(log.wait_for(address_event(va, "192.0.2.100/24", false)));

  ns.ip("addr add 2001:db8::100/64 dev va nodad");
  CHECK(log.wait_for(address_event(va, "2001:db8::100/64", true)));
  ns.ip("addr del 2001:db8::100/64 dev va");
  CHECK(log.wait_for(address_event(va, "2001:db8::100/64", false)));

  // An addition is not reported as a removal.
  log.mark();
  ns.ip("addr add 198.51.100.1/24 dev va");
  CHECK(log.wait_for(address_event(va, "198.51.100.1/24", true)));
  CHECK_FALSE(
      log.wait_for(address_event(va, "198.51.100.1/24", false), std::chrono::milliseconds(300)));
}

TEST_CASE("Watcher: a deleted interface is reported removed") {
  TestNamespace ns;
  Watcher watcher;
  EventLog log(watcher);
  ns.ip("link add link va name mv0 type macvlan mode private");
  const int mv0 = ns.ifindex("mv0");
  CHECK(log.wait_for([&](const Event& e) {
    const auto* l = std::get_if<LinkChanged>(&e);
    return l != nullptr && l->ifindex == mv0 && !l->removed;
  }));
  ns.ip("link del mv0");
  CHECK(log.wait_for([&](const Event& e) {
    const auto* l = std::get_if<LinkChanged>(&e);
    return l != nullptr && l->ifindex == mv0 && l->removed;
  }));
}

TEST_CASE("Watcher: an overrun receive buffer is reported as EventsLost") {
  TestNamespace ns;
  // A tiny buffer (the kernel rounds it up to its minimum) and many events unread.
  Watcher watcher(1);
  std::string script;
  for (int i = 1; i <= 200; ++i) {
    script += "addr add 203.0.113." + std::to_string(i) + "/32 dev va\n";
  }
  kernel_test::run("printf '" + script + "' | ip -n " + ns.name() + " -batch -");
  bool lost = false;
  for (const Event& e : watcher.poll()) {
    if (std::holds_alternative<EventsLost>(e)) lost = true;
  }
  CHECK(lost);

  // Control: the default buffer holds them all.
  Watcher roomy;
  std::string script2;
  for (int i = 1; i <= 200; ++i) {
    script2 += "addr del 203.0.113." + std::to_string(i) + "/32 dev va\n";
  }
  kernel_test::run("printf '" + script2 + "' | ip -n " + ns.name() + " -batch -");
  int removed = 0;
  bool lost2 = false;
  for (const Event& e : roomy.poll()) {
    if (std::holds_alternative<EventsLost>(e)) lost2 = true;
    if (const auto* a = std::get_if<AddressChanged>(&e); a != nullptr && !a->added) ++removed;
  }
  CHECK_FALSE(lost2);
  CHECK(removed == 200);
}

TEST_CASE("Issue 8: a lifetime renewal shows as the address present again, never removed") {
  TestNamespace ns;
  vrrp::netlink::Netlink nl;
  vrrp::netlink::Addresses addresses(nl);
  const int va = ns.ifindex("va");
  vrrp::netlink::AddressSpec spec;
  spec.ifindex = va;
  spec.prefix = *IpPrefix::parse("192.0.2.100/24");
  spec.lifetime = vrrp::netlink::Lifetime::finite(30);
  REQUIRE(addresses.add(spec).ok());

  Watcher watcher;
  EventLog log(watcher);
  for (int i = 0; i < 5; ++i)
    REQUIRE(addresses.add(spec).ok());
  int present = 0;
  int removed = 0;
  for (const Event& e : log.since_mark(std::chrono::milliseconds(300))) {
    if (const auto* a = std::get_if<AddressChanged>(&e); a != nullptr && a->ifindex == va) {
      (a->added ? present : removed)++;
    }
  }
  // The kernel announces each in-place update (RTM_NEWADDR); the daemon must treat an "added"
  // for a VIP it holds as nothing new. No RTM_DELADDR: the address never flaps.
  CHECK(present == 5);
  CHECK(removed == 0);
}
