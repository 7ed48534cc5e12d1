// RFC 9568 §6.4.2 Backup (NOTES Part 3 items 31-37) and RFC 3768 §6.4.2 v2 timing.
#include <catch2/catch.hpp>

#include "fsm_test_support.hpp"
#include "vrrp/timers.hpp"

using namespace fsm_test;
using vrrp::Version;

namespace {
// A Backup with priority 100 on 10.0.0.1, I = 100 cs, started at kT0.
struct BackupFixture {
  StateMachine m;
  std::vector<Action> out;
  explicit BackupFixture(MachineConfig c = config(100, "10.0.0.1")) : m(std::move(c)) {
    m.startup(kT0, out);
    REQUIRE(m.state() == State::backup);
    out.clear();
  }
};
}  // namespace

TEST_CASE("RFC 9568 §6.4.2: Active_Down_Timer fires -> send, announce, Active (item 31)",
          "[backup][rfc9568-6.4.2]") {
  BackupFixture f;
  const TimePoint fire = kT0 + cs(360.9375);
  CHECK(*f.m.next_deadline() == fire);

  // Not taken: one nanosecond early nothing happens.
  f.m.timer_expired(fire - 1ns, f.out);
  CHECK(f.out.empty());
  CHECK(f.m.state() == State::backup);

  f.m.timer_expired(fire, f.out);
  CHECK(describe(f.out) ==
        "Bind, Send(100), Announce, State(Backup->Active: active down timer expired, p=100)");
  CHECK(f.m.state() == State::active);
  CHECK(*f.m.next_deadline() == fire + 1s);  // Adver_Timer := Advertisement_Interval
}

TEST_CASE("RFC 9568 §6.4.2: priority 0 sets Active_Down_Timer to Skew_Time (item 32)",
          "[backup][rfc9568-6.4.2][priority0]") {
  for (bool preempt : {true, false}) {
    INFO("preempt " << preempt);
    MachineConfig c = config(100, "10.0.0.1");
    c.preempt = preempt;
    BackupFixture f(c);
    // An Active at 200 has been advertising.
    f.m.advert_received(advert("10.0.0.9", 200), kT0 + 1s, f.out);
    REQUIRE(f.m.active_address() == ip("10.0.0.9"));
    f.out.clear();

    // It resigns; the advert carries another interval, which must not be learned.
    const TimePoint t = kT0 + 2s;
    f.m.advert_received(advert("10.0.0.9", 0, Centiseconds{200}), t, f.out);
    CHECK(f.out.empty());
    CHECK(f.m.active_adver_interval() == Centiseconds{100});
    CHECK(*f.m.next_deadline() == t + cs(60.9375));  // ≈0.61 s, not ≈3.61 s
    CHECK_FALSE(f.m.active_address().has_value());

    f.m.timer_expired(t + cs(60.9375), f.out);
    CHECK(describe(f.out) ==
          "Bind, Send(100), Announce, State(Backup->Active: active resigned "
          "(priority 0 received), p=100)");
  }
}

TEST_CASE("RFC 9568 §6.4.2: without a priority-0 advert the Backup waits the full interval",
          "[backup][rfc9568-6.4.2][priority0]") {
  BackupFixture f;
  const TimePoint t = kT0 + 2s;
  f.m.advert_received(advert("10.0.0.9", 200), t, f.out);
  CHECK(*f.m.next_deadline() == t + cs(360.9375));  // 3 I + skew(100)
  f.m.timer_expired(t + cs(60.9375), f.out);
  CHECK(f.m.state() == State::backup);
}

TEST_CASE("RFC 9568 §6.4.2: Preempt_Mode False accepts a lower priority and learns (item 33)",
          "[backup][rfc9568-6.4.2][preempt]") {
  MachineConfig c = config(100, "10.0.0.1");
  c.preempt = false;
  BackupFixture f(c);
  // A lower-priority Active advertising every 2 s keeps us Backup, for ever.
  TimePoint t = kT0 + 1s;
  for (int i = 0; i < 20; ++i, t += 2s) {
    run_until(f.m, t, f.out);
    f.m.advert_received(advert("10.0.0.9", 50, Centiseconds{200}), t, f.out);
    REQUIRE(f.m.state() == State::backup);
  }
  CHECK(f.m.active_adver_interval() == Centiseconds{200});
  // Skew_Time and Active_Down_Interval follow the learned interval.
  CHECK(f.m.skew_time() == vrrp::skew_time(Version::v3, 100, Centiseconds{200}));
  const TimePoint last = t - 2s;
  CHECK(*f.m.next_deadline() == last + cs(600 + 121.875));
  CHECK(f.m.active_address() == ip("10.0.0.9"));
  CHECK(f.m.active_priority() == 50);
  CHECK(describe_without_notices(f.out).empty());
  // The interval change was noticed once, not on every advert.
  CHECK(only<vrrp::Notice>(f.out).size() == 1);
}

