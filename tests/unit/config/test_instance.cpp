// vrrp_instance: every keyword's value and default (keepalived.conf(5), "VRRP instance(s)").
#include <catch2/catch.hpp>

#include "tests/unit/config/helpers.hpp"

using namespace vrrp;
using namespace std::chrono_literals;
using vrrp::test::error_of;
using vrrp::test::instance;
using vrrp::test::only_instance;
using vrrp::test::parse;

TEST_CASE("vrrp_instance: defaults", "[config][instance]") {
  const InstanceConfig c = only_instance("");
  CHECK(c.name == "VI_1");
  CHECK(c.where == SourceLocation{"/etc/vrrpd/vrrpd.conf", 1, 15});
  CHECK(c.state == InitialState::backup);
  CHECK(c.interface == "eth0");
  CHECK(c.virtual_router_id == 51);
  CHECK(c.priority == 100);
  CHECK(c.advert_interval == Centiseconds(100));
  CHECK(c.version == Version::v2);  // keepalived's default vrrp_version
  CHECK(c.family == Family::ipv4);
  REQUIRE(c.virtual_addresses.size() == 1);
  CHECK(c.virtual_addresses_excluded.empty());
  CHECK(c.virtual_routes.empty());
  CHECK(c.preempt);
  CHECK(c.preempt_delay == 0s);
  CHECK(c.accept_mode);  // keepalived: accept unless strict
  CHECK_FALSE(c.vmac);
  CHECK_FALSE(c.unicast_src_ip);
  CHECK(c.unicast_peers.empty());
  CHECK_FALSE(c.is_unicast());
  CHECK_FALSE(c.mcast_src_ip);
  CHECK(c.authentication.type == AuthType::none);
  CHECK_FALSE(c.dont_track_primary);
  CHECK(c.track_interfaces.empty());
  CHECK(c.track_scripts.empty());
  CHECK(c.track_files.empty());
  CHECK_FALSE(c.notify_master);
  CHECK_FALSE(c.notify_backup);
  CHECK_FALSE(c.notify_fault);
  CHECK_FALSE(c.notify_stop);
  CHECK_FALSE(c.notify);
  CHECK_FALSE(c.smtp_alert);
  CHECK(c.garp == GarpSettings{});
  CHECK_FALSE(c.lower_prio_no_advert);
  CHECK_FALSE(c.higher_prio_send_advert);
  CHECK_FALSE(c.v3_checksum_as_v2);
  CHECK_FALSE(c.promote_secondaries);
  CHECK_FALSE(c.skip_check_adv_addr);
  CHECK_FALSE(c.check_unicast_src);
  CHECK_FALSE(c.strict_mode);
}

TEST_CASE("vrrp_instance: state, priority, virtual_router_id, interface", "[config][instance]") {
  CHECK(only_instance("state MASTER\n").state == InitialState::master);
  CHECK(only_instance("state MASTER\nstate BACKUP\n").state == InitialState::backup);
  CHECK(only_instance("priority 255\n").priority == 255);  // the owner, kept as written
  CHECK(only_instance("priority 1\n").priority == 1);
  CHECK(only_instance("virtual_router_id 255\n").virtual_router_id == 255);
  CHECK(only_instance("interface bond0.100\n").interface == "bond0.100");
}

TEST_CASE("vrrp_instance: value errors point at the value", "[config][instance]") {
  CHECK(error_of(instance("    virtual_router_id 300\n")) ==
        "/etc/vrrpd/vrrpd.conf:7:23: virtual_router_id: expected an integer 1-255, got \"300\"");
  CHECK(error_of(instance("    virtual_router_id 0\n")) ==
        "/etc/vrrpd/vrrpd.conf:7:23: virtual_router_id: expected an integer 1-255, got \"0\"");
  CHECK(error_of(instance("    priority 0\n")) ==
        "/etc/vrrpd/vrrpd.conf:7:14: priority: expected an integer 1-255, got \"0\"");
  CHECK(error_of(instance("    priority 256\n")) ==
        "/etc/vrrpd/vrrpd.conf:7:14: priority: expected an integer 1-255, got \"256\"");
  CHECK(error_of(instance("    priority high\n")) ==
        "/etc/vrrpd/vrrpd.conf:7:14: priority: expected an integer 1-255, got \"high\"");
  CHECK(error_of(instance("    priority\n")) ==
        "/etc/vrrpd/vrrpd.conf:7:5: priority: expected an integer 1-255, got nothing");
  CHECK(error_of(instance("    priority 100 50\n")) ==
        "/etc/vrrpd/vrrpd.conf:7:18: priority: unexpected \"50\" after an integer 1-255");
  CHECK(error_of(instance("    state master-ish\n")) ==
        "/etc/vrrpd/vrrpd.conf:7:11: state: expected MASTER or BACKUP, got \"master-ish\"");
  CHECK(error_of(instance("    interface averyveryverylongname\n")) ==
        "/etc/vrrpd/vrrpd.conf:7:15: interface: expected an interface name of 1-15 characters, "
        "got \"averyveryverylongname\"");
  CHECK(error_of(instance("    version 1\n")) ==
        "/etc/vrrpd/vrrpd.conf:7:13: version: expected an integer 2-3, got \"1\"");
}

