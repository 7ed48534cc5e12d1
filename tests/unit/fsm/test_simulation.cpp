// Two and three routers on a virtual LAN: the elections RFC 9568 §6.4 produces end to end.
#include <catch2/catch.hpp>

#include "lan_simulation.hpp"
#include "vrrp/priority.hpp"

using namespace fsm_test;
using vrrp::TransitionReason;

namespace {
MachineConfig nopreempt(MachineConfig c) {
  c.preempt = false;
  return c;
}
}  // namespace

TEST_CASE("RFC 9568 §6.4: the higher priority wins the election", "[simulation][rfc9568-6.4]") {
  Lan lan;
  const auto a = lan.add(config(200, "192.0.2.1"));
  const auto b = lan.add(config(100, "192.0.2.2"));
  lan.start(a);
  lan.start(b);
  lan.run_for(30s);
  CHECK(lan.holders() == std::vector<std::size_t>{a});
  CHECK(lan.machine(b).state() == State::backup);
  CHECK(lan.machine(b).active_address() == ip("192.0.2.1"));
  // A went Active at its own Active_Down_Interval, 321.875 cs; B never left Backup.
  CHECK(lan.last_change(a)->at == kT0 + cs(321.875));
  CHECK(lan.last_change(b)->change.to == State::backup);
  CHECK(lan.last_change(b)->at == kT0);
  // Only the Active advertised, once per second after its first.
  for (const auto& s : lan.sent())
    CHECK(s.from == a);
  CHECK(lan.sent().size() == 1 + 26);  // at 3.21875 s, then every second to 29.21875 s
}

TEST_CASE("RFC 9568 §6.4.3: equal priority, the higher address wins", "[simulation][tiebreak]") {
  SECTION("started together: both go Active, the lower address yields") {
    Lan lan;
    const auto low = lan.add(config(100, "192.0.2.1"));
    const auto high = lan.add(config(100, "192.0.2.2"));
    lan.start(low);
    lan.start(high);
    lan.run_for(10s);
    CHECK(lan.holders() == std::vector<std::size_t>{high});
    const auto yielded = lan.last_change(low);
    CHECK(yielded->change.from == State::active);
    CHECK(yielded->change.reason == TransitionReason::equal_priority_higher_address);
    CHECK(yielded->at == kT0 + cs(360.9375) + lan.latency());
  }
  SECTION(
      "not taken: a Backup does not preempt an equal-priority Active, whatever the "
      "addresses") {
    Lan lan;
    const auto low = lan.add(config(100, "192.0.2.1"));
    const auto high = lan.add(config(100, "192.0.2.2"));
    lan.start(low);
    lan.run_for(5s);
    lan.start(high);
    lan.run_for(30s);
    CHECK(lan.holders() == std::vector<std::size_t>{low});
    CHECK(lan.machine(high).state() == State::backup);
  }
}

TEST_CASE("RFC 9568 §6.4.2: the Active dies, the Backup takes over after Active_Down_Interval",
          "[simulation][rfc9568-6.4.2]") {
  Lan lan;
  const auto a = lan.add(config(200, "192.0.2.1"));
  const auto b = lan.add(config(100, "192.0.2.2"));
  lan.start(a);
  lan.start(b);
  lan.run_for(10s);
  const TimePoint crash_at = lan.now();
  lan.crash(a);
  lan.run_for(10s);
  CHECK(lan.holders() == std::vector<std::size_t>{b});
  const auto takeover = lan.last_change(b);
  CHECK(takeover->change.reason == TransitionReason::active_down_timer_expired);
  const TimePoint last_heard = lan.last_sent_by(a, crash_at)->at + lan.latency();
  CHECK(takeover->at == last_heard + cs(360.9375));
}