TEST_CASE("RFC 9568 §6.4.2: Preempt_Mode True accepts priority >= local (item 34)",
          "[backup][rfc9568-6.4.2][preempt]") {
  for (std::uint8_t p : {100, 101, 254, 255}) {
    INFO("advert priority " << int(p));
    BackupFixture f;
    const TimePoint t = kT0 + 3s;  // before our own 3.609 s expiry
    f.m.advert_received(advert("10.0.0.9", p, Centiseconds{50}), t, f.out);
    CHECK(f.m.active_adver_interval() == Centiseconds{50});
    CHECK(*f.m.next_deadline() ==
          vrrp::deadline_after(t, vrrp::active_down_interval(Version::v3, 100, Centiseconds{50})));
    CHECK(f.m.state() == State::backup);
  }
}

TEST_CASE("RFC 9568 §6.4.2: Preempt_Mode True discards a lower priority (item 35)",
          "[backup][rfc9568-6.4.2][preempt]") {
  BackupFixture f;
  // A 99 Active keeps advertising; nothing it says restarts our timer or changes the interval.
  for (TimePoint t = kT0 + 500ms; t < kT0 + cs(360.9375); t += 1s) {
    f.m.advert_received(advert("10.0.0.9", 99, Centiseconds{200}), t, f.out);
  }
  CHECK(f.m.active_adver_interval() == Centiseconds{100});
  CHECK(*f.m.next_deadline() == kT0 + cs(360.9375));  // Active_Down_Interval after Startup
  CHECK(f.m.active_address() == ip("10.0.0.9"));      // still the Active we see
  f.m.timer_expired(kT0 + cs(360.9375), f.out);
  CHECK(describe_without_notices(f.out) ==
        "Bind, Send(100), Announce, State(Backup->Active: preempting a lower-priority active, "
        "p=100)");

  SECTION("after an accepted advert the preemption is Active_Down_Interval after it") {
    BackupFixture g;
    const TimePoint accepted = kT0 + 1s;
    g.m.advert_received(advert("10.0.0.9", 150), accepted, g.out);  // higher: accepted
    g.m.set_effective_priority(160, accepted + 100ms, g.out);       // now it is lower
    g.m.advert_received(advert("10.0.0.9", 150), accepted + 1s, g.out);
    g.m.advert_received(advert("10.0.0.9", 150), accepted + 2s, g.out);
    CHECK(*g.m.next_deadline() == accepted + cs(360.9375));  // armed at 100, not restarted
  }
}

TEST_CASE("RFC 9568 §6.4.2: learning the interval recomputes Skew_Time (item 36)",
          "[backup][rfc9568-6.4.2][learning]") {
  // P=100, local I=100; it accepts an advert carrying 200 cs, then adverts stop.
  BackupFixture f;
  const TimePoint t = kT0 + 1s;
  f.m.advert_received(advert("10.0.0.9", 150, Centiseconds{200}), t, f.out);
  CHECK(describe(f.out) == "Notice(active advertisement interval learned, 10.0.0.9, 150, 200cs)");
  f.out.clear();
  // 600 + 121.875 = 721.875 cs: the skew is recomputed from the learned interval.
  const TimePoint expected = t + cs(721.875);
  const TimePoint wrong_5798 = t + cs(660.9375);  // 600 + the stale 60.9375
  CHECK(*f.m.next_deadline() == expected);
  f.m.timer_expired(wrong_5798, f.out);
  CHECK(f.m.state() == State::backup);
  f.m.timer_expired(expected - 1ns, f.out);
  CHECK(f.m.state() == State::backup);
  f.m.timer_expired(expected, f.out);
  CHECK(f.m.state() == State::active);
}

TEST_CASE("RFC 9568 §6.4.2: shutdown in Backup cancels the timer, sends nothing (item 37)",
          "[backup][rfc9568-6.4.2][shutdown]") {
  BackupFixture f;
  f.m.advert_received(advert("10.0.0.9", 150), kT0 + 1s, f.out);
  f.out.clear();
  f.m.shutdown(kT0 + 2s, f.out);
  CHECK(describe(f.out) == "State(Backup->Initialize: shutdown, p=100)");
  CHECK(f.m.state() == State::initialize);
  CHECK_FALSE(f.m.next_deadline().has_value());
  CHECK_FALSE(f.m.active_address().has_value());
  // No later timer-driven transition, and adverts no longer count.
  f.out.clear();
  f.m.timer_expired(kT0 + 100s, f.out);
  f.m.advert_received(advert("10.0.0.9", 0), kT0 + 101s, f.out);
  CHECK(f.out.empty());
  CHECK(f.m.state() == State::initialize);
  // It can start again.
  f.m.startup(kT0 + 200s, f.out);
  CHECK(f.m.state() == State::backup);
}

