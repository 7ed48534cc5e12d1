// The per-instance glue driven through a recording InstanceHost: what reaches the kernel
// (adverts, addresses, announcements) for each event, with the core's real state machine.
#include <catch2/catch.hpp>
#include <optional>
#include <string>
#include <vector>

#include "vrrp/codec.hpp"
#include "vrrp/daemon/instance.hpp"
#include "vrrp/daemon/instance_config.hpp"

using namespace std::chrono_literals;
using namespace vrrp;
using vrrp::daemon::Instance;
using vrrp::daemon::InstanceHost;
using vrrp::daemon::InstancePlacement;

namespace {

struct SentAdvert {
  int ifindex;
  IpAddress source;
  IpAddress destination;
  Advert advert;
  ChecksumForm form;
};

class RecordingHost : public InstanceHost {
 public:
  int send_advert(Family family, int ifindex, std::span<const std::uint8_t> message,
                  const IpAddress& source, const IpAddress& destination) override {
    buffers.emplace_back(message.begin(), message.end());
    PacketInfo info{family, source, destination, 255};
    auto decoded = decode_advert(info, buffers.back());
    REQUIRE(std::holds_alternative<DecodedAdvert>(decoded));
    const auto& d = std::get<DecodedAdvert>(decoded);
    sent.push_back({ifindex, source, destination, d.advert, d.checksum_form});
    return send_error;
  }
  std::optional<std::string> add_address(const std::string& device, const VirtualAddress& vip,
                                         std::chrono::seconds) override {
    added.push_back(device + " " + vip.prefix.to_string());
    held.push_back(device + " " + vip.prefix.to_string());
    return std::nullopt;
  }
  std::optional<std::string> remove_address(const std::string& device,
                                            const IpPrefix& prefix) override {
    const auto key = device + " " + prefix.to_string();
    removed.push_back(key);
    std::erase(held, key);
    return std::nullopt;
  }
  void announce(const std::string& device, std::span<const IpAddress> addresses,
                std::uint32_t count) override {
    for (const auto& a : addresses)
      announced.push_back(device + " " + a.to_string() + " x" + std::to_string(count));
  }

