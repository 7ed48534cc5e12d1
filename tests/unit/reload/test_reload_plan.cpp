// The reload planner: which running instance a new one is, and what a SIGHUP does to it
// (vrrp/reload_plan.hpp). Configurations are parsed from keepalived.conf text, as the daemon
// reads them.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "vrrp/config_parser.hpp"
#include "vrrp/reload_plan.hpp"

using namespace vrrp;

namespace {

std::string instance(const std::string& name, int vrid, const std::string& body,
                     const std::string& vips = "192.0.2.100/24") {
  return "vrrp_instance " + name + " {\n  interface eth0\n  virtual_router_id " +
         std::to_string(vrid) + "\n  priority 100\n  advert_int 1\n" + body +
         "  virtual_ipaddress {\n    " + vips + "\n  }\n}\n";
}

const std::string kGlobals = "global_defs {\n  vrrp_version 3\n}\n";

Config parse(const std::string& text) {
  return parse_config_text(text, "/etc/vrrpd/vrrpd.conf");
}

const InstanceReload& entry_for(const ReloadPlan& plan, const Config& next,
                                const std::string& name) {
  for (const auto& i : plan.instances) {
    if (i.next_index && next.instances[*i.next_index].name == name) return i;
  }
  FAIL("no plan entry for " << name);
  throw;
}

bool has_change(const InstanceReload& i, const std::string& keyword) {
  return std::find(i.changes.begin(), i.changes.end(), keyword) != i.changes.end();
}

}  // namespace

TEST_CASE("reload: the same configuration leaves every instance unchanged", "[reload]") {
  const std::string text = kGlobals + instance("VI_1", 51, "") + instance("VI_2", 52, "");
  const Config running = parse(text);
  const Config next = parse(text);
  const ReloadPlan plan = plan_reload(running, next);
  REQUIRE(plan.instances.size() == 2);
  for (const auto& i : plan.instances) {
    CHECK(i.action == ReloadAction::unchanged);
    CHECK(i.changes.empty());
  }
  CHECK(plan.instances[0].running_index == 0u);
  CHECK(plan.instances[0].next_index == 0u);
  CHECK(reload_summary(plan) == "reload: 2 unchanged, 0 updated, 0 restarted, 0 added, 0 removed");
  CHECK(plan.globals_not_applied.empty());
}

TEST_CASE("reload: lines moved by a comment are no change", "[reload]") {
  const std::string body = instance("VI_1", 51, "  track_script {\n    chk\n  }\n");
  const std::string script = "vrrp_script chk {\n  script \"/bin/true\"\n  weight -20\n}\n";
  const Config running = parse(kGlobals + script + body);
  const Config next = parse("# a comment\n! another\n\n" + kGlobals + script + body);
  REQUIRE(running.instances[0].where != next.instances[0].where);
  const ReloadPlan plan = plan_reload(running, next);
  REQUIRE(plan.instances.size() == 1);
  CHECK(plan.instances[0].action == ReloadAction::unchanged);
  CHECK(plan.kept_scripts == std::set<std::string>{"chk"});
  CHECK(same_settings(running.instances[0], next.instances[0]));
}

TEST_CASE("reload: a renamed instance with the same interface, VRID and family is the same one",
          "[reload]") {
  const Config running = parse(kGlobals + instance("VI_1", 51, ""));
  const Config next = parse(kGlobals + instance("web", 51, ""));
  const ReloadPlan plan = plan_reload(running, next);
  REQUIRE(plan.instances.size() == 1);
  CHECK(plan.instances[0].action == ReloadAction::updated);
  CHECK(plan.instances[0].changes == std::vector<std::string>{"name"});
}

