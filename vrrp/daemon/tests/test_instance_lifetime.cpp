// Issue 8 in the per-instance glue: the VIPs are bound with vip_lifetime while Active, renewed
// every third of it from the instance's own deadline, and after a stop longer than the
// lifetime the instance leaves Active instead of restoring what the kernel removed.
#include <catch2/catch.hpp>
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "vrrp/codec.hpp"
#include "vrrp/daemon/instance.hpp"

using namespace std::chrono_literals;
using namespace vrrp;
using vrrp::daemon::Instance;
using vrrp::daemon::InstanceHost;
using vrrp::daemon::InstancePlacement;

namespace {

class LifetimeHost : public InstanceHost {
 public:
  int send_advert(Family family, int, std::span<const std::uint8_t> message,
                  const IpAddress& source, const IpAddress& destination) override {
    PacketInfo info{family, source, destination, 255};
    auto decoded = decode_advert(info, message);
    REQUIRE(std::holds_alternative<DecodedAdvert>(decoded));
    priorities.push_back(std::get<DecodedAdvert>(decoded).advert.priority);
    return 0;
  }
  std::optional<std::string> add_address(const std::string& device, const VirtualAddress& vip,
                                         std::chrono::seconds lifetime) override {
    adds.push_back(device + " " + vip.prefix.to_string() + " " + std::to_string(lifetime.count()) +
                   "s");
    return std::nullopt;
  }
  std::optional<std::string> remove_address(const std::string& device,
                                            const IpPrefix& prefix) override {
    removes.push_back(device + " " + prefix.to_string());
    return std::nullopt;
  }
  void announce(const std::string&, std::span<const IpAddress>, std::uint32_t) override {}

  std::vector<std::uint8_t> priorities;
  std::vector<std::string> adds, removes;
};

InstanceConfig lifetime_config(std::chrono::seconds lifetime) {
  InstanceConfig c;
  c.name = "VI_1";
  c.interface = "eth0";
  c.virtual_router_id = 51;
  c.priority = 100;
  c.advert_interval = Centiseconds{100};
  VirtualAddress v;
  v.prefix = *IpPrefix::parse("192.0.2.100/24");
  c.virtual_addresses = {v};
  c.vip_lifetime = lifetime;
  return c;
}

InstancePlacement eth0() {
  InstancePlacement p;
  p.ifindex = 2;
  p.rx_ifindex = 2;
  p.tx_ifindex = 2;
  p.vip_device = "eth0";
  p.source = IpAddress::v4(192, 0, 2, 1);
  return p;
}

void run_until(Instance& instance, TimePoint until) {
  while (auto deadline = instance.next_deadline()) {
    if (*deadline > until) break;
    instance.on_timer(*deadline);
  }
}

const TimePoint t0{1000s};
// Active_Down_Interval for priority 100 at 1 s: 3.609375 s.
const TimePoint active_at = t0 + 3609375us;

}  // namespace

TEST_CASE("issue 8: Active binds the VIPs with vip_lifetime and renews them every third of it",
          "[instance][vip_lifetime]") {
  LifetimeHost host;
  Instance instance(lifetime_config(6s), GlobalDefs{}, eth0(), host);
  instance.start(t0);
  run_until(instance, active_at);
  REQUIRE(instance.state() == State::active);
  CHECK(host.adds == std::vector<std::string>{"eth0 192.0.2.100/24 6s"});
  // Renewals at +2 s, +4 s, ... after the bind: ten in 20 s, each the same request.
  run_until(instance, active_at + 20s);
  CHECK(host.adds.size() == 11);
  CHECK(host.adds.back() == "eth0 192.0.2.100/24 6s");
  CHECK(instance.counters().lifetime_renewals == 10);
  CHECK(host.removes.empty());
  CHECK(instance.state() == State::active);
  CHECK(instance.counters().addresses_expired == 0);
}

TEST_CASE("issue 8: no renewals in Backup, and none after leaving Active",
          "[instance][vip_lifetime]") {
  LifetimeHost host;
  Instance instance(lifetime_config(6s), GlobalDefs{}, eth0(), host);
  instance.start(t0);
  run_until(instance, t0 + 3s);
  CHECK(host.adds.empty());
  run_until(instance, active_at);
  REQUIRE(instance.state() == State::active);
  instance.stop(active_at + 1s);
  const auto adds = host.adds.size();
  CHECK_FALSE(instance.next_deadline().has_value());
  CHECK(host.adds.size() == adds);
}

