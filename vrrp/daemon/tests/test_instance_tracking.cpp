// The instance's side of tracking and notification: tracker weights move the priority the
// adverts carry, a weight-0 failure is one more Fault source beside the link, and every state
// change reaches the host in order.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "vrrp/codec.hpp"
#include "vrrp/daemon/instance.hpp"
#include "vrrp/daemon/track_monitor.hpp"

using namespace std::chrono_literals;
using namespace vrrp;
using vrrp::daemon::Instance;
using vrrp::daemon::InstanceHost;
using vrrp::daemon::InstancePlacement;

namespace {

class Host : public InstanceHost {
 public:
  int send_advert(Family family, int, std::span<const std::uint8_t> message,
                  const IpAddress& source, const IpAddress& destination) override {
    std::vector<std::uint8_t> bytes(message.begin(), message.end());
    auto d = decode_advert(PacketInfo{family, source, destination, 255}, bytes);
    REQUIRE(std::holds_alternative<DecodedAdvert>(d));
    priorities.push_back(std::get<DecodedAdvert>(d).advert.priority);
    return 0;
  }
  std::optional<std::string> add_address(const std::string&, const VirtualAddress&,
                                         std::chrono::seconds) override {
    return std::nullopt;
  }
  std::optional<std::string> remove_address(const std::string&, const IpPrefix&) override {
    return std::nullopt;
  }
  void announce(const std::string&, std::span<const IpAddress>, std::uint32_t) override {}
  void state_changed(const InstanceConfig& instance, State to, std::uint8_t priority) override {
    changes.push_back(instance.name + " " + std::string(to_string(to)) + " " +
                      std::to_string(priority));
  }
  std::vector<std::uint8_t> priorities;
  std::vector<std::string> changes;
};

InstanceConfig config(std::uint8_t priority = 100) {
  InstanceConfig c;
  c.name = "VI_1";
  c.interface = "eth0";
  c.virtual_router_id = 51;
  c.priority = priority;
  VirtualAddress v;
  v.prefix = *IpPrefix::parse("192.0.2.100/24");
  c.virtual_addresses = {v};
  return c;
}

InstancePlacement placement() {
  InstancePlacement p;
  p.ifindex = p.rx_ifindex = p.tx_ifindex = 2;
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

}  // namespace

TEST_CASE("keepalived tracking: a failing weight -30 script lowers the advertised priority",
          "[tracking]") {
  Host host;
  Instance instance(config(100), GlobalDefs{}, placement(), host);
  instance.start(t0);
  run_until(instance, t0 + 4s);
  REQUIRE(instance.state() == State::active);
  instance.tracking_changed(TrackingResult{-30, false}, t0 + 4s);
  CHECK(instance.machine().priority() == 70);
  REQUIRE_FALSE(host.priorities.empty());
  CHECK(host.priorities.back() == 70);  // told at once
  instance.tracking_changed(TrackingResult{0, false}, t0 + 5s);
  CHECK(instance.machine().priority() == 100);
  CHECK(host.priorities.back() == 100);
}

TEST_CASE("keepalived tracking: an address owner keeps 255 whatever the weights", "[tracking]") {
  Host host;
  Instance instance(config(255), GlobalDefs{}, placement(), host);
  instance.start(t0);
  instance.tracking_changed(TrackingResult{-100, false}, t0 + 1s);
  CHECK(instance.machine().priority() == 255);
}

TEST_CASE("keepalived tracking: a weight-0 failure is a Fault, and the link fault is kept",
          "[tracking]") {
  Host host;
  Instance instance(config(), GlobalDefs{}, placement(), host);
  instance.start(t0);
  run_until(instance, t0 + 4s);
  REQUIRE(instance.state() == State::active);
  instance.tracking_changed(TrackingResult{0, true}, t0 + 5s);
  CHECK(instance.state() == State::fault);
  // Link down as well: clearing the tracker alone does not leave Fault.
  instance.link_changed(false, t0 + 6s);
  instance.tracking_changed(TrackingResult{0, false}, t0 + 7s);
  CHECK(instance.state() == State::fault);
  instance.link_changed(true, t0 + 8s);
  CHECK(instance.state() == State::backup);
}

TEST_CASE("keepalived tracking: a tracker failing before start-up starts in Fault", "[tracking]") {
  Host host;
  Instance instance(config(), GlobalDefs{}, placement(), host);
  instance.tracking_changed(TrackingResult{0, true}, t0);
  instance.start(t0);
  CHECK(instance.state() == State::fault);
}

TEST_CASE("notify: every state change reaches the host in order with the priority", "[tracking]") {
  Host host;
  Instance instance(config(), GlobalDefs{}, placement(), host);
  instance.start(t0);
  run_until(instance, t0 + 4s);
  instance.tracking_changed(TrackingResult{-10, true}, t0 + 5s);
  instance.tracking_changed(TrackingResult{0, false}, t0 + 6s);
  instance.stop(t0 + 7s);
  CHECK(host.changes == std::vector<std::string>{"VI_1 Backup 100", "VI_1 Active 100",
                                                 "VI_1 Fault 90", "VI_1 Backup 100",
                                                 "VI_1 Initialize 100"});
}

TEST_CASE("keepalived track_file: the number at the start of the file", "[tracking]") {
  using vrrp::daemon::parse_track_file_value;
  CHECK(parse_track_file_value("5\n") == 5);
  CHECK(parse_track_file_value("  -12 rest") == -12);
  CHECK(parse_track_file_value("+3") == 3);
  CHECK_FALSE(parse_track_file_value(""));
  CHECK_FALSE(parse_track_file_value("abc"));
  CHECK_FALSE(parse_track_file_value("-"));
  CHECK(*parse_track_file_value("99999999999999999999999") > 1'000'000);
}
