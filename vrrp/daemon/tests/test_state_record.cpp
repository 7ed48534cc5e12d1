#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <string>

#include "vrrp/daemon/state_record.hpp"

using vrrp::IpPrefix;
using vrrp::daemon::OwnedResources;
using vrrp::daemon::parse_record;
using vrrp::daemon::serialize;
using vrrp::daemon::StateRecord;

namespace {

OwnedResources sample() {
  OwnedResources owned;
  owned.addresses.push_back({"eth0", *IpPrefix::parse("192.0.2.100/24")});
  owned.addresses.push_back({"vrrp.51", *IpPrefix::parse("2001:db8::100/64")});
  owned.addresses.push_back({"eth1", *IpPrefix::parse("203.0.113.7")});  // host prefix /32
  owned.macvlans.push_back({"vrrp.51", "eth0"});
  return owned;
}

struct TempDir {
  std::string path;
  TempDir() {
    char pattern[] = "/tmp/vrrpd-state-test-XXXXXX";
    path = ::mkdtemp(pattern);
  }
  ~TempDir() { std::system(("rm -rf '" + path + "'").c_str()); }
};

}  // namespace

TEST_CASE("state record: serialize then parse gives back what the daemon owned", "[state_record]") {
  const auto owned = sample();
  const auto parsed = parse_record(serialize(owned));
  CHECK(parsed.errors.empty());
  CHECK(parsed.owned == owned);
  CHECK(parsed.owned.addresses[2].prefix.length == 32);
}

TEST_CASE("state record: the text format is line per resource", "[state_record]") {
  const std::string text = serialize(sample());
  CHECK_THAT(text, Catch::StartsWith("# vrrpd owned resources\n"));
  CHECK_THAT(text, Catch::Contains("macvlan vrrp.51 eth0\n"));
  CHECK_THAT(text, Catch::Contains("address eth0 192.0.2.100/24\n"));
  CHECK_THAT(text, Catch::Contains("address vrrp.51 2001:db8::100/64\n"));
  CHECK_THAT(text, Catch::Contains("address eth1 203.0.113.7/32\n"));
}

TEST_CASE("state record: bad lines are reported and the good ones still recovered",
          "[state_record]") {
  const auto parsed = parse_record(
      "# comment\n"
      "\n"
      "address eth0 192.0.2.100/24\n"
      "address eth0 not-an-address\n"
      "address eth0\n"
      "macvlan vrrp.1\n"
      "rule eth0 192.0.2.0/24\n"  // (route lines: test_state_record_routes.cpp)
      "macvlan  vrrp.2   eth1");  // extra spaces, no final newline
  REQUIRE(parsed.errors.size() == 4);
  CHECK_THAT(parsed.errors[0], Catch::StartsWith("line 4:"));
  CHECK_THAT(parsed.errors[1], Catch::StartsWith("line 5:"));
  CHECK_THAT(parsed.errors[2], Catch::StartsWith("line 6:"));
  CHECK(parsed.errors[3] == "line 7: unknown entry 'rule'");
  REQUIRE(parsed.owned.addresses.size() == 1);
  CHECK(parsed.owned.addresses[0].interface == "eth0");
  REQUIRE(parsed.owned.macvlans.size() == 1);
  CHECK(parsed.owned.macvlans[0].name == "vrrp.2");
  CHECK(parsed.owned.macvlans[0].parent == "eth1");
}

TEST_CASE("state record: saved atomically, loaded back, removed when nothing is owned",
          "[state_record]") {
  TempDir dir;
  const std::string state_dir = dir.path + "/run/vrrpd";
  REQUIRE(::mkdir((dir.path + "/run").c_str(), 0755) == 0);
  StateRecord record(state_dir);  // creates the missing last component
  CHECK(record.load().owned.empty());

  record.save(sample());
  CHECK(record.load().owned == sample());
  CHECK(::access((record.path() + ".tmp").c_str(), F_OK) != 0);  // renamed, not left behind

  OwnedResources fewer = sample();
  fewer.addresses.pop_back();
  record.save(fewer);
  CHECK(record.load().owned == fewer);

  record.save(OwnedResources{});
  CHECK(::access(record.path().c_str(), F_OK) != 0);
  CHECK(record.load().owned.empty());
}

TEST_CASE("state record: an unusable state directory is an error naming it", "[state_record]") {
  TempDir dir;
  const std::string file = dir.path + "/plain-file";
  std::ofstream(file) << "x";
  CHECK_THROWS_WITH(StateRecord(file), Catch::Contains(file));
  CHECK_THROWS_WITH(StateRecord(dir.path + "/missing/deeper"),
                    Catch::Contains("cannot create state directory"));
}
