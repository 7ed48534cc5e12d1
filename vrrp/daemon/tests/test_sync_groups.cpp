// keepalived's vrrp_sync_group at run time (vrrp/daemon/sync_groups.hpp): two real instances on
// a recording InstanceHost that hands every batch of events to the groups, as the daemon does.
#include <catch2/catch.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "vrrp/codec.hpp"
#include "vrrp/daemon/instance.hpp"
#include "vrrp/daemon/sync_groups.hpp"

using namespace std::chrono_literals;
using namespace vrrp;
using vrrp::daemon::Instance;
using vrrp::daemon::InstanceHost;
using vrrp::daemon::InstancePlacement;
using vrrp::daemon::SyncGroups;

namespace {

class GroupHost : public InstanceHost {
 public:
  int send_advert(Family family, int ifindex, std::span<const std::uint8_t> message,
                  const IpAddress& source, const IpAddress& destination) override {
    PacketInfo info{family, source, destination, 255};
    auto decoded = decode_advert(info, message);
    REQUIRE(std::holds_alternative<DecodedAdvert>(decoded));
    sent.push_back(std::to_string(ifindex) + " prio " +
                   std::to_string(std::get<DecodedAdvert>(decoded).advert.priority));
    return 0;
  }
  std::optional<std::string> add_address(const std::string& device, const VirtualAddress& vip,
                                         std::chrono::seconds) override {
    held.push_back(device + " " + vip.prefix.to_string());
    return std::nullopt;
  }
  std::optional<std::string> remove_address(const std::string& device,
                                            const IpPrefix& prefix) override {
    std::erase(held, device + " " + prefix.to_string());
    return std::nullopt;
  }
  void announce(const std::string&, std::span<const IpAddress>, std::uint32_t) override {}
  void after_events(Instance& instance, std::span<const StateChanged> changes) override {
    if (groups) groups->after_events(instance, changes, now);
  }

  std::unique_ptr<SyncGroups> groups;
  TimePoint now{1000s};
  std::vector<std::string> sent, held;
  std::vector<std::string> rearmed;
};

InstanceConfig member(const char* name, std::uint8_t vrid, const char* device, const char* vip) {
  InstanceConfig c;
  c.name = name;
  c.interface = device;
  c.virtual_router_id = vrid;
  c.priority = 200;
  VirtualAddress v;
  v.prefix = *IpPrefix::parse(vip);
  c.virtual_addresses = {v};
  return c;
}

InstancePlacement placed(int ifindex, const char* device, IpAddress source) {
  InstancePlacement p;
  p.ifindex = p.rx_ifindex = p.tx_ifindex = ifindex;
  p.vip_device = device;
  p.source = source;
  return p;
}

struct Pair {
  GroupHost host;
  Config config;
  std::unique_ptr<Instance> a, b;

  Pair() {
    config.instances = {member("VI_1", 51, "eth0", "192.0.2.100/24"),
                        member("VI_2", 52, "eth1", "198.51.100.100/24")};
    SyncGroupConfig g;
    g.name = "G1";
    g.members = {"VI_1", "VI_2"};
    config.sync_groups = {g};
    a = std::make_unique<Instance>(config.instances[0], config.globals,
                                   placed(2, "eth0", IpAddress::v4(192, 0, 2, 1)), host);
    b = std::make_unique<Instance>(config.instances[1], config.globals,
                                   placed(3, "eth1", IpAddress::v4(198, 51, 100, 1)), host);
  }
  void group() {
    std::vector<Instance*> all{a.get(), b.get()};
    host.groups = std::make_unique<SyncGroups>(
        config, all, nullptr, [this](Instance& i) { host.rearmed.push_back(i.name()); }, host.now);
  }
  // Both instances' timers up to `until`, earliest first, as the event loop runs them.
  void run_until(TimePoint until) {
    for (;;) {
      Instance* next = nullptr;
      for (Instance* i : {a.get(), b.get()}) {
        const auto d = i->next_deadline();
        if (d && *d <= until && (!next || *d < *next->next_deadline())) next = i;
      }
      if (!next) break;
      host.now = *next->next_deadline();
      next->on_timer(host.now);
    }
    host.now = until;
  }
};

}  // namespace

TEST_CASE("sync group (daemon): the members go Active together once both timers ran out",
          "[sync]") {
  Pair p;
  p.group();
  p.a->start(p.host.now);
  p.b->start(p.host.now);
  REQUIRE(p.a->sync_group() == "G1");
  p.run_until(p.host.now + 10s);
  CHECK(p.a->state() == State::active);
  CHECK(p.b->state() == State::active);
  CHECK(p.host.held.size() == 2);
}

TEST_CASE(
    "sync group (daemon): one member's link going down takes the other out of Active with a "
    "priority-0 advert, and its timer is re-armed",
    "[sync]") {
  Pair p;
  p.group();
  p.a->start(p.host.now);
  p.b->start(p.host.now);
  p.run_until(p.host.now + 10s);
  REQUIRE(p.b->state() == State::active);
  p.host.sent.clear();
  p.host.rearmed.clear();

  p.a->link_changed(false, p.host.now);
  CHECK(p.a->state() == State::fault);
  CHECK(p.b->state() == State::fault);
  CHECK(p.host.sent == std::vector<std::string>{"3 prio 0"});  // VI_1's link is down
  CHECK(p.host.held.empty());
  CHECK(std::find(p.host.rearmed.begin(), p.host.rearmed.end(), "VI_2") != p.host.rearmed.end());
  CHECK_FALSE(p.b->next_deadline().has_value());

  p.a->link_changed(true, p.host.now + 1s);
  CHECK(p.a->state() == State::backup);
  CHECK(p.b->state() == State::backup);
  CHECK(p.b->next_deadline().has_value());
}

TEST_CASE("sync group (daemon): an interface down at start-up faults the group before Startup",
          "[sync]") {
  Pair p;
  p.a->link_changed(false, p.host.now);
  p.group();
  p.a->start(p.host.now);
  p.b->start(p.host.now);
  CHECK(p.a->state() == State::fault);
  CHECK(p.b->state() == State::fault);
  CHECK(p.host.groups->group_of(*p.b)->state() == State::fault);
}

TEST_CASE("sync group (daemon): built over running members (a reload), the group moves nobody",
          "[sync]") {
  Pair p;
  p.group();
  p.a->start(p.host.now);
  p.b->start(p.host.now);
  p.run_until(p.host.now + 10s);
  REQUIRE(p.a->state() == State::active);
  p.host.sent.clear();
  p.host.rearmed.clear();
  p.group();
  CHECK(p.host.sent.empty());
  CHECK(p.host.rearmed.empty());
  CHECK(p.host.groups->group_of(*p.a)->state() == State::active);
}

TEST_CASE("sync group (daemon): an instance in no group acts on its own timer", "[sync]") {
  Pair p;
  p.config.sync_groups.clear();
  p.group();
  CHECK(p.a->sync_group().empty());
  CHECK(p.host.groups->group_of(*p.a) == nullptr);
  p.a->start(p.host.now);
  p.run_until(p.host.now + 10s);
  CHECK(p.a->state() == State::active);
  CHECK(p.b->state() == State::initialize);
}