TEST_CASE("RFC 3768 §6.4.2: a v2 Backup does not learn the interval, its skew is in seconds",
          "[backup][rfc3768-6.4.2][v2]") {
  MachineConfig c = config(100, "10.0.0.1", Centiseconds{300});
  c.version = Version::v2;
  BackupFixture f(c);
  // Master_Down_Interval = 3 x 3 s + 156/256 s = 960.9375 cs.
  CHECK(*f.m.next_deadline() == kT0 + cs(960.9375));
  CHECK(f.m.skew_time() == vrrp::ProtocolInterval{Centiseconds{100}} * 156 / 256);
  // An advert with another interval (v2 validation would drop it on a pure v2 link) is
  // accepted but nothing is learned: the down interval stays on the configured 3 s.
  const TimePoint t = kT0 + 1s;
  f.m.advert_received(advert("10.0.0.9", 150, Centiseconds{100}, Version::v2), t, f.out);
  CHECK(f.m.active_adver_interval() == Centiseconds{300});
  CHECK(*f.m.next_deadline() == t + cs(960.9375));
  CHECK(only<vrrp::Notice>(f.out).empty());
  // Priority 0: Skew_Time = 156/256 s.
  f.m.advert_received(advert("10.0.0.9", 0, Centiseconds{100}, Version::v2), t + 1s, f.out);
  CHECK(*f.m.next_deadline() == t + 1s + cs(60.9375));
}

TEST_CASE("RFC 9568 §8.4.2: a v3 Backup times out on a v2 Active's rate (item 68)",
          "[backup][rfc9568-8.4.2][v2v3]") {
  BackupFixture f;
  const TimePoint t = kT0 + 1s;
  // The codec gives Adver Int 3 s as 300 cs.
  f.m.advert_received(advert("10.0.0.9", 150, Centiseconds{300}, Version::v2), t, f.out);
  CHECK(f.m.active_adver_interval() == Centiseconds{300});
  CHECK(*f.m.next_deadline() == t + cs(900 + 182.8125));  // 3 x 300 + 156 x 300 / 256
}

TEST_CASE("RFC 9568 §8.4.2: v2 adverts of an Active that also sends v3 are ignored (item 68)",
          "[backup][rfc9568-8.4.2][v2v3]") {
  BackupFixture f;
  const TimePoint t = kT0 + 1s;
  f.m.advert_received(advert("10.0.0.9", 150, Centiseconds{50}, Version::v3), t, f.out);
  const auto deadline = f.m.next_deadline();
  f.out.clear();
  // Its v2 twin (Adver Int 1 s) must not move the interval or the timer.
  f.m.advert_received(advert("10.0.0.9", 150, Centiseconds{100}, Version::v2), t + 1ms, f.out);
  CHECK(describe(f.out) ==
        "Notice(v2 advert ignored from a router that also sends v3, 10.0.0.9, 150)");
  CHECK(f.m.active_adver_interval() == Centiseconds{50});
  CHECK(f.m.next_deadline() == deadline);
  // Not taken: a v2-only router's adverts are processed.
  f.out.clear();
  f.m.advert_received(advert("10.0.0.8", 200, Centiseconds{100}, Version::v2), t + 2ms, f.out);
  CHECK(f.m.active_adver_interval() == Centiseconds{100});
  CHECK(f.m.active_address() == ip("10.0.0.8"));
}

TEST_CASE("RFC 9568 §6.2: each state runs only its own timer (item 57)", "[timers][rfc9568-6.2]") {
  StateMachine m(config(100, "10.0.0.1"));
  std::vector<Action> out;
  CHECK_FALSE(m.next_deadline().has_value());  // Initialize: none

  m.startup(kT0, out);  // Backup: Active_Down_Timer
  CHECK(*m.next_deadline() == kT0 + cs(360.9375));

  m.timer_expired(kT0 + cs(360.9375), out);  // Active: Adver_Timer only
  const TimePoint active_at = kT0 + cs(360.9375);
  CHECK(*m.next_deadline() == active_at + 1s);

  // Active -> Backup: the Adver_Timer is gone, the Active_Down_Timer runs.
  const TimePoint t = active_at + 500ms;
  m.advert_received(advert("10.0.0.9", 200), t, out);
  REQUIRE(m.state() == State::backup);
  CHECK(*m.next_deadline() == t + cs(360.9375));
  out.clear();
  m.timer_expired(active_at + 1s, out);  // the old Adver_Timer instant: nothing is sent
  CHECK(out.empty());

  // Backup -> Initialize: none survives.
  m.shutdown(t + 1s, out);
  CHECK_FALSE(m.next_deadline().has_value());

  // Active -> Initialize: none survives either.
  StateMachine owner(config(255, "10.0.0.2"));
  owner.startup(kT0, out);
  owner.shutdown(kT0 + 1s, out);
  CHECK_FALSE(owner.next_deadline().has_value());
}
