// The verdict vrrpdump prints is the daemon core's: both sides of each rule, on packets built
// with the core's encoder.
#include <catch2/catch.hpp>

#include <filesystem>

#include "dump_test_support.hpp"
#include "tools/vrrpdump/capture.hpp"
#include "tools/vrrpdump/format.hpp"
#include "tools/vrrpdump/link_layer.hpp"
#include "tools/vrrpdump/summary.hpp"
#include "vrrp/checksum.hpp"

using namespace vrrp;
using namespace vrrp::dump;
using namespace vrrp::dump::test;

namespace {

const std::vector<IpAddress> kVips = {ip("192.0.2.100")};

EncodeRequest v3_request(std::uint8_t priority = 200, int interval_cs = 100) {
  EncodeRequest r;
  r.version = Version::v3;
  r.vrid = 51;
  r.priority = priority;
  r.interval = Centiseconds(interval_cs);
  r.addresses = kVips;
  r.checksum_form = ChecksumForm::rfc9568;
  r.source = ip("192.0.2.1");
  r.destination = ip("224.0.0.18");
  return r;
}

EncodeRequest v2_request(int interval_cs = 100) {
  EncodeRequest r = v3_request();
  r.version = Version::v2;
  r.interval = Centiseconds(interval_cs);
  r.checksum_form = ChecksumForm::v2;
  return r;
}

Inspection look(const std::vector<std::uint8_t>& packet, GroupReferences& groups) {
  return inspect(1, 1'700'000'000'000'000, packet, groups);
}

}  // namespace

TEST_CASE(
    "vrrpdump, RFC 9568 §7.1: TTL 255 to the multicast group is ok, TTL 254 is dropped "
    "with the fields still shown",
    "[vrrpdump][verdict]") {
  GroupReferences groups;
  const Inspection ok = look(ipv4_advert(v3_request(), 255), groups);
  CHECK(ok.accepted());
  CHECK(ok.ttl_verdict == TtlVerdict::ok);
  CHECK(ok.checksum_form == ChecksumForm::rfc9568);

  const Inspection low = look(ipv4_advert(v3_request(), 254), groups);
  CHECK(low.drop == DropReason::ttl_not_255);
  CHECK(low.ttl_verdict == TtlVerdict::not_255);
  REQUIRE(low.advert.has_value());
  CHECK(low.advert->vrid == 51);
  CHECK(low.advert->priority == 200);
  CHECK(format_line(low).ends_with(" ttl=254 sum=rfc9568 verdict=ttl_not_255"));
}

TEST_CASE("vrrpdump: a unicast advert's TTL is left to unicast_peer, as the daemon does",
          "[vrrpdump][verdict]") {
  GroupReferences groups;
  EncodeRequest r = v3_request();
  r.destination = ip("192.0.2.2");
  const Inspection p = look(ipv4_advert(r, 64), groups);
  CHECK(p.accepted());
  CHECK(p.ttl_verdict == TtlVerdict::unchecked);
  CHECK(p.ttl == 64);
}

TEST_CASE("vrrpdump, RFC 9568 §5.2.8: the checksum forms rfc9568, rfc5798, v2 and bad",
          "[vrrpdump][verdict]") {
  GroupReferences groups;
  EncodeRequest r = v3_request();
  r.checksum_form = ChecksumForm::rfc5798;
  const Inspection p5798 = look(ipv4_advert(r), groups);
  CHECK(p5798.checksum_form == ChecksumForm::rfc5798);
  CHECK(p5798.accepted());
  CHECK(format_line(p5798).find(" sum=rfc5798 ") != std::string::npos);

  const Inspection pv2 = look(ipv4_advert(v2_request()), groups);
  CHECK(pv2.checksum_form == ChecksumForm::v2);
  CHECK(pv2.accepted());

  auto broken = ipv4_advert(v3_request());
  broken[20 + 7] ^= 0x5A;  // the VRRP Checksum field
  const Inspection bad = look(broken, groups);
  CHECK(bad.drop == DropReason::bad_checksum);
  CHECK(bad.checksum_form == ChecksumForm::bad);
  REQUIRE(bad.advert.has_value());  // the fields are shown anyway
  CHECK(bad.advert->priority == 200);
  CHECK(bad.advert->addresses == kVips);
  CHECK(bad.advert->checksum == static_cast<std::uint16_t>(broken[26] << 8 | broken[27]));
  CHECK(format_line(bad).ends_with(" addrs=192.0.2.100 ttl=255 sum=bad verdict=bad_checksum"));
}

TEST_CASE("vrrpdump, EID 8301: a zero interval is dropped, its checksum form still named",
          "[vrrpdump][verdict]") {
  GroupReferences groups;
  auto message = encode_advert(v3_request());
  message[4] = 0;
  message[5] = 0;
  message[6] = message[7] = 0;
  const std::uint16_t sum =
      vrrp_checksum(ChecksumForm::rfc9568, ip("192.0.2.1"), ip("224.0.0.18"), message);
  message[6] = static_cast<std::uint8_t>(sum >> 8);
  message[7] = static_cast<std::uint8_t>(sum & 0xFF);
  const Inspection p = look(ipv4_packet(ip("192.0.2.1"), ip("224.0.0.18"), 255, message), groups);
  CHECK(p.drop == DropReason::interval_zero);
  CHECK(p.checksum_form == ChecksumForm::rfc9568);
  CHECK_FALSE(p.advert.has_value());
  REQUIRE(p.header.has_value());
  CHECK(p.header->vrid == 51);
}

TEST_CASE(
    "vrrpdump, RFC 3768 §7.1: a v2 router whose interval differs from the group's first "
    "advert is dropped; the same interval is ok",
    "[vrrpdump][verdict]") {
  GroupReferences groups;
  CHECK(look(ipv4_advert(v2_request(100)), groups).accepted());
  CHECK(look(ipv4_advert(v2_request(100)), groups).accepted());
  const Inspection other = look(ipv4_advert(v2_request(200)), groups);
  CHECK(other.drop == DropReason::v2_interval_mismatch);
  CHECK(format_line(other).find(" intvl=2s ") != std::string::npos);
}

TEST_CASE("vrrpdump, RFC 9568 §7.1: a v3 interval that differs from the group's is a notice",
          "[vrrpdump][verdict]") {
  GroupReferences groups;
  CHECK(look(ipv4_advert(v3_request(200, 100)), groups).notices.empty());
  const Inspection other = look(ipv4_advert(v3_request(100, 50)), groups);
  CHECK(other.accepted());
  CHECK(other.notices == ReceiveNotices(ReceiveNotice::interval_mismatch));
  CHECK(format_line(other).ends_with(" verdict=ok notices=interval_mismatch"));
}

TEST_CASE("vrrpdump, RFC 3768 §5.3.6: v2 authentication is shown and compared with the group's",
          "[vrrpdump][verdict]") {
  GroupReferences groups;
  EncodeRequest pass = v2_request();
  pass.auth_type = AuthType::simple_text;
  pass.auth_data = {'s', 'e', 'c', ' ', '\\', 0, 0, 0};
  const Inspection first = look(ipv4_advert(pass), groups);
  CHECK(first.accepted());
  CHECK(format_line(first).find(" auth=simple:sec\\x20\\x5c ") != std::string::npos);

  EncodeRequest other_password = pass;
  other_password.auth_data = {'o', 't', 'h', 'e', 'r', 0, 0, 0};
  CHECK(look(ipv4_advert(other_password), groups).drop == DropReason::auth_data_mismatch);
  const Inspection none = look(ipv4_advert(v2_request()), groups);
  CHECK(none.drop == DropReason::auth_type_mismatch);
  CHECK(format_line(none).find(" auth=none ") != std::string::npos);
}

TEST_CASE(
    "vrrpdump, RFC 3768 §7.1: a v2 address list that differs from the group's is dropped "
    "unless the sender is the owner",
    "[vrrpdump][verdict]") {
  GroupReferences groups;
  CHECK(look(ipv4_advert(v2_request()), groups).accepted());
  const std::vector<IpAddress> other = {ip("192.0.2.101")};
  EncodeRequest r = v2_request();
  r.addresses = other;
  CHECK(look(ipv4_advert(r), groups).drop == DropReason::v2_address_list_mismatch);
  r.priority = 255;
  const Inspection owner = look(ipv4_advert(r), groups);
  CHECK(owner.accepted());
  CHECK(owner.notices == ReceiveNotices(ReceiveNotice::address_list_mismatch));
}

TEST_CASE(
    "vrrpdump: every truncation of every fixture packet is judged and printed without a "
    "read past its end, and never accepted",
    "[vrrpdump][verdict][fixtures]") {
  std::size_t judged = 0;
  for (const auto& entry : std::filesystem::directory_iterator(VRRPD_FIXTURES_DIR)) {
    if (entry.path().extension() != ".pcap") continue;
    INFO(entry.path().filename().string());
    Capture capture = Capture::open_file(entry.path().string());
    Frame frame;
    while (capture.next(frame) == Capture::Next::frame) {
      const LinkResult link = find_ip(capture.link_type(), frame.bytes);
      if (link.status != LinkStatus::ip) continue;
      const auto ip_bytes = frame.bytes.subspan(link.ip_offset);
      if (!is_vrrp_protocol(ip_bytes)) continue;
      GroupReferences groups;
      const bool whole_accepted = inspect(1, 0, ip_bytes, groups).accepted();
      // The IP packet's own length: what follows it (Ethernet padding) is not the packet's.
      const std::size_t ip_length = ip_bytes.size() < 8 ? ip_bytes.size()
                                    : (ip_bytes[0] >> 4) == 6
                                        ? 40u + (ip_bytes[4] << 8 | ip_bytes[5])
                                        : static_cast<std::size_t>(ip_bytes[2] << 8 | ip_bytes[3]);
      for (std::size_t n = 0; n < ip_bytes.size(); ++n) {
        // Its own allocation of exactly n bytes, so ASan sees any over-read.
        const std::vector<std::uint8_t> prefix(ip_bytes.begin(), ip_bytes.begin() + n);
        const Inspection p = inspect(1, 0, prefix, groups);
        if (n < ip_length) CHECK_FALSE((whole_accepted && p.accepted()));
        if (n >= ip_length) CHECK(p.accepted() == whole_accepted);
        CHECK(!format_line(p).empty());
        CHECK(!format_verbose(p).empty());
        CHECK(!format_json(p).empty());
        ++judged;
      }
    }
  }
  CHECK(judged > 1000);
}

TEST_CASE(
    "vrrpdump: a packet the IP layer rejects still shows the VRRP header it carries and "
    "counts as a drop of its group",
    "[vrrpdump][verdict][summary]") {
  GroupReferences groups;
  auto packet = ipv4_advert(v3_request());
  packet[10] ^= 0xFF;  // the IPv4 header checksum
  const Inspection p = look(packet, groups);
  CHECK(p.drop == DropReason::ip_header_checksum);
  CHECK_FALSE(p.advert.has_value());
  REQUIRE(p.header.has_value());
  CHECK(p.header->vrid == 51);
  CHECK(p.header->priority == 200);
  CHECK(format_line(p).ends_with(
      " 192.0.2.1 > 224.0.0.18 vrrpv3 vrid=51 prio=200 intvl=100cs addrs=? ttl=255 sum=- "
      "verdict=ip_header_checksum"));
  Summary summary;
  summary.add(p);
  REQUIRE(summary.groups().size() == 1);
  CHECK(summary.groups().begin()->second.dropped == 1);
  CHECK(summary.unattributed_drops() == 0);

  // Cut inside the VRRP header: nothing of it is shown.
  const std::vector<std::uint8_t> cut(packet.begin(), packet.begin() + 20 + 7);
  const Inspection short_one = look(cut, groups);
  CHECK(short_one.drop == DropReason::ip_truncated);
  CHECK_FALSE(short_one.header.has_value());
  CHECK(
      format_line(short_one).ends_with(" 192.0.2.1 > 224.0.0.18 vrrp ttl=255 sum=- "
                                       "verdict=ip_truncated"));
}
