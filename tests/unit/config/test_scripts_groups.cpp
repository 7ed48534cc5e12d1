// vrrp_script, track_file and vrrp_sync_group blocks.
#include <catch2/catch.hpp>

#include "tests/unit/config/helpers.hpp"

using namespace vrrp;
using namespace std::chrono_literals;
using vrrp::test::error_of;
using vrrp::test::instance;
using vrrp::test::parse;

TEST_CASE("vrrp_script: defaults", "[config][script]") {
  Config c = parse("vrrp_script chk {\n  script /usr/local/bin/check\n}\n");
  REQUIRE(c.scripts.size() == 1);
  const ScriptConfig& s = c.scripts[0];
  CHECK(s.name == "chk");
  CHECK(s.where == SourceLocation{"/etc/vrrpd/vrrpd.conf", 1, 13});
  CHECK(s.command == "/usr/local/bin/check");
  CHECK(s.interval == 1s);
  CHECK(s.timeout == 1s);
  CHECK(s.weight == 0);
  CHECK_FALSE(s.weight_reverse);
  CHECK(s.rise == 1);
  CHECK(s.fall == 1);
  CHECK_FALSE(s.run_as);
  CHECK_FALSE(s.init_fail);
  CHECK(c.find_script("chk") == &c.scripts[0]);
  CHECK(c.find_script("other") == nullptr);
}

TEST_CASE("vrrp_script: every keyword", "[config][script]") {
  Config c = parse(
      "vrrp_script chk_haproxy {\n  script \"/usr/bin/pgrep -x haproxy\"\n  interval 2.5\n"
      "  timeout 1\n  weight -20 reverse\n  rise 3\n  fall 2\n  user haproxy :haproxy\n"
      "  init_fail\n}\n");
  const ScriptConfig& s = c.scripts[0];
  CHECK(s.command == "/usr/bin/pgrep -x haproxy");
  CHECK(s.interval == 2500ms);
  CHECK(s.timeout == 1s);
  CHECK(s.weight == -20);
  CHECK(s.weight_reverse);
  CHECK(s.rise == 3);
  CHECK(s.fall == 2);
  REQUIRE(s.run_as);
  CHECK(s.run_as->user == "haproxy");
  CHECK(s.run_as->group == "haproxy");
  CHECK(s.run_as->set_supplementary_groups);
  CHECK(s.init_fail);
  // keepalived: the timeout defaults to the interval.
  CHECK(parse("vrrp_script a {\n script x\n interval 5\n}\n").scripts[0].timeout == 5s);
  // Several words after script are kept as arguments, quoting what has blanks.
  CHECK(parse("vrrp_script a {\n script /bin/check \"a b\" c\n}\n").scripts[0].command ==
        "/bin/check 'a b' c");
}

TEST_CASE("vrrp_script: errors", "[config][script]") {
  CHECK(error_of("vrrp_script chk {\n  interval 2\n}\n") ==
        "/etc/vrrpd/vrrpd.conf:1:13: vrrp_script chk: script is missing");
  CHECK(error_of("vrrp_script chk {\n  script x\n  interval 0\n}\n") ==
        "/etc/vrrpd/vrrpd.conf:3:12: interval: expected seconds 0.001-86400, got \"0\"");
  CHECK(error_of("vrrp_script chk {\n  script x\n  weight 254\n}\n") ==
        "/etc/vrrpd/vrrpd.conf:3:10: weight: expected an integer from -253 to 253, got \"254\"");
  CHECK(error_of("vrrp_script chk {\n  script x\n  weight 2 backwards\n}\n") ==
        "/etc/vrrpd/vrrpd.conf:3:12: weight: expected reverse, got \"backwards\"");
  CHECK(error_of("vrrp_script chk {\n  script x\n  rise 0\n}\n") ==
        "/etc/vrrpd/vrrpd.conf:3:8: rise: expected an integer 1-65535, got \"0\"");
  CHECK(error_of("vrrp_script chk {\n  script x\n  retries 3\n}\n") ==
        "/etc/vrrpd/vrrpd.conf:3:3: vrrp_script chk: unknown keyword \"retries\"");
  CHECK(error_of("vrrp_script {\n  script x\n}\n") ==
        "/etc/vrrpd/vrrpd.conf:1:1: vrrp_script: expected one script name, got nothing");
}

