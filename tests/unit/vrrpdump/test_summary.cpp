// vrrpdump --summary: the Active, transitions, gaps, overlaps and split brains, on the
// fixtures and on timed synthetic adverts.
#include <catch2/catch.hpp>

#include "dump_test_support.hpp"
#include "tools/vrrpdump/summary.hpp"

using namespace vrrp;
using namespace vrrp::dump;
using namespace vrrp::dump::test;

namespace {

constexpr std::int64_t kStart = 1'700'000'000'000'000;  // us
constexpr std::int64_t kSecond = 1'000'000;

// An accepted IPv4 v3 advert of VRID 51 from `source` at `t`.
Inspection advert(std::string_view source, std::uint8_t priority, std::int64_t t,
                  int interval_cs = 100) {
  Inspection p;
  p.time_us = t;
  p.family = Family::ipv4;
  p.source = ip(source);
  p.destination = ip("224.0.0.18");
  p.ttl = 255;
  AdvertFields f;
  f.version = Version::v3;
  f.vrid = 51;
  f.priority = priority;
  f.interval = Centiseconds(interval_cs);
  f.addresses = {ip("192.0.2.100")};
  p.advert = f;
  p.checksum_form = ChecksumForm::rfc9568;
  return p;
}

const GroupSummary& only_group(const Summary& s) {
  REQUIRE(s.groups().size() == 1);
  return s.groups().begin()->second;
}

}  // namespace

TEST_CASE(
    "vrrpdump summary, RFC 9568 §6.4.3: the Active is the highest-priority current "
    "advertiser; a steady group has no transition, gap or overlap",
    "[vrrpdump][summary]") {
  Summary s;
  for (int i = 0; i < 10; ++i)
    s.add(advert("192.0.2.1", 200, kStart + i * kSecond));
  s.finish(kStart + 10 * kSecond);
  const GroupSummary& g = only_group(s);
  REQUIRE(g.active.has_value());
  CHECK(*g.active == ip("192.0.2.1"));
  CHECK(g.adverts == 10);
  CHECK(g.transitions == 0);
  CHECK(g.gaps.empty());
  CHECK(g.overlaps.empty());
}

TEST_CASE(
    "vrrpdump summary, RFC 9568 §6.1: a silence longer than Active_Down_Interval is a "
    "gap, a shorter one is not",
    "[vrrpdump][summary]") {
  // Priority 200, 1 s: Active_Down_Interval = 3 s + 56/256 s = 3.21875 s.
  Summary s;
  s.add(advert("192.0.2.1", 200, kStart));
  s.add(advert("192.0.2.1", 200, kStart + 3'218'000));              // just inside: no gap
  s.add(advert("192.0.2.2", 100, kStart + 3'218'000 + 3'219'000));  // just over: a gap
  s.finish(kStart + 7 * kSecond);
  const GroupSummary& g = only_group(s);
  REQUIRE(g.gaps.size() == 1);
  CHECK(g.gaps[0].limit_us == 3'218'750);
  CHECK(g.gaps[0].before == ip("192.0.2.1"));
  CHECK(g.gaps[0].after == ip("192.0.2.2"));
  CHECK(g.transitions == 1);  // r1 went silent, r2 took over
  CHECK(*g.active == ip("192.0.2.2"));
}

