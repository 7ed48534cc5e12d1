// The corpus of realistic keepalived.conf files in tests/configs/, read from disk through the
// daemon's real FileSource (includes and globs included).
#include <catch2/catch.hpp>

#include <filesystem>

#include "tests/unit/config/helpers.hpp"
#include "vrrp/daemon/file_source.hpp"

// The unit binaries link vrrp_core only; the daemon target compiles this file itself. Taking
// it in here tests the real file system access without linking the whole daemon.
#include "vrrp/daemon/file_source.cpp"

using namespace vrrp;
using namespace std::chrono_literals;

namespace {

// tests/configs/, found from this file's own path (tests/unit/config/test_corpus.cpp).
std::string corpus_dir() {
  return std::filesystem::path(__FILE__).parent_path().parent_path().parent_path() / "configs";
}

Config load(const std::string& name) {
  daemon::SystemFileSource files;
  return parse_config(corpus_dir() + "/" + name, files);
}

}  // namespace

TEST_CASE("corpus: every file parses", "[config][corpus]") {
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator(corpus_dir())) {
    if (entry.path().extension() != ".conf") continue;
    INFO(entry.path());
    daemon::SystemFileSource source;
    Config c;
    CHECK_NOTHROW(c = parse_config(entry.path(), source));
    CHECK_FALSE(c.instances.empty());
    ++files;
  }
  CHECK(files >= 6);
}

TEST_CASE("corpus: two-node web VIP", "[config][corpus]") {
  Config c = load("two_node_web.conf");
  CHECK(c.warnings.empty());
  CHECK(c.globals.router_id == "lb1");
  CHECK(c.globals.enable_script_security);
  REQUIRE(c.scripts.size() == 1);
  CHECK(c.scripts[0].command == "/usr/bin/killall -0 haproxy");
  CHECK(c.scripts[0].interval == 2s);
  CHECK(c.scripts[0].weight == -20);
  REQUIRE(c.instances.size() == 1);
  const InstanceConfig& i = c.instances[0];
  CHECK(i.state == InitialState::master);
  CHECK(i.priority == 150);
  CHECK(i.version == Version::v3);
  CHECK(i.virtual_addresses[0].label == "eth0:web");
  CHECK(i.track_scripts[0].name == "chk_haproxy");
  CHECK(i.notify_fault->command == "/etc/keepalived/notify.sh FAULT");
  CHECK(i.smtp_alert);
}

TEST_CASE("corpus: IPv6 with a link-local first address", "[config][corpus]") {
  Config c = load("ipv6_link_local.conf");
  CHECK(c.warnings.empty());
  REQUIRE(c.instances.size() == 2);
  CHECK(c.instances[0].family == Family::ipv4);
  CHECK(c.instances[0].advert_interval == Centiseconds(50));
  const InstanceConfig& v6 = c.instances[1];
  CHECK(v6.family == Family::ipv6);
  CHECK(v6.version == Version::v3);
  CHECK(v6.virtual_router_id == 10);
  CHECK(v6.virtual_addresses[0].prefix.address.is_link_local());
  CHECK(v6.virtual_addresses_excluded.size() == 1);
  CHECK(c.globals.vrrp_gna_interval == 1ms);
}

TEST_CASE("corpus: unicast, cloud style, with definitions", "[config][corpus]") {
  Config c = load("unicast_cloud.conf");
  CHECK(c.warnings.empty());
  CHECK(c.globals.router_id == "203.0.113.11");
  const InstanceConfig& i = c.instances.at(0);
  CHECK(i.priority == 110);
  CHECK_FALSE(i.preempt);
  CHECK(i.unicast_src_ip->to_string() == "203.0.113.11");
  REQUIRE(i.unicast_peers.size() == 1);
  CHECK(i.unicast_peers[0].address.to_string() == "203.0.113.12");
  CHECK(i.check_unicast_src);
  CHECK(i.garp.master_refresh == 60s);
  CHECK(i.notify_master->command == "/usr/local/sbin/move-floating-ip.sh 203.0.113.11");
  CHECK(i.notify_master->run_as->user == "root");
}

