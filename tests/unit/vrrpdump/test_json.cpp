// vrrpdump --json: every packet is one well-formed JSON object with the documented keys (the
// same set for accepted and dropped packets), and strings are escaped per RFC 8259 §7.
#include <catch2/catch.hpp>

#include <sstream>

#include "dump_test_support.hpp"
#include "tools/vrrpdump/format.hpp"
#include "tools/vrrpdump/json.hpp"

using namespace vrrp;
using namespace vrrp::dump;
using namespace vrrp::dump::test;

namespace {

// The keys man/vrrpdump.8 JSON OUTPUT documents, in order.
const std::vector<std::string> kPacketKeys = {
    "time",        "timestamp_us",  "frame",         "family",      "source",    "destination",
    "ttl",         "ttl_check",     "version",       "type",        "vrid",      "priority",
    "interval_cs", "interval",      "address_count", "addresses",   "auth_type", "auth_data",
    "checksum",    "checksum_form", "verdict",       "drop_reason", "notices"};

const std::vector<std::string> kGroupKeys = {
    "family",  "vrid",    "versions",    "active",       "active_priority", "active_interval_cs",
    "adverts", "dropped", "transitions", "split_brains", "first",           "last",
    "sources", "gaps",    "overlaps"};

std::vector<Json> objects_of(const std::string& output) {
  std::vector<Json> out;
  std::istringstream in(output);
  for (std::string line; std::getline(in, line);) {
    INFO(line);
    out.push_back(parse_json(line));
    CHECK(out.back().kind == Json::Kind::object);
  }
  return out;
}

}  // namespace

TEST_CASE("vrrpdump --json: one object per packet with every documented key, accepted or not",
          "[vrrpdump][json]") {
  for (const char* name : {"lab-keepalived-v3-ipv4-ipv6-prio0.pcap", "lab-keepalived-v2-ipv4.pcap",
                           "pcapplusplus-VRRP-V2.pcap", "tcpdump-vrrp-vrrp_print-oobr-2.pcap"}) {
    INFO(name);
    const Run run = run_file(name, OutputMode::json);
    const auto objects = objects_of(run.output);
    REQUIRE(objects.size() == run.packets.size());
    for (const Json& o : objects)
      CHECK(o.keys() == kPacketKeys);
  }
}

TEST_CASE("vrrpdump --json: the values of an accepted v3 advert and of a dropped packet",
          "[vrrpdump][json]") {
  const Run run = run_file("lab-keepalived-v3-ipv4-ipv6-prio0.pcap", OutputMode::json);
  const auto objects = objects_of(run.output);
  REQUIRE(objects.size() == 18);
  const Json& v4 = objects[0];
  CHECK(v4["time"].text == "2026-11-25T13:36:48.855228Z");
  CHECK(v4["timestamp_us"].number == 1795613808855228.0);
  CHECK(v4["family"].text == "IPv4");
  CHECK(v4["source"].text == "192.0.2.11");
  CHECK(v4["destination"].text == "224.0.0.18");
  CHECK(v4["ttl"].number == 255);
  CHECK(v4["ttl_check"].text == "ok");
  CHECK(v4["version"].number == 3);
  CHECK(v4["vrid"].number == 7);
  CHECK(v4["priority"].number == 200);
  CHECK(v4["interval_cs"].number == 100);
  CHECK(v4["interval"].text == "100cs");
  REQUIRE(v4["addresses"].items.size() == 1);
  CHECK(v4["addresses"].items[0].text == "192.0.2.100");
  CHECK(v4["auth_type"].kind == Json::Kind::null);  // v3 has no authentication
  CHECK(v4["checksum_form"].text == "rfc5798");
  CHECK(v4["verdict"].text == "ok");
  CHECK(v4["drop_reason"].kind == Json::Kind::null);
  CHECK(v4["notices"].items.empty());
  const Json& v6 = objects[1];
  CHECK(v6["family"].text == "IPv6");
  CHECK(v6["checksum_form"].text == "rfc9568");
  REQUIRE(v6["notices"].items.size() == 1);
  CHECK(v6["notices"].items[0].text == "ipv6_first_address_not_link_local");

  const Run dropped = run_file("pcapplusplus-VRRP-V2.pcap", OutputMode::json);
  const auto d = objects_of(dropped.output);
  REQUIRE(d.size() == 1);
  CHECK(d[0]["verdict"].text == "drop");
  CHECK(d[0]["drop_reason"].text == "too_short");
  CHECK(d[0]["addresses"].kind == Json::Kind::null);
  CHECK(d[0]["address_count"].number == 3);
  CHECK(d[0]["checksum_form"].kind == Json::Kind::null);
}