TEST_CASE("issue 8: vip_lifetime 0 binds forever and never renews", "[instance][vip_lifetime]") {
  LifetimeHost host;
  Instance instance(lifetime_config(0s), GlobalDefs{}, eth0(), host);
  instance.start(t0);
  run_until(instance, active_at);
  REQUIRE(instance.state() == State::active);
  run_until(instance, active_at + 60s);
  CHECK(host.adds == std::vector<std::string>{"eth0 192.0.2.100/24 0s"});
  CHECK(instance.counters().lifetime_renewals == 0);
  // A stop of any length is not a lost lifetime: the overdue advert goes out as Active.
  instance.on_timer(active_at + 3600s);
  CHECK(instance.state() == State::active);
  CHECK(host.priorities.back() == 100);
}

TEST_CASE("issue 8: a late renewal within the lifetime keeps Active", "[instance][vip_lifetime]") {
  LifetimeHost host;
  Instance instance(lifetime_config(6s), GlobalDefs{}, eth0(), host);
  instance.start(t0);
  run_until(instance, active_at);
  // Stalled for 5.5 s (less than the 6 s lifetime): renewed at once, still Active.
  instance.on_timer(active_at + 5500ms);
  CHECK(instance.state() == State::active);
  CHECK(host.adds.size() == 2);
  CHECK(host.removes.empty());
}

TEST_CASE(
    "issue 8: woken after the lifetime ran out, the instance resigns and goes Backup "
    "instead of advertising as Active",
    "[instance][vip_lifetime]") {
  LifetimeHost host;
  Instance instance(lifetime_config(6s), GlobalDefs{}, eth0(), host);
  instance.start(t0);
  run_until(instance, active_at);
  host.priorities.clear();
  // SIGSTOP for 20 s, then SIGCONT: every timer is overdue.
  instance.on_timer(active_at + 20s);
  CHECK(instance.state() == State::backup);
  CHECK(host.priorities == std::vector<std::uint8_t>{0});  // the resignation, nothing as Active
  CHECK(host.adds.size() == 1);                            // nothing renewed or restored
  CHECK(host.removes == std::vector<std::string>{"eth0 192.0.2.100/24"});
  CHECK(instance.counters().addresses_expired == 1);
  // The kernel's removal event, read after that: not restored.
  instance.address_removed("eth0", *IpPrefix::parse("192.0.2.100/24"), active_at + 20s);
  CHECK(host.adds.size() == 1);
}

TEST_CASE("issue 8: the expiry is noticed whichever event comes first after the stop",
          "[instance][vip_lifetime]") {
  SECTION("the kernel's removal event") {
    LifetimeHost host;
    Instance instance(lifetime_config(6s), GlobalDefs{}, eth0(), host);
    instance.start(t0);
    run_until(instance, active_at);
    instance.address_removed("eth0", *IpPrefix::parse("192.0.2.100/24"), active_at + 20s);
    CHECK(instance.state() == State::backup);
    CHECK(host.adds.size() == 1);  // not restored
  }
  SECTION("a removal by someone else within the lifetime is restored (issue 3)") {
    LifetimeHost host;
    Instance instance(lifetime_config(6s), GlobalDefs{}, eth0(), host);
    instance.start(t0);
    run_until(instance, active_at);
    instance.address_removed("eth0", *IpPrefix::parse("192.0.2.100/24"), active_at + 1s);
    CHECK(instance.state() == State::active);
    CHECK(host.adds.size() == 2);
    CHECK(instance.counters().addresses_restored == 1);
  }
}

TEST_CASE("issue 8: a reload to vip_lifetime 0 while Active renews once, forever, then stops",
          "[instance][vip_lifetime]") {
  LifetimeHost host;
  Instance instance(lifetime_config(6s), GlobalDefs{}, eth0(), host);
  instance.start(t0);
  run_until(instance, active_at);
  instance.reconfigure(lifetime_config(0s), GlobalDefs{}, TrackingResult{}, active_at + 1s);
  run_until(instance, active_at + 60s);
  CHECK(instance.state() == State::active);
  CHECK(instance.counters().addresses_expired == 0);
  REQUIRE(host.adds.size() == 2);
  CHECK(host.adds.back() == "eth0 192.0.2.100/24 0s");  // the VIP is now permanent
  CHECK(instance.counters().lifetime_renewals == 1);
}

TEST_CASE("issue 8: a reload to a shorter lifetime does not count the old one as expired",
          "[instance][vip_lifetime]") {
  LifetimeHost host;
  Instance instance(lifetime_config(60s), GlobalDefs{}, eth0(), host);
  instance.start(t0);
  run_until(instance, active_at);
  // 10 s after the bind (60 s lifetime), the lifetime becomes 3 s: the VIP still has 50 s.
  instance.reconfigure(lifetime_config(3s), GlobalDefs{}, TrackingResult{}, active_at + 10s);
  instance.on_timer(active_at + 10s);
  CHECK(instance.state() == State::active);
  run_until(instance, active_at + 40s);
  CHECK(instance.state() == State::active);
  CHECK(host.adds.back() == "eth0 192.0.2.100/24 3s");
  CHECK(instance.counters().addresses_expired == 0);
}
