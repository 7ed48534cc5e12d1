// Instance::reconfigure, the in-place half of a SIGHUP reload: what reaches the kernel and the
// wire when a running instance gets new VIPs, a new priority, a new interval or new preempt
// settings, with the core's real state machine behind it.
#include <catch2/catch.hpp>

#include <algorithm>
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

class ReloadHost : public InstanceHost {
 public:
  int send_advert(Family family, int, std::span<const std::uint8_t> message,
                  const IpAddress& source, const IpAddress& destination) {
    const std::vector<std::uint8_t> bytes(message.begin(), message.end());
    auto decoded = decode_advert(PacketInfo{family, source, destination, 255}, bytes);
    REQUIRE(std::holds_alternative<DecodedAdvert>(decoded));
    // The advert's address list views `bytes`: copied out before they go.
    const Advert& advert = std::get<DecodedAdvert>(decoded).advert;
    sent_addresses.push_back({});
    for (std::size_t i = 0; i < advert.addresses.size(); ++i)
      sent_addresses.back().push_back(advert.addresses[i].to_string());
    sent.push_back(advert);
    sent.back().addresses = {};
    return 0;
  }
  // Both forms of InstanceHost::add_address, with and without the VIPs' kernel lifetime (issue
  // 8), so this test does not depend on which one the host has; hence no "override" here.
  std::optional<std::string> add_address(const std::string& device, const VirtualAddress& vip) {
    const auto key = device + " " + vip.prefix.to_string();
    added.push_back(key);
    if (std::find(held.begin(), held.end(), key) == held.end()) held.push_back(key);
    return std::nullopt;
  }
  std::optional<std::string> add_address(const std::string& device, const VirtualAddress& vip,
                                         std::chrono::seconds) {
    return add_address(device, vip);
  }
  std::optional<std::string> remove_address(const std::string& device, const IpPrefix& prefix) {
    const auto key = device + " " + prefix.to_string();
    removed.push_back(key);
    std::erase(held, key);
    return std::nullopt;
  }
  std::optional<std::string> add_route(const std::string& device, const VirtualRoute& route,
                                       std::chrono::seconds) {
    routes_added.push_back(device + " " + route.destination.to_string());
    return std::nullopt;
  }
  std::optional<std::string> remove_route(const std::string& device, const VirtualRoute& route) {
    routes_removed.push_back(device + " " + route.destination.to_string());
    return std::nullopt;
  }
  void announce(const std::string& device, std::span<const IpAddress> addresses,
                std::uint32_t count) {
    for (const auto& a : addresses)
      announced.push_back(device + " " + a.to_string() + " x" + std::to_string(count));
  }
  void clear() {
    sent.clear();
    sent_addresses.clear();
    added.clear();
    removed.clear();
    announced.clear();
    routes_added.clear();
    routes_removed.clear();
  }

  std::vector<Advert> sent;
  std::vector<std::vector<std::string>> sent_addresses;
  std::vector<std::string> added, removed, held, announced, routes_added, routes_removed;
};

VirtualAddress vip(const char* text) {
  VirtualAddress v;
  v.prefix = *IpPrefix::parse(text);
  return v;
}

InstanceConfig base_config() {
  InstanceConfig c;
  c.name = "VI_1";
  c.interface = "eth0";
  c.virtual_router_id = 51;
  c.priority = 100;
  c.advert_interval = Centiseconds{100};
  c.virtual_addresses = {vip("192.0.2.100/24")};
  return c;
}

InstancePlacement placement() {
  InstancePlacement p;
  p.ifindex = 2;
  p.rx_ifindex = 2;
  p.tx_ifindex = 2;
  p.vip_device = "eth0";
  p.source = IpAddress::v4(192, 0, 2, 1);
  return p;
}

struct Incoming {
  std::vector<std::uint8_t> bytes;
  PacketInfo info;
  DecodedAdvert decoded;
};
Incoming advert_from(IpAddress source, std::uint8_t priority) {
  Incoming in;
  const std::vector<IpAddress> addresses{IpAddress::v4(192, 0, 2, 100)};
  EncodeRequest r;
  r.vrid = 51;
  r.priority = priority;
  r.addresses = addresses;
  r.checksum_form = ChecksumForm::rfc5798;
  r.source = source;
  r.destination = IpAddress::v4(224, 0, 0, 18);
  in.bytes = encode_advert(r);
  in.info = PacketInfo{Family::ipv4, source, r.destination, 255};
  auto d = decode_advert(in.info, in.bytes);
  REQUIRE(std::holds_alternative<DecodedAdvert>(d));
  in.decoded = std::get<DecodedAdvert>(d);
  return in;
}

void run_until(Instance& instance, TimePoint until) {
  while (auto deadline = instance.next_deadline()) {
    if (*deadline > until) break;
    instance.on_timer(*deadline);
  }
}

const TimePoint t0{1000s};
const TrackingResult kNoTrackers{};