TEST_CASE("reload: VIPs, priority, advert_int and preempt settings are updated in place",
          "[reload]") {
  const Config running = parse(kGlobals + instance("VI_1", 51, ""));
  SECTION("a second VIP") {
    const Config next =
        parse(kGlobals + instance("VI_1", 51, "", "192.0.2.100/24\n    192.0.2.101/24"));
    const ReloadPlan plan = plan_reload(running, next);
    CHECK(plan.instances[0].action == ReloadAction::updated);
    CHECK(plan.instances[0].changes == std::vector<std::string>{"virtual_ipaddress"});
  }
  SECTION("a VIP's label, not its address") {
    const Config next = parse(kGlobals + instance("VI_1", 51, "", "192.0.2.100/24 label eth0:1"));
    const ReloadPlan plan = plan_reload(running, next);
    CHECK(plan.instances[0].action == ReloadAction::updated);
    CHECK(!same_address(running.instances[0].virtual_addresses[0],
                        next.instances[0].virtual_addresses[0]));
  }
  SECTION("priority, advert_int, nopreempt, preempt_delay together") {
    std::string text = instance("VI_1", 51, "  nopreempt\n  preempt_delay 5\n");
    text.replace(text.find("priority 100"), 12, "priority 150");
    text.replace(text.find("advert_int 1"), 12, "advert_int 2");
    const ReloadPlan plan = plan_reload(running, parse(kGlobals + text));
    const auto& i = plan.instances[0];
    CHECK(i.action == ReloadAction::updated);
    for (const char* keyword : {"priority", "advert_int", "nopreempt", "preempt_delay"}) {
      INFO(keyword);
      CHECK(has_change(i, keyword));
    }
    CHECK(!has_change(i, "virtual_ipaddress"));
  }
  SECTION("notify scripts and a tracked interface") {
    const Config next =
        parse(kGlobals + instance("VI_1", 51,
                                  "  notify_master \"/bin/true master\"\n"
                                  "  track_interface {\n    eth1 weight -10\n  }\n"));
    const ReloadPlan plan = plan_reload(running, next);
    const auto& i = plan.instances[0];
    CHECK(i.action == ReloadAction::updated);
    CHECK(has_change(i, "notify_master"));
    CHECK(has_change(i, "track_interface"));
  }
}

TEST_CASE("reload: a change of sockets or VMAC restarts the instance", "[reload]") {
  const Config running = parse(kGlobals + instance("VI_1", 51, ""));
  SECTION("use_vmac added") {
    const Config next = parse(kGlobals + instance("VI_1", 51, "  use_vmac\n"));
    const ReloadPlan plan = plan_reload(running, next);
    const auto& i = plan.instances[0];
    CHECK(i.action == ReloadAction::restarted);
    CHECK(i.changes == std::vector<std::string>{"use_vmac"});
  }
  SECTION("VRRPv2 instead of v3") {
    const Config next = parse(kGlobals + instance("VI_1", 51, "  version 2\n"));
    const ReloadPlan plan = plan_reload(running, next);
    const auto& i = plan.instances[0];
    CHECK(i.action == ReloadAction::restarted);
    CHECK(i.changes == std::vector<std::string>{"version"});
  }
  SECTION("mcast_src_ip") {
    const Config next = parse(kGlobals + instance("VI_1", 51, "  mcast_src_ip 192.0.2.1\n"));
    CHECK(plan_reload(running, next).instances.at(0).action == ReloadAction::restarted);
  }
  SECTION("a restart reason wins over in-place changes, which it lists no longer") {
    std::string text = instance("VI_1", 51, "  use_vmac\n");
    text.replace(text.find("priority 100"), 12, "priority 150");
    const ReloadPlan plan = plan_reload(running, parse(kGlobals + text));
    const auto& i = plan.instances[0];
    CHECK(i.action == ReloadAction::restarted);
    CHECK(i.changes == std::vector<std::string>{"use_vmac"});
  }
}

TEST_CASE("reload: unicast peers change in place, a new unicast_src_ip restarts", "[reload]") {
  const std::string peers = "  unicast_src_ip 192.0.2.1\n  unicast_peer {\n    192.0.2.2\n  }\n";
  const Config running = parse(kGlobals + instance("VI_1", 51, peers));
  SECTION("another peer") {
    const Config next =
        parse(kGlobals + instance("VI_1", 51,
                                  "  unicast_src_ip 192.0.2.1\n  unicast_peer {\n    192.0.2.2\n"
                                  "    192.0.2.3\n  }\n"));
    const ReloadPlan plan = plan_reload(running, next);
    const auto& i = plan.instances[0];
    CHECK(i.action == ReloadAction::updated);
    CHECK(i.changes == std::vector<std::string>{"unicast_peer"});
  }
  SECTION("another source") {
    const Config next = parse(kGlobals + instance("VI_1", 51,
                                                  "  unicast_src_ip 192.0.2.9\n  unicast_peer {\n"
                                                  "    192.0.2.2\n  }\n"));
    const ReloadPlan plan = plan_reload(running, next);
    const auto& i = plan.instances[0];
    CHECK(i.action == ReloadAction::restarted);
    CHECK(i.changes == std::vector<std::string>{"unicast_src_ip"});
  }
  SECTION("multicast instead of unicast: another instance (keepalived's match)") {
    const Config next = parse(kGlobals + instance("VI_1", 51, ""));
    const ReloadPlan plan = plan_reload(running, next);
    REQUIRE(plan.instances.size() == 2);
    CHECK(plan.instances[0].action == ReloadAction::added);
    CHECK(plan.instances[1].action == ReloadAction::removed);
    CHECK(plan.instances[1].running_index == 0u);
    CHECK(!plan.instances[1].next_index);
  }
}

