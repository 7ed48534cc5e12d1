// Every keyword the parser knows, with a sample use and the value it must parse to, in one
// table; and a test that fails when known_keywords_by_block() has a keyword the table lacks
// (or the table a keyword the parser no longer knows), so a new keyword needs a row here.
#include <catch2/catch.hpp>

#include <functional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "tests/unit/config/fake_files.hpp"
#include "tests/unit/config/helpers.hpp"

using namespace vrrp;
using namespace std::chrono_literals;
using vrrp::test::instance;
using vrrp::test::kPath;

namespace {

struct KeywordCase {
  std::string_view block;  // as known_keywords_by_block() names it
  std::string_view keyword;
  std::string config;                        // a whole configuration that uses the keyword
  std::function<void(const Config&)> check;  // the parsed value (never the default)
};

// A configuration with `body` in global_defs and the instance VI_1 of helpers.hpp.
std::string globals(const std::string& body) {
  return "global_defs {\n" + body + "\n}\n" + instance("");
}
// VI_1 with `body` in its authentication block (VRRPv2, where authentication is allowed).
std::string auth(const std::string& body) {
  return instance("version 2\nauthentication {\n" + body + "\n}\n");
}
std::string script(const std::string& body) {
  return "vrrp_script chk {\n script /bin/true\n" + body + "\n}\n" + instance("");
}
std::string track_file_block(const std::string& body) {
  return "track_file tf {\n file /run/tf\n" + body + "\n}\n" + instance("");
}
std::string sync_group(const std::string& body) {
  return instance("") + "vrrp_sync_group G {\n group {\n  VI_1\n }\n" + body + "\n}\n";
}
// VI_1 (IPv4) whose second virtual address line is `line`.
std::string vip_line(const std::string& line) {
  return instance("virtual_ipaddress {\n" + line + "\n}\n");
}
std::string route_line(const std::string& line) {
  return instance("virtual_routes {\n" + line + "\n}\n");
}

const InstanceConfig& vi(const Config& c) {
  REQUIRE(c.instances.size() == 1);
  return c.instances.front();
}
const VirtualAddress& second_vip(const Config& c) {
  REQUIRE(vi(c).virtual_addresses.size() == 2);
  return vi(c).virtual_addresses[1];
}
const VirtualRoute& only_route(const Config& c) {
  REQUIRE(vi(c).virtual_routes.size() == 1);
  return vi(c).virtual_routes.front();
}
const SyncGroupConfig& group(const Config& c) {
  REQUIRE(c.sync_groups.size() == 1);
  return c.sync_groups.front();
}
const ScriptConfig& chk(const Config& c) {
  REQUIRE(c.scripts.size() == 1);
  return c.scripts.front();
}
const TrackFileConfig& tf(const Config& c) {
  REQUIRE(c.track_files.size() == 1);
  return c.track_files.front();
}
IpAddress ip(const char* text) {
  return *IpAddress::parse(text);
}

// The top-level include forms read /etc/vrrpd/more.conf, which defines VI_2.
std::string include_case(std::string_view keyword) {
  return instance("") + std::string(keyword) + " more.conf\n";
}
void check_included(const Config& c) {
  REQUIRE(c.instances.size() == 2);
  CHECK(c.instances[1].name == "VI_2");
}

std::vector<KeywordCase> table() {
  std::vector<KeywordCase> t = {
      // ---- top level
      {"top", "global_defs", globals("router_id top-1"),
       [](const Config& c) { CHECK(c.globals.router_id == "top-1"); }},
      {"top", "vrrp_instance", instance("", "VI_TOP"),
       [](const Config& c) { CHECK(vi(c).name == "VI_TOP"); }},
      {"top", "vrrp_script", script(""),
       [](const Config& c) { CHECK(chk(c).command == "/bin/true"); }},
      {"top", "vrrp_sync_group", sync_group(""),
       [](const Config& c) { CHECK(group(c).members == std::vector<std::string>{"VI_1"}); }},
      {"top", "track_file", track_file_block(""),
       [](const Config& c) { CHECK(tf(c).path == "/run/tf"); }},
      {"top", "vrrp_track_file", "vrrp_track_file old {\n file /run/old\n}\n" + instance(""),
       [](const Config& c) {
         CHECK(tf(c).name == "old");
         CHECK(tf(c).path == "/run/old");
       }},
      {"top", "include", include_case("include"), check_included},
      {"top", "includer", include_case("includer"), check_included},
      {"top", "includem", include_case("includem"), check_included},
      {"top", "includew", include_case("includew"), check_included},
      {"top", "includeb", include_case("includeb"), check_included},
      {"top", "includea", include_case("includea"), check_included},

      // ---- global_defs
      {"global_defs", "router_id", globals("router_id lb-7"),
       [](const Config& c) { CHECK(c.globals.router_id == "lb-7"); }},
      {"global_defs", "lvs_id", globals("lvs_id old-7"),
       [](const Config& c) { CHECK(c.globals.router_id == "old-7"); }},
      {"global_defs", "vrrp_version", globals("vrrp_version 3"),
       [](const Config& c) {
         CHECK(c.globals.vrrp_version == Version::v3);
         CHECK(vi(c).version == Version::v3);
       }},
      {"global_defs", "vrrp_mcast_group4", globals("vrrp_mcast_group4 224.0.0.19"),
       [](const Config& c) { CHECK(c.globals.vrrp_mcast_group4 == ip("224.0.0.19")); }},
      {"global_defs", "vrrp_mcast_group6", globals("vrrp_mcast_group6 ff02::13"),
       [](const Config& c) { CHECK(c.globals.vrrp_mcast_group6 == ip("ff02::13")); }},
      {"global_defs", "vrrp_garp_master_delay", globals("vrrp_garp_master_delay 9"),
       [](const Config& c) { CHECK(vi(c).garp.master_delay == 9s); }},
      {"global_defs", "vrrp_garp_master_repeat", globals("vrrp_garp_master_repeat 7"),
       [](const Config& c) { CHECK(vi(c).garp.master_repeat == 7); }},
      {"global_defs", "vrrp_garp_lower_prio_delay", globals("vrrp_garp_lower_prio_delay 11"),
       [](const Config& c) { CHECK(vi(c).garp.lower_prio_delay == 11s); }},
      {"global_defs", "vrrp_garp_lower_prio_repeat", globals("vrrp_garp_lower_prio_repeat 3"),
       [](const Config& c) { CHECK(vi(c).garp.lower_prio_repeat == 3); }},
      {"global_defs", "vrrp_garp_master_refresh", globals("vrrp_garp_master_refresh 60"),
       [](const Config& c) { CHECK(vi(c).garp.master_refresh == 60s); }},
      {"global_defs", "vrrp_garp_master_refresh_repeat",
       globals("vrrp_garp_master_refresh_repeat 4"),
       [](const Config& c) { CHECK(vi(c).garp.master_refresh_repeat == 4); }},
      {"global_defs", "vrrp_garp_interval", globals("vrrp_garp_interval 0.25"),
       [](const Config& c) { CHECK(c.globals.vrrp_garp_interval == 250ms); }},
      {"global_defs", "vrrp_gna_interval", globals("vrrp_gna_interval 0.5"),
       [](const Config& c) { CHECK(c.globals.vrrp_gna_interval == 500ms); }},
      {"global_defs", "vrrp_min_garp", globals("vrrp_min_garp"),
       [](const Config& c) {
         CHECK(vi(c).garp.master_repeat == 1);
         CHECK(vi(c).garp.master_delay == 0s);
       }},
      {"global_defs", "vrrp_strict", globals("vrrp_strict"),
       [](const Config& c) {
         CHECK(c.globals.vrrp_strict);
         CHECK(vi(c).strict_mode);
       }},
      {"global_defs", "vrrp_skip_check_adv_addr", globals("vrrp_skip_check_adv_addr"),
       [](const Config& c) {
         CHECK(c.globals.vrrp_skip_check_adv_addr);
         CHECK(vi(c).skip_check_adv_addr);
       }},
      {"global_defs", "vrrp_check_unicast_src", globals("vrrp_check_unicast_src yes"),
       [](const Config& c) {
         CHECK(c.globals.vrrp_check_unicast_src);
         CHECK(vi(c).check_unicast_src);
       }},
      {"global_defs", "vrrp_lower_prio_no_advert", globals("vrrp_lower_prio_no_advert on"),
       [](const Config& c) {
         CHECK(c.globals.vrrp_lower_prio_no_advert);
         CHECK(vi(c).lower_prio_no_advert);
       }},
      {"global_defs", "vrrp_higher_prio_send_advert", globals("vrrp_higher_prio_send_advert true"),
       [](const Config& c) {
         CHECK(c.globals.vrrp_higher_prio_send_advert);
         CHECK(vi(c).higher_prio_send_advert);
       }},
      {"global_defs", "v3_checksum_as_v2", globals("v3_checksum_as_v2"),
       [](const Config& c) {
         CHECK(c.globals.v3_checksum_as_v2);
         CHECK(vi(c).v3_checksum_as_v2);
       }},
      {"global_defs", "vrrp_startup_delay", globals("vrrp_startup_delay 2.5"),
       [](const Config& c) { CHECK(c.globals.vrrp_startup_delay == 2500ms); }},
      {"global_defs", "script_user", globals("script_user nobody :nogroup"),
       [](const Config& c) {
         REQUIRE(c.globals.script_user);
         CHECK(c.globals.script_user->user == "nobody");
         CHECK(c.globals.script_user->group == "nogroup");
         CHECK(c.globals.script_user->set_supplementary_groups);
       }},
      {"global_defs", "enable_script_security", globals("enable_script_security"),
       [](const Config& c) { CHECK(c.globals.enable_script_security); }},
      {"global_defs", "notify_fifo", globals("notify_fifo /run/all.fifo"),
       [](const Config& c) {
         REQUIRE(c.globals.notify_fifo);
         CHECK(c.globals.notify_fifo->path == "/run/all.fifo");
       }},
      {"global_defs", "vrrp_notify_fifo", globals("vrrp_notify_fifo /run/vrrp.fifo"),
       [](const Config& c) {
         REQUIRE(c.globals.vrrp_notify_fifo);
         CHECK(c.globals.vrrp_notify_fifo->path == "/run/vrrp.fifo");
       }},
      {"global_defs", "notification_email",
       globals("notification_email {\n ops@example.com\n noc@example.com\n}"),
       [](const Config& c) {
         CHECK(c.globals.notification_email ==
               std::vector<std::string>{"ops@example.com", "noc@example.com"});
       }},
      {"global_defs", "notification_email_from", globals("notification_email_from lb@example.com"),
       [](const Config& c) { CHECK(c.globals.notification_email_from == "lb@example.com"); }},
      {"global_defs", "smtp_server", globals("smtp_server 192.0.2.25 2525"),
       [](const Config& c) {
         REQUIRE(c.globals.smtp_server);
         CHECK(c.globals.smtp_server->host == "192.0.2.25");
         CHECK(c.globals.smtp_server->port == 2525);
       }},
      {"global_defs", "smtp_connect_timeout", globals("smtp_connect_timeout 45"),
       [](const Config& c) { CHECK(c.globals.smtp_connect_timeout == 45s); }},
      {"global_defs", "smtp_helo_name", globals("smtp_helo_name mail.example.com"),
       [](const Config& c) { CHECK(c.globals.smtp_helo_name == "mail.example.com"); }},
      {"global_defs", "smtp_alert", globals("smtp_alert"),
       [](const Config& c) { CHECK(c.globals.smtp_alert); }},
      {"global_defs", "smtp_alert_vrrp", globals("smtp_alert_vrrp yes"),
       [](const Config& c) { CHECK(c.globals.smtp_alert); }},

      // ---- vrrp_instance
      {"vrrp_instance", "state", instance("state MASTER\npriority 255\n"),
       [](const Config& c) { CHECK(vi(c).state == InitialState::master); }},
      {"vrrp_instance", "interface", instance("interface bond0\n"),
       [](const Config& c) { CHECK(vi(c).interface == "bond0"); }},
      {"vrrp_instance", "virtual_router_id", instance("virtual_router_id 200\n"),
       [](const Config& c) { CHECK(vi(c).virtual_router_id == 200); }},
      {"vrrp_instance", "priority", instance("priority 150\n"),
       [](const Config& c) { CHECK(vi(c).priority == 150); }},
      {"vrrp_instance", "advert_int", instance("version 3\nadvert_int 0.35\n"),
       [](const Config& c) { CHECK(vi(c).advert_interval == Centiseconds(35)); }},
      {"vrrp_instance", "version", instance("version 2\n"),
       [](const Config& c) { CHECK(vi(c).version == Version::v2); }},
      {"vrrp_instance", "native_ipv6",
       "vrrp_instance V6 {\n interface eth0\n virtual_router_id 5\n native_ipv6\n"
       " no_virtual_ipaddress\n}\n",
       [](const Config& c) {
         CHECK(vi(c).family == Family::ipv6);
         CHECK(vi(c).virtual_addresses.empty());
       }},
      {"vrrp_instance", "authentication", auth("auth_type PASS\nauth_pass secret"),
       [](const Config& c) { CHECK(vi(c).authentication.type == AuthType::simple_text); }},
      {"vrrp_instance", "virtual_ipaddress", vip_line("192.0.2.101/24"),
       [](const Config& c) { CHECK(second_vip(c).prefix == *IpPrefix::parse("192.0.2.101/24")); }},
      {"vrrp_instance", "virtual_ipaddress_excluded",
       instance("virtual_ipaddress_excluded {\n 192.0.2.200/32\n}\n"),
       [](const Config& c) {
         REQUIRE(vi(c).virtual_addresses_excluded.size() == 1);
         CHECK(vi(c).virtual_addresses_excluded[0].prefix == *IpPrefix::parse("192.0.2.200/32"));
       }},
      {"vrrp_instance", "virtual_routes", route_line("198.51.100.0/24 via 192.0.2.1"),
       [](const Config& c) {
         CHECK(only_route(c).destination == *IpPrefix::parse("198.51.100.0/24"));
       }},
      {"vrrp_instance", "no_virtual_ipaddress",
       "vrrp_instance NV {\n interface eth0\n virtual_router_id 5\n no_virtual_ipaddress\n}\n",
       [](const Config& c) { CHECK(vi(c).virtual_addresses.empty()); }},
      {"vrrp_instance", "nopreempt", instance("nopreempt\n"),
       [](const Config& c) { CHECK_FALSE(vi(c).preempt); }},
      {"vrrp_instance", "preempt", instance("nopreempt\npreempt\n"),
       [](const Config& c) { CHECK(vi(c).preempt); }},
      {"vrrp_instance", "preempt_delay", instance("preempt_delay 12.5\n"),
       [](const Config& c) { CHECK(vi(c).preempt_delay == 12500ms); }},
      {"vrrp_instance", "accept", instance("strict_mode\nversion 3\naccept\n"),
       [](const Config& c) { CHECK(vi(c).accept_mode); }},
      {"vrrp_instance", "no_accept", instance("no_accept\n"),
       [](const Config& c) { CHECK_FALSE(vi(c).accept_mode); }},
      {"vrrp_instance", "use_vmac", instance("use_vmac vrrp.web 02:00:5e:00:01:33\n"),
       [](const Config& c) {
         REQUIRE(vi(c).vmac);
         CHECK(vi(c).vmac->interface_name == "vrrp.web");
         CHECK(vi(c).vmac->mac == MacAddress{0x02, 0x00, 0x5e, 0x00, 0x01, 0x33});
       }},
      {"vrrp_instance", "vmac_xmit_base", instance("use_vmac\nvmac_xmit_base\n"),
       [](const Config& c) {
         REQUIRE(vi(c).vmac);
         CHECK(vi(c).vmac->xmit_base);
       }},
      {"vrrp_instance", "unicast_src_ip",
       instance("unicast_src_ip 192.0.2.11\nunicast_peer {\n 192.0.2.12\n}\n"),
       [](const Config& c) { CHECK(vi(c).unicast_src_ip == ip("192.0.2.11")); }},
      {"vrrp_instance", "unicast_peer", instance("unicast_peer {\n 192.0.2.12\n 192.0.2.13\n}\n"),
       [](const Config& c) {
         REQUIRE(vi(c).unicast_peers.size() == 2);
         CHECK(vi(c).unicast_peers[1].address == ip("192.0.2.13"));
       }},
      {"vrrp_instance", "mcast_src_ip", instance("mcast_src_ip 192.0.2.21\n"),
       [](const Config& c) { CHECK(vi(c).mcast_src_ip == ip("192.0.2.21")); }},
      {"vrrp_instance", "dont_track_primary", instance("dont_track_primary\n"),
       [](const Config& c) { CHECK(vi(c).dont_track_primary); }},
      {"vrrp_instance", "track_interface", instance("track_interface {\n eth1\n eth2\n}\n"),
       [](const Config& c) {
         REQUIRE(vi(c).track_interfaces.size() == 2);
         CHECK(vi(c).track_interfaces[1].name == "eth2");
         CHECK(vi(c).track_interfaces[1].weight == 0);
       }},
      {"vrrp_instance", "track_script",
       "vrrp_script chk {\n script /bin/true\n}\n" + instance("track_script {\n chk\n}\n"),
       [](const Config& c) {
         REQUIRE(vi(c).track_scripts.size() == 1);
         CHECK(vi(c).track_scripts[0].name == "chk");
         CHECK_FALSE(vi(c).track_scripts[0].weight);
       }},
      {"vrrp_instance", "track_file",
       "track_file tf {\n file /run/tf\n}\n" + instance("track_file {\n tf\n}\n"),
       [](const Config& c) {
         REQUIRE(vi(c).track_files.size() == 1);
         CHECK(vi(c).track_files[0].name == "tf");
       }},
      {"vrrp_instance", "notify_master", instance("notify_master \"/bin/m.sh up\"\n"),
       [](const Config& c) {
         REQUIRE(vi(c).notify_master);
         CHECK(vi(c).notify_master->command == "/bin/m.sh up");
       }},
      {"vrrp_instance", "notify_backup", instance("notify_backup /bin/b.sh nobody\n"),
       [](const Config& c) {
         REQUIRE(vi(c).notify_backup);
         CHECK(vi(c).notify_backup->command == "/bin/b.sh");
         REQUIRE(vi(c).notify_backup->run_as);
         CHECK(vi(c).notify_backup->run_as->user == "nobody");
       }},
      {"vrrp_instance", "notify_fault", instance("notify_fault /bin/f.sh\n"),
       [](const Config& c) {
         REQUIRE(vi(c).notify_fault);
         CHECK(vi(c).notify_fault->command == "/bin/f.sh");
       }},
      {"vrrp_instance", "notify_stop", instance("notify_stop /bin/s.sh\n"),
       [](const Config& c) {
         REQUIRE(vi(c).notify_stop);
         CHECK(vi(c).notify_stop->command == "/bin/s.sh");
       }},
      {"vrrp_instance", "notify", instance("notify /bin/n.sh\n"),
       [](const Config& c) {
         REQUIRE(vi(c).notify);
         CHECK(vi(c).notify->command == "/bin/n.sh");
       }},
      {"vrrp_instance", "smtp_alert", instance("smtp_alert\n"),
       [](const Config& c) { CHECK(vi(c).smtp_alert); }},
      {"vrrp_instance", "garp_master_delay", instance("garp_master_delay 8\n"),
       [](const Config& c) { CHECK(vi(c).garp.master_delay == 8s); }},
      {"vrrp_instance", "garp_master_repeat", instance("garp_master_repeat 2\n"),
       [](const Config& c) { CHECK(vi(c).garp.master_repeat == 2); }},
      {"vrrp_instance", "garp_lower_prio_delay", instance("garp_lower_prio_delay 13\n"),
       [](const Config& c) { CHECK(vi(c).garp.lower_prio_delay == 13s); }},
      {"vrrp_instance", "garp_lower_prio_repeat", instance("garp_lower_prio_repeat 6\n"),
       [](const Config& c) { CHECK(vi(c).garp.lower_prio_repeat == 6); }},
      {"vrrp_instance", "garp_master_refresh", instance("garp_master_refresh 30\n"),
       [](const Config& c) { CHECK(vi(c).garp.master_refresh == 30s); }},
      {"vrrp_instance", "garp_master_refresh_repeat", instance("garp_master_refresh_repeat 3\n"),
       [](const Config& c) { CHECK(vi(c).garp.master_refresh_repeat == 3); }},
      {"vrrp_instance", "lower_prio_no_advert", instance("lower_prio_no_advert\n"),
       [](const Config& c) { CHECK(vi(c).lower_prio_no_advert); }},
      {"vrrp_instance", "higher_prio_send_advert", instance("higher_prio_send_advert on\n"),
       [](const Config& c) { CHECK(vi(c).higher_prio_send_advert); }},
      {"vrrp_instance", "v3_checksum_as_v2", instance("v3_checksum_as_v2\n"),
       [](const Config& c) { CHECK(vi(c).v3_checksum_as_v2); }},
      {"vrrp_instance", "promote_secondaries", instance("promote_secondaries\n"),
       [](const Config& c) { CHECK(vi(c).promote_secondaries); }},
      {"vrrp_instance", "skip_check_adv_addr", instance("skip_check_adv_addr\n"),
       [](const Config& c) { CHECK(vi(c).skip_check_adv_addr); }},
      {"vrrp_instance", "check_unicast_src", instance("check_unicast_src\n"),
       [](const Config& c) { CHECK(vi(c).check_unicast_src); }},
      {"vrrp_instance", "strict_mode", instance("version 3\nstrict_mode\n"),
       [](const Config& c) {
         CHECK(vi(c).strict_mode);
         CHECK_FALSE(vi(c).accept_mode);  // keepalived: strict turns accept mode off
       }},

      // ---- authentication
      {"authentication", "auth_type", auth("auth_type AH"),
       [](const Config& c) { CHECK(vi(c).authentication.type == AuthType::ip_ah); }},
      {"authentication", "auth_pass", auth("auth_type PASS\nauth_pass 12345678"),
       [](const Config& c) { CHECK(vi(c).authentication.password == "12345678"); }},

      // ---- vrrp_script
      {"vrrp_script", "script", "vrrp_script chk {\n script \"/usr/bin/pgrep -x x\"\n}\n" +
                                    instance(""),
       [](const Config& c) { CHECK(chk(c).command == "/usr/bin/pgrep -x x"); }},
      {"vrrp_script", "interval", script("interval 3"),
       [](const Config& c) { CHECK(chk(c).interval == 3s); }},
      {"vrrp_script", "timeout", script("interval 5\ntimeout 2"),
       [](const Config& c) { CHECK(chk(c).timeout == 2s); }},
      {"vrrp_script", "weight", script("weight -30 reverse"),
       [](const Config& c) {
         CHECK(chk(c).weight == -30);
         CHECK(chk(c).weight_reverse);
       }},
      {"vrrp_script", "rise", script("rise 4"), [](const Config& c) { CHECK(chk(c).rise == 4); }},
      {"vrrp_script", "fall", script("fall 5"), [](const Config& c) { CHECK(chk(c).fall == 5); }},
      {"vrrp_script", "user", script("user nobody nogroup"),
       [](const Config& c) {
         REQUIRE(chk(c).run_as);
         CHECK(chk(c).run_as->user == "nobody");
         CHECK(chk(c).run_as->group == "nogroup");
       }},
      {"vrrp_script", "init_fail", script("init_fail"),
       [](const Config& c) { CHECK(chk(c).init_fail); }},

      // ---- track_file
      {"track_file", "file", "track_file tf {\n file /var/run/drain\n}\n" + instance(""),
       [](const Config& c) { CHECK(tf(c).path == "/var/run/drain"); }},
      {"track_file", "weight", track_file_block("weight -2 reverse"),
       [](const Config& c) {
         CHECK(tf(c).weight == -2);
         CHECK(tf(c).weight_reverse);
       }},
      {"track_file", "init_file", track_file_block("init_file 7 overwrite"),
       [](const Config& c) {
         CHECK(tf(c).init_value == 7);
         CHECK(tf(c).init_overwrite);
       }},

      // ---- vrrp_sync_group
      {"vrrp_sync_group", "group",
       instance("") +
           "vrrp_instance VI_2 {\n interface eth1\n virtual_router_id 52\n"
           " virtual_ipaddress {\n  192.0.2.200/24\n }\n}\n"
           "vrrp_sync_group G {\n group {\n  VI_2 VI_1\n }\n}\n",
       [](const Config& c) {
         REQUIRE(c.sync_groups.size() == 1);
         CHECK(c.sync_groups[0].members == std::vector<std::string>{"VI_2", "VI_1"});
       }},
      {"vrrp_sync_group", "track_interface", sync_group("track_interface {\n eth3 weight -10\n}"),
       [](const Config& c) {
         REQUIRE(group(c).track_interfaces.size() == 1);
         CHECK(group(c).track_interfaces[0].name == "eth3");
         CHECK(group(c).track_interfaces[0].weight == -10);
       }},
      {"vrrp_sync_group", "track_script",
       "vrrp_script chk {\n script /bin/true\n}\n" + sync_group("track_script {\n chk\n}"),
       [](const Config& c) {
         REQUIRE(group(c).track_scripts.size() == 1);
         CHECK(group(c).track_scripts[0].name == "chk");
       }},
      {"vrrp_sync_group", "track_file",
       "track_file tf {\n file /run/tf\n}\n" + sync_group("track_file {\n tf\n}"),
       [](const Config& c) {
         REQUIRE(group(c).track_files.size() == 1);
         CHECK(group(c).track_files[0].name == "tf");
       }},
      {"vrrp_sync_group", "notify_master", sync_group("notify_master /bin/gm.sh"),
       [](const Config& c) {
         REQUIRE(group(c).notify_master);
         CHECK(group(c).notify_master->command == "/bin/gm.sh");
       }},
      {"vrrp_sync_group", "notify_backup", sync_group("notify_backup /bin/gb.sh"),
       [](const Config& c) {
         REQUIRE(group(c).notify_backup);
         CHECK(group(c).notify_backup->command == "/bin/gb.sh");
       }},
      {"vrrp_sync_group", "notify_fault", sync_group("notify_fault /bin/gf.sh"),
       [](const Config& c) {
         REQUIRE(group(c).notify_fault);
         CHECK(group(c).notify_fault->command == "/bin/gf.sh");
       }},
      {"vrrp_sync_group", "notify_stop", sync_group("notify_stop /bin/gs.sh"),
       [](const Config& c) {
         REQUIRE(group(c).notify_stop);
         CHECK(group(c).notify_stop->command == "/bin/gs.sh");
       }},
      {"vrrp_sync_group", "notify", sync_group("notify /bin/gn.sh"),
       [](const Config& c) {
         REQUIRE(group(c).notify);
         CHECK(group(c).notify->command == "/bin/gn.sh");
       }},
      {"vrrp_sync_group", "smtp_alert", sync_group("smtp_alert"),
       [](const Config& c) { CHECK(group(c).smtp_alert); }},
      {"vrrp_sync_group", "sync_group_tracking_weight", sync_group("sync_group_tracking_weight"),
       [](const Config& c) { CHECK(group(c).sync_group_tracking_weight); }},
      {"vrrp_sync_group", "global_tracking", sync_group("global_tracking"),
       [](const Config& c) {
         CHECK(group(c).sync_group_tracking_weight);
         CHECK(c.warnings.size() == 1);  // deprecated
       }},

      // ---- virtual_ipaddress options
      {"virtual_ipaddress", "brd", vip_line("192.0.2.101/24 brd 192.0.2.255"),
       [](const Config& c) { CHECK(second_vip(c).broadcast == ip("192.0.2.255")); }},
      {"virtual_ipaddress", "dev", vip_line("192.0.2.101/24 dev eth5"),
       [](const Config& c) { CHECK(second_vip(c).device == "eth5"); }},
      {"virtual_ipaddress", "scope", vip_line("192.0.2.101/24 scope link"),
       [](const Config& c) { CHECK(second_vip(c).scope == AddressScope::link); }},
      {"virtual_ipaddress", "label", vip_line("192.0.2.101/24 label eth0:vip"),
       [](const Config& c) { CHECK(second_vip(c).label == "eth0:vip"); }},
      {"virtual_ipaddress", "peer", vip_line("192.0.2.101 peer 192.0.2.102"),
       [](const Config& c) { CHECK(second_vip(c).peer == ip("192.0.2.102")); }},
      {"virtual_ipaddress", "home", vip_line("192.0.2.101/24 home"),
       [](const Config& c) { CHECK(second_vip(c).home); }},
      {"virtual_ipaddress", "-nodad", vip_line("192.0.2.101/24 -nodad"),
       [](const Config& c) { CHECK(second_vip(c).nodad); }},
      {"virtual_ipaddress", "noprefixroute", vip_line("192.0.2.101/24 noprefixroute"),
       [](const Config& c) { CHECK(second_vip(c).noprefixroute); }},
      {"virtual_ipaddress", "autojoin", vip_line("192.0.2.101/24 autojoin"),
       [](const Config& c) { CHECK(second_vip(c).autojoin); }},
      {"virtual_ipaddress", "no_track", vip_line("192.0.2.101/24 no_track"),
       [](const Config& c) { CHECK(second_vip(c).no_track); }},

      // ---- virtual_routes options
      {"virtual_routes", "blackhole", route_line("blackhole 198.51.100.0/24"),
       [](const Config& c) { CHECK(only_route(c).type == VirtualRoute::Type::blackhole); }},
      {"virtual_routes", "unreachable", route_line("unreachable 198.51.100.0/24"),
       [](const Config& c) { CHECK(only_route(c).type == VirtualRoute::Type::unreachable); }},
      {"virtual_routes", "prohibit", route_line("prohibit 198.51.100.0/24"),
       [](const Config& c) { CHECK(only_route(c).type == VirtualRoute::Type::prohibit); }},
      {"virtual_routes", "src", route_line("198.51.100.0/24 src 192.0.2.100"),
       [](const Config& c) { CHECK(only_route(c).source == ip("192.0.2.100")); }},
      {"virtual_routes", "to", route_line("to 198.51.100.0/25 dev eth0"),
       [](const Config& c) {
         CHECK(only_route(c).destination == *IpPrefix::parse("198.51.100.0/25"));
       }},
      {"virtual_routes", "via", route_line("198.51.100.0/24 via 192.0.2.1"),
       [](const Config& c) { CHECK(only_route(c).gateway == ip("192.0.2.1")); }},
      {"virtual_routes", "gw", route_line("198.51.100.0/24 gw 192.0.2.2"),
       [](const Config& c) { CHECK(only_route(c).gateway == ip("192.0.2.2")); }},
      {"virtual_routes", "dev", route_line("198.51.100.0/24 dev eth4"),
       [](const Config& c) { CHECK(only_route(c).device == "eth4"); }},
      {"virtual_routes", "scope", route_line("198.51.100.0/24 dev eth0 scope link"),
       [](const Config& c) { CHECK(only_route(c).scope == AddressScope::link); }},
      {"virtual_routes", "table", route_line("198.51.100.0/24 via 192.0.2.1 table 100"),
       [](const Config& c) { CHECK(only_route(c).table == 100u); }},
      {"virtual_routes", "metric", route_line("198.51.100.0/24 via 192.0.2.1 metric 20"),
       [](const Config& c) { CHECK(only_route(c).metric == 20u); }},
      {"virtual_routes", "priority", route_line("198.51.100.0/24 via 192.0.2.1 priority 21"),
       [](const Config& c) { CHECK(only_route(c).metric == 21u); }},
      {"virtual_routes", "preference", route_line("198.51.100.0/24 via 192.0.2.1 preference 22"),
       [](const Config& c) { CHECK(only_route(c).metric == 22u); }},
      {"virtual_routes", "onlink", route_line("198.51.100.0/24 via 203.0.113.1 onlink"),
       [](const Config& c) { CHECK(only_route(c).onlink); }},
      {"virtual_routes", "no_track", route_line("198.51.100.0/24 via 192.0.2.1 no_track"),
       [](const Config& c) { CHECK(only_route(c).no_track); }},
      {"virtual_routes", "inet6", route_line("default inet6 dev eth0"),
       [](const Config& c) { CHECK(only_route(c).destination == *IpPrefix::parse("::/0")); }},
      {"virtual_routes", "default", route_line("default via 192.0.2.1"),
       [](const Config& c) {
         CHECK(only_route(c).destination == *IpPrefix::parse("0.0.0.0/0"));
       }},

      // ---- unicast_peer options
      {"unicast_peer", "min_ttl", instance("unicast_peer {\n 192.0.2.12 min_ttl 250\n}\n"),
       [](const Config& c) {
         REQUIRE(vi(c).unicast_peers.size() == 1);
         CHECK(vi(c).unicast_peers[0].min_ttl == 250);
       }},
      {"unicast_peer", "max_ttl", instance("unicast_peer {\n 192.0.2.12 max_ttl 64\n}\n"),
       [](const Config& c) {
         REQUIRE(vi(c).unicast_peers.size() == 1);
         CHECK(vi(c).unicast_peers[0].max_ttl == 64);
       }},

      // ---- tracker options (track_interface, track_script, track_file lines)
      {"tracker", "weight", instance("track_interface {\n eth1 weight -40\n}\n"),
       [](const Config& c) {
         REQUIRE(vi(c).track_interfaces.size() == 1);
         CHECK(vi(c).track_interfaces[0].weight == -40);
       }},
      {"tracker", "reverse", instance("track_interface {\n eth1 weight 10 reverse\n}\n"),
       [](const Config& c) {
         REQUIRE(vi(c).track_interfaces.size() == 1);
         CHECK(vi(c).track_interfaces[0].reverse);
       }},
      {"tracker", "noreverse",
       "vrrp_script chk {\n script /bin/true\n weight 5 reverse\n}\n" +
           instance("track_script {\n chk weight 5 noreverse\n}\n"),
       [](const Config& c) {
         REQUIRE(vi(c).track_scripts.size() == 1);
         CHECK_FALSE(vi(c).track_scripts[0].reverse);
         CHECK(vi(c).track_scripts[0].weight == 5);
       }},
  };
  // Keywords added this session (issue 4's checksum choice, issue 8's VIP lifetime).
  const std::vector<KeywordCase> added = {
      {"global_defs", "vrrp_checksum", globals("vrrp_checksum rfc9568"),
       [](const Config& c) {
         CHECK(c.globals.vrrp_checksum == ChecksumMode::rfc9568);
         CHECK(vi(c).checksum == ChecksumMode::rfc9568);
       }},
      {"global_defs", "vrrp_vip_lifetime", globals("vrrp_vip_lifetime 600"),
       [](const Config& c) {
         CHECK(c.globals.vrrp_vip_lifetime == 600s);
         CHECK(vi(c).vip_lifetime == 600s);
       }},
      {"vrrp_instance", "checksum", instance("checksum rfc5798\n"),
       [](const Config& c) { CHECK(vi(c).checksum == ChecksumMode::rfc5798); }},
      {"vrrp_instance", "vip_lifetime", instance("vip_lifetime 0\n"),
       [](const Config& c) { CHECK(vi(c).vip_lifetime == 0s); }},
  };
  t.insert(t.end(), added.begin(), added.end());
  return t;
}

Config parse_case(const KeywordCase& k) {
  test::FakeFiles files;
  files.add("/etc/vrrpd/more.conf",
            "vrrp_instance VI_2 {\n interface eth1\n virtual_router_id 52\n"
            " virtual_ipaddress {\n  192.0.2.200/24\n }\n}\n");
  return parse_config_text(k.config, kPath, files);
}

}  // namespace

