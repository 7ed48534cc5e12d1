// vrrpdump -r over every capture in ../shared/fixtures/pcaps: the decoded values, checksum
// forms and verdicts the fixtures' README gives, read through the real libpcap reader.
#include <catch2/catch.hpp>

#include <filesystem>
#include <set>
#include <sstream>

#include "dump_test_support.hpp"
#include "tools/vrrpdump/format.hpp"

using namespace vrrp;
using namespace vrrp::dump;
using namespace vrrp::dump::test;

namespace {

void check_advert(const Inspection& p, Version version, std::uint8_t vrid, std::uint8_t priority,
                  Centiseconds interval, const std::vector<IpAddress>& addresses,
                  ChecksumForm form) {
  REQUIRE(p.advert.has_value());
  CHECK(p.advert->version == version);
  CHECK(p.advert->vrid == vrid);
  CHECK(p.advert->priority == priority);
  CHECK(p.advert->interval == interval);
  CHECK(p.advert->addresses == addresses);
  CHECK(p.checksum_form == form);
  CHECK(p.ttl == 255);
  CHECK(p.ttl_verdict == TtlVerdict::ok);
  if (version == Version::v2) CHECK(p.advert->auth_type == AuthType::none);
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    out.push_back(line);
  return out;
}

const std::set<std::string> kCovered = {
    "pcapplusplus-VRRP-V2.pcap",
    "pcapplusplus-VRRP-V3-IPv4.pcap",
    "pcapplusplus-VRRP-V3-IPv6.pcap",
    "arthurcadore-vrrpv2-ipv4-three-routers.pcap",
    "tcpdump-vrrp-vrrp_print-oobr.pcap",
    "tcpdump-vrrp-vrrp_print-oobr-2.pcap",
    "tcpdump-icmp-icmp_print-oobr-1.pcap",
    "lab-keepalived-v2-ipv4.pcap",
    "lab-keepalived-v2-ipv4-vmac.pcap",
    "lab-keepalived-v2-ipv4-prio0.pcap",
    "lab-keepalived-v3-ipv4.pcap",
    "lab-keepalived-v3-ipv4-vmac.pcap",
    "lab-keepalived-v3-ipv6.pcap",
    "lab-keepalived-v3-ipv6-vmac.pcap",
    "lab-keepalived-v3-ipv4-ipv6-prio0.pcap",
};

}  // namespace

TEST_CASE("vrrpdump fixtures: every capture is covered, one line per VRRP packet",
          "[vrrpdump][fixtures]") {
  std::set<std::string> present;
  for (const auto& entry : std::filesystem::directory_iterator(VRRPD_FIXTURES_DIR)) {
    if (entry.path().extension() == ".pcap") present.insert(entry.path().filename().string());
  }
  CHECK(present == kCovered);  // a new capture needs its expectations here
  for (const auto& name : present) {
    INFO(name);
    const Run run = run_file(name);
    CHECK(!run.packets.empty());
    CHECK(lines_of(run.output).size() == run.packets.size());
  }
}

TEST_CASE("vrrpdump fixtures, RFC 3768: keepalived's VRRPv2 adverts are ok in the v2 form",
          "[vrrpdump][fixtures]") {
  for (const char* name : {"lab-keepalived-v2-ipv4.pcap", "lab-keepalived-v2-ipv4-vmac.pcap"}) {
    INFO(name);
    const Run run = run_file(name);
    REQUIRE(run.packets.size() == 4);
    CHECK(run.frames > 4);  // the gratuitous ARPs are not printed
    for (const Inspection& p : run.packets) {
      CHECK(p.source == ip("192.0.2.11"));
      CHECK(p.destination == ip("224.0.0.18"));
      check_advert(p, Version::v2, 7, 200, Centiseconds(100), {ip("192.0.2.100")},
                   ChecksumForm::v2);
      CHECK(p.accepted());
      CHECK(p.notices.empty());
    }
  }
  const Run run = run_file("lab-keepalived-v2-ipv4.pcap");
  CHECK(lines_of(run.output)[0] ==
        "2026-11-25T13:35:40.075187Z 192.0.2.11 > 224.0.0.18 vrrpv2 vrid=7 prio=200 intvl=1s "
        "addrs=192.0.2.100 auth=none ttl=255 sum=v2 verdict=ok");
}