TEST_CASE("reload: interface, VRID and family are the match, others are added and removed",
          "[reload]") {
  const Config running = parse(kGlobals + instance("VI_1", 51, "") + instance("VI_2", 52, "") +
                               instance("VI_6", 51, "", "2001:db8::100/64"));
  std::string moved = instance("VI_2", 52, "");
  moved.replace(moved.find("interface eth0"), 14, "interface eth1");
  const Config next = parse(kGlobals + instance("VI_3", 53, "") + moved + instance("VI_1", 51, "") +
                            instance("VI_6", 51, "", "2001:db8::100/64"));
  const ReloadPlan plan = plan_reload(running, next);
  REQUIRE(plan.instances.size() == 5);
  CHECK(entry_for(plan, next, "VI_3").action == ReloadAction::added);
  CHECK(entry_for(plan, next, "VI_2").action == ReloadAction::added);  // on eth1 now
  CHECK(entry_for(plan, next, "VI_1").action == ReloadAction::unchanged);
  CHECK(entry_for(plan, next, "VI_1").running_index == 0u);
  // The IPv6 instance of VRID 51 is not the IPv4 one.
  CHECK(entry_for(plan, next, "VI_6").action == ReloadAction::unchanged);
  CHECK(entry_for(plan, next, "VI_6").running_index == 2u);
  // The removed ones come last, in the running order: VI_2 on eth0 only.
  CHECK(plan.instances[4].action == ReloadAction::removed);
  CHECK(plan.instances[4].running_index == 1u);
  CHECK(reload_summary(plan) == "reload: 2 unchanged, 0 updated, 0 restarted, 2 added, 1 removed");
}

TEST_CASE(
    "reload: a changed vrrp_script updates the instances tracking it, an unchanged one "
    "keeps its state",
    "[reload]") {
  const std::string tracked = instance("VI_1", 51, "  track_script {\n    chk\n  }\n");
  const std::string other = instance("VI_2", 52, "  track_script {\n    other\n  }\n");
  const std::string other_script = "vrrp_script other {\n  script \"/bin/true\"\n}\n";
  const Config running = parse(kGlobals +
                               "vrrp_script chk {\n  script \"/bin/true\"\n"
                               "  weight -20\n}\n" +
                               other_script + tracked + other);
  const Config next = parse(kGlobals +
                            "vrrp_script chk {\n  script \"/bin/true\"\n"
                            "  weight -30\n}\n" +
                            other_script + tracked + other);
  const ReloadPlan plan = plan_reload(running, next);
  const auto& vi1 = entry_for(plan, next, "VI_1");
  CHECK(vi1.action == ReloadAction::updated);
  CHECK(vi1.changes == std::vector<std::string>{"vrrp_script chk"});
  CHECK(entry_for(plan, next, "VI_2").action == ReloadAction::unchanged);
  CHECK(plan.kept_scripts == std::set<std::string>{"other"});
}

TEST_CASE("reload: a new multicast group restarts the multicast instances of its family only",
          "[reload]") {
  const std::string unicast =
      instance("VI_U", 52, "  unicast_src_ip 192.0.2.1\n  unicast_peer {\n    192.0.2.2\n  }\n");
  const Config running = parse(kGlobals + instance("VI_1", 51, "") + unicast +
                               instance("VI_6", 53, "", "2001:db8::100/64"));
  const Config next =
      parse("global_defs {\n  vrrp_version 3\n  vrrp_mcast_group4 224.0.0.19\n}\n" +
            instance("VI_1", 51, "") + unicast + instance("VI_6", 53, "", "2001:db8::100/64"));
  const ReloadPlan plan = plan_reload(running, next);
  CHECK(entry_for(plan, next, "VI_1").action == ReloadAction::restarted);
  CHECK(entry_for(plan, next, "VI_1").changes == std::vector<std::string>{"vrrp_mcast_group4"});
  CHECK(entry_for(plan, next, "VI_U").action == ReloadAction::unchanged);
  CHECK(entry_for(plan, next, "VI_6").action == ReloadAction::unchanged);
}