TEST_CASE("RFC 9568 §6.4.3: graceful shutdown, the Backup takes over after Skew_Time",
          "[simulation][rfc9568-6.4.3][priority0]") {
  Lan lan;
  const auto a = lan.add(config(200, "192.0.2.1"));
  const auto b = lan.add(config(100, "192.0.2.2"));
  lan.start(a);
  lan.start(b);
  lan.run_for(10s);
  const TimePoint shutdown_at = lan.now();
  lan.shutdown(a);
  CHECK(lan.sent().back().priority == 0);
  lan.run_for(10s);
  CHECK(lan.holders() == std::vector<std::size_t>{b});
  const auto takeover = lan.last_change(b);
  CHECK(takeover->change.reason == TransitionReason::priority_zero_received);
  CHECK(takeover->at == shutdown_at + lan.latency() + cs(60.9375));  // ≈0.61 s, not ≈3.61 s
}

TEST_CASE("RFC 9568 §6.1 Preempt_Mode: a returning higher-priority router preempts, or not",
          "[simulation][preempt]") {
  for (bool preempt : {true, false}) {
    INFO("preempt " << preempt);
    Lan lan;
    MachineConfig ca = config(200, "192.0.2.1");
    if (!preempt) ca = nopreempt(ca);
    const auto a = lan.add(ca);
    const auto b = lan.add(config(100, "192.0.2.2"));
    lan.start(a);
    lan.start(b);
    lan.run_for(10s);
    lan.crash(a);
    lan.run_for(10s);
    REQUIRE(lan.holders() == std::vector<std::size_t>{b});
    const TimePoint back_at = lan.now();
    lan.restart(a);
    lan.run_for(30s);
    if (preempt) {
      CHECK(lan.holders() == std::vector<std::size_t>{a});
      const auto took = lan.last_change(a);
      CHECK(took->change.reason == TransitionReason::preempted_lower_priority);
      CHECK(took->at == back_at + cs(321.875));  // B's adverts never restarted A's timer
      CHECK(lan.last_change(b)->change.reason == TransitionReason::higher_priority_advert);
    } else {
      CHECK(lan.holders() == std::vector<std::size_t>{b});
      CHECK(lan.machine(a).state() == State::backup);
      CHECK(lan.machine(a).active_priority() == 100);
    }
  }
}

TEST_CASE(
    "Fault: the Active faults, the Backup takes over after Skew_Time, and is preempted "
    "back",
    "[simulation][fault]") {
  Lan lan;
  const auto a = lan.add(config(200, "192.0.2.1"));
  const auto b = lan.add(config(100, "192.0.2.2"));
  lan.start(a);
  lan.start(b);
  lan.run_for(10s);
  const TimePoint fault_at = lan.now();
  lan.raise_fault(a);
  lan.run_for(10s);
  CHECK(lan.holders() == std::vector<std::size_t>{b});
  CHECK(lan.last_change(b)->at == fault_at + lan.latency() + cs(60.9375));
  CHECK(lan.machine(a).state() == State::fault);
  // A in Fault ignores B's adverts and sends none.
  for (const auto& s : lan.sent()) {
    if (s.from == a) CHECK(s.at <= fault_at);
  }
  const TimePoint clear_at = lan.now();
  lan.clear_fault(a);
  lan.run_for(10s);
  CHECK(lan.holders() == std::vector<std::size_t>{a});
  CHECK(lan.last_change(a)->at == clear_at + cs(321.875));
}

TEST_CASE("RFC 9568 §6.1 Skew_Time: with three routers the next priority takes over first",
          "[simulation][rfc9568-6.1]") {
  Lan lan;
  const auto a = lan.add(config(200, "192.0.2.1"));
  const auto b = lan.add(config(150, "192.0.2.2"));
  const auto c = lan.add(config(100, "192.0.2.3"));
  lan.start(a);
  lan.start(b);
  lan.start(c);
  lan.run_for(10s);
  CHECK(lan.holders() == std::vector<std::size_t>{a});
  lan.crash(a);
  lan.run_for(20s);
  CHECK(lan.holders() == std::vector<std::size_t>{b});
  // C never went Active: B's first advert reached it 19.53 cs before its own timer.
  for (const auto& ch : lan.changes()) {
    if (ch.node == c) CHECK(ch.change.to != State::active);
  }
  CHECK(lan.machine(c).active_address() == ip("192.0.2.2"));
  // A returns and takes everything back; only one holder at the end.
  lan.restart(a);
  lan.run_for(20s);
  CHECK(lan.holders() == std::vector<std::size_t>{a});
  CHECK(lan.in_state(State::backup) == std::vector<std::size_t>{b, c});
}