TEST_CASE("vrrpdump fixtures, RFC 3768 §5.3.4: the v2 priority-0 hand-over",
          "[vrrpdump][fixtures]") {
  const Run run = run_file("lab-keepalived-v2-ipv4-prio0.pcap");
  REQUIRE(run.packets.size() == 9);
  for (std::size_t i = 0; i < 9; ++i) {
    INFO("advert " << i + 1);
    const std::uint8_t priority = i < 4 ? 200 : (i == 4 ? 0 : 100);
    CHECK(run.packets[i].source == ip(i < 5 ? "192.0.2.11" : "192.0.2.12"));
    check_advert(run.packets[i], Version::v2, 7, priority, Centiseconds(100), {ip("192.0.2.100")},
                 ChecksumForm::v2);
    CHECK(run.packets[i].accepted());
  }
  CHECK(lines_of(run.output)[4].find(" prio=0 ") != std::string::npos);
}

TEST_CASE("vrrpdump fixtures, RFC 5798 §5.2.8: keepalived's VRRPv3 IPv4 is in the rfc5798 form",
          "[vrrpdump][fixtures]") {
  for (const char* name : {"lab-keepalived-v3-ipv4.pcap", "lab-keepalived-v3-ipv4-vmac.pcap"}) {
    INFO(name);
    const Run run = run_file(name);
    REQUIRE(run.packets.size() == 4);
    for (const Inspection& p : run.packets) {
      CHECK(p.source == ip("192.0.2.11"));
      check_advert(p, Version::v3, 7, 200, Centiseconds(100), {ip("192.0.2.100")},
                   ChecksumForm::rfc5798);
      CHECK(p.accepted());
    }
    for (const auto& line : lines_of(run.output)) {
      CHECK(line.find(" vrrpv3 vrid=7 prio=200 intvl=100cs addrs=192.0.2.100 ttl=255 "
                      "sum=rfc5798 verdict=ok") != std::string::npos);
    }
  }
}

TEST_CASE(
    "vrrpdump fixtures, RFC 9568 §5.2.8, EID 8300: keepalived's VRRPv3 IPv6 is ok with the "
    "link-local notice",
    "[vrrpdump][fixtures]") {
  for (const char* name : {"lab-keepalived-v3-ipv6.pcap", "lab-keepalived-v3-ipv6-vmac.pcap"}) {
    INFO(name);
    const Run run = run_file(name);
    REQUIRE(run.packets.size() == 4);
    for (const Inspection& p : run.packets) {
      REQUIRE(p.source.has_value());
      CHECK(p.source->is_link_local());
      CHECK(p.destination == ip("ff02::12"));
      check_advert(p, Version::v3, 7, 200, Centiseconds(100), {ip("2001:db8::100")},
                   ChecksumForm::rfc9568);
      CHECK(p.accepted());
      CHECK(p.notices == ReceiveNotices(ReceiveNotice::ipv6_first_address_not_link_local));
    }
    CHECK(lines_of(run.output)[0].ends_with(
        "sum=rfc9568 verdict=ok notices=ipv6_first_address_not_link_local"));
  }
}