TEST_CASE("vrrp_instance: an unknown keyword is an error naming it", "[config][instance]") {
  CHECK(error_of(instance("    prority 100\n")) ==
        "/etc/vrrpd/vrrpd.conf:7:5: vrrp_instance VI_1: unknown keyword \"prority\"");
}

TEST_CASE("vrrp_instance: the name", "[config][instance]") {
  CHECK(error_of("vrrp_instance {\n}\n") ==
        "/etc/vrrpd/vrrpd.conf:1:1: vrrp_instance: expected one instance name, got nothing");
  CHECK(error_of("vrrp_instance a b {\n}\n") ==
        "/etc/vrrpd/vrrpd.conf:1:17: vrrp_instance: expected one instance name, got \"b\"");
  CHECK(error_of("vrrp_instance VI_1\n") ==
        "/etc/vrrpd/vrrpd.conf:1:15: vrrp_instance: expected a { } block");
}

TEST_CASE("vrrp_instance: preemption", "[config][instance]") {
  CHECK_FALSE(only_instance("nopreempt\n").preempt);
  CHECK(only_instance("nopreempt\npreempt\n").preempt);
  CHECK(only_instance("preempt_delay 300\n").preempt_delay == 300s);
  CHECK(only_instance("preempt_delay 4.12\n").preempt_delay == 4120ms);
  CHECK(error_of(instance("preempt_delay 1001\n")) ==
        "/etc/vrrpd/vrrpd.conf:7:15: preempt_delay: expected seconds 0-1000, got \"1001\"");
  CHECK(error_of(instance("nopreempt yes\n")) ==
        "/etc/vrrpd/vrrpd.conf:7:11: nopreempt: takes no value, got \"yes\"");
}

TEST_CASE("vrrp_instance: accept and no_accept", "[config][instance]") {
  CHECK(only_instance("accept\n").accept_mode);
  CHECK_FALSE(only_instance("no_accept\n").accept_mode);
  CHECK(only_instance("no_accept\naccept\n").accept_mode);
}

TEST_CASE("vrrp_instance: use_vmac and vmac_xmit_base", "[config][instance]") {
  const InstanceConfig plain = only_instance("use_vmac\n");
  REQUIRE(plain.vmac);
  CHECK(plain.vmac->interface_name == "vrrp.51");  // keepalived's default name
  // RFC 9568 §7.3: 00-00-5E-00-01-{VRID} for IPv4.
  CHECK(plain.vmac->mac == MacAddress{0x00, 0x00, 0x5e, 0x00, 0x01, 51});
  CHECK_FALSE(plain.vmac->xmit_base);
  CHECK(only_instance("use_vmac vrrp51\n").vmac->interface_name == "vrrp51");
  CHECK(only_instance("use_vmac name group\n").vmac->interface_name == "group");
  const InstanceConfig mac = only_instance("use_vmac vmac0 02:00:5e:00:01:33\nvmac_xmit_base\n");
  CHECK(mac.vmac->interface_name == "vmac0");
  CHECK(mac.vmac->mac == MacAddress{0x02, 0x00, 0x5e, 0x00, 0x01, 0x33});
  CHECK(mac.vmac->xmit_base);
  CHECK(error_of(instance("use_vmac a_name_longer_than_15\n")) ==
        "/etc/vrrpd/vrrpd.conf:7:10: use_vmac: expected an interface name of 1-15 characters, "
        "got \"a_name_longer_than_15\"");
  CHECK(error_of(instance("use_vmac v 01:00:5e:00:01:01\n")) ==
        "/etc/vrrpd/vrrpd.conf:7:12: use_vmac: expected a unicast MAC address, got "
        "\"01:00:5e:00:01:01\"");
  Config c = parse(instance("use_vmac v netlink_notify_msg group 5\n"));
  CHECK(c.warnings.size() == 2);
}

