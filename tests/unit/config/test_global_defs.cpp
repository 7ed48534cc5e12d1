// global_defs: every keyword's value and default, and the error for each bad value
// (keepalived.conf(5), "Global definitions").
#include <catch2/catch.hpp>

#include "tests/unit/config/helpers.hpp"

using namespace vrrp;
using namespace std::chrono_literals;
using vrrp::test::error_of;
using vrrp::test::parse;

namespace {

GlobalDefs globals(const std::string& body) {
  return parse("global_defs {\n" + body + "}\n").globals;
}

std::string global_error(const std::string& line) {
  return error_of("global_defs {\n" + line + "\n}\n");
}

}  // namespace

TEST_CASE("global_defs: defaults without the block", "[config][global_defs]") {
  const GlobalDefs g = parse("").globals;
  CHECK(g.router_id.empty());
  CHECK(g.vrrp_version == Version::v2);
  CHECK(g.vrrp_mcast_group4.to_string() == "224.0.0.18");  // RFC 9568 §5.1.1.2
  CHECK(g.vrrp_mcast_group6.to_string() == "ff02::12");    // RFC 9568 §5.1.2.2
  CHECK(g.garp.master_delay == 5s);
  CHECK(g.garp.master_repeat == 5);
  CHECK(g.garp.lower_prio_delay == 5s);
  CHECK(g.garp.lower_prio_repeat == 5);
  CHECK(g.garp.master_refresh == 0s);
  CHECK(g.garp.master_refresh_repeat == 1);
  CHECK(g.vrrp_garp_interval == 0s);
  CHECK(g.vrrp_gna_interval == 0s);
  CHECK_FALSE(g.vrrp_strict);
  CHECK_FALSE(g.vrrp_skip_check_adv_addr);
  CHECK_FALSE(g.vrrp_check_unicast_src);
  CHECK_FALSE(g.vrrp_lower_prio_no_advert);
  CHECK_FALSE(g.vrrp_higher_prio_send_advert);
  CHECK_FALSE(g.v3_checksum_as_v2);
  CHECK(g.vrrp_startup_delay == 0s);
  CHECK_FALSE(g.script_user);
  CHECK_FALSE(g.enable_script_security);
  CHECK_FALSE(g.notify_fifo);
  CHECK_FALSE(g.vrrp_notify_fifo);
  CHECK(g.notification_email.empty());
  CHECK(g.notification_email_from.empty());
  CHECK_FALSE(g.smtp_server);
  CHECK(g.smtp_connect_timeout == 30s);
  CHECK(g.smtp_helo_name.empty());
  CHECK_FALSE(g.smtp_alert);
}

TEST_CASE("global_defs: router_id and vrrp_version", "[config][global_defs]") {
  CHECK(globals("router_id lb-01\n").router_id == "lb-01");
  CHECK(globals("lvs_id old-name\n").router_id == "old-name");
  CHECK(globals("vrrp_version 2\n").vrrp_version == Version::v2);
  CHECK(globals("vrrp_version 3\n").vrrp_version == Version::v3);
  CHECK(global_error("  vrrp_version 4") ==
        "/etc/vrrpd/vrrpd.conf:2:16: vrrp_version: expected an integer 2-3, got \"4\"");
  CHECK(global_error("  router_id") ==
        "/etc/vrrpd/vrrpd.conf:2:3: router_id: expected a router name, got nothing");
  CHECK(global_error("  router_id a b") ==
        "/etc/vrrpd/vrrpd.conf:2:15: router_id: unexpected \"b\" after a router name");
}

TEST_CASE("global_defs: multicast groups", "[config][global_defs]") {
  const GlobalDefs g = globals("vrrp_mcast_group4 224.0.0.19\nvrrp_mcast_group6 ff02::13\n");
  CHECK(g.vrrp_mcast_group4.to_string() == "224.0.0.19");
  CHECK(g.vrrp_mcast_group6.to_string() == "ff02::13");
  CHECK(global_error("vrrp_mcast_group4 192.0.2.1") ==
        "/etc/vrrpd/vrrpd.conf:2:19: vrrp_mcast_group4: expected an IPv4 multicast address "
        "(224.0.0.0/4), got \"192.0.2.1\"");
  CHECK(global_error("vrrp_mcast_group6 224.0.0.18") ==
        "/etc/vrrpd/vrrpd.conf:2:19: vrrp_mcast_group6: expected an IPv6 multicast address "
        "(ff00::/8), got \"224.0.0.18\"");
}

