// RFC 9568 §6.4.3 Active (NOTES Part 3 items 40-46, 65).
#include <catch2/catch.hpp>

#include "fsm_test_support.hpp"
#include "vrrp/timers.hpp"

using namespace fsm_test;
using vrrp::Version;

namespace {
// An Active with `priority` on `primary`, I = 100 cs, reached through the down timer (or at
// once for an owner). `became_active` is when.
struct ActiveFixture {
  StateMachine m;
  std::vector<Action> out;
  TimePoint became_active;
  explicit ActiveFixture(MachineConfig c) : m(std::move(c)) {
    m.startup(kT0, out);
    if (m.state() == State::backup) {
      became_active = *m.next_deadline();
      m.timer_expired(became_active, out);
    } else {
      became_active = kT0;
    }
    REQUIRE(m.state() == State::active);
    out.clear();
  }
  explicit ActiveFixture(std::uint8_t priority = 100, const char* primary = "10.0.0.1")
      : ActiveFixture(config(priority, primary)) {}
};
}  // namespace

TEST_CASE("RFC 9568 §6.4.3: Adver_Timer sends one advert every Advertisement_Interval (item 40)",
          "[active][rfc9568-6.4.3]") {
  MachineConfig c = config(100, "10.0.0.1", Centiseconds{35});
  ActiveFixture f(c);
  std::vector<TimePoint> sent_at;
  TimePoint t = f.became_active;
  for (int i = 0; i < 10; ++i) {
    // Not taken: an early call sends nothing.
    f.m.timer_expired(*f.m.next_deadline() - 1ns, f.out);
    CHECK(f.out.empty());
    t = *f.m.next_deadline();
    f.m.timer_expired(t, f.out);
    CHECK(describe(f.out) == "Send(100)");
    f.out.clear();
    sent_at.push_back(t);
  }
  for (std::size_t i = 1; i < sent_at.size(); ++i) {
    CHECK(sent_at[i] - sent_at[i - 1] == 350ms);  // exactly I
  }
  CHECK(sent_at.front() - f.became_active == 350ms);
}

TEST_CASE("RFC 9568 §6.4.3: priority 0 received -> advert at once, Adver_Timer reset (item 41)",
          "[active][rfc9568-6.4.3][priority0]") {
  ActiveFixture f;
  const TimePoint t = f.became_active + 400ms;
  f.m.advert_received(advert("10.0.0.9", 0), t, f.out);
  CHECK(describe(f.out) == "Send(100)");
  CHECK(f.m.state() == State::active);
  CHECK(*f.m.next_deadline() == t + 1s);
}

TEST_CASE("RFC 9568 §6.4.3: a higher priority advert -> Backup (item 42)",
          "[active][rfc9568-6.4.3]") {
  ActiveFixture f;
  const TimePoint t = f.became_active + 400ms;
  f.m.advert_received(advert("10.0.0.2", 101, Centiseconds{200}), t, f.out);
  CHECK(describe(f.out) ==
        "Notice(active advertisement interval learned, 10.0.0.2, 101, 200cs), Unbind, "
        "State(Active->Backup: higher priority advert received, p=100)");
  CHECK(f.m.state() == State::backup);
  CHECK(f.m.active_adver_interval() == Centiseconds{200});
  // Skew_Time and Active_Down_Interval recomputed from the learned 200 cs: 721.875 cs.
  CHECK(*f.m.next_deadline() == t + cs(721.875));
  CHECK(f.m.active_address() == ip("10.0.0.2"));
  CHECK(f.m.active_priority() == 101);
  // No further adverts: the old Adver_Timer instant passes silently.
  f.out.clear();
  run_until(f.m, t + 7s, f.out);
  CHECK(f.out.empty());
}

TEST_CASE("RFC 9568 §6.4.3: equal priority, greater sender address -> Backup (item 43)",
          "[active][rfc9568-6.4.3][tiebreak]") {
  struct Case {
    const char* local;
    const char* sender;
  };
  // 10.0.0.2 > 9.0.0.3 catches a host-byte-order compare (0x0200000a < 0x03000009);
  // 200.0.0.1 > 10.0.0.1 catches a signed 32-bit compare; IPv6 compares all 128 bits.
  for (const Case& c :
       {Case{"10.0.0.1", "10.0.0.2"}, Case{"9.0.0.3", "10.0.0.2"}, Case{"10.0.0.1", "200.0.0.1"},
        Case{"fe80::1", "fe80::2"}, Case{"fe80::ffff:ffff:ffff:fffe", "fe80::1:0:0:0:0"},
        Case{"fe80::2", "fe81::1"}}) {
    INFO(c.local << " loses to " << c.sender);
    ActiveFixture f(100, c.local);
    const TimePoint t = f.became_active + 400ms;
    f.m.advert_received(advert(c.sender, 100), t, f.out);
    CHECK(describe_without_notices(f.out) ==
          "Unbind, State(Active->Backup: equal priority advert from a higher address, p=100)");
    CHECK(f.m.state() == State::backup);
    CHECK(*f.m.next_deadline() == t + cs(360.9375));
  }
}