TEST_CASE("vrrpdump fixtures, RFC 9568 §5.2.4: the dual-family priority-0 hand-over",
          "[vrrpdump][fixtures]") {
  const Run run = run_file("lab-keepalived-v3-ipv4-ipv6-prio0.pcap");
  REQUIRE(run.packets.size() == 18);
  std::map<Family, std::vector<const Inspection*>> by_family;
  for (const auto& p : run.packets)
    by_family[*p.family].push_back(&p);
  REQUIRE(by_family[Family::ipv4].size() == 9);
  REQUIRE(by_family[Family::ipv6].size() == 9);
  for (Family family : {Family::ipv4, Family::ipv6}) {
    const auto& list = by_family[family];
    const bool v4 = family == Family::ipv4;
    for (std::size_t i = 0; i < list.size(); ++i) {
      INFO(to_string(family) << " advert " << i + 1);
      const std::uint8_t priority = i < 4 ? 200 : (i == 4 ? 0 : 100);
      check_advert(*list[i], Version::v3, 7, priority, Centiseconds(100),
                   {ip(v4 ? "192.0.2.100" : "2001:db8::100")},
                   v4 ? ChecksumForm::rfc5798 : ChecksumForm::rfc9568);
      CHECK(list[i]->accepted());
      CHECK(list[i]->source == (i < 5 ? list[0]->source : list[8]->source));
    }
    CHECK(list[0]->source != list[8]->source);
  }
  CHECK(by_family[Family::ipv4][0]->source == ip("192.0.2.11"));
  CHECK(by_family[Family::ipv4][8]->source == ip("192.0.2.12"));
}

TEST_CASE("vrrpdump fixtures, RFC 3768: arthurcadore's three routers", "[vrrpdump][fixtures]") {
  const Run run = run_file("arthurcadore-vrrpv2-ipv4-three-routers.pcap");
  REQUIRE(run.packets.size() == 32);
  std::map<std::string, int> per_source;
  for (std::size_t i = 0; i < 32; ++i) {
    INFO("advert " << i + 1);
    const Inspection& p = run.packets[i];
    check_advert(p, Version::v2, 1, i < 11 ? 200 : 100, Centiseconds(100), {ip("192.168.0.1")},
                 ChecksumForm::v2);
    CHECK(p.accepted());
    ++per_source[p.source->to_string()];
  }
  CHECK(per_source == std::map<std::string, int>{
                          {"192.168.0.10", 11}, {"192.168.0.20", 1}, {"192.168.0.30", 20}});
}

TEST_CASE(
    "vrrpdump fixtures, RFC 3768 §7.1: PcapPlusPlus VRRP-V2 without Authentication Data is "
    "too_short, its header still shown",
    "[vrrpdump][fixtures]") {
  const Run run = run_file("pcapplusplus-VRRP-V2.pcap");
  REQUIRE(run.packets.size() == 1);
  const Inspection& p = run.packets[0];
  CHECK(p.drop == DropReason::too_short);
  CHECK_FALSE(p.advert.has_value());
  CHECK_FALSE(p.checksum_form.has_value());  // the checksum is not reached
  REQUIRE(p.header.has_value());
  CHECK(p.header->version == 2);
  CHECK(p.header->vrid == 1);
  CHECK(p.header->priority == 100);
  CHECK(p.header->count == 3);
  CHECK(p.header->byte5 == 1);  // Adver Int 1 s
  CHECK(run.output ==
        "2023-04-12T11:55:01.000001Z 192.168.0.30 > 224.0.0.18 vrrpv2 vrid=1 prio=100 intvl=1s "
        "addrs=? ttl=255 sum=- verdict=too_short\n");
}

TEST_CASE("vrrpdump fixtures: PcapPlusPlus VRRPv3 IPv4 (rfc5798) and IPv6 (rfc9568)",
          "[vrrpdump][fixtures]") {
  const Run v4 = run_file("pcapplusplus-VRRP-V3-IPv4.pcap");
  REQUIRE(v4.packets.size() == 1);
  check_advert(v4.packets[0], Version::v3, 1, 100, Centiseconds(1),
               {ip("192.168.0.1"), ip("192.168.0.2")}, ChecksumForm::rfc5798);
  CHECK(v4.packets[0].accepted());
  const Run v6 = run_file("pcapplusplus-VRRP-V3-IPv6.pcap");
  REQUIRE(v6.packets.size() == 1);
  check_advert(v6.packets[0], Version::v3, 1, 100, Centiseconds(1),
               {ip("fe80::254"), ip("2001:db8::1"), ip("2001:db8::2")}, ChecksumForm::rfc9568);
  CHECK(v6.packets[0].accepted());
  CHECK(v6.packets[0].notices.empty());  // link-local first: EID 8300 satisfied
  CHECK(
      v6.output.find("fe80::1 > ff02::12 vrrpv3 vrid=1 prio=100 intvl=1cs "
                     "addrs=fe80::254,2001:db8::1,2001:db8::2 ttl=255 sum=rfc9568 verdict=ok\n") !=
      std::string::npos);
}