TEST_CASE("global_defs: gratuitous ARP timing", "[config][global_defs]") {
  const GlobalDefs g = globals(
      "vrrp_garp_master_delay 10\nvrrp_garp_master_repeat 3\nvrrp_garp_master_refresh 60\n"
      "vrrp_garp_master_refresh_repeat 2\nvrrp_garp_interval 0.001\nvrrp_gna_interval 0.000001\n");
  CHECK(g.garp.master_delay == 10s);
  CHECK(g.garp.master_repeat == 3);
  // keepalived: the lower-priority burst defaults to the become-Active one.
  CHECK(g.garp.lower_prio_delay == 10s);
  CHECK(g.garp.lower_prio_repeat == 3);
  CHECK(g.garp.master_refresh == 60s);
  CHECK(g.garp.master_refresh_repeat == 2);
  CHECK(g.vrrp_garp_interval == 1ms);
  CHECK(g.vrrp_gna_interval == 1us);
  const GlobalDefs lower = globals("vrrp_garp_lower_prio_delay 2\nvrrp_garp_lower_prio_repeat 1\n");
  CHECK(lower.garp.lower_prio_delay == 2s);
  CHECK(lower.garp.lower_prio_repeat == 1);
  CHECK(lower.garp.master_delay == 5s);
  const GlobalDefs min = globals("vrrp_min_garp\n");
  CHECK(min.garp.master_repeat == 1);
  CHECK(min.garp.master_delay == 0s);
  CHECK(globals("vrrp_min_garp false\n").garp.master_repeat == 5);
  CHECK(global_error("vrrp_garp_master_delay -1") ==
        "/etc/vrrpd/vrrpd.conf:2:24: vrrp_garp_master_delay: expected an integer 0-4294, got "
        "\"-1\"");
  // keepalived 2.2.7's range for the delays: 4294 is taken, 4295 refused.
  CHECK(globals("vrrp_garp_master_delay 4294\n").garp.master_delay == 4294s);
  CHECK(global_error("vrrp_garp_lower_prio_delay 4295") ==
        "/etc/vrrpd/vrrpd.conf:2:28: vrrp_garp_lower_prio_delay: expected an integer 0-4294, "
        "got \"4295\"");
  // The refresh interval is not a delay: keepalived takes more, and so does vrrpd.
  CHECK(globals("vrrp_garp_master_refresh 86400\n").garp.master_refresh == 86400s);
  CHECK(global_error("vrrp_garp_master_repeat many") ==
        "/etc/vrrpd/vrrpd.conf:2:25: vrrp_garp_master_repeat: expected an integer 0-65535, got "
        "\"many\"");
  CHECK(global_error("vrrp_garp_interval 1e-3") ==
        "/etc/vrrpd/vrrpd.conf:2:20: vrrp_garp_interval: expected seconds 0-60, got \"1e-3\"");
}

TEST_CASE("global_defs: switches take an optional on/off value", "[config][global_defs]") {
  const GlobalDefs on = globals(
      "vrrp_strict\nvrrp_skip_check_adv_addr\nvrrp_check_unicast_src yes\n"
      "vrrp_lower_prio_no_advert true\nvrrp_higher_prio_send_advert on\nv3_checksum_as_v2\n"
      "enable_script_security\n");
  CHECK(on.vrrp_strict);
  CHECK(on.vrrp_skip_check_adv_addr);
  CHECK(on.vrrp_check_unicast_src);
  CHECK(on.vrrp_lower_prio_no_advert);
  CHECK(on.vrrp_higher_prio_send_advert);
  CHECK(on.v3_checksum_as_v2);
  CHECK(on.enable_script_security);
  const GlobalDefs off =
      globals("vrrp_strict off\nv3_checksum_as_v2 no\nvrrp_check_unicast_src FALSE\n");
  CHECK_FALSE(off.vrrp_strict);
  CHECK_FALSE(off.v3_checksum_as_v2);
  CHECK_FALSE(off.vrrp_check_unicast_src);
  // keepalived: lower_prio_no_advert defaults to on in strict mode.
  CHECK(globals("vrrp_strict\n").vrrp_lower_prio_no_advert);
  CHECK_FALSE(globals("vrrp_strict\nvrrp_lower_prio_no_advert off\n").vrrp_lower_prio_no_advert);
  CHECK(global_error("vrrp_strict maybe") ==
        "/etc/vrrpd/vrrpd.conf:2:13: vrrp_strict: expected on|off|true|false|yes|no, got "
        "\"maybe\"");
}

