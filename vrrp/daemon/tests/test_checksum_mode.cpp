// Issue 4's `checksum` modes for IPv4 VRRPv3 (RFC 9568 §5.2.8 against the pseudo-header form of
// keepalived and FRR, NOTES Part 2.3 and Part 4.2), through the real Instance: which form is
// sent first, which forms are accepted, when `auto` follows a peer, and issue 5's counters of
// adverts per checksum form and per peer.
#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <vector>

#include "vrrp/codec.hpp"
#include "vrrp/daemon/instance.hpp"
#include "vrrp/daemon/instance_config.hpp"
#include "vrrp/daemon/log_lines.hpp"

using namespace std::chrono_literals;
using namespace vrrp;
using vrrp::daemon::Instance;
using vrrp::daemon::InstanceHost;
using vrrp::daemon::InstancePlacement;
using vrrp::daemon::PeerCounters;

namespace {

// Records the form of every advert sent; the kernel side is not this test's business.
class FormHost : public InstanceHost {
 public:
  int send_advert(Family family, int, std::span<const std::uint8_t> message,
                  const IpAddress& source, const IpAddress& destination) {
    const std::vector<std::uint8_t> bytes(message.begin(), message.end());
    auto decoded = decode_advert(PacketInfo{family, source, destination, 255}, bytes);
    REQUIRE(std::holds_alternative<DecodedAdvert>(decoded));
    forms.push_back(std::get<DecodedAdvert>(decoded).checksum_form);
    return 0;
  }
  // Both forms of add_address: InstanceHost gains a lifetime (issue 8); whichever it declares
  // is overridden. No `override` on any member, so the unused one is not an error.
  std::optional<std::string> add_address(const std::string&, const VirtualAddress&) {
    return std::nullopt;
  }
  std::optional<std::string> add_address(const std::string&, const VirtualAddress&,
                                         std::chrono::seconds) {
    return std::nullopt;
  }
  std::optional<std::string> remove_address(const std::string&, const IpPrefix&) {
    return std::nullopt;
  }
  void announce(const std::string&, std::span<const IpAddress>, std::uint32_t) {}

  std::vector<ChecksumForm> forms;
};

InstanceConfig v3_config(ChecksumMode mode, bool v3_checksum_as_v2 = false) {
  InstanceConfig c;
  c.name = "VI_1";
  c.interface = "eth0";
  c.virtual_router_id = 51;
  c.priority = 100;
  c.version = Version::v3;
  c.advert_interval = Centiseconds{100};
  VirtualAddress vip;
  vip.prefix = *IpPrefix::parse("192.0.2.100/24");
  c.virtual_addresses = {vip};
  c.checksum = mode;
  c.v3_checksum_as_v2 = v3_checksum_as_v2;
  return c;
}

InstancePlacement placement() {
  InstancePlacement p;
  p.ifindex = p.rx_ifindex = p.tx_ifindex = 2;
  p.vip_device = "eth0";
  p.source = IpAddress::v4(192, 0, 2, 1);
  return p;
}

struct Incoming {
  std::vector<std::uint8_t> bytes;
  PacketInfo info;
  DecodedAdvert decoded;
};

// An advert from `source` summed in `form`, decoded as the socket path does. Addresses whose
// IPv4 pseudo-header sums to zero would match both forms; the sources used here do not.
Incoming advert(ChecksumForm form, IpAddress source, std::uint8_t priority) {
  static const std::vector<IpAddress> addresses{IpAddress::v4(192, 0, 2, 100)};
  Incoming in;
  EncodeRequest r;
  r.vrid = 51;
  r.priority = priority;
  r.addresses = addresses;
  r.checksum_form = form;
  r.source = source;
  r.destination = IpAddress::v4(224, 0, 0, 18);
  in.bytes = encode_advert(r);
  in.info = PacketInfo{Family::ipv4, source, r.destination, 255};
  auto d = decode_advert(in.info, in.bytes);
  REQUIRE(std::holds_alternative<DecodedAdvert>(d));
  in.decoded = std::get<DecodedAdvert>(d);
  REQUIRE_FALSE(in.decoded.matches_both_ipv4_forms);
  REQUIRE(in.decoded.checksum_form == form);
  return in;
}

void run_until(Instance& instance, TimePoint until) {
  while (auto deadline = instance.next_deadline()) {
    if (*deadline > until) break;
    instance.on_timer(*deadline);
  }
}

const TimePoint t0{1000s};
const IpAddress kPeer = IpAddress::v4(192, 0, 2, 7);

}  // namespace

