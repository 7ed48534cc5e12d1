// The state machine's steady-state events, as the daemon feeds them: an advert from the Active
// reaching a Backup (RFC 9568 §6.4.2: reset the Active_Down_Timer), and the Adver_Timer firing
// in Active (§6.4.3: send an advert, rearm). One item = one event. The action buffer is reused,
// as the daemon reuses it, so a steady-state event should allocate nothing.
#include <benchmark/benchmark.h>

#include <chrono>
#include <vector>

#include "vrrp/state_machine.hpp"

namespace vrrp::bench {
namespace {

MachineConfig instance(std::uint8_t priority) {
  MachineConfig config;
  config.name = "VI_1";
  config.version = Version::v3;
  config.family = Family::ipv4;
  config.vrid = 51;
  config.priority = priority;
  config.advert_interval = Centiseconds{100};
  config.primary_address = IpAddress::v4(192, 0, 2, 2);
  return config;
}

// Backup at priority 100; the Active (192.0.2.1, priority 200) advertises every second.
void advert_received_in_backup(benchmark::State& state) {
  StateMachine machine(instance(100));
  std::vector<Action> actions;
  actions.reserve(16);
  TimePoint now{std::chrono::seconds(1)};
  machine.startup(now, actions);
  const AdvertEvent advert{IpAddress::v4(192, 0, 2, 1), 200, Centiseconds{100}, Version::v3};
  machine.advert_received(advert, now, actions);
  if (machine.state() != State::backup) {
    state.SkipWithError("the machine did not start in Backup");
    return;
  }
  for (auto _ : state) {
    now += std::chrono::seconds(1);
    actions.clear();
    machine.advert_received(advert, now, actions);
    benchmark::DoNotOptimize(actions.data());
  }
  if (machine.state() != State::backup || !machine.next_deadline()) {
    state.SkipWithError("the machine left Backup: not the steady state");
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(advert_received_in_backup);

// The address owner (priority 255) is Active at once; each expiry of the Adver_Timer sends one
// advert and rearms the timer.
void advert_timer_in_active(benchmark::State& state) {
  StateMachine machine(instance(255));
  std::vector<Action> actions;
  actions.reserve(16);
  TimePoint now{std::chrono::seconds(1)};
  machine.startup(now, actions);
  if (machine.state() != State::active || !machine.next_deadline()) {
    state.SkipWithError("the owner did not start Active with its Adver_Timer running");
    return;
  }
  for (auto _ : state) {
    now = *machine.next_deadline();
    actions.clear();
    machine.timer_expired(now, actions);
    benchmark::DoNotOptimize(actions.data());
  }
  if (actions.size() != 1 || !std::holds_alternative<SendAdvert>(actions.front())) {
    state.SkipWithError("an Adver_Timer expiry did not send exactly one advert");
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(advert_timer_in_active);

// RFC 9568 §6.4.3 (new in 9568): an Active that hears a lower-priority advert answers at once.
void lower_priority_advert_in_active(benchmark::State& state) {
  StateMachine machine(instance(200));
  std::vector<Action> actions;
  actions.reserve(16);
  TimePoint now{std::chrono::seconds(1)};
  machine.startup(now, actions);
  now = *machine.next_deadline();
  machine.timer_expired(now, actions);  // Active_Down_Timer: Backup -> Active
  if (machine.state() != State::active) {
    state.SkipWithError("the machine did not become Active");
    return;
  }
  const AdvertEvent advert{IpAddress::v4(192, 0, 2, 1), 100, Centiseconds{100}, Version::v3};
  for (auto _ : state) {
    now += std::chrono::milliseconds(10);
    actions.clear();
    machine.advert_received(advert, now, actions);
    benchmark::DoNotOptimize(actions.data());
  }
  if (machine.state() != State::active) {
    state.SkipWithError("the machine left Active: not the steady state");
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(lower_priority_advert_in_active);

}  // namespace
}  // namespace vrrp::bench