TEST_CASE("keyword table: every keyword's sample parses to its value", "[config][keywords]") {
  for (const KeywordCase& k : table()) {
    INFO(k.block << " " << k.keyword << ":\n" << k.config);
    // The sample really uses the keyword.
    CHECK(k.config.find(std::string(k.keyword)) != std::string::npos);
    try {
      k.check(parse_case(k));
    } catch (const ConfigError& e) {
      FAIL_CHECK("ConfigError: " << e.what());
    }
  }
}

TEST_CASE("keyword table: a row for each keyword the parser knows, and only those",
          "[config][keywords]") {
  std::set<std::pair<std::string_view, std::string_view>> rows;
  for (const KeywordCase& k : table()) {
    INFO(k.block << " " << k.keyword);
    CHECK(rows.insert({k.block, k.keyword}).second);  // each once
  }
  std::set<std::pair<std::string_view, std::string_view>> known;
  for (const KeywordBlock& b : known_keywords_by_block()) {
    for (std::string_view k : b.keywords) {
      known.insert({b.block, k});
      INFO("the parser knows \"" << k << "\" in " << b.block
                                 << ": add a row with a sample and its value to the table");
      CHECK(rows.count({b.block, k}) == 1);
    }
  }
  for (const auto& [block, keyword] : rows) {
    INFO("the table has \"" << keyword << "\" in " << block << ", which the parser does not know");
    CHECK(known.count({block, keyword}) == 1);
  }
}
