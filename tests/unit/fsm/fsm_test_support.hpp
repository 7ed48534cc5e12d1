// Helpers for the state machine tests: a virtual clock, configs, and a readable rendering of
// the actions a machine emitted (so a failing CHECK prints "Bind, Send(100), ...").
#pragma once

#include <catch2/catch.hpp>

#include <chrono>
#include <string>
#include <type_traits>
#include <vector>

#include "vrrp/actions.hpp"
#include "vrrp/ip_address.hpp"
#include "vrrp/machine_config.hpp"
#include "vrrp/state_machine.hpp"
#include "vrrp/time.hpp"

namespace fsm_test {

using namespace std::chrono_literals;
using vrrp::Action;
using vrrp::Centiseconds;
using vrrp::Duration;
using vrrp::IpAddress;
using vrrp::MachineConfig;
using vrrp::ProtocolInterval;
using vrrp::State;
using vrrp::StateMachine;
using vrrp::TimePoint;

// An arbitrary origin for the virtual clock, far from the epoch.
inline const TimePoint kT0 = TimePoint{} + std::chrono::hours(1000);

inline IpAddress ip(const char* text) {
  auto parsed = IpAddress::parse(text);
  REQUIRE(parsed.has_value());
  return *parsed;
}

// A centisecond count with a fraction, as a Duration on the nanosecond clock. Exact for every
// value used here (multiples of 1/256 cs are multiples of 39062.5 ns; these tests only use
// values whose ns count is whole).
inline Duration cs(double centiseconds) {
  return Duration{static_cast<std::int64_t>(centiseconds * 1e7)};
}

inline MachineConfig config(std::uint8_t priority, const char* primary,
                            Centiseconds interval = Centiseconds{100}) {
  MachineConfig c;
  c.name = std::string("vr-") + primary;
  c.primary_address = ip(primary);
  c.family = c.primary_address.family();
  c.vrid = 1;
  c.priority = priority;
  c.advert_interval = interval;
  return c;
}

inline vrrp::AdvertEvent advert(const char* source, std::uint8_t priority,
                                Centiseconds interval = Centiseconds{100},
                                vrrp::Version version = vrrp::Version::v3) {
  return vrrp::AdvertEvent{ip(source), priority, interval, version};
}

std::string describe(const Action& action);
// "Bind, Send(100), Announce, State(Backup->Active: active down timer expired, p=100)"
std::string describe(const std::vector<Action>& actions);
// The same, with the log-only Notices left out.
std::string describe_without_notices(const std::vector<Action>& actions);

template <class T>
std::vector<T> only(const std::vector<Action>& actions) {
  std::vector<T> found;
  for (const auto& a : actions) {
    if (const T* t = std::get_if<T>(&a)) found.push_back(*t);
  }
  return found;
}

// Fires timer_expired at every deadline up to and including `until`, appending to `out`.
// Returns the final time (`until`).
TimePoint run_until(StateMachine& machine, TimePoint until, std::vector<Action>& out);

}  // namespace fsm_test

// Print a TimePoint as its offset from kT0 in nanoseconds, so failed comparisons are readable.
namespace Catch {
template <>
struct StringMaker<vrrp::TimePoint> {
  static std::string convert(const vrrp::TimePoint& t) {
    return "T0+" + std::to_string((t - fsm_test::kT0).count()) + "ns";
  }
};
}  // namespace Catch