  std::vector<std::vector<std::uint8_t>> buffers;
  std::vector<SentAdvert> sent;
  std::vector<std::string> added, removed, held, announced;
  int send_error = 0;
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

InstancePlacement placement(const char* device = "eth0") {
  InstancePlacement p;
  p.ifindex = 2;
  p.rx_ifindex = 2;
  p.tx_ifindex = 2;
  p.vip_device = device;
  p.source = IpAddress::v4(192, 0, 2, 1);
  return p;
}

// A received advert: encoded as a peer would, decoded as the socket path does.
struct Incoming {
  std::vector<std::uint8_t> bytes;
  PacketInfo info;
  DecodedAdvert decoded;
};
Incoming advert_from(IpAddress source, std::uint8_t priority, std::uint8_t vrid = 51) {
  Incoming in;
  const std::vector<IpAddress> addresses{IpAddress::v4(192, 0, 2, 100)};
  EncodeRequest r;
  r.vrid = vrid;
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

// Runs the instance's timers up to `until`, as the event loop would.
void run_until(Instance& instance, TimePoint until) {
  while (auto deadline = instance.next_deadline()) {
    if (*deadline > until) break;
    instance.on_timer(*deadline);
  }
}

const TimePoint t0{1000s};

}  // namespace

TEST_CASE("RFC 9568 §6.4.1: a non-owner starts in Backup and sends nothing", "[instance]") {
  RecordingHost host;
  Instance instance(base_config(), GlobalDefs{}, placement(), host);
  instance.start(t0);
  CHECK(instance.state() == State::backup);
  CHECK(host.sent.empty());
  CHECK(host.added.empty());
  CHECK(host.announced.empty());
}

TEST_CASE("RFC 9568 §6.4.2: the down timer makes it Active: advert, VIPs, announcements",
          "[instance]") {
  RecordingHost host;
  Instance instance(base_config(), GlobalDefs{}, placement(), host);
  instance.start(t0);
  // Active_Down_Interval for P=100, I=100 cs: 3.609375 s.
  run_until(instance, t0 + 3600ms);
  CHECK(instance.state() == State::backup);
  run_until(instance, t0 + 3610ms);
  CHECK(instance.state() == State::active);
  REQUIRE(host.sent.size() == 1);
  CHECK(host.sent[0].advert.priority == 100);
  CHECK(host.sent[0].advert.vrid == 51);
  CHECK(host.sent[0].source == IpAddress::v4(192, 0, 2, 1));
  CHECK(host.sent[0].destination == IpAddress::v4(224, 0, 0, 18));
  // keepalived's default form for IPv4 VRRPv3 until a peer shows another.
  CHECK(host.sent[0].form == ChecksumForm::rfc5798);
  CHECK(host.added == std::vector<std::string>{"eth0 192.0.2.100/24"});
  // garp_master_repeat 5 at once, and 5 more after garp_master_delay 5 s.
  CHECK(host.announced == std::vector<std::string>{"eth0 192.0.2.100 x5"});
  run_until(instance, t0 + 3610ms + 5s);
  CHECK(host.announced.size() == 2);
  // Adverts every Advertisement_Interval meanwhile.
  CHECK(host.sent.size() == 6);
}

TEST_CASE("NOTES Part 4.3: our own advert is dropped, counted, and changes nothing", "[instance]") {
  RecordingHost host;
  Instance instance(base_config(), GlobalDefs{}, placement(), host);
  instance.start(t0);
  run_until(instance, t0 + 4s);
  REQUIRE(instance.state() == State::active);
  const auto sent_before = host.sent.size();
  // Our own advert, looped back: the same priority and address would otherwise be answered at
  // once under RFC 9568 §6.4.3 (equal priority, not a greater address).
  auto own = advert_from(IpAddress::v4(192, 0, 2, 1), 100);
  instance.receive(own.info, own.decoded, t0 + 4100ms);
  CHECK(instance.drops()[DropReason::own_advert] == 1);
  CHECK(host.sent.size() == sent_before);
  CHECK(instance.state() == State::active);
  // The same advert from a lower-addressed peer is processed: answered at once (§6.4.3).
  auto peer = advert_from(IpAddress::v4(192, 0, 2, 0), 100);
  instance.receive(peer.info, peer.decoded, t0 + 4100ms);
  CHECK(instance.drops()[DropReason::own_advert] == 1);
  CHECK(host.sent.size() == sent_before + 1);
}

TEST_CASE("RFC 9568 §6.4.3: a higher-priority advert sends the Active back to Backup, VIPs removed",
          "[instance]") {
  RecordingHost host;
  Instance instance(base_config(), GlobalDefs{}, placement(), host);
  instance.start(t0);
  run_until(instance, t0 + 4s);
  REQUIRE(instance.state() == State::active);
  auto better = advert_from(IpAddress::v4(192, 0, 2, 9), 200);
  instance.receive(better.info, better.decoded, t0 + 4100ms);
  CHECK(instance.state() == State::backup);
  CHECK(host.held.empty());
  CHECK(host.removed == std::vector<std::string>{"eth0 192.0.2.100/24"});
  // No more announcements once it left Active: the delayed burst (due 5 s after becoming
  // Active) is cancelled, while the new Active keeps advertising.
  const auto announced = host.announced.size();
  for (auto t = t0 + 5s; t <= t0 + 10s; t += 1s) {
    run_until(instance, t);
    instance.receive(better.info, better.decoded, t);
  }
  CHECK(instance.state() == State::backup);
  CHECK(host.announced.size() == announced);
}

TEST_CASE("unicast_peer: adverts go to each peer; with check_unicast_src only peers are heard",
          "[instance]") {
  RecordingHost host;
  InstanceConfig config = base_config();
  config.check_unicast_src = true;
  for (auto address : {IpAddress::v4(198, 51, 100, 2), IpAddress::v4(198, 51, 100, 3)}) {
    UnicastPeer peer;
    peer.address = address;
    config.unicast_peers.push_back(peer);
  }
  InstancePlacement p = placement();
  p.source = IpAddress::v4(198, 51, 100, 1);
  Instance instance(config, GlobalDefs{}, p, host);
  instance.start(t0);
  auto stranger = advert_from(IpAddress::v4(198, 51, 100, 7), 200);
  instance.receive(stranger.info, stranger.decoded, t0 + 1s);
  CHECK(instance.drops()[DropReason::not_from_unicast_peer] == 1);
  // The stranger's advert did not reset the down timer: Active on time.
  run_until(instance, t0 + 3610ms);
  REQUIRE(instance.state() == State::active);
  REQUIRE(host.sent.size() == 2);
  CHECK(host.sent[0].destination == IpAddress::v4(198, 51, 100, 2));
  CHECK(host.sent[1].destination == IpAddress::v4(198, 51, 100, 3));
  // A peer's higher priority is obeyed.
  auto peer = advert_from(IpAddress::v4(198, 51, 100, 3), 200);
  instance.receive(peer.info, peer.decoded, t0 + 4s);
  CHECK(instance.state() == State::backup);
}

TEST_CASE("SIGTERM: an Active sends priority 0 and removes its VIPs; a Backup sends nothing",
          "[instance]") {
  RecordingHost host;
  InstanceConfig config = base_config();
  config.vmac = VmacConfig{};
  Instance active(config, GlobalDefs{}, placement("vrrp.51"), host);
  active.start(t0);
  run_until(active, t0 + 4s);
  REQUIRE(active.state() == State::active);
  CHECK(host.held == std::vector<std::string>{"vrrp.51 192.0.2.100/24"});
  const auto sent = host.sent.size();
  active.stop(t0 + 4500ms);
  REQUIRE(host.sent.size() == sent + 1);
  CHECK(host.sent.back().advert.priority == 0);  // RFC 9568 §6.4.3 Shutdown
  CHECK(host.held.empty());
  CHECK(active.state() == State::initialize);
  CHECK_FALSE(active.next_deadline());

  RecordingHost host2;
  Instance backup(base_config(), GlobalDefs{}, placement(), host2);
  backup.start(t0);
  backup.stop(t0 + 1s);
  CHECK(host2.sent.empty());
  CHECK(host2.removed.empty());
  CHECK_FALSE(backup.next_deadline());
}

TEST_CASE("a VIP removed by someone while Active is put back; not while Backup", "[instance]") {
  RecordingHost host;
  Instance instance(base_config(), GlobalDefs{}, placement(), host);
  instance.start(t0);
  instance.address_removed("eth0", *IpPrefix::parse("192.0.2.100/24"), t0 + 1s);
  CHECK(host.added.empty());  // Backup: we do not hold it
  run_until(instance, t0 + 4s);
  REQUIRE(host.added.size() == 1);
  instance.address_removed("eth0", *IpPrefix::parse("192.0.2.100/24"), t0 + 4100ms);
  CHECK(host.added.size() == 2);
  CHECK(instance.counters().addresses_restored == 1);
  // Another address, or ours on another device, is none of our business.
  instance.address_removed("eth0", *IpPrefix::parse("192.0.2.101/24"), t0 + 4200ms);
  instance.address_removed("eth1", *IpPrefix::parse("192.0.2.100/24"), t0 + 4200ms);
  CHECK(host.added.size() == 2);
}

TEST_CASE("link down: Active goes to Fault and releases the VIPs; link up: back through Backup",
          "[instance]") {
  RecordingHost host;
  Instance instance(base_config(), GlobalDefs{}, placement(), host);
  instance.start(t0);
  run_until(instance, t0 + 4s);
  REQUIRE(instance.state() == State::active);
  instance.link_changed(false, t0 + 5s);
  CHECK(instance.state() == State::fault);
  CHECK(host.held.empty());
  CHECK_FALSE(instance.next_deadline());
  instance.link_changed(true, t0 + 6s);
  CHECK(instance.state() == State::backup);
  run_until(instance, t0 + 6s + 3610ms);
  CHECK(instance.state() == State::active);
}

TEST_CASE("no source address: the instance waits in Fault until the interface has one",
          "[instance]") {
  RecordingHost host;
  InstancePlacement p = placement();
  p.source.reset();
  Instance instance(base_config(), GlobalDefs{}, p, host);
  instance.start(t0);
  CHECK(instance.state() == State::fault);
  run_until(instance, t0 + 10s);
  CHECK(host.sent.empty());
  instance.source_changed(IpAddress::v4(192, 0, 2, 1), t0 + 10s);
  CHECK(instance.state() == State::backup);
}

TEST_CASE("issue 4 auto checksum: follow a peer that sums IPv4 VRRPv3 the RFC 9568 way",
          "[instance]") {
  RecordingHost host;
  Instance instance(base_config(), GlobalDefs{}, placement(), host);
  instance.start(t0);
  CHECK(instance.checksum_form() == ChecksumForm::rfc5798);
  // A lower-priority peer (so we still become Active) using the RFC 9568 form.
  Incoming in;
  const std::vector<IpAddress> addresses{IpAddress::v4(192, 0, 2, 100)};
  EncodeRequest r;
  r.vrid = 51;
  r.priority = 50;
  r.addresses = addresses;
  r.checksum_form = ChecksumForm::rfc9568;
  r.source = IpAddress::v4(192, 0, 2, 7);
  r.destination = IpAddress::v4(224, 0, 0, 18);
  in.bytes = encode_advert(r);
  in.info = PacketInfo{Family::ipv4, r.source, r.destination, 255};
  auto d = decode_advert(in.info, in.bytes);
  REQUIRE(std::holds_alternative<DecodedAdvert>(d));
  const auto& decoded = std::get<DecodedAdvert>(d);
  if (decoded.matches_both_ipv4_forms) return;  // this header sums to zero: nothing to learn
  instance.receive(in.info, decoded, t0 + 1s);
  CHECK(instance.checksum_form() == ChecksumForm::rfc9568);
  run_until(instance, t0 + 5s);
  REQUIRE_FALSE(host.sent.empty());
  CHECK(host.sent.back().form == ChecksumForm::rfc9568);
}

TEST_CASE("use_vmac names: vrrp.<vrid>, vrrp6.<vrid> for IPv6 beside IPv4, clashes refused",
          "[instance]") {
  using vrrp::daemon::assign_vip_devices;
  auto instance = [](const char* name, std::uint8_t vrid, Family family, bool vmac,
                     std::string vmac_name = {}) {
    InstanceConfig c = base_config();
    c.name = name;
    c.virtual_router_id = vrid;
    c.family = family;
    if (vmac) {
      c.vmac = VmacConfig{};
      c.vmac->interface_name = vmac_name;
    }
    return c;
  };
  // The IPv6 block first: IPv4 still gets vrrp.52.
  CHECK(assign_vip_devices({instance("VI_6", 52, Family::ipv6, true),
                            instance("VI_1", 52, Family::ipv4, true),
                            instance("VI_2", 53, Family::ipv4, false)}) ==
        std::vector<std::string>{"vrrp6.52", "vrrp.52", "eth0"});
  CHECK(assign_vip_devices({instance("VI_6", 52, Family::ipv6, true)}) ==
        std::vector<std::string>{"vrrp.52"});
  // The parser writes the default name in: the same outcome.
  CHECK(assign_vip_devices({instance("VI_6", 52, Family::ipv6, true, "vrrp.52"),
                            instance("VI_1", 52, Family::ipv4, true, "vrrp.52")}) ==
        std::vector<std::string>{"vrrp6.52", "vrrp.52"});
  CHECK(assign_vip_devices(
            {instance("A", 1, Family::ipv4, true, "vip0"), instance("B", 1, Family::ipv6, true)}) ==
        std::vector<std::string>{"vip0", "vrrp.1"});
  CHECK_THROWS_WITH(assign_vip_devices({instance("A", 1, Family::ipv4, true, "vrrp.2"),
                                        instance("B", 2, Family::ipv4, true)}),
                    Catch::Contains("B: VMAC vrrp.2 is already used by instance A"));
}

TEST_CASE("keepalived state MASTER: Active one interval after start-up when no one is heard",
          "[instance][keepalived]") {
  RecordingHost host;
  InstanceConfig config = base_config();
  config.state = InitialState::master;
  Instance instance(config, GlobalDefs{}, placement(), host);
  instance.start(t0);
  CHECK(instance.state() == State::backup);  // RFC 9568 §6.4.1: a non-owner starts in Backup
  CHECK(host.sent.empty());
  run_until(instance, t0 + 1s);
  CHECK(instance.state() == State::backup);
  run_until(instance, t0 + 1004ms);  // 1 s + 1/256 s
  CHECK(instance.state() == State::active);
  CHECK(host.sent.size() == 1);
}

TEST_CASE("keepalived state MASTER: a higher-priority Active heard in time keeps it Backup",
          "[instance][keepalived]") {
  RecordingHost host;
  InstanceConfig config = base_config();
  config.state = InitialState::master;
  Instance instance(config, GlobalDefs{}, placement(), host);
  instance.start(t0);
  auto better = advert_from(IpAddress::v4(192, 0, 2, 9), 200);
  instance.receive(better.info, better.decoded, t0 + 500ms);
  run_until(instance, t0 + 3s);
  CHECK(instance.state() == State::backup);
  CHECK(host.sent.empty());
}

TEST_CASE("keepalived garp_lower_prio_*: an Active announces when it hears a lower priority",
          "[instance][keepalived]") {
  RecordingHost host;
  InstanceConfig config = base_config();
  config.garp.master_delay = 0s;
  config.garp.lower_prio_repeat = 2;
  config.garp.lower_prio_delay = 3s;
  Instance instance(config, GlobalDefs{}, placement(), host);
  instance.start(t0);
  run_until(instance, t0 + 4s);
  REQUIRE(instance.state() == State::active);
  CHECK(host.announced == std::vector<std::string>{"eth0 192.0.2.100 x5"});
  const auto sent = host.sent.size();
  auto lower = advert_from(IpAddress::v4(192, 0, 2, 9), 50);
  instance.receive(lower.info, lower.decoded, t0 + 4100ms);
  CHECK(host.sent.size() == sent + 1);  // RFC 9568 §6.4.3: answered at once
  CHECK(host.announced.back() == "eth0 192.0.2.100 x2");
  CHECK(host.announced.size() == 2);
  run_until(instance, t0 + 7100ms);  // garp_lower_prio_delay later: the second burst
  CHECK(host.announced.size() == 3);
  CHECK(host.announced.back() == "eth0 192.0.2.100 x2");
  SECTION("not taken: a Backup hearing a lower priority announces nothing") {
    RecordingHost backup_host;
    Instance backup(config, GlobalDefs{}, placement(), backup_host);
    backup.start(t0);
    backup.receive(lower.info, lower.decoded, t0 + 100ms);
    CHECK(backup_host.announced.empty());
  }
}

TEST_CASE("keepalived garp_lower_prio_repeat 0: no announcement for a lower priority",
          "[instance][keepalived]") {
  RecordingHost host;
  InstanceConfig config = base_config();
  config.garp.master_delay = 0s;
  config.garp.lower_prio_repeat = 0;
  Instance instance(config, GlobalDefs{}, placement(), host);
  instance.start(t0);
  run_until(instance, t0 + 4s);
  REQUIRE(instance.state() == State::active);
  auto lower = advert_from(IpAddress::v4(192, 0, 2, 9), 50);
  instance.receive(lower.info, lower.decoded, t0 + 4100ms);
  CHECK(host.announced.size() == 1);  // the burst on becoming Active only
}

TEST_CASE("keepalived lower_prio_no_advert: a lower-priority advert is not answered",
          "[instance][keepalived]") {
  RecordingHost host;
  InstanceConfig config = base_config();
  config.lower_prio_no_advert = true;
  Instance instance(config, GlobalDefs{}, placement(), host);
  instance.start(t0);
  run_until(instance, t0 + 4s);
  REQUIRE(instance.state() == State::active);
  const auto sent = host.sent.size();
  auto lower = advert_from(IpAddress::v4(192, 0, 2, 9), 50);
  instance.receive(lower.info, lower.decoded, t0 + 4100ms);
  CHECK(host.sent.size() == sent);
  CHECK(instance.state() == State::active);
}

TEST_CASE("keepalived higher_prio_send_advert: one advert before yielding",
          "[instance][keepalived]") {
  for (const bool on : {true, false}) {
    INFO("higher_prio_send_advert " << on);
    RecordingHost host;
    InstanceConfig config = base_config();
    config.higher_prio_send_advert = on;
    Instance instance(config, GlobalDefs{}, placement(), host);
    instance.start(t0);
    run_until(instance, t0 + 4s);
    REQUIRE(instance.state() == State::active);
    const auto sent = host.sent.size();
    auto better = advert_from(IpAddress::v4(192, 0, 2, 9), 200);
    instance.receive(better.info, better.decoded, t0 + 4100ms);
    CHECK(instance.state() == State::backup);
    REQUIRE(host.sent.size() == sent + (on ? 1 : 0));
    if (on) CHECK(host.sent.back().advert.priority == 100);
  }
}

TEST_CASE("keepalived dont_track_primary: the instance's own link going down is no fault",
          "[instance][keepalived]") {
  for (const bool dont_track : {true, false}) {
    INFO("dont_track_primary " << dont_track);
    RecordingHost host;
    InstanceConfig config = base_config();
    config.dont_track_primary = dont_track;
    Instance instance(config, GlobalDefs{}, placement(), host);
    instance.start(t0);
    run_until(instance, t0 + 4s);
    REQUIRE(instance.state() == State::active);
    instance.link_changed(false, t0 + 5s);
    CHECK(instance.state() == (dont_track ? State::active : State::fault));
    CHECK(host.held.empty() == !dont_track);
    instance.link_changed(true, t0 + 6s);
    CHECK(instance.state() == (dont_track ? State::active : State::backup));
  }
  SECTION("a weight-0 tracker still faults it") {
    RecordingHost host;
    InstanceConfig config = base_config();
    config.dont_track_primary = true;
    InstancePlacement p = placement();
    p.link_usable = false;
    Instance instance(config, GlobalDefs{}, p, host);
    instance.start(t0);
    CHECK(instance.state() == State::backup);  // down at start-up: no Fault either
    TrackingResult failing;
    failing.fault = true;
    instance.tracking_changed(failing, t0 + 1s);
    CHECK(instance.state() == State::fault);
  }
}

namespace {
// A unicast advert (to 198.51.100.1) with the given TTL and addresses.
Incoming unicast_advert(IpAddress source, std::uint8_t priority, std::uint8_t ttl,
                        Version version = Version::v3,
                        std::vector<IpAddress> addresses = {IpAddress::v4(192, 0, 2, 100)}) {
  Incoming in;
  EncodeRequest r;
  r.version = version;
  r.vrid = 51;
  r.priority = priority;
  r.interval = Centiseconds{100};
  r.addresses = addresses;
  r.checksum_form = version == Version::v2 ? ChecksumForm::v2 : ChecksumForm::rfc5798;
  r.source = source;
  r.destination = IpAddress::v4(198, 51, 100, 1);
  in.bytes = encode_advert(r);
  in.info = PacketInfo{Family::ipv4, source, r.destination, ttl};
  auto d = decode_advert(in.info, in.bytes, TtlCheck::deferred);
  REQUIRE(std::holds_alternative<DecodedAdvert>(d));
  in.decoded = std::get<DecodedAdvert>(d);
  return in;
}

InstanceConfig unicast_config(std::optional<std::uint8_t> min_ttl = std::nullopt,
                              std::optional<std::uint8_t> max_ttl = std::nullopt) {
  InstanceConfig config = base_config();
  UnicastPeer peer;
  peer.address = IpAddress::v4(198, 51, 100, 2);
  peer.min_ttl = min_ttl;
  peer.max_ttl = max_ttl;
  config.unicast_peers.push_back(peer);
  return config;
}

InstancePlacement unicast_placement() {
  InstancePlacement p = placement();
  p.source = IpAddress::v4(198, 51, 100, 1);
  return p;
}
}  // namespace

TEST_CASE("keepalived check_unicast_src off: a unicast advert from any source is heard",
          "[instance][keepalived]") {
  RecordingHost host;
  Instance instance(unicast_config(), GlobalDefs{}, unicast_placement(), host);
  instance.start(t0);
  // Not a peer, TTL 64 (a routed sender): keepalived hears it without check_unicast_src.
  auto stranger = unicast_advert(IpAddress::v4(198, 51, 100, 7), 200, 64);
  for (auto t = t0 + 1s; t <= t0 + 8s; t += 1s)
    instance.receive(stranger.info, stranger.decoded, t);
  run_until(instance, t0 + 9s);
  CHECK(instance.state() == State::backup);
  CHECK(instance.drops()[DropReason::not_from_unicast_peer] == 0);
  CHECK(instance.drops()[DropReason::ttl_not_255] == 0);
}

TEST_CASE("keepalived unicast_peer min_ttl / max_ttl: the peer's TTL range, other TTLs dropped",
          "[instance][keepalived]") {
  RecordingHost host;
  InstanceConfig config = unicast_config(250, 254);
  config.check_unicast_src = true;  // the parser sets it for a peer with min_ttl / max_ttl
  Instance instance(config, GlobalDefs{}, unicast_placement(), host);
  instance.start(t0);
  for (std::uint8_t ttl : {64, 249, 255}) {
    INFO("ttl " << int(ttl));
    auto out_of_range = unicast_advert(IpAddress::v4(198, 51, 100, 2), 200, ttl);
    instance.receive(out_of_range.info, out_of_range.decoded, t0 + 1s);
  }
  CHECK(instance.drops()[DropReason::ttl_outside_peer_range] == 3);
  auto stranger = unicast_advert(IpAddress::v4(198, 51, 100, 7), 200, 252);
  instance.receive(stranger.info, stranger.decoded, t0 + 1s);
  CHECK(instance.drops()[DropReason::not_from_unicast_peer] == 1);
  // In range: heard, and it keeps us Backup.
  auto in_range = unicast_advert(IpAddress::v4(198, 51, 100, 2), 200, 250);
  for (auto t = t0 + 2s; t <= t0 + 8s; t += 1s)
    instance.receive(in_range.info, in_range.decoded, t);
  run_until(instance, t0 + 9s);
  CHECK(instance.state() == State::backup);
  CHECK(instance.drops()[DropReason::ttl_outside_peer_range] == 3);
}

TEST_CASE("RFC 9568 §7.1: a multicast instance still drops a unicast advert below TTL 255",
          "[instance]") {
  RecordingHost host;
  Instance instance(base_config(), GlobalDefs{}, placement(), host);
  instance.start(t0);
  auto routed = unicast_advert(IpAddress::v4(192, 0, 2, 9), 200, 254);
  instance.receive(routed.info, routed.decoded, t0 + 1s);
  CHECK(instance.drops()[DropReason::ttl_not_255] == 1);
  auto on_link = unicast_advert(IpAddress::v4(192, 0, 2, 9), 200, 255);
  instance.receive(on_link.info, on_link.decoded, t0 + 1s);
  CHECK(instance.drops()[DropReason::ttl_not_255] == 1);
}

TEST_CASE("keepalived skip_check_adv_addr: the last sender's address list is not compared again",
          "[instance][keepalived]") {
  for (const bool skip : {true, false}) {
    INFO("skip_check_adv_addr " << skip);
    RecordingHost host;
    InstanceConfig config = base_config();
    config.version = Version::v2;
    config.skip_check_adv_addr = skip;
    Instance instance(config, GlobalDefs{}, placement(), host);
    instance.start(t0);
    const IpAddress sender = IpAddress::v4(192, 0, 2, 9);
    const IpAddress other = IpAddress::v4(192, 0, 2, 200);
    // A new sender is always checked (RFC 3768 §7.1 drops a wrong list).
    auto wrong = unicast_advert(sender, 200, 255, Version::v2, {other});
    instance.receive(wrong.info, wrong.decoded, t0 + 100ms);
    CHECK(instance.drops()[DropReason::v2_address_list_mismatch] == 1);
    auto right = unicast_advert(sender, 200, 255, Version::v2);
    instance.receive(right.info, right.decoded, t0 + 200ms);
    // Now the same sender's list changes.
    instance.receive(wrong.info, wrong.decoded, t0 + 300ms);
    CHECK(instance.drops()[DropReason::v2_address_list_mismatch] == (skip ? 1 : 2));
  }
}
