// Which trackers act on a sync group member: keepalived 2.2's rule (vrrp/sync_group_tracking.hpp).
#include <catch2/catch.hpp>

#include "vrrp/sync_group_tracking.hpp"

using namespace vrrp;

namespace {

Config two_members(bool tracking_weight) {
  Config config;
  ScriptConfig weighted;
  weighted.name = "chk_weighted";
  weighted.weight = -50;
  ScriptConfig plain;
  plain.name = "chk_plain";  // weight 0: failure means Fault
  config.scripts = {weighted, plain};
  TrackFileConfig file;
  file.name = "tf";
  file.weight = 1;
  config.track_files = {file};

  InstanceConfig a;
  a.name = "VI_1";
  a.track_interfaces = {TrackInterface{"eth9", -20, false, {}}};
  a.track_scripts = {TrackScript{"chk_weighted", std::nullopt, false, {}},
                     TrackScript{"chk_plain", std::nullopt, false, {}}};
  a.track_files = {TrackFile{"tf", std::nullopt, false, {}}};
  InstanceConfig b;
  b.name = "VI_2";
  InstanceConfig alone;
  alone.name = "VI_3";
  alone.track_scripts = {TrackScript{"chk_weighted", std::nullopt, false, {}}};
  config.instances = {a, b, alone};

  SyncGroupConfig group;
  group.name = "G";
  group.members = {"VI_1", "VI_2"};
  group.track_scripts = {TrackScript{"chk_plain", std::nullopt, false, {}}};
  group.track_interfaces = {TrackInterface{"uplink", -30, false, {}}};
  group.sync_group_tracking_weight = tracking_weight;
  config.sync_groups = {group};
  return config;
}

}  // namespace

TEST_CASE("sync group tracking: an instance outside any group keeps its trackers as written",
          "[sync]") {
  const Config config = two_members(false);
  const auto t = trackers_for(config, config.instances[2]);
  CHECK(sync_group_of(config, config.instances[2]) == nullptr);
  REQUIRE(t.scripts.size() == 1);
  CHECK(t.ignored.empty());
}

TEST_CASE(
    "sync group tracking: without sync_group_tracking_weight a member's weighted trackers do "
    "not move its priority (interfaces fault, scripts and files are ignored)",
    "[sync]") {
  const Config config = two_members(false);
  const auto t = trackers_for(config, config.instances[0]);
  REQUIRE(t.interfaces.size() == 2);  // its own eth9, then the group's uplink
  CHECK(t.interfaces[0].name == "eth9");
  CHECK(t.interfaces[0].weight == 0);
  CHECK(t.interfaces[1].name == "uplink");
  CHECK(t.interfaces[1].weight == -30);  // the group's own weight stays
  REQUIRE(t.scripts.size() == 2);        // chk_plain (own), chk_plain (group)
  CHECK(t.scripts[0].name == "chk_plain");
  CHECK(t.scripts[1].name == "chk_plain");
  CHECK(t.files.empty());
  CHECK(t.ignored.size() == 3);
  CHECK(t.ignored[1] == "ignoring tracked script chk_weighted with weight -50 due to sync group G");
}

TEST_CASE("sync group tracking: with sync_group_tracking_weight a member's weights apply",
          "[sync]") {
  const Config config = two_members(true);
  const auto t = trackers_for(config, config.instances[0]);
  CHECK(t.interfaces[0].weight == -20);
  CHECK(t.scripts.size() == 3);
  CHECK(t.files.size() == 1);
  CHECK(t.ignored.empty());
}

TEST_CASE("sync group tracking: the group's trackers apply to every member", "[sync]") {
  const Config config = two_members(false);
  const auto t = trackers_for(config, config.instances[1]);
  REQUIRE(t.scripts.size() == 1);
  CHECK(t.scripts[0].name == "chk_plain");
  REQUIRE(t.interfaces.size() == 1);
  CHECK(t.interfaces[0].name == "uplink");
}

TEST_CASE("sync group tracking: with an address owner in the group, group weights become 0",
          "[sync]") {
  Config config = two_members(false);
  config.instances[1].priority = kOwnerPriority;
  const auto t = trackers_for(config, config.instances[0]);
  REQUIRE(t.interfaces.size() == 2);
  CHECK(t.interfaces[1].weight == 0);
}
