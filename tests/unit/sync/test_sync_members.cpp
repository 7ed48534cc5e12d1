// Two members' state machines driven through a SyncGroup, carried out the way the daemon does
// it (vrrp/daemon/sync_groups.cpp): after each event, a member's own fault, its wish for Active
// and its state changes go to the group, and the group's commands are carried out at once.
#include <catch2/catch.hpp>

#include <chrono>
#include <string>
#include <variant>
#include <vector>

#include "vrrp/state_machine.hpp"
#include "vrrp/sync_group.hpp"

using namespace std::chrono_literals;
using vrrp::Action;
using vrrp::GroupCommandKind;
using vrrp::GroupDecision;
using vrrp::IpAddress;
using vrrp::MachineConfig;
using vrrp::MemberStatus;
using vrrp::SendAdvert;
using vrrp::State;
using vrrp::StateChanged;
using vrrp::StateMachine;
using vrrp::SyncGroup;
using vrrp::TimePoint;
using vrrp::TransitionReason;

namespace {

const TimePoint kT0 = TimePoint{} + std::chrono::hours(1000);

MachineConfig member_config(const char* name, const char* primary, std::uint8_t vrid) {
  MachineConfig c;
  c.name = name;
  c.primary_address = *IpAddress::parse(primary);
  c.vrid = vrid;
  c.priority = 200;
  return c;
}

struct Harness {
  std::vector<StateMachine> machines;
  SyncGroup group{"G", 2};
  std::vector<std::vector<Action>> seen{2};  // every action per member, in order
  std::vector<bool> fault_reported = {false, false};
  std::vector<bool> wish_reported = {false, false};
  std::vector<State> entered;  // the group's states, in order

  Harness() {
    machines.emplace_back(member_config("VI_1", "192.0.2.1", 1));
    machines.emplace_back(member_config("VI_2", "198.51.100.1", 2));
    for (auto& m : machines)
      m.set_sync_group_member(true);
  }

  std::vector<MemberStatus> statuses() const {
    std::vector<MemberStatus> out;
    for (const auto& m : machines)
      out.push_back({m.state(), m.fault(), m.wants_active()});
    return out;
  }

  template <class Event>
  void on(std::size_t i, Event event) {
    std::vector<Action> out;
    event(machines[i], out);
    after(i, out);
  }

  void after(std::size_t i, const std::vector<Action>& out) {
    seen[i].insert(seen[i].end(), out.begin(), out.end());
    const auto& m = machines[i];
    if (m.fault() != fault_reported[i]) {
      fault_reported[i] = m.fault();
      apply(group.fault_changed(i, statuses()));
    }
    for (const Action& a : out) {
      if (const auto* c = std::get_if<StateChanged>(&a))
        apply(group.state_changed(i, *c, statuses()));
    }
    if (m.wants_active() != wish_reported[i]) {
      wish_reported[i] = m.wants_active();
      if (m.wants_active()) apply(group.active_wanted(i, statuses()));
    }
  }

  void apply(const GroupDecision& d) {
    if (d.entered) entered.push_back(*d.entered);
    for (const auto& c : d.commands) {
      on(c.member, [&](StateMachine& m, std::vector<Action>& out) {
        switch (c.kind) {
          case GroupCommandKind::raise_fault:
            m.group_fault_raised(now, out);
            break;
          case GroupCommandKind::clear_fault:
            m.group_fault_cleared(now, out);
            break;
          case GroupCommandKind::force_active:
            m.force_active(now, out);
            break;
          case GroupCommandKind::force_backup:
            m.force_backup(now, out);
            break;
        }
      });
    }
  }

  void start() {
    for (std::size_t i = 0; i < 2; ++i)
      on(i, [&](StateMachine& m, std::vector<Action>& out) { m.startup(now, out); });
  }

  // Fires every due timer up to `until`, earliest first.
  void run_until(TimePoint until) {
    for (;;) {
      std::size_t next = 2;
      for (std::size_t i = 0; i < 2; ++i) {
        const auto d = machines[i].next_deadline();
        if (d && *d <= until && (next == 2 || *d < *machines[next].next_deadline())) next = i;
      }
      if (next == 2) break;
      now = *machines[next].next_deadline();
      on(next, [&](StateMachine& m, std::vector<Action>& out) { m.timer_expired(now, out); });
    }
    now = until;
  }