TEST_CASE(
    "vrrpdump summary, RFC 9568 §6.4.1: a priority-0 hand-over is one transition and no "
    "gap",
    "[vrrpdump][summary]") {
  Summary s;
  for (int i = 0; i < 4; ++i)
    s.add(advert("192.0.2.1", 200, kStart + i * kSecond));
  s.add(advert("192.0.2.1", 0, kStart + 3 * kSecond + 500'000));
  for (int i = 0; i < 4; ++i)
    s.add(advert("192.0.2.2", 100, kStart + 4 * kSecond + 100'000 + i * kSecond));
  s.finish(kStart + 8 * kSecond);
  const GroupSummary& g = only_group(s);
  CHECK(g.transitions == 1);
  CHECK(g.gaps.empty());
  CHECK(g.overlaps.empty());
  CHECK(*g.active == ip("192.0.2.2"));
  const std::string text = format_summary(s);
  CHECK(
      text.starts_with("IPv4 vrid=51 versions=3 active=192.0.2.2 prio=100 intvl=100cs "
                       "adverts=9 dropped=0 sources=2 transitions=1 gaps=0 overlaps=0 "
                       "split_brain=0\n"));
}

TEST_CASE(
    "vrrpdump summary: two sources advertising together past Active_Down_Interval are a "
    "split brain; a brief overlap is not",
    "[vrrpdump][summary]") {
  Summary both;
  for (int i = 0; i < 6; ++i) {
    both.add(advert("192.0.2.1", 200, kStart + i * kSecond));
    both.add(advert("192.0.2.2", 100, kStart + i * kSecond + 300'000));
  }
  both.finish(kStart + 6 * kSecond);
  const GroupSummary& g = only_group(both);
  REQUIRE(g.overlaps.size() == 1);
  CHECK(g.overlaps[0].split_brain);
  CHECK(g.split_brains() == 1);
  CHECK(*g.active == ip("192.0.2.1"));  // the higher priority
  CHECK(g.transitions == 0);

  Summary brief;  // r2 preempts: r1 sends one more advert, then yields
  for (int i = 0; i < 3; ++i)
    brief.add(advert("192.0.2.1", 100, kStart + i * kSecond));
  for (int i = 0; i < 5; ++i)
    brief.add(advert("192.0.2.2", 200, kStart + 2 * kSecond + 200'000 + i * kSecond));
  brief.finish(kStart + 8 * kSecond);
  const GroupSummary& b = only_group(brief);
  REQUIRE(b.overlaps.size() == 1);
  CHECK_FALSE(b.overlaps[0].split_brain);
  CHECK(b.split_brains() == 0);
  CHECK(b.transitions == 1);
}

TEST_CASE(
    "vrrpdump summary: an Active silent past its Active_Down_Interval at the end is none; "
    "dropped packets only count",
    "[vrrpdump][summary]") {
  Summary s;
  s.add(advert("192.0.2.1", 200, kStart));
  Inspection dropped = advert("192.0.2.9", 250, kStart + 100);
  dropped.drop = DropReason::bad_checksum;
  s.add(dropped);
  s.finish(kStart + 10 * kSecond);
  const GroupSummary& g = only_group(s);
  CHECK_FALSE(g.active.has_value());
  CHECK(g.dropped == 1);
  CHECK(g.adverts == 1);
  CHECK(g.sources.size() == 1);
}

TEST_CASE("vrrpdump summary of the fixtures: three routers, and the priority-0 hand-overs",
          "[vrrpdump][summary][fixtures]") {
  {
    const Run run = run_file("arthurcadore-vrrpv2-ipv4-three-routers.pcap", OutputMode::line, true);
    CHECK(run.output.empty());  // --summary prints no packets
    // .10 stops; 3.64 s later .30 then .20 (8 ms apart) advertise; .30 (higher address) stays.
    CHECK(run.summary.starts_with(
        "IPv4 vrid=1 versions=2 active=192.168.0.30 prio=100 intvl=1s adverts=32 dropped=0 "
        "sources=3 transitions=1 gaps=1 overlaps=1 split_brain=0\n"));
    CHECK(run.summary.find("  gap from=2008-06-19T06:08:31.167718Z to=2008-06-19T06:08:34.808550Z "
                           "length=3.640832s limit=3.218750s before=192.168.0.10 "
                           "after=192.168.0.30\n") != std::string::npos);
    CHECK(run.summary.find("  overlap 192.168.0.30 192.168.0.20 ") != std::string::npos);
  }
  {
    const Run run = run_file("lab-keepalived-v3-ipv4-ipv6-prio0.pcap", OutputMode::line, true);
    CHECK(run.summary.find("IPv4 vrid=7 versions=3 active=192.0.2.12 prio=100 intvl=100cs "
                           "adverts=9 dropped=0 sources=2 transitions=1 gaps=0 overlaps=0 "
                           "split_brain=0\n") != std::string::npos);
    CHECK(run.summary.find("IPv6 vrid=7 versions=3 active=fe80::e88d:16ff:fe80:1022 prio=100 "
                           "intvl=100cs adverts=9 dropped=0 sources=2 transitions=1 gaps=0 "
                           "overlaps=0 split_brain=0\n") != std::string::npos);
  }
  {
    const Run run = run_file("pcapplusplus-VRRP-V2.pcap", OutputMode::line, true);
    CHECK(
        run.summary.starts_with("IPv4 vrid=1 versions=- active=none prio=- intvl=- adverts=0 "
                                "dropped=1 "));
  }
}