TEST_CASE("issue 4 checksum: the first form sent, by mode and v3_checksum_as_v2", "[checksum]") {
  using vrrp::daemon::initial_checksum_form;
  const GlobalDefs g;
  // auto: keepalived's form, or RFC 9568's under v3_checksum_as_v2.
  CHECK(initial_checksum_form(v3_config(ChecksumMode::automatic), g) == ChecksumForm::rfc5798);
  CHECK(initial_checksum_form(v3_config(ChecksumMode::automatic, true), g) ==
        ChecksumForm::rfc9568);
  // A fixed mode overrides v3_checksum_as_v2 either way.
  CHECK(initial_checksum_form(v3_config(ChecksumMode::rfc5798, true), g) == ChecksumForm::rfc5798);
  CHECK(initial_checksum_form(v3_config(ChecksumMode::rfc9568, false), g) == ChecksumForm::rfc9568);
  // One form only: VRRPv2 (RFC 3768 §5.3.8) and IPv6 (RFC 9568 §5.2.8).
  InstanceConfig v2 = v3_config(ChecksumMode::rfc5798);
  v2.version = Version::v2;
  CHECK(initial_checksum_form(v2, g) == ChecksumForm::v2);
  InstanceConfig v6 = v3_config(ChecksumMode::rfc5798);
  v6.family = Family::ipv6;
  CHECK(initial_checksum_form(v6, g) == ChecksumForm::rfc9568);
}

TEST_CASE("issue 4 checksum: auto accepts both forms, a fixed mode only its own", "[checksum]") {
  using vrrp::daemon::receiver_config_for;
  const GlobalDefs g;
  const auto automatic = receiver_config_for(v3_config(ChecksumMode::automatic), g, {});
  CHECK(automatic.accept_rfc9568_checksum);
  CHECK(automatic.accept_rfc5798_checksum);
  const auto rfc9568 = receiver_config_for(v3_config(ChecksumMode::rfc9568), g, {});
  CHECK(rfc9568.accept_rfc9568_checksum);
  CHECK_FALSE(rfc9568.accept_rfc5798_checksum);
  const auto rfc5798 = receiver_config_for(v3_config(ChecksumMode::rfc5798), g, {});
  CHECK_FALSE(rfc5798.accept_rfc9568_checksum);
  CHECK(rfc5798.accept_rfc5798_checksum);
}

TEST_CASE("issue 4 checksum rfc9568: a higher peer in RFC 5798 form is dropped, both Active",
          "[checksum]") {
  FormHost host;
  Instance instance(v3_config(ChecksumMode::rfc9568), GlobalDefs{}, placement(), host);
  instance.start(t0);
  // keepalived 2.2 with priority 200 keeps advertising in its form: never heard.
  for (int i = 0; i < 5; ++i) {
    const auto in = advert(ChecksumForm::rfc5798, kPeer, 200);
    instance.receive(in.info, in.decoded, t0 + std::chrono::seconds(i));
  }
  run_until(instance, t0 + 5s);
  CHECK(instance.drops()[DropReason::checksum_form_refused] == 5);
  CHECK(instance.state() == State::active);  // the documented failure: two Actives
  CHECK(instance.checksum_form() == ChecksumForm::rfc9568);
  CHECK_FALSE(instance.checksum_form_switched());
  REQUIRE_FALSE(host.forms.empty());
  for (ChecksumForm f : host.forms)
    CHECK(f == ChecksumForm::rfc9568);
  // Counted under the form it came in, and under its sender, though dropped.
  CHECK(instance.counters().checksum_rfc5798 == 5);
  CHECK(instance.counters().checksum_rfc9568 == 0);
  CHECK(instance.counters().peers.peers().at(kPeer) == 5);

  // The same peer in the RFC 9568 form is heard: it takes over.
  const auto good = advert(ChecksumForm::rfc9568, kPeer, 200);
  instance.receive(good.info, good.decoded, t0 + 6s);
  CHECK(instance.state() == State::backup);
  CHECK(instance.drops()[DropReason::checksum_form_refused] == 5);
}

TEST_CASE("issue 4 checksum rfc5798: an advert in RFC 9568 form is dropped, its own is taken",
          "[checksum]") {
  FormHost host;
  Instance instance(v3_config(ChecksumMode::rfc5798, /*v3_checksum_as_v2=*/true), GlobalDefs{},
                    placement(), host);
  instance.start(t0);
  const auto other = advert(ChecksumForm::rfc9568, kPeer, 200);
  instance.receive(other.info, other.decoded, t0 + 1s);
  CHECK(instance.drops()[DropReason::checksum_form_refused] == 1);
  CHECK(instance.checksum_form() == ChecksumForm::rfc5798);
  const auto own_form = advert(ChecksumForm::rfc5798, kPeer, 200);
  instance.receive(own_form.info, own_form.decoded, t0 + 2s);
  CHECK(instance.drops()[DropReason::checksum_form_refused] == 1);
  run_until(instance, t0 + 4s);
  CHECK(instance.state() == State::backup);  // the peer's adverts hold it down
  CHECK(instance.counters().checksum_rfc9568 == 1);
  CHECK(instance.counters().checksum_rfc5798 == 1);
}