TEST_CASE("vrrp_instance: unicast_src_ip, unicast_peer, mcast_src_ip", "[config][instance]") {
  const InstanceConfig c = only_instance(
      "unicast_src_ip 192.0.2.1\nunicast_peer {\n  192.0.2.2\n  192.0.2.3 min_ttl 250 max_ttl "
      "255\n}\nmcast_src_ip 192.0.2.9\n");
  REQUIRE(c.unicast_src_ip);
  CHECK(c.unicast_src_ip->to_string() == "192.0.2.1");
  REQUIRE(c.unicast_peers.size() == 2);
  CHECK(c.is_unicast());
  CHECK(c.unicast_peers[0].address.to_string() == "192.0.2.2");
  CHECK_FALSE(c.unicast_peers[0].min_ttl);
  CHECK(c.unicast_peers[1].min_ttl == 250);
  CHECK(c.unicast_peers[1].max_ttl == 255);
  CHECK(c.check_unicast_src);  // keepalived: min_ttl/max_ttl turn the source check on
  REQUIRE(c.mcast_src_ip);
  CHECK(c.mcast_src_ip->to_string() == "192.0.2.9");
  CHECK_FALSE(only_instance("unicast_peer {\n 192.0.2.2\n}\n").check_unicast_src);
  CHECK(only_instance("unicast_peer {\n 192.0.2.2\n}\ncheck_unicast_src\n").check_unicast_src);
  CHECK(error_of(instance("unicast_src_ip 192.0.2\n")) ==
        "/etc/vrrpd/vrrpd.conf:7:16: unicast_src_ip: expected an IPv4 or IPv6 address, got "
        "\"192.0.2\"");
  CHECK(error_of(instance("unicast_peer {\n  192.0.2.300\n}\n")) ==
        "/etc/vrrpd/vrrpd.conf:8:3: unicast_peer: expected an IPv4 or IPv6 address, got "
        "\"192.0.2.300\"");
  CHECK(error_of(instance("unicast_peer {\n  192.0.2.2 ttl 3\n}\n")) ==
        "/etc/vrrpd/vrrpd.conf:8:13: unicast_peer: expected min_ttl or max_ttl, got \"ttl\"");
  CHECK(error_of(instance("unicast_peer {\n  192.0.2.2 min_ttl 256\n}\n")) ==
        "/etc/vrrpd/vrrpd.conf:8:21: unicast_peer: min_ttl: expected an integer 0-255, got "
        "\"256\"");
  CHECK(error_of(instance("unicast_peer {\n  192.0.2.2 max_ttl\n}\n")) ==
        "/etc/vrrpd/vrrpd.conf:8:13: unicast_peer: max_ttl: expected an integer 0-255, got "
        "nothing");
  CHECK(error_of(instance("unicast_peer {\n  192.0.2.2\n  192.0.2.2\n}\n")) ==
        "/etc/vrrpd/vrrpd.conf:9:3: unicast_peer: \"192.0.2.2\" is listed twice");
}

TEST_CASE("vrrp_instance: authentication", "[config][instance]") {
  const InstanceConfig pass =
      only_instance("version 2\nauthentication {\n  auth_type PASS\n  auth_pass secret12\n}\n");
  CHECK(pass.authentication.type == AuthType::simple_text);
  CHECK(pass.authentication.password == "secret12");
  CHECK(only_instance("version 2\nauthentication {\n auth_type AH\n}\n").authentication.type ==
        AuthType::ip_ah);
  CHECK(error_of(instance("version 2\nauthentication {\n  auth_type PASS\n"
                          "  auth_pass secret123\n}\n")) ==
        "/etc/vrrpd/vrrpd.conf:10:13: auth_pass: expected at most 8 characters, got 9");
  CHECK(error_of(instance("authentication {\n  auth_type KERBEROS\n}\n")) ==
        "/etc/vrrpd/vrrpd.conf:8:13: auth_type: expected PASS or AH, got \"KERBEROS\"");
  CHECK(error_of(instance("authentication {\n  auth_type PASS\n}\n")) ==
        "/etc/vrrpd/vrrpd.conf:7:1: authentication: auth_pass is missing (auth_type PASS needs "
        "one)");
  CHECK(error_of(instance("authentication {\n  auth_pass abc\n}\n")) ==
        "/etc/vrrpd/vrrpd.conf:7:1: authentication: auth_type is missing (expected PASS or AH)");
  CHECK(error_of(instance("authentication {\n  auth_pass \"\"\n}\n")) ==
        "/etc/vrrpd/vrrpd.conf:8:13: auth_pass: expected 1-8 characters, got none");
  CHECK(error_of(instance("authentication {\n  auth_kind PASS\n}\n")) ==
        "/etc/vrrpd/vrrpd.conf:8:3: authentication: unknown keyword \"auth_kind\"");
}