// An instance that became Active at t0 + 3.61 s and whose announcements are all done.
struct ActiveFixture {
  ReloadHost host;
  Instance instance{base_config(), GlobalDefs{}, placement(), host};
  ActiveFixture() {
    instance.start(t0);
    run_until(instance, t0 + 10s);
    REQUIRE(instance.state() == State::active);
    host.clear();
  }
};

}  // namespace

TEST_CASE("reload: the same configuration again sends nothing and binds nothing", "[reload]") {
  ActiveFixture f;
  f.instance.reconfigure(base_config(), GlobalDefs{}, kNoTrackers, t0 + 10100ms);
  CHECK(f.host.sent.empty());
  CHECK(f.host.added.empty());
  CHECK(f.host.removed.empty());
  CHECK(f.host.announced.empty());
  // The advert timer runs on as before: the next advert at its old time.
  const auto next = f.instance.next_deadline();
  run_until(f.instance, t0 + 11s);
  CHECK(f.host.sent.size() == 1);
  CHECK(next <= t0 + 11s);
}

TEST_CASE("reload: a VIP added while Active is bound, announced and advertised", "[reload]") {
  ActiveFixture f;
  InstanceConfig c = base_config();
  c.virtual_addresses.push_back(vip("192.0.2.101/24"));
  f.instance.reconfigure(c, GlobalDefs{}, kNoTrackers, t0 + 10100ms);
  CHECK(f.instance.state() == State::active);
  CHECK(std::find(f.host.added.begin(), f.host.added.end(), "eth0 192.0.2.101/24") !=
        f.host.added.end());
  CHECK(f.host.held == std::vector<std::string>{"eth0 192.0.2.100/24", "eth0 192.0.2.101/24"});
  // Only the new address is announced, with garp_master_repeat messages.
  CHECK(f.host.announced == std::vector<std::string>{"eth0 192.0.2.101 x5"});
  CHECK(f.host.removed.empty());
  CHECK(f.host.sent.empty());  // no extra advert: the next one lists both (RFC 9568 §5.2.9)
  run_until(f.instance, t0 + 11s);
  REQUIRE(f.host.sent_addresses.size() == 1);
  CHECK(f.host.sent_addresses[0] == std::vector<std::string>{"192.0.2.100", "192.0.2.101"});
}

TEST_CASE("reload: a VIP dropped while Active is released, the others stay", "[reload]") {
  ReloadHost host;
  InstanceConfig two = base_config();
  two.virtual_addresses.push_back(vip("192.0.2.101/24"));
  Instance instance(two, GlobalDefs{}, placement(), host);
  instance.start(t0);
  run_until(instance, t0 + 10s);
  REQUIRE(instance.state() == State::active);
  host.clear();
  instance.reconfigure(base_config(), GlobalDefs{}, kNoTrackers, t0 + 10100ms);
  CHECK(host.removed == std::vector<std::string>{"eth0 192.0.2.101/24"});
  CHECK(host.held == std::vector<std::string>{"eth0 192.0.2.100/24"});
  CHECK(host.announced.empty());
  CHECK(instance.state() == State::active);
}

TEST_CASE("reload: a VIP added while Backup is not bound (RFC 9568 §6.4.2)", "[reload]") {
  ReloadHost host;
  Instance instance(base_config(), GlobalDefs{}, placement(), host);
  instance.start(t0);
  REQUIRE(instance.state() == State::backup);
  InstanceConfig c = base_config();
  c.virtual_addresses.push_back(vip("192.0.2.101/24"));
  instance.reconfigure(c, GlobalDefs{}, kNoTrackers, t0 + 1s);
  CHECK(instance.state() == State::backup);
  CHECK(host.added.empty());
  CHECK(host.announced.empty());
  CHECK(host.sent.empty());
  // When it does become Active, it binds both.
  run_until(instance, t0 + 5s);
  REQUIRE(instance.state() == State::active);
  CHECK(host.held == std::vector<std::string>{"eth0 192.0.2.100/24", "eth0 192.0.2.101/24"});
}

TEST_CASE("reload: a new priority reaches an Active's peers at once", "[reload]") {
  ActiveFixture f;
  InstanceConfig c = base_config();
  c.priority = 150;
  f.instance.reconfigure(c, GlobalDefs{}, kNoTrackers, t0 + 10100ms);
  REQUIRE(f.host.sent.size() == 1);
  CHECK(f.host.sent[0].priority == 150);
  CHECK(f.instance.machine().priority() == 150);
  // Tracking weights still add to the new base priority.
  TrackingResult minus20;
  minus20.total_weight = -20;
  f.instance.reconfigure(c, GlobalDefs{}, minus20, t0 + 10200ms);
  CHECK(f.instance.machine().priority() == 130);
}