TEST_CASE("global_defs: start-up delay", "[config][global_defs]") {
  CHECK(globals("vrrp_startup_delay 5.5\n").vrrp_startup_delay == 5500ms);
  CHECK(global_error("vrrp_startup_delay 3601") ==
        "/etc/vrrpd/vrrpd.conf:2:20: vrrp_startup_delay: expected seconds 0-3600, got \"3601\"");
}

TEST_CASE("global_defs: script_user and notify FIFOs", "[config][global_defs]") {
  const GlobalDefs g = globals(
      "script_user keepalived_script :scripts\nnotify_fifo /run/vrrpd.fifo root\n"
      "vrrp_notify_fifo \"/run/vrrp notify\"\n");
  REQUIRE(g.script_user);
  CHECK(g.script_user->user == "keepalived_script");
  CHECK(g.script_user->group == "scripts");
  CHECK(g.script_user->set_supplementary_groups);
  REQUIRE(g.notify_fifo);
  CHECK(g.notify_fifo->path == "/run/vrrpd.fifo");
  REQUIRE(g.notify_fifo->run_as);
  CHECK(g.notify_fifo->run_as->user == "root");
  CHECK(g.notify_fifo->run_as->group.empty());
  REQUIRE(g.vrrp_notify_fifo);
  CHECK(g.vrrp_notify_fifo->path == "/run/vrrp notify");
  CHECK_FALSE(g.vrrp_notify_fifo->run_as);
  CHECK(globals("script_user nobody\n").script_user->group.empty());
  CHECK(global_error("script_user") ==
        "/etc/vrrpd/vrrpd.conf:2:1: script_user: expected username [[:]groupname], got nothing");
  CHECK(global_error("notify_fifo a b c d") ==
        "/etc/vrrpd/vrrpd.conf:2:19: notify_fifo: unexpected \"d\" after a FIFO path "
        "[username [groupname]]");
}

TEST_CASE("global_defs: mail settings are parsed", "[config][global_defs]") {
  const GlobalDefs g = globals(
      "notification_email {\n  ops@example.com\n  \"Admin <admin@example.org>\" b@example.net\n}\n"
      "notification_email_from vrrpd@example.com\nsmtp_server 192.0.2.25 2525\n"
      "smtp_connect_timeout 10\nsmtp_helo_name lb1.example.com\nsmtp_alert\n");
  CHECK(g.notification_email ==
        std::vector<std::string>{"ops@example.com", "Admin <admin@example.org>", "b@example.net"});
  CHECK(g.notification_email_from == "vrrpd@example.com");
  REQUIRE(g.smtp_server);
  CHECK(g.smtp_server->host == "192.0.2.25");
  CHECK(g.smtp_server->port == 2525);
  CHECK(g.smtp_connect_timeout == 10s);
  CHECK(g.smtp_helo_name == "lb1.example.com");
  CHECK(g.smtp_alert);
  CHECK(globals("smtp_server mail.example.com\n").smtp_server->port == 25);
  CHECK(globals("smtp_alert_vrrp\n").smtp_alert);
  CHECK(global_error("smtp_server mx 0") ==
        "/etc/vrrpd/vrrpd.conf:2:16: smtp_server: expected an integer 1-65535, got \"0\"");
  CHECK(global_error("notification_email ops@example.com") ==
        "/etc/vrrpd/vrrpd.conf:2:20: notification_email: expected a { } block");
}

TEST_CASE("global_defs: block shape errors", "[config][global_defs]") {
  CHECK(error_of("global_defs\nvrrp_instance x {}\n") ==
        "/etc/vrrpd/vrrpd.conf:1:1: global_defs: expected a { } block");
  CHECK(error_of("global_defs extra {\n}\n") ==
        "/etc/vrrpd/vrrpd.conf:1:13: global_defs: takes no value, got \"extra\"");
  CHECK(error_of("global_defs {\n  router_id { x }\n}\n") ==
        "/etc/vrrpd/vrrpd.conf:2:13: router_id: takes no { } block");
}

TEST_CASE("global_defs: an unknown keyword is an error naming it", "[config][global_defs]") {
  CHECK(global_error("  router_idd r1") ==
        "/etc/vrrpd/vrrpd.conf:2:3: global_defs: unknown keyword \"router_idd\"");
}