TEST_CASE("vrrp_instance: trackers", "[config][instance]") {
  Config c =
      parse("vrrp_script chk {\n script /bin/true\n}\ntrack_file tf {\n file /run/tf\n}\n" +
            instance("dont_track_primary\ntrack_interface {\n  eth1\n  eth2 weight -20\n"
                     "  eth3 weight 10 reverse\n}\ntrack_script {\n  chk weight 5 noreverse\n}\n"
                     "track_file {\n  tf weight -254 reverse\n}\n"));
  REQUIRE(c.instances.size() == 1);
  const InstanceConfig& i = c.instances[0];
  CHECK(i.dont_track_primary);
  REQUIRE(i.track_interfaces.size() == 3);
  CHECK(i.track_interfaces[0].name == "eth1");
  CHECK(i.track_interfaces[0].weight == 0);
  CHECK(i.track_interfaces[1].weight == -20);
  CHECK(i.track_interfaces[2].weight == 10);
  CHECK(i.track_interfaces[2].reverse);
  REQUIRE(i.track_scripts.size() == 1);
  CHECK(i.track_scripts[0].name == "chk");
  CHECK(i.track_scripts[0].weight == 5);
  CHECK_FALSE(i.track_scripts[0].reverse);
  REQUIRE(i.track_files.size() == 1);
  CHECK(i.track_files[0].weight == -254);
  CHECK(i.track_files[0].reverse);
  const std::string script = "vrrp_script chk {\n script /bin/true\n}\n";  // 3 lines
  CHECK(error_of(script + instance("track_script {\n  chk weight 254\n}\n")) ==
        "/etc/vrrpd/vrrpd.conf:11:14: track_script: weight: expected an integer from -253 to "
        "253, got \"254\"");
  CHECK(error_of(instance("track_interface {\n  eth1 weight\n}\n")) ==
        "/etc/vrrpd/vrrpd.conf:8:8: track_interface: weight: expected an integer from -253 to "
        "253, got nothing");
  CHECK(error_of(instance("track_interface {\n  eth1 noreverse\n}\n")) ==
        "/etc/vrrpd/vrrpd.conf:8:8: track_interface: expected weight or reverse after \"eth1\", "
        "got \"noreverse\"");
  CHECK(error_of(instance("track_interface {\n  eth1\n  eth1\n}\n")) ==
        "/etc/vrrpd/vrrpd.conf:9:3: track_interface: \"eth1\" is listed twice");
}

TEST_CASE("vrrp_instance: notify scripts", "[config][instance]") {
  const InstanceConfig c = only_instance(
      "notify_master /etc/vrrpd/master.sh\nnotify_backup \"/etc/vrrpd/state.sh backup\" nobody "
      "nogroup\nnotify_fault /etc/vrrpd/fault.sh root\nnotify_stop /etc/vrrpd/stop.sh\n"
      "notify \"/usr/bin/logger -t vrrp\"\nsmtp_alert\n");
  REQUIRE(c.notify_master);
  CHECK(c.notify_master->command == "/etc/vrrpd/master.sh");
  CHECK_FALSE(c.notify_master->run_as);
  CHECK(c.notify_master->where == SourceLocation{"/etc/vrrpd/vrrpd.conf", 7, 15});
  REQUIRE(c.notify_backup);
  CHECK(c.notify_backup->command == "/etc/vrrpd/state.sh backup");
  REQUIRE(c.notify_backup->run_as);
  CHECK(c.notify_backup->run_as->user == "nobody");
  CHECK(c.notify_backup->run_as->group == "nogroup");
  CHECK(c.notify_fault->run_as->user == "root");
  CHECK(c.notify_stop->command == "/etc/vrrpd/stop.sh");
  CHECK(c.notify->command == "/usr/bin/logger -t vrrp");
  CHECK(c.smtp_alert);
  CHECK(error_of(instance("notify_master\n")) ==
        "/etc/vrrpd/vrrpd.conf:7:1: notify_master: expected a script [username [:][groupname]], "
        "got nothing");
  CHECK(error_of(instance("notify /x a b c\n")) ==
        "/etc/vrrpd/vrrpd.conf:7:15: notify: unexpected \"c\" after a script [username "
        "[:][groupname]]");
}

