// keepalived's blocks and keywords outside VRRP (LVS, BFD, SNMP, DBus, static addresses, ...):
// a warning naming file:line, and the rest of the configuration is read.
#include <catch2/catch.hpp>

#include "tests/unit/config/helpers.hpp"

using namespace vrrp;
using vrrp::test::error_of;
using vrrp::test::instance;
using vrrp::test::parse;

TEST_CASE("config unhandled: LVS blocks warn and the VRRP parts still load",
          "[config][unhandled]") {
  Config c = parse(
      "virtual_server 192.0.2.100 80 {\n"
      "    delay_loop 6\n"
      "    lb_algo rr\n"
      "    real_server 198.51.100.1 80 {\n"
      "        weight 1\n"
      "        HTTP_GET {\n"
      "            url { path / }\n"
      "        }\n"
      "    }\n"
      "}\n" +
      instance("") +
      "virtual_server_group web {\n  192.0.2.100 80\n}\n"
      "bfd_instance peer {\n  neighbor_ip 192.0.2.2\n}\n"
      "static_ipaddress {\n  192.0.2.50/24 dev eth0\n}\n");
  REQUIRE(c.instances.size() == 1);
  REQUIRE(c.warnings.size() == 4);
  CHECK(c.warnings[0].to_string() ==
        "/etc/vrrpd/vrrpd.conf:1:1: warning: virtual_server: not handled by vrrpd (LVS), ignored");
  CHECK(c.warnings[1].to_string() ==
        "/etc/vrrpd/vrrpd.conf:18:1: warning: virtual_server_group: not handled by vrrpd (LVS), "
        "ignored");
  CHECK(c.warnings[2].message == "bfd_instance: not handled by vrrpd (BFD), ignored");
  CHECK(c.warnings[3].message ==
        "static_ipaddress: not handled by vrrpd (static addresses, routes and rules), ignored");
}

TEST_CASE("config unhandled: SNMP, DBus and process switches in global_defs warn",
          "[config][unhandled]") {
  Config c = parse(
      "global_defs {\n  router_id r1\n  enable_snmp_vrrp\n  enable_dbus\n"
      "  lvs_sync_daemon eth0 VI_1\n  vrrp_iptables\n  process_names\n}\n");
  CHECK(c.globals.router_id == "r1");
  REQUIRE(c.warnings.size() == 5);
  CHECK(c.warnings[0].to_string() ==
        "/etc/vrrpd/vrrpd.conf:3:3: warning: enable_snmp_vrrp: not handled by vrrpd (SNMP), "
        "ignored");
  CHECK(c.warnings[1].message == "enable_dbus: not handled by vrrpd (DBus), ignored");
  CHECK(c.warnings[2].message == "lvs_sync_daemon: not handled by vrrpd (LVS), ignored");
  CHECK(c.warnings[3].message ==
        "vrrp_iptables: not handled by vrrpd (keepalived's firewall rules), ignored");
  CHECK(c.warnings[4].message ==
        "process_names: not handled by vrrpd (a keepalived process setting), ignored");
}

TEST_CASE("config unhandled: keepalived instance keywords vrrpd does not implement warn",
          "[config][unhandled]") {
  Config c =
      parse(instance("track_bfd {\n  b1\n}\nvirtual_rules {\n  from 192.0.2.0/24 table 1\n}\n"
                     "mcast_dst_ip 224.0.0.19\n"));
  REQUIRE(c.warnings.size() == 3);
  CHECK(c.warnings[0].to_string() ==
        "/etc/vrrpd/vrrpd.conf:7:1: warning: track_bfd: not handled by vrrpd (BFD), ignored");
  CHECK(c.warnings[1].message ==
        "virtual_rules: not handled by vrrpd (a keepalived extension vrrpd does not implement), "
        "ignored");
  CHECK(c.warnings[2].where.line == 13);
}

TEST_CASE("config unhandled: every listed keyword warns rather than fails", "[config][unhandled]") {
  for (const KeywordBlock& b : unhandled_keywords_by_block()) {
    for (std::string_view k : b.keywords) {
      std::string text;
      if (b.block == "top") {
        text = std::string(k) + " x {\n}\n";
      } else if (b.block == "global_defs") {
        text = "global_defs {\n " + std::string(k) + " x\n}\n";
      } else if (b.block == "vrrp_instance") {
        text = instance(std::string(k) + " x\n");
      } else {
        text =
            instance("") + "vrrp_sync_group G {\n group { VI_1 }\n " + std::string(k) + " x\n}\n";
      }
      INFO(b.block << " " << k);
      Config c = parse(text);
      REQUIRE(c.warnings.size() == 1);
      CHECK(c.warnings[0].message.starts_with(std::string(k) + ": not handled by vrrpd ("));
    }
  }
}

TEST_CASE("config unhandled: a keyword keepalived does not know either is still an error",
          "[config][unhandled]") {
  CHECK(error_of("global_defs {\n  enable_snmp_vrrrp\n}\n") ==
        "/etc/vrrpd/vrrpd.conf:2:3: global_defs: unknown keyword \"enable_snmp_vrrrp\"");
  CHECK(error_of("virtual_servers 192.0.2.1 80 {\n}\n") ==
        "/etc/vrrpd/vrrpd.conf:1:1: unknown keyword \"virtual_servers\" (expected global_defs, "
        "vrrp_instance, vrrp_script, vrrp_sync_group, track_file or include)");
}