TEST_CASE("Priority: lowering the Active's effective priority hands over to the peer",
          "[simulation][priority]") {
  Lan lan;
  const auto a = lan.add(config(200, "192.0.2.1"));
  const auto b = lan.add(config(150, "192.0.2.2"));
  lan.start(a);
  lan.start(b);
  lan.run_for(10s);
  REQUIRE(lan.holders() == std::vector<std::size_t>{a});
  // A tracker failed with weight -100.
  lan.set_priority(a, vrrp::effective_priority(200, -100));
  CHECK(lan.sent().back().priority == 100);  // told at once
  lan.run_for(10s);
  CHECK(lan.holders() == std::vector<std::size_t>{b});
  CHECK(lan.machine(a).state() == State::backup);
  // The tracker recovers: A preempts again.
  lan.set_priority(a, vrrp::effective_priority(200, 0));
  lan.run_for(10s);
  CHECK(lan.holders() == std::vector<std::size_t>{a});

  SECTION("not taken: with Preempt_Mode False the peer stays Backup") {
    Lan lan2;
    const auto x = lan2.add(config(200, "192.0.2.1"));
    const auto y = lan2.add(nopreempt(config(150, "192.0.2.2")));
    lan2.start(x);
    lan2.start(y);
    lan2.run_for(10s);
    lan2.set_priority(x, 100);
    lan2.run_for(30s);
    CHECK(lan2.holders() == std::vector<std::size_t>{x});
  }
}

TEST_CASE("RFC 9568 §1, §3: IPv4 and IPv6 instances of one VRID are independent (item 70)",
          "[simulation][families]") {
  // Deliver every advert to every machine, as if the I/O layer did not route by family.
  Lan lan(1ms, /*route_by_family=*/false);
  const auto v4_high = lan.add(config(200, "192.0.2.1"));
  const auto v4_low = lan.add(config(100, "192.0.2.2"));
  const auto v6_low = lan.add(config(100, "fe80::1"));
  const auto v6_high = lan.add(config(200, "fe80::2"));
  for (auto i : {v4_high, v4_low, v6_low, v6_high})
    lan.start(i);
  lan.run_for(10s);
  CHECK(lan.holders() == std::vector<std::size_t>{v4_high, v6_high});
  // The IPv6 shutdown (priority 0) does not make the IPv4 Backup jump.
  lan.shutdown(v6_high);
  lan.run_for(10s);
  CHECK(lan.holders() == std::vector<std::size_t>{v4_high, v6_low});
  CHECK(lan.machine(v4_low).state() == State::backup);
  // And an IPv4 crash does not move the IPv6 timers: v6_low stays Active, v4_low takes over.
  lan.crash(v4_high);
  lan.run_for(10s);
  CHECK(lan.holders() == std::vector<std::size_t>{v4_low, v6_low});
}

TEST_CASE("RFC 9568 §1, §3: an advert of the other family changes nothing (item 70)",
          "[families]") {
  StateMachine m(config(100, "192.0.2.1"));
  std::vector<Action> out;
  m.startup(kT0, out);
  out.clear();
  const auto deadline = m.next_deadline();
  m.advert_received(advert("fe80::9", 0), kT0 + 1s, out);
  m.advert_received(advert("fe80::9", 200, Centiseconds{300}), kT0 + 1s, out);
  CHECK(describe_without_notices(out).empty());
  CHECK(only<vrrp::Notice>(out).front().kind == vrrp::NoticeKind::wrong_family_ignored);
  CHECK(m.next_deadline() == deadline);
  CHECK(m.active_adver_interval() == Centiseconds{100});
  CHECK_FALSE(m.active_address().has_value());
  // Not taken: the same advert from an IPv4 source does reset the timer.
  m.advert_received(advert("192.0.2.9", 200, Centiseconds{300}), kT0 + 1s, out);
  CHECK(m.next_deadline() != deadline);
}