TEST_CASE("vrrp_instance: garp settings default to global_defs'", "[config][instance]") {
  const std::string globals =
      "global_defs {\n vrrp_garp_master_delay 7\n vrrp_garp_master_repeat 2\n"
      " vrrp_garp_master_refresh 30\n}\n";
  Config inherited = parse(globals + instance(""));
  const GarpSettings& g = inherited.instances[0].garp;
  CHECK(g.master_delay == 7s);
  CHECK(g.master_repeat == 2);
  CHECK(g.lower_prio_delay == 7s);
  CHECK(g.lower_prio_repeat == 2);
  CHECK(g.master_refresh == 30s);
  CHECK(g.master_refresh_repeat == 1);
  Config own = parse(globals + instance("garp_master_delay 1\ngarp_master_repeat 9\n"
                                        "garp_lower_prio_delay 3\ngarp_lower_prio_repeat 4\n"
                                        "garp_master_refresh 0\ngarp_master_refresh_repeat 6\n"));
  const GarpSettings& o = own.instances[0].garp;
  CHECK(o.master_delay == 1s);
  CHECK(o.master_repeat == 9);
  CHECK(o.lower_prio_delay == 3s);
  CHECK(o.lower_prio_repeat == 4);
  CHECK(o.master_refresh == 0s);
  CHECK(o.master_refresh_repeat == 6);
  CHECK(error_of(instance("garp_master_delay 1.5\n")) ==
        "/etc/vrrpd/vrrpd.conf:7:19: garp_master_delay: expected an integer 0-4294, got "
        "\"1.5\"");
  CHECK(error_of(instance("garp_lower_prio_delay 5000\n")) ==
        "/etc/vrrpd/vrrpd.conf:7:23: garp_lower_prio_delay: expected an integer 0-4294, got "
        "\"5000\"");
}

TEST_CASE("vrrp_instance: switches default to global_defs'", "[config][instance]") {
  const std::string globals =
      "global_defs {\n vrrp_lower_prio_no_advert\n vrrp_higher_prio_send_advert\n"
      " v3_checksum_as_v2\n vrrp_skip_check_adv_addr\n vrrp_check_unicast_src\n}\n";
  const InstanceConfig inherited = parse(globals + instance("")).instances[0];
  CHECK(inherited.lower_prio_no_advert);
  CHECK(inherited.higher_prio_send_advert);
  CHECK(inherited.v3_checksum_as_v2);
  CHECK(inherited.skip_check_adv_addr);
  CHECK(inherited.check_unicast_src);
  const InstanceConfig own =
      parse(globals + instance("lower_prio_no_advert off\n"
                               "higher_prio_send_advert false\n"
                               "v3_checksum_as_v2 no\nskip_check_adv_addr off\n"
                               "check_unicast_src off\n"))
          .instances[0];
  CHECK_FALSE(own.lower_prio_no_advert);
  CHECK_FALSE(own.higher_prio_send_advert);
  CHECK_FALSE(own.v3_checksum_as_v2);
  CHECK_FALSE(own.skip_check_adv_addr);
  CHECK_FALSE(own.check_unicast_src);
  const InstanceConfig on = only_instance(
      "lower_prio_no_advert\nhigher_prio_send_advert\nv3_checksum_as_v2\nskip_check_adv_addr\n"
      "promote_secondaries\n");
  CHECK(on.lower_prio_no_advert);
  CHECK(on.higher_prio_send_advert);
  CHECK(on.v3_checksum_as_v2);
  CHECK(on.skip_check_adv_addr);
  CHECK(on.promote_secondaries);
  CHECK(parse("global_defs {\n smtp_alert\n}\n" + instance("")).instances[0].smtp_alert);
}

TEST_CASE("vrrp_instance: no_virtual_ipaddress allows an instance without VIPs",
          "[config][instance]") {
  Config c = parse(
      "vrrp_instance VI_1 {\n interface eth0\n virtual_router_id 5\n no_virtual_ipaddress\n}\n");
  REQUIRE(c.instances.size() == 1);
  CHECK(c.instances[0].virtual_addresses.empty());
}