TEST_CASE("vrrpdump fixtures: tcpdump's fuzzed Frame Relay frames are reported as dropped",
          "[vrrpdump][fixtures]") {
  const Run run = run_file("tcpdump-vrrp-vrrp_print-oobr.pcap");
  REQUIRE(run.packets.size() == 3);
  CHECK(run.packets[0].drop == DropReason::ip_header_malformed);
  CHECK(run.packets[1].drop == DropReason::ip_truncated);
  CHECK(run.packets[2].drop == DropReason::ip_truncated);
  for (const auto& p : run.packets) {
    CHECK(p.ttl == 254);
    CHECK_FALSE(p.advert.has_value());
  }
}

TEST_CASE("vrrpdump fixtures: tcpdump's fuzzed VRRPv3 frames (oobr-2) are reported as dropped",
          "[vrrpdump][fixtures]") {
  const Run run = run_file("tcpdump-vrrp-vrrp_print-oobr-2.pcap");
  REQUIRE(run.packets.size() == 10);
  for (std::size_t i = 0; i < 10; ++i) {
    INFO("frame " << i + 1);
    CHECK(run.packets[i].drop ==
          (i == 7 ? DropReason::ip_header_checksum : DropReason::ip_truncated));
    CHECK((run.packets[i].ttl == 34 || run.packets[i].ttl == 35));
  }
  CHECK(lines_of(run.output)[7].ends_with(" vrrp ttl=34 sum=- verdict=ip_header_checksum"));
}

TEST_CASE("vrrpdump fixtures: of tcpdump's fuzzed ICMP capture only the VRRP frame is shown",
          "[vrrpdump][fixtures]") {
  const Run run = run_file("tcpdump-icmp-icmp_print-oobr-1.pcap");
  CHECK(run.frames == 3);
  REQUIRE(run.packets.size() == 1);  // frame 1 is ICMP, frame 3 not IP
  CHECK(run.packets[0].frame == 2);
  CHECK(run.packets[0].drop == DropReason::ip_truncated);
  CHECK(run.packets[0].ttl == 64);
}

TEST_CASE("vrrpdump -v: the full decode of keepalived's first VRRPv3 IPv4 advert",
          "[vrrpdump][fixtures][verbose]") {
  const Run run = run_file("lab-keepalived-v3-ipv4.pcap", OutputMode::verbose);
  REQUIRE(run.packets.size() == 4);
  const std::string first = format_verbose(run.packets[0]);
  CHECK(first ==
        "2026-11-25T13:35:58.895282Z 192.0.2.11 > 224.0.0.18 vrrpv3 vrid=7 prio=200 intvl=100cs "
        "addrs=192.0.2.100 ttl=255 sum=rfc5798 verdict=ok\n"
        "  frame 1: 32 bytes from the IP header on, IPv4\n"
        "  ip: 192.0.2.11 > 224.0.0.18 ttl 255 (ok), vrrp message 12 bytes\n"
        "  vrrp header: version 3 type 1 vrid 7 priority 200 count 1 reserve 0 max adver int "
        "100 cs checksum 0xa193\n"
        "  addresses (1): 192.0.2.100\n"
        "  checksum form: rfc5798\n"
        "  verdict: ok\n");
  CHECK(run.output.starts_with(first));
  CHECK(lines_of(run.output).size() == 4 * 7);
}