TEST_CASE("vrrpdump --json --summary: one object per group", "[vrrpdump][json][summary]") {
  const Run run = run_file("lab-keepalived-v3-ipv4-ipv6-prio0.pcap", OutputMode::json, true);
  CHECK(run.output.empty());
  const auto groups = objects_of(run.summary);
  REQUIRE(groups.size() == 2);
  for (const Json& g : groups)
    CHECK(g.keys() == kGroupKeys);
  CHECK(groups[0]["family"].text == "IPv4");
  CHECK(groups[0]["active"].text == "192.0.2.12");
  CHECK(groups[0]["active_priority"].number == 100);
  CHECK(groups[0]["transitions"].number == 1);
  CHECK(groups[0]["sources"].items.size() == 2);
  CHECK(groups[0]["sources"].items[0]["priority"].number == 0);
  CHECK(groups[0]["gaps"].items.empty());
  CHECK(groups[1]["family"].text == "IPv6");
}

TEST_CASE(
    "vrrpdump JSON strings, RFC 8259 §7: quotes, backslashes, control characters and "
    "invalid UTF-8 are escaped; valid UTF-8 is kept",
    "[vrrpdump][json]") {
  CHECK(json_string("plain") == "\"plain\"");
  CHECK(json_string("a\"b\\c") == "\"a\\\"b\\\\c\"");
  CHECK(json_string("\n\t\r\b\f") == "\"\\n\\t\\r\\b\\f\"");
  CHECK(json_string(std::string_view("\x00\x01\x1f\x7f", 4)) == "\"\\u0000\\u0001\\u001f\\u007f\"");
  CHECK(json_string("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80") ==
        "\"caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80\"");
  CHECK(json_string("\xff\xc3") == "\"\\u00ff\\u00c3\"");  // invalid byte, truncated sequence
  CHECK(json_string("\xc0\xaf") == "\"\\u00c0\\u00af\"");  // overlong '/'
  CHECK(json_string("\xed\xa0\x80") == "\"\\u00ed\\u00a0\\u0080\"");  // a surrogate
  // Round trip through a reader, byte for byte.
  const std::string binary("p\"w\\\x01\xfe", 6);
  CHECK(parse_json(json_string(binary)).text == binary);
}

TEST_CASE("vrrpdump --json: a v2 password with a quote and a control byte stays valid JSON",
          "[vrrpdump][json]") {
  const std::vector<IpAddress> vips = {ip("192.0.2.100")};
  EncodeRequest r;
  r.version = Version::v2;
  r.vrid = 9;
  r.priority = 150;
  r.interval = Centiseconds(100);
  r.auth_type = AuthType::simple_text;
  r.auth_data = {'a', '"', '\\', 0x01, 'z', 0, 0, 0};
  r.addresses = vips;
  r.checksum_form = ChecksumForm::v2;
  r.source = ip("192.0.2.1");
  r.destination = ip("224.0.0.18");
  GroupReferences groups;
  const Inspection p = inspect(1, 0, ipv4_advert(r), groups);
  const Json o = parse_json(format_json(p));
  CHECK(o["auth_type"].text == "simple");
  CHECK(o["auth_data"].text == std::string("a\"\\\x01z"));
  CHECK(o["time"].text == "1970-01-01T00:00:00.000000Z");
}