  std::vector<StateChanged> changes(std::size_t i) const {
    std::vector<StateChanged> out;
    for (const Action& a : seen[i]) {
      if (const auto* c = std::get_if<StateChanged>(&a)) out.push_back(*c);
    }
    return out;
  }

  TimePoint now = kT0;
};

bool sent(const std::vector<Action>& actions, std::uint8_t priority) {
  for (const Action& a : actions) {
    if (const auto* s = std::get_if<SendAdvert>(&a); s && s->priority == priority) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("sync group members: with no Active around, both go Active together", "[sync]") {
  Harness h;
  h.start();
  CHECK(h.entered == std::vector<State>{State::backup});
  // Both timers run out (RFC 9568 §6.4.2); the first waits for the second.
  h.run_until(kT0 + 10s);
  CHECK(h.machines[0].state() == State::active);
  CHECK(h.machines[1].state() == State::active);
  CHECK(h.entered == std::vector<State>{State::backup, State::active});
}

TEST_CASE(
    "sync group members fail over together: one member's fault takes the other out of Active "
    "with priority 0, and both come back together",
    "[sync]") {
  Harness h;
  h.start();
  h.run_until(kT0 + 10s);
  REQUIRE(h.machines[1].state() == State::active);
  h.seen[1].clear();

  // VI_1's link goes down.
  h.on(0, [&](StateMachine& m, std::vector<Action>& out) { m.fault_raised(h.now, out); });
  CHECK(h.machines[0].state() == State::fault);
  CHECK(h.machines[1].state() == State::fault);
  CHECK(sent(h.seen[1], 0));  // the peer router takes VI_2 over after Skew_Time
  const auto forced = h.changes(1);
  REQUIRE(forced.size() == 1);
  CHECK(forced[0].reason == TransitionReason::sync_group_fault);
  CHECK(h.entered.back() == State::fault);

  // VI_2 alone cannot leave Fault; when VI_1's link is back both do.
  h.run_until(kT0 + 20s);
  CHECK(h.machines[1].state() == State::fault);
  h.on(0, [&](StateMachine& m, std::vector<Action>& out) { m.fault_cleared(h.now, out); });
  CHECK(h.machines[0].state() == State::backup);
  CHECK(h.machines[1].state() == State::backup);
  CHECK(h.entered.back() == State::backup);
  h.run_until(kT0 + 30s);
  CHECK(h.machines[0].state() == State::active);
  CHECK(h.machines[1].state() == State::active);
  CHECK(h.entered.back() == State::active);
}

TEST_CASE(
    "sync group members: a better router heard by one member takes the group to Backup, and "
    "the other member does not preempt back while the first still hears it (no ping-pong)",
    "[sync]") {
  Harness h;
  h.start();
  h.run_until(kT0 + 10s);
  REQUIRE(h.machines[0].state() == State::active);
  h.seen[1].clear();

  // The peer router's VI_1 at priority 250; its VI_2 (lower than ours, inconsistent) is silent.
  const auto peer_advert = vrrp::AdvertEvent{*IpAddress::parse("192.0.2.2"), 250};
  h.on(0, [&](StateMachine& m, std::vector<Action>& out) {
    m.advert_received(peer_advert, h.now, out);
  });
  CHECK(h.machines[0].state() == State::backup);
  CHECK(h.machines[1].state() == State::backup);
  CHECK(sent(h.seen[1], 0));
  CHECK(h.entered.back() == State::backup);

  // VI_2 hears nobody and its timer fires again and again, but VI_1 keeps hearing the peer:
  // VI_2 waits in Backup.
  for (int second = 11; second < 60; ++second) {
    h.run_until(kT0 + std::chrono::seconds(second));
    h.on(0, [&](StateMachine& m, std::vector<Action>& out) {
      m.advert_received(peer_advert, h.now, out);
    });
  }
  CHECK(h.machines[1].wants_active());
  CHECK(h.machines[0].state() == State::backup);
  CHECK(h.machines[1].state() == State::backup);
  CHECK(h.entered.back() == State::backup);

  // The peer goes away: both take over together.
  h.run_until(kT0 + 70s);
  CHECK(h.machines[0].state() == State::active);
  CHECK(h.machines[1].state() == State::active);
}
