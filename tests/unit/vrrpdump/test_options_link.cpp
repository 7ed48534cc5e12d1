// vrrpdump's command line, the link layers it reads, and the time format.
#include <catch2/catch.hpp>

#include <pcap/dlt.h>

#include "dump_test_support.hpp"
#include "tools/vrrpdump/format.hpp"
#include "tools/vrrpdump/link_layer.hpp"
#include "tools/vrrpdump/options.hpp"

using namespace vrrp;
using namespace vrrp::dump;
using namespace vrrp::dump::test;

namespace {

std::variant<Options, UsageError> parse(std::vector<std::string_view> args) {
  return parse_options(args);
}

std::string error_of(std::vector<std::string_view> args) {
  const auto r = parse(args);
  REQUIRE(std::holds_alternative<UsageError>(r));
  return std::get<UsageError>(r).message;
}

}  // namespace

TEST_CASE("vrrpdump options: -i, -r, -v, --json, --summary, -c and their spellings",
          "[vrrpdump][options]") {
  const auto live = std::get<Options>(parse({"-i", "eth0", "-c", "5", "-v"}));
  CHECK(live.interface == "eth0");
  CHECK(live.count == 5u);
  CHECK(live.mode == OutputMode::verbose);
  const auto file = std::get<Options>(parse({"--read=x.pcap", "--json", "--summary"}));
  CHECK(file.file == "x.pcap");
  CHECK(file.mode == OutputMode::json);
  CHECK(file.summary);
  CHECK(std::get<Options>(parse({"-ieth1"})).interface == "eth1");
  CHECK(std::get<Options>(parse({"--interface", "br0", "--count=2"})).count == 2u);
  CHECK(std::get<Options>(parse({"--help"})).help);
  CHECK(std::get<Options>(parse({"--version"})).version);
}

TEST_CASE("vrrpdump options: bad command lines are refused with a reason", "[vrrpdump][options]") {
  CHECK(error_of({}) == "give -i INTERFACE or -r FILE");
  CHECK(error_of({"-i", "a", "-r", "b"}) == "-i and -r exclude each other");
  CHECK(error_of({"-r", "f", "-v", "--json"}) == "-v and --json exclude each other");
  CHECK(error_of({"-r", "f", "-c", "0"}) == "option -c needs a count of 1 or more");
  CHECK(error_of({"-r", "f", "-c", "x"}) == "option -c needs a count of 1 or more");
  CHECK(error_of({"-r"}) == "option -r needs a file");
  CHECK(error_of({"-r", "f", "--bogus"}) == "unknown option --bogus");
  CHECK(error_of({"-r", "f", "--summary", "-v"}) ==
        "--summary prints no packets: -v does not apply");
  CHECK(error_of({"-r", "f", "--json=1"}) == "unknown option --json=1");
}

TEST_CASE("vrrpdump link layers: Ethernet with VLAN tags, Linux cooked v1 and v2, raw IP",
          "[vrrpdump][link]") {
  std::vector<std::uint8_t> eth(12, 0xAA);
  eth.insert(eth.end(), {0x81, 0x00, 0x00, 0x07, 0x08, 0x00, 0x45});
  CHECK(find_ip(DLT_EN10MB, eth).status == LinkStatus::ip);
  CHECK(find_ip(DLT_EN10MB, eth).ip_offset == 18);
  std::vector<std::uint8_t> arp(12, 0);
  arp.insert(arp.end(), {0x08, 0x06});
  CHECK(find_ip(DLT_EN10MB, arp).status == LinkStatus::not_ip);
  CHECK(find_ip(DLT_EN10MB, std::vector<std::uint8_t>(13, 0)).status ==
        LinkStatus::link_header_truncated);

  std::vector<std::uint8_t> sll(14, 0);  // packet type, ARPHRD, address length, address
  sll.insert(sll.end(), {0x86, 0xDD, 0x60});
  CHECK(find_ip(DLT_LINUX_SLL, sll).status == LinkStatus::ip);
  CHECK(find_ip(DLT_LINUX_SLL, sll).ip_offset == 16);
  std::vector<std::uint8_t> sll2 = {0x08, 0x00};  // protocol first, then 18 more bytes
  sll2.resize(20, 0);
  sll2.push_back(0x45);
  CHECK(find_ip(DLT_LINUX_SLL2, sll2).status == LinkStatus::ip);
  CHECK(find_ip(DLT_LINUX_SLL2, sll2).ip_offset == 20);
  CHECK(find_ip(DLT_LINUX_SLL2, std::vector<std::uint8_t>(19, 0)).status ==
        LinkStatus::link_header_truncated);
  sll2[0] = 0x08;
  sll2[1] = 0x06;
  CHECK(find_ip(DLT_LINUX_SLL2, sll2).status == LinkStatus::not_ip);

  CHECK(find_ip(DLT_RAW, std::vector<std::uint8_t>{0x45}).ip_offset == 0);
  CHECK_FALSE(link_type_supported(DLT_IEEE802_11));
  CHECK(link_type_supported(DLT_LINUX_SLL2));
}

TEST_CASE("vrrpdump: the IP protocol filter is VRRP (112) for IPv4 and IPv6 only",
          "[vrrpdump][link]") {
  std::vector<std::uint8_t> v4(20, 0);
  v4[0] = 0x45;
  v4[9] = 112;
  CHECK(is_vrrp_protocol(v4));
  v4[9] = 1;
  CHECK_FALSE(is_vrrp_protocol(v4));
  std::vector<std::uint8_t> v6(40, 0);
  v6[0] = 0x60;
  v6[6] = 112;
  CHECK(is_vrrp_protocol(v6));
  v6[6] = 58;
  CHECK_FALSE(is_vrrp_protocol(v6));
  CHECK_FALSE(is_vrrp_protocol(std::vector<std::uint8_t>{0x45, 0, 0}));
}

TEST_CASE("vrrpdump: times are RFC 3339 UTC with microseconds", "[vrrpdump][format]") {
  CHECK(format_time(0) == "1970-01-01T00:00:00.000000Z");
  CHECK(format_time(1795613808855228) == "2026-11-25T13:36:48.855228Z");
  CHECK(format_time(951782400000001) == "2000-02-29T00:00:00.000001Z");  // a leap day
  CHECK(format_time(-1) == "1969-12-31T23:59:59.999999Z");
  CHECK(format_interval(Version::v2, Centiseconds(300)) == "3s");
  CHECK(format_interval(Version::v3, Centiseconds(300)) == "300cs");
}