TEST_CASE(
    "RFC 9568 §6.4.3: lower priority, or equal and smaller address -> answer at once, "
    "stay Active (item 44)",
    "[active][rfc9568-6.4.3][tiebreak]") {
  struct Case {
    const char* local;
    const char* sender;
    std::uint8_t priority;
  };
  for (const Case& c : {Case{"10.0.0.2", "10.0.0.1", 100}, Case{"10.0.0.2", "9.0.0.3", 100},
                        Case{"200.0.0.1", "10.0.0.1", 100}, Case{"fe80::2", "fe80::1", 100},
                        Case{"fe80::1:0:0:0:0", "fe80::ffff:ffff:ffff:fffe", 100},
                        Case{"10.0.0.1", "10.0.0.2", 99}, Case{"10.0.0.1", "200.0.0.1", 1}}) {
    INFO(c.local << " beats " << c.sender << " at " << int(c.priority));
    ActiveFixture f(100, c.local);
    const TimePoint t = f.became_active + 400ms;
    const auto adver_timer = f.m.next_deadline();
    f.m.advert_received(advert(c.sender, c.priority, Centiseconds{300}), t, f.out);
    CHECK(describe_without_notices(f.out) ==
          "Send(100), Announce(lower priority)");  // immediately, not at the timer
    CHECK(f.m.state() == State::active);
    CHECK(f.m.next_deadline() == adver_timer);
    CHECK(f.m.active_adver_interval() == Centiseconds{100});  // nothing learned from a loser
    const auto notices = only<vrrp::Notice>(f.out);
    REQUIRE_FALSE(notices.empty());
    CHECK(notices.back().kind == vrrp::NoticeKind::lower_priority_advert);
  }
}

TEST_CASE("RFC 9568 §8.3.2: equal priority is noticed (item 66)", "[active][rfc9568-8.3.2]") {
  ActiveFixture f(100, "10.0.0.2");
  f.m.advert_received(advert("10.0.0.1", 100), f.became_active + 1ms, f.out);
  CHECK(only<vrrp::Notice>(f.out).front().kind == vrrp::NoticeKind::equal_priority_peer);
  // Not taken: another priority is not.
  f.out.clear();
  f.m.advert_received(advert("10.0.0.1", 99), f.became_active + 2ms, f.out);
  for (const auto& n : only<vrrp::Notice>(f.out)) {
    CHECK(n.kind != vrrp::NoticeKind::equal_priority_peer);
  }
}

TEST_CASE("RFC 9568 §6.4.3: equal priority from our own address is not answered",
          "[active][rfc9568-6.4.3]") {
  // Not our own advert (the I/O layer filters those by source) but a misconfigured twin.
  // Answering it would make the two answer each other for ever.
  ActiveFixture f(100, "10.0.0.1");
  f.m.advert_received(advert("10.0.0.1", 100), f.became_active + 1ms, f.out);
  CHECK(describe(f.out) ==
        "Notice(peer advertises our priority from our own primary address, 10.0.0.1, 100)");
  CHECK(f.m.state() == State::active);
}

TEST_CASE("RFC 9568 §6.4.3: Preempt_Mode is ignored in Active (item 45)",
          "[active][rfc9568-6.4.3][preempt]") {
  MachineConfig c = config(100, "10.0.0.1");
  c.preempt = false;
  ActiveFixture f(c);
  f.m.advert_received(advert("10.0.0.9", 101), f.became_active + 1ms, f.out);
  CHECK(f.m.state() == State::backup);
  // And with Preempt_Mode False an Active still answers a lower one.
  ActiveFixture g(c);
  g.m.advert_received(advert("10.0.0.9", 99), g.became_active + 1ms, g.out);
  CHECK(describe_without_notices(g.out) == "Send(100), Announce(lower priority)");
}

