// A virtual LAN of VRRP state machines for the tests: every SendAdvert a machine emits is
// delivered, `latency` later, as an AdvertEvent to the other machines; timers fire on a
// virtual clock. Deterministic: ties go to deliveries first (in send order), then timers by
// machine index.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "fsm_test_support.hpp"

namespace fsm_test {

class Lan {
 public:
  struct Sent {
    TimePoint at;
    std::size_t from;
    std::uint8_t priority;
  };
  struct Change {
    TimePoint at;
    std::size_t node;
    vrrp::StateChanged change;
  };

  // `route_by_family` false delivers every advert to every machine, as an I/O layer that
  // forgot to route by family would: the machines must then keep the families apart.
  explicit Lan(Duration latency = 1ms, bool route_by_family = true)
      : latency_(latency), route_by_family_(route_by_family) {}

  std::size_t add(MachineConfig config);
  StateMachine& machine(std::size_t i) { return nodes_.at(i).machine; }

  void start(std::size_t i);
  void shutdown(std::size_t i);
  void crash(std::size_t i);    // dies silently: no priority-0 advert, no more processing
  void restart(std::size_t i);  // a fresh process with the same configuration, started
  void raise_fault(std::size_t i);
  void clear_fault(std::size_t i);
  void set_priority(std::size_t i, std::uint8_t priority);

  void run_until(TimePoint until);
  void run_for(Duration d) { run_until(now_ + d); }
  TimePoint now() const { return now_; }

  // Machines holding the virtual addresses (between BindAddresses and UnbindAddresses).
  std::vector<std::size_t> holders() const;
  std::vector<std::size_t> in_state(State state) const;
  const std::vector<Sent>& sent() const { return sent_; }
  const std::vector<Change>& changes() const { return changes_; }
  // The last change of machine i, if any.
  std::optional<Change> last_change(std::size_t i) const;
  // The last advert i sent at or before `t`.
  std::optional<Sent> last_sent_by(std::size_t i, TimePoint t) const;
  Duration latency() const { return latency_; }

 private:
  struct Node {
    MachineConfig config;
    StateMachine machine;
    bool crashed = false;
    bool bound = false;
  };
  struct Delivery {
    TimePoint at;
    std::uint64_t seq;
    std::size_t to;
    vrrp::AdvertEvent advert;
  };

  void apply(std::size_t i);  // carries out the actions in out_ for machine i

  Duration latency_;
  bool route_by_family_;
  TimePoint now_ = kT0;
  std::uint64_t seq_ = 0;
  std::vector<Node> nodes_;
  std::vector<Delivery> in_flight_;
  std::vector<Action> out_;
  std::vector<Sent> sent_;
  std::vector<Change> changes_;
};

}  // namespace fsm_test