TEST_CASE("reload: vrrp_strict reaches every instance, vrrp_startup_delay waits for a restart",
          "[reload]") {
  const Config running = parse(kGlobals + instance("VI_1", 51, ""));
  SECTION("vrrp_startup_delay") {
    const Config next = parse("global_defs {\n  vrrp_version 3\n  vrrp_startup_delay 5\n}\n" +
                              instance("VI_1", 51, ""));
    const ReloadPlan plan = plan_reload(running, next);
    CHECK(plan.globals_not_applied == std::vector<std::string>{"vrrp_startup_delay"});
    CHECK(plan.instances[0].action == ReloadAction::unchanged);
  }
  SECTION("vrrp_checksum, through the instance's checksum mode") {
    const Config next = parse("global_defs {\n  vrrp_version 3\n  vrrp_checksum rfc9568\n}\n" +
                              instance("VI_1", 51, ""));
    const ReloadPlan plan = plan_reload(running, next);
    CHECK(plan.instances[0].action == ReloadAction::updated);
    CHECK(plan.instances[0].changes == std::vector<std::string>{"checksum"});
  }
  SECTION("the announcement pacing intervals") {
    const Config next = parse("global_defs {\n  vrrp_version 3\n  vrrp_garp_interval 0.01\n}\n" +
                              instance("VI_1", 51, ""));
    const ReloadPlan plan = plan_reload(running, next);
    CHECK(plan.globals_not_applied == std::vector<std::string>{"vrrp_garp_interval"});
  }
  SECTION("vip_lifetime, updated in place") {
    const Config next = parse(kGlobals + instance("VI_1", 51, "  vip_lifetime 60\n"));
    const ReloadPlan plan = plan_reload(running, next);
    CHECK(plan.instances[0].action == ReloadAction::updated);
    CHECK(plan.instances[0].changes == std::vector<std::string>{"vip_lifetime"});
  }
  SECTION("v3_checksum_as_v2") {
    const Config next = parse("global_defs {\n  vrrp_version 3\n  v3_checksum_as_v2\n}\n" +
                              instance("VI_1", 51, ""));
    const ReloadPlan plan = plan_reload(running, next);
    CHECK(plan.instances[0].action == ReloadAction::updated);
    CHECK(has_change(plan.instances[0], "v3_checksum_as_v2"));
    CHECK(plan.globals_not_applied.empty());
  }
}

TEST_CASE("reload: joining a sync group updates the member", "[reload]") {
  const Config running = parse(kGlobals + instance("VI_1", 51, "") + instance("VI_2", 52, ""));
  const Config next = parse(kGlobals + instance("VI_1", 51, "") + instance("VI_2", 52, "") +
                            "vrrp_sync_group G {\n  group {\n    VI_1\n  }\n}\n");
  const ReloadPlan plan = plan_reload(running, next);
  CHECK(entry_for(plan, next, "VI_1").action == ReloadAction::updated);
  CHECK(entry_for(plan, next, "VI_1").changes == std::vector<std::string>{"vrrp_sync_group G"});
  CHECK(entry_for(plan, next, "VI_2").action == ReloadAction::unchanged);
}

TEST_CASE("reload: every instance removed", "[reload]") {
  const Config running = parse(kGlobals + instance("VI_1", 51, ""));
  Config next = running;
  next.instances.clear();
  const ReloadPlan plan = plan_reload(running, next);
  REQUIRE(plan.instances.size() == 1);
  CHECK(plan.instances[0].action == ReloadAction::removed);
  CHECK(reload_summary(plan) == "reload: 0 unchanged, 0 updated, 0 restarted, 0 added, 1 removed");
  CHECK(to_string(instance_key(running.instances[0])) == "eth0 IPv4 VRID 51");
}