TEST_CASE("corpus: VMAC, and a VRRPv2 instance with PASS", "[config][corpus]") {
  Config c = load("vmac.conf");
  CHECK(c.warnings.empty());
  REQUIRE(c.instances.size() == 2);
  const InstanceConfig& edge = c.instances[0];
  CHECK(edge.vmac->interface_name == "vrrp.42");
  CHECK(edge.vmac->mac == MacAddress{0x00, 0x00, 0x5e, 0x00, 0x01, 0x2a});
  CHECK(edge.vmac->xmit_base);
  CHECK(edge.advert_interval == Centiseconds(10));
  CHECK(edge.garp.master_repeat == 3);
  CHECK(edge.lower_prio_no_advert);
  REQUIRE(edge.virtual_routes.size() == 1);
  CHECK(edge.virtual_routes[0].table == 100u);
  const InstanceConfig& legacy = c.instances[1];
  CHECK(legacy.version == Version::v2);
  CHECK(legacy.authentication.type == AuthType::simple_text);
  CHECK(legacy.authentication.password == "s3cr3t");
  CHECK(legacy.vmac->interface_name == "vrrp.43");
  CHECK(legacy.virtual_addresses[0].broadcast->to_string() == "198.51.100.255");
}

TEST_CASE("corpus: sync group with scripts from included files", "[config][corpus]") {
  Config c = load("sync_group_scripts.conf");
  CHECK(c.warnings.empty());
  REQUIRE(c.sync_groups.size() == 1);
  CHECK(c.sync_groups[0].members == std::vector<std::string>{"OUTSIDE", "INSIDE"});
  REQUIRE(c.scripts.size() == 1);
  CHECK(c.scripts[0].fall == 3);
  CHECK(c.scripts[0].where.file == corpus_dir() + "/sync_group.d/10-scripts.conf");
  REQUIRE(c.track_files.size() == 1);
  CHECK(c.track_files[0].weight == 0);
  CHECK(c.track_files[0].init_value == 0);
  CHECK(c.instances.size() == 2);
  CHECK(c.globals.vrrp_notify_fifo->path == "/run/vrrpd/notify.fifo");
}

TEST_CASE("corpus: LVS mixed in warns and keeps the VRRP part", "[config][corpus]") {
  Config c = load("lvs_mixed.conf");
  REQUIRE(c.instances.size() == 1);
  CHECK(c.instances[0].name == "VI_LVS");
  REQUIRE(c.warnings.size() == 3);
  const std::string file = corpus_dir() + "/lvs_mixed.conf";
  CHECK(c.warnings[0].to_string() ==
        file + ":7:5: warning: lvs_sync_daemon: not handled by vrrpd (LVS), ignored");
  CHECK(c.warnings[1].to_string() ==
        file + ":8:5: warning: enable_snmp_vrrp: not handled by vrrpd (SNMP), ignored");
  CHECK(c.warnings[2].to_string() ==
        file + ":21:1: warning: virtual_server: not handled by vrrpd (LVS), ignored");
}

TEST_CASE("corpus: the real file source reads, globs and refuses directories", "[config][corpus]") {
  daemon::SystemFileSource files;
  CHECK(files.read(corpus_dir() + "/vmac.conf").has_value());
  CHECK_FALSE(files.read(corpus_dir() + "/no-such-file.conf").has_value());
  CHECK_FALSE(files.read(corpus_dir()).has_value());
  const auto matches = files.glob(corpus_dir() + "/sync_group.d/*.conf");
  REQUIRE(matches.size() == 2);
  CHECK(matches[0] == corpus_dir() + "/sync_group.d/10-scripts.conf");
  CHECK(files.glob(corpus_dir() + "/{vmac,two_node_web}.conf").size() == 2);
  CHECK(files.glob(corpus_dir() + "/*.nothing").empty());
}