TEST_CASE("reload: a Backup raised above the Active preempts it through RFC 9568 §6.4.2",
          "[reload]") {
  ReloadHost host;
  Instance instance(base_config(), GlobalDefs{}, placement(), host);
  instance.start(t0);
  auto peer = advert_from(IpAddress::v4(192, 0, 2, 2), 120);
  instance.receive(peer.info, peer.decoded, t0 + 1s);
  REQUIRE(instance.state() == State::backup);
  InstanceConfig c = base_config();
  c.priority = 200;
  instance.reconfigure(c, GlobalDefs{}, kNoTrackers, t0 + 1500ms);
  CHECK(instance.state() == State::backup);  // no transition by the reload itself
  CHECK(host.sent.empty());
  // The peer's next adverts are lower now: discarded (Preempt_Mode), so the down timer runs out.
  for (auto t = t0 + 2s; t <= t0 + 6s; t += 1s) {
    instance.receive(peer.info, peer.decoded, t);
    run_until(instance, t);
  }
  CHECK(instance.state() == State::active);
}

TEST_CASE("reload: nopreempt applies from the next advert", "[reload]") {
  ReloadHost host;
  InstanceConfig high = base_config();
  high.priority = 200;
  Instance instance(high, GlobalDefs{}, placement(), host);
  instance.start(t0);
  high.preempt = false;
  instance.reconfigure(high, GlobalDefs{}, kNoTrackers, t0 + 500ms);
  auto peer = advert_from(IpAddress::v4(192, 0, 2, 2), 120);
  for (auto t = t0 + 1s; t <= t0 + 8s; t += 1s) {
    instance.receive(peer.info, peer.decoded, t);
    run_until(instance, t);
  }
  CHECK(instance.state() == State::backup);
}

TEST_CASE("reload: a new advert_int is advertised at once and spaces the adverts", "[reload]") {
  ActiveFixture f;
  InstanceConfig c = base_config();
  c.advert_interval = Centiseconds{200};
  f.instance.reconfigure(c, GlobalDefs{}, kNoTrackers, t0 + 10100ms);
  REQUIRE(f.host.sent.size() == 1);
  CHECK(f.host.sent[0].max_advert_interval == Centiseconds{200});
  run_until(f.instance, t0 + 12000ms);
  CHECK(f.host.sent.size() == 1);  // the next one is due 2 s after the reload
  run_until(f.instance, t0 + 12200ms);
  CHECK(f.host.sent.size() == 2);
}

TEST_CASE("reload: unicast peers change where adverts go", "[reload]") {
  ReloadHost host;
  InstanceConfig c = base_config();
  c.priority = 255;
  c.unicast_peers = {UnicastPeer{IpAddress::v4(192, 0, 2, 2), {}, {}}};
  Instance instance(c, GlobalDefs{}, placement(), host);
  instance.start(t0);
  REQUIRE(instance.state() == State::active);
  host.clear();
  c.unicast_peers.push_back(UnicastPeer{IpAddress::v4(192, 0, 2, 3), {}, {}});
  instance.reconfigure(c, GlobalDefs{}, kNoTrackers, t0 + 100ms);
  run_until(instance, t0 + 1s);
  CHECK(host.sent.size() == 2);  // one advert to each peer
}

TEST_CASE("reload: virtual_routes added and dropped while Active follow at once", "[reload]") {
  ReloadHost host;
  InstanceConfig c = base_config();
  VirtualRoute kept;
  kept.destination = *IpPrefix::parse("198.51.100.0/24");
  kept.gateway = IpAddress::v4(192, 0, 2, 254);
  c.virtual_routes = {kept};
  Instance instance(c, GlobalDefs{}, placement(), host);
  instance.start(t0);
  run_until(instance, t0 + 10s);
  REQUIRE(instance.state() == State::active);
  REQUIRE(host.routes_added.size() >= 1);
  host.clear();

  VirtualRoute added;
  added.destination = *IpPrefix::parse("203.0.113.0/24");
  added.type = VirtualRoute::Type::blackhole;
  c.virtual_routes = {added};
  instance.reconfigure(c, GlobalDefs{}, kNoTrackers, t0 + 10100ms);
  CHECK(host.routes_removed == std::vector<std::string>{" 198.51.100.0/24"});
  CHECK(std::find(host.routes_added.begin(), host.routes_added.end(), " 203.0.113.0/24") !=
        host.routes_added.end());
  CHECK(host.removed.empty());  // the VIP stays
  CHECK(host.sent.empty());
  CHECK(instance.state() == State::active);
}

TEST_CASE("reload: virtual_routes of a Backup are not installed", "[reload]") {
  ReloadHost host;
  Instance instance(base_config(), GlobalDefs{}, placement(), host);
  instance.start(t0);
  InstanceConfig c = base_config();
  VirtualRoute route;
  route.destination = *IpPrefix::parse("203.0.113.0/24");
  route.type = VirtualRoute::Type::blackhole;
  c.virtual_routes = {route};
  instance.reconfigure(c, GlobalDefs{}, kNoTrackers, t0 + 1s);
  CHECK(host.routes_added.empty());
  CHECK(host.routes_removed.empty());
}