TEST_CASE("issue 4 checksum auto: switches once to a peer's form and accepts both after",
          "[checksum]") {
  FormHost host;
  Instance instance(v3_config(ChecksumMode::automatic), GlobalDefs{}, placement(), host);
  instance.start(t0);
  run_until(instance, t0 + 4s);
  REQUIRE(instance.state() == State::active);
  CHECK(host.forms.back() == ChecksumForm::rfc5798);
  // A lower peer in the RFC 9568 form: followed, not dropped.
  const auto lower = advert(ChecksumForm::rfc9568, kPeer, 50);
  instance.receive(lower.info, lower.decoded, t0 + 4100ms);
  CHECK(instance.checksum_form() == ChecksumForm::rfc9568);
  CHECK(instance.checksum_form_switched());
  run_until(instance, t0 + 6s);
  CHECK(host.forms.back() == ChecksumForm::rfc9568);
  // Another peer in keepalived's form later: accepted, and no switch back.
  const auto back = advert(ChecksumForm::rfc5798, IpAddress::v4(192, 0, 2, 8), 50);
  instance.receive(back.info, back.decoded, t0 + 6100ms);
  CHECK(instance.checksum_form() == ChecksumForm::rfc9568);
  CHECK(instance.drops().total() == 0);
  CHECK(instance.counters().checksum_rfc9568 == 1);
  CHECK(instance.counters().checksum_rfc5798 == 1);
}

TEST_CASE("issue 4 checksum: a sum valid in both forms is accepted by every mode, not followed",
          "[checksum]") {
  for (ChecksumMode mode :
       {ChecksumMode::automatic, ChecksumMode::rfc9568, ChecksumMode::rfc5798}) {
    FormHost host;
    Instance instance(v3_config(mode), GlobalDefs{}, placement(), host);
    instance.start(t0);
    // The decoder's verdict for an IPv4 pseudo-header that sums to zero (codec.hpp).
    auto in = advert(ChecksumForm::rfc9568, kPeer, 200);
    in.decoded.matches_both_ipv4_forms = true;
    instance.receive(in.info, in.decoded, t0 + 1s);
    CHECK(instance.drops().total() == 0);
    CHECK(instance.counters().checksum_both_forms == 1);
    CHECK(instance.counters().checksum_rfc9568 == 0);
    CHECK_FALSE(instance.checksum_form_switched());
  }
}

TEST_CASE("issue 5 counters: per form and per peer; our own looped advert is no peer",
          "[checksum]") {
  FormHost host;
  Instance instance(v3_config(ChecksumMode::automatic), GlobalDefs{}, placement(), host);
  instance.start(t0);
  const auto own = advert(ChecksumForm::rfc5798, IpAddress::v4(192, 0, 2, 1), 100);
  instance.receive(own.info, own.decoded, t0 + 1s);
  CHECK(instance.drops()[DropReason::own_advert] == 1);
  CHECK(instance.counters().adverts_received == 1);
  CHECK(instance.counters().checksum_rfc5798 == 0);
  CHECK(instance.counters().peers.peers().empty());
  for (int i = 0; i < 3; ++i) {
    const auto in = advert(ChecksumForm::rfc5798, kPeer, 200);
    instance.receive(in.info, in.decoded, t0 + 2s);
  }
  CHECK(instance.counters().checksum_rfc5798 == 3);
  CHECK(instance.counters().peers.peers().size() == 1);
  CHECK(instance.counters().peers.peers().at(kPeer) == 3);
}

TEST_CASE("issue 5 counters: at most 64 peers get a line, the rest count as other", "[checksum]") {
  PeerCounters peers;
  for (int i = 1; i <= 70; ++i)
    peers.count(IpAddress::v4(198, 51, 100, static_cast<std::uint8_t>(i)));
  peers.count(IpAddress::v4(198, 51, 100, 1));   // known: its own line
  peers.count(IpAddress::v4(198, 51, 100, 70));  // beyond the bound: other
  CHECK(peers.peers().size() == PeerCounters::kMaxPeers);
  CHECK(peers.peers().at(IpAddress::v4(198, 51, 100, 1)) == 2);
  CHECK(peers.peers().at(IpAddress::v4(198, 51, 100, 64)) == 1);
  CHECK(peers.peers().count(IpAddress::v4(198, 51, 100, 65)) == 0);
  CHECK(peers.other() == 7);
}

TEST_CASE("issue 5 log: the refused checksum line names both forms and the mode", "[checksum]") {
  using vrrp::daemon::format_checksum_refused;
  using vrrp::daemon::format_drop;
  CHECK(format_checksum_refused(ChecksumForm::rfc5798, ChecksumMode::rfc9568) ==
        "checksum in RFC 5798 form, expected RFC 9568 (checksum rfc9568)");
  CHECK(format_checksum_refused(ChecksumForm::rfc9568, ChecksumMode::rfc5798) ==
        "checksum in RFC 9568 form, expected RFC 5798 (checksum rfc5798)");
  CHECK(format_drop("VI_1", IpAddress::v4(192, 0, 2, 7), DropReason::checksum_form_refused, 3,
                    format_checksum_refused(ChecksumForm::rfc5798, ChecksumMode::rfc9568)) ==
        "VI_1: dropped advert from 192.0.2.7: checksum_form_refused: checksum in RFC 5798 form, "
        "expected RFC 9568 (checksum rfc9568) (3 similar suppressed)");
}