TEST_CASE("track_file: every keyword and its defaults", "[config][track_file]") {
  Config c = parse(
      "track_file tf1 {\n  file \"/run/vrrpd/tf1\"\n}\n"
      "vrrp_track_file tf2 {\n  file /run/tf2\n  weight -3 reverse\n  init_file 7 overwrite\n}\n"
      "track_file tf3 {\n  file /run/tf3\n  init_file\n}\n");
  REQUIRE(c.track_files.size() == 3);
  CHECK(c.track_files[0].name == "tf1");
  CHECK(c.track_files[0].path == "/run/vrrpd/tf1");
  CHECK(c.track_files[0].weight == 1);
  CHECK_FALSE(c.track_files[0].weight_reverse);
  CHECK_FALSE(c.track_files[0].init_value);
  CHECK_FALSE(c.track_files[0].init_overwrite);
  CHECK(c.track_files[1].weight == -3);
  CHECK(c.track_files[1].weight_reverse);
  CHECK(c.track_files[1].init_value == 7);
  CHECK(c.track_files[1].init_overwrite);
  CHECK(c.track_files[2].init_value == 0);
  CHECK(error_of("track_file tf {\n weight 2\n}\n") ==
        "/etc/vrrpd/vrrpd.conf:1:12: track_file tf: file is missing");
  CHECK(error_of("track_file tf {\n file x\n init_file 1 2\n}\n") ==
        "/etc/vrrpd/vrrpd.conf:3:14: init_file: expected overwrite, got \"2\"");
}

TEST_CASE("vrrp_sync_group: members, trackers and notify scripts", "[config][sync_group]") {
  Config c =
      parse("vrrp_script chk {\n script x\n}\ntrack_file tf {\n file /run/tf\n}\n" + instance("") +
            instance("", "VI_2").replace(instance("", "VI_2").find(" 51"), 3, " 52") +
            "vrrp_sync_group VG_1 {\n  group {\n    VI_1\n    VI_2\n  }\n"
            "  track_interface {\n    eth9 weight 10\n  }\n  track_script {\n    chk\n  }\n"
            "  track_file {\n    tf\n  }\n  notify_master /bin/m\n  notify_backup /bin/b\n"
            "  notify_fault /bin/f\n  notify_stop /bin/s\n  notify \"/bin/n x\"\n  smtp_alert\n"
            "  sync_group_tracking_weight\n}\n");
  REQUIRE(c.sync_groups.size() == 1);
  const SyncGroupConfig& g = c.sync_groups[0];
  CHECK(g.name == "VG_1");
  CHECK(g.members == std::vector<std::string>{"VI_1", "VI_2"});
  CHECK(g.track_interfaces.size() == 1);
  CHECK(g.track_interfaces[0].weight == 10);
  CHECK(g.track_scripts.size() == 1);
  CHECK(g.track_files.size() == 1);
  CHECK(g.notify_master->command == "/bin/m");
  CHECK(g.notify_backup->command == "/bin/b");
  CHECK(g.notify_fault->command == "/bin/f");
  CHECK(g.notify_stop->command == "/bin/s");
  CHECK(g.notify->command == "/bin/n x");
  CHECK(g.smtp_alert);
  CHECK(g.sync_group_tracking_weight);
  // Members may also be listed on one line.
  Config one_line = parse(instance("") + "vrrp_sync_group G {\n group { VI_1 }\n}\n");
  CHECK(one_line.sync_groups[0].members == std::vector<std::string>{"VI_1"});
  CHECK_FALSE(one_line.sync_groups[0].sync_group_tracking_weight);
}

TEST_CASE("vrrp_sync_group: errors and the deprecated global_tracking", "[config][sync_group]") {
  CHECK(error_of("vrrp_sync_group G {\n notify /x\n}\n") ==
        "/etc/vrrpd/vrrpd.conf:1:17: vrrp_sync_group G: group { } is missing or empty");
  CHECK(error_of(instance("") + "vrrp_sync_group G {\n group {\n  VI_1\n  VI_1\n }\n}\n") ==
        "/etc/vrrpd/vrrpd.conf:11:3: group: \"VI_1\" is listed twice");
  CHECK(error_of(instance("") + "vrrp_sync_group G {\n group { VI_1 }\n members { VI_1 }\n}\n") ==
        "/etc/vrrpd/vrrpd.conf:10:2: vrrp_sync_group G: unknown keyword \"members\"");
  Config c = parse(instance("") + "vrrp_sync_group G {\n group { VI_1 }\n global_tracking\n}\n");
  CHECK(c.sync_groups[0].sync_group_tracking_weight);
  REQUIRE(c.warnings.size() == 1);
  CHECK(c.warnings[0].to_string() ==
        "/etc/vrrpd/vrrpd.conf:10:2: warning: global_tracking: deprecated, read as "
        "sync_group_tracking_weight");
}
