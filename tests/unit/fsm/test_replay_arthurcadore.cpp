// Replays arthurcadore-vrrpv2-ipv4-three-routers.pcap (../shared/fixtures/pcaps, see its
// README) into a v2 Backup standing in for 192.168.0.20: priority 100, VRID 1, 1 s. The
// capture: 192.168.0.10 (200) advertises 11 times and stops; ~3.6 s later .30 and .20 (both
// 100) each advertise once as Master, 8 ms apart; from then on only .30, the higher address.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <variant>

#include "fsm_test_support.hpp"
#include "unit/codec/pcap_fixture.hpp"
#include "vrrp/codec.hpp"
#include "vrrp/timers.hpp"

using namespace fsm_test;
using vrrp::TransitionReason;
using vrrp::Version;

namespace {
TimePoint capture_time(const vrrp::test::PcapFrame& frame) {
  return TimePoint{} + std::chrono::microseconds(frame.timestamp_us);
}
}  // namespace

TEST_CASE(
    "RFC 3768 §6.4: replaying the arthurcadore three-router capture into .20 gives the "
    "capture's election",
    "[replay][rfc3768-6.4][pcap]") {
  const auto capture = vrrp::test::read_pcap(
      vrrp::test::fixture_path("arthurcadore-vrrpv2-ipv4-three-routers.pcap"));
  REQUIRE(capture.frames.size() == 32);

  const IpAddress self = ip("192.168.0.20");
  MachineConfig c = config(100, "192.168.0.20");
  c.version = Version::v2;
  c.vrid = 1;
  StateMachine m(c);
  std::vector<Action> out;

  // .20 was already up as a Backup when the capture began.
  const TimePoint first = capture_time(capture.frames.front());
  m.startup(first - 500ms, out);

  struct Event {
    TimePoint at;
    Action action;
  };
  std::vector<Event> ours;  // what our machine did, timed
  auto collect = [&](TimePoint at) {
    for (const auto& a : out)
      ours.push_back({at, a});
    out.clear();
  };
  collect(first - 500ms);

  std::vector<TimePoint> capture_self_sends;  // what the real .20 sent
  TimePoint last_from_10{};
  TimePoint first_from_30{};
  for (const auto& frame : capture.frames) {
    REQUIRE(frame.link == vrrp::test::LinkStatus::ip);
    const auto decoded = vrrp::decode_ip_packet(frame.ip);
    REQUIRE(std::holds_alternative<vrrp::ReceivedAdvert>(decoded));
    const auto& received = std::get<vrrp::ReceivedAdvert>(decoded);
    const auto& adv = received.decoded.advert;
    REQUIRE(adv.version == Version::v2);
    REQUIRE(adv.vrid == 1);
    const TimePoint at = capture_time(frame);

    // Timers due before this packet fire first.
    while (m.next_deadline() && *m.next_deadline() <= at) {
      const TimePoint due = *m.next_deadline();
      m.timer_expired(due, out);
      collect(due);
    }
    if (received.info.source == self) {
      capture_self_sends.push_back(at);  // own adverts are filtered by the I/O layer
      continue;
    }
    if (received.info.source == ip("192.168.0.10")) last_from_10 = at;
    if (received.info.source == ip("192.168.0.30") && first_from_30 == TimePoint{}) {
      first_from_30 = at;
    }
    m.advert_received(
        vrrp::AdvertEvent{received.info.source, adv.priority, adv.max_advert_interval, adv.version},
        at, out);
    collect(at);
  }

  // The capture's .20 advertised exactly once, as did ours.
  REQUIRE(capture_self_sends.size() == 1);
  const auto sends = [&] {
    std::vector<Event> found;
    for (const auto& e : ours) {
      if (std::holds_alternative<vrrp::SendAdvert>(e.action)) found.push_back(e);
    }
    return found;
  }();
  REQUIRE(sends.size() == 1);
  CHECK(std::get<vrrp::SendAdvert>(sends[0].action).priority == 100);

  // Ours went Master exactly Master_Down_Interval (3 s + 156/256 s) after .10's last advert.
  const TimePoint expected_master = vrrp::deadline_after(
      last_from_10, vrrp::active_down_interval(Version::v2, 100, Centiseconds{100}));
  CHECK(sends[0].at == expected_master);
  // The real .20 sent 39.5 ms later (its timers are coarser); within 50 ms, and not before.
  CHECK(capture_self_sends[0] >= expected_master);
  CHECK(capture_self_sends[0] - expected_master < 50ms);

  // Transitions: startup Backup, Master on the down timer, Backup again on .30's advert
  // (equal priority, higher address: 192.168.0.30 > 192.168.0.20).
  std::vector<Event> changes;
  for (const auto& e : ours) {
    if (std::holds_alternative<vrrp::StateChanged>(e.action)) changes.push_back(e);
  }
  REQUIRE(changes.size() == 3);
  CHECK(std::get<vrrp::StateChanged>(changes[0].action).to == State::backup);
  CHECK(std::get<vrrp::StateChanged>(changes[1].action).to == State::active);
  CHECK(std::get<vrrp::StateChanged>(changes[1].action).reason ==
        TransitionReason::active_down_timer_expired);
  CHECK(changes[1].at == expected_master);
  CHECK(std::get<vrrp::StateChanged>(changes[2].action).to == State::backup);
  CHECK(std::get<vrrp::StateChanged>(changes[2].action).reason ==
        TransitionReason::equal_priority_higher_address);
  CHECK(changes[2].at == first_from_30);

  // As in the capture, .30 stays Master and .20 stays quiet to the end.
  CHECK(m.state() == State::backup);
  CHECK(m.active_address() == ip("192.168.0.30"));
  CHECK(m.active_priority() == 100);
  // And the capture's last .30 advert keeps us Backup for a full Master_Down_Interval.
  const TimePoint end = capture_time(capture.frames.back());
  CHECK(*m.next_deadline() == expected_master - last_from_10 + end);
}