TEST_CASE("RFC 9568 §6.4.3: shutdown in Active sends exactly one priority-0 advert (item 46)",
          "[active][rfc9568-6.4.3][shutdown]") {
  ActiveFixture f;
  f.m.shutdown(f.became_active + 300ms, f.out);
  CHECK(describe(f.out) == "Send(0), Unbind, State(Active->Initialize: shutdown, p=100)");
  CHECK(f.m.state() == State::initialize);
  CHECK_FALSE(f.m.next_deadline().has_value());
  f.out.clear();
  f.m.timer_expired(f.became_active + 100s, f.out);
  f.m.shutdown(f.became_active + 101s, f.out);  // a second Shutdown sends nothing
  CHECK(f.out.empty());
}

TEST_CASE(
    "RFC 9568 §8.3.2 / EID 8298: an owner processes adverts and notices another owner "
    "(item 65)",
    "[active][rfc9568-8.3.2][eid8298][owner]") {
  SECTION("the other owner has the greater address: we yield") {
    ActiveFixture f(255, "10.0.0.1");
    f.m.advert_received(advert("10.0.0.2", 255), kT0 + 1s, f.out);
    CHECK(describe(f.out) ==
          "Notice(another router claims to be the address owner (priority 255), 10.0.0.2, 255), "
          "Unbind, State(Active->Backup: equal priority advert from a higher address, p=255)");
    CHECK(f.m.state() == State::backup);
    CHECK(*f.m.next_deadline() == kT0 + 1s + cs(300.390625));  // skew I/256 at 255
  }
  SECTION("the other owner has the smaller address: we answer") {
    ActiveFixture f(255, "10.0.0.2");
    f.m.advert_received(advert("10.0.0.1", 255), kT0 + 1s, f.out);
    CHECK(describe_without_notices(f.out) == "Send(255), Announce(lower priority)");
    CHECK(only<vrrp::Notice>(f.out).front().kind == vrrp::NoticeKind::another_owner);
    CHECK(f.m.state() == State::active);
  }
  SECTION("not taken: an owner answers a non-owner without a misconfiguration notice") {
    ActiveFixture f(255, "10.0.0.1");
    f.m.advert_received(advert("10.0.0.9", 254), kT0 + 1s, f.out);
    CHECK(describe(f.out) ==
          "Notice(lower priority advert received, asserting active, 10.0.0.9, 254), Send(255), "
          "Announce(lower priority)");
  }
  SECTION("an owner in Backup always preempts, even with Preempt_Mode False (§6.1)") {
    MachineConfig c = config(255, "10.0.0.1");
    c.preempt = false;
    ActiveFixture f(c);
    f.m.advert_received(advert("10.0.0.2", 255), kT0 + 1s, f.out);  // yields to the twin
    REQUIRE(f.m.state() == State::backup);
    // The twin disappears and a 200 router takes over; the owner discards its adverts.
    const TimePoint dead = *f.m.next_deadline();
    f.m.advert_received(advert("10.0.0.9", 200), kT0 + 2s, f.out);
    CHECK(*f.m.next_deadline() == dead);
    f.m.timer_expired(dead, f.out);
    CHECK(f.m.state() == State::active);
  }
}

TEST_CASE("RFC 9568 §6.4.3: Accept_Mode decides whether a non-owner Active takes VIP traffic",
          "[active][rfc9568-6.4.3][accept_mode]") {
  ActiveFixture plain;
  CHECK_FALSE(plain.m.accepts_packets_for_vips());
  MachineConfig c = config(100, "10.0.0.1");
  c.accept_mode = true;
  ActiveFixture accepting(c);
  CHECK(accepting.m.accepts_packets_for_vips());
  ActiveFixture owner(255, "10.0.0.1");
  CHECK(owner.m.accepts_packets_for_vips());
  // A Backup never does (§6.4.2), whatever Accept_Mode.
  StateMachine backup(c);
  std::vector<Action> out;
  backup.startup(kT0, out);
  CHECK_FALSE(backup.accepts_packets_for_vips());
}

TEST_CASE("RFC 3768 §6.4.3: a v2 Master yields without learning the interval",
          "[active][rfc3768-6.4.3][v2]") {
  MachineConfig c = config(100, "10.0.0.1");
  c.version = Version::v2;
  ActiveFixture f(c);
  const TimePoint t = f.became_active + 1s;
  f.m.advert_received(advert("10.0.0.9", 150, Centiseconds{300}, Version::v2), t, f.out);
  CHECK(f.m.state() == State::backup);
  CHECK(f.m.active_adver_interval() == Centiseconds{100});
  CHECK(*f.m.next_deadline() == t + cs(360.9375));  // 3 x 1 s + 156/256 s
}
