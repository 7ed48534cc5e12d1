// known_keywords(): the list the man page is checked against must be what the parser reads.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "tests/unit/config/helpers.hpp"

using namespace vrrp;
using vrrp::test::instance;

namespace {

const KeywordBlock& block(const std::vector<KeywordBlock>& blocks, std::string_view name) {
  for (const KeywordBlock& b : blocks) {
    if (b.block == name) return b;
  }
  FAIL("no block " << name);
  return blocks.front();
}

// The message of parsing `text`, or "" when it parses.
std::string outcome(const std::string& text) {
  try {
    vrrp::test::parse(text);
  } catch (const ConfigError& e) {
    return e.message();
  }
  return "";
}

}  // namespace

TEST_CASE("known_keywords: issue 3's subset and issue 4's list are there", "[config][keywords]") {
  const auto all = known_keywords();
  const std::set<std::string_view> known(all.begin(), all.end());
  CHECK(known.size() == all.size());  // each once
  for (std::string_view k : {"global_defs",
                             "vrrp_instance",
                             "vrrp_script",
                             "vrrp_sync_group",
                             "track_file",
                             "include",
                             "router_id",
                             "vrrp_version",
                             "vrrp_mcast_group4",
                             "vrrp_mcast_group6",
                             "vrrp_garp_master_delay",
                             "vrrp_garp_master_repeat",
                             "vrrp_garp_master_refresh",
                             "vrrp_garp_master_refresh_repeat",
                             "vrrp_garp_interval",
                             "vrrp_gna_interval",
                             "vrrp_strict",
                             "vrrp_skip_check_adv_addr",
                             "vrrp_check_unicast_src",
                             "script_user",
                             "enable_script_security",
                             "notify_fifo",
                             "vrrp_lower_prio_no_advert",
                             "vrrp_higher_prio_send_advert",
                             "vrrp_startup_delay",
                             "v3_checksum_as_v2",
                             "notification_email",
                             "notification_email_from",
                             "smtp_server",
                             "state",
                             "interface",
                             "virtual_router_id",
                             "priority",
                             "advert_int",
                             "version",
                             "native_ipv6",
                             "authentication",
                             "auth_type",
                             "auth_pass",
                             "virtual_ipaddress",
                             "virtual_ipaddress_excluded",
                             "virtual_routes",
                             "nopreempt",
                             "preempt_delay",
                             "accept",
                             "no_accept",
                             "use_vmac",
                             "vmac_xmit_base",
                             "unicast_src_ip",
                             "unicast_peer",
                             "mcast_src_ip",
                             "dont_track_primary",
                             "track_interface",
                             "track_script",
                             "notify_master",
                             "notify_backup",
                             "notify_fault",
                             "notify_stop",
                             "notify",
                             "smtp_alert",
                             "garp_master_delay",
                             "garp_master_repeat",
                             "garp_master_refresh",
                             "garp_master_refresh_repeat",
                             "garp_lower_prio_delay",
                             "garp_lower_prio_repeat",
                             "lower_prio_no_advert",
                             "higher_prio_send_advert",
                             "promote_secondaries",
                             "skip_check_adv_addr",
                             "strict_mode",
                             "script",
                             "interval",
                             "timeout",
                             "weight",
                             "rise",
                             "fall",
                             "user",
                             "init_fail",
                             "group",
                             "brd",
                             "dev",
                             "scope",
                             "label",
                             "via",
                             "gw",
                             "src",
                             "table",
                             "metric",
                             "blackhole"}) {
    INFO(k);
    CHECK(known.count(k) == 1);
  }
  // Keywords vrrpd only warns about are not "known".
  CHECK(known.count("virtual_server") == 0);
  CHECK(known.count("enable_snmp_vrrp") == 0);
}

TEST_CASE("known_keywords: every listed block keyword reaches its handler", "[config][keywords]") {
  const auto blocks = known_keywords_by_block();
  // A keyword with a wrong or missing value fails with a message about that keyword, never
  // with "unknown keyword": the list and the handlers agree.
  for (std::string_view k : block(blocks, "global_defs").keywords) {
    INFO(k);
    CHECK(outcome("global_defs {\n " + std::string(k) + " @@\n}\n").find("unknown keyword") ==
          std::string::npos);
  }
  for (std::string_view k : block(blocks, "vrrp_instance").keywords) {
    INFO(k);
    CHECK(outcome(instance(std::string(k) + " @@\n")).find("unknown keyword") == std::string::npos);
  }
  for (std::string_view k : block(blocks, "vrrp_script").keywords) {
    INFO(k);
    CHECK(outcome("vrrp_script s {\n " + std::string(k) + " @@\n}\n").find("unknown keyword") ==
          std::string::npos);
  }
  for (std::string_view k : block(blocks, "vrrp_sync_group").keywords) {
    INFO(k);
    CHECK(outcome(instance("") + "vrrp_sync_group G {\n " + std::string(k) + " @@\n}\n")
              .find("unknown keyword") == std::string::npos);
  }
  for (std::string_view k : block(blocks, "track_file").keywords) {
    INFO(k);
    CHECK(outcome("track_file t {\n " + std::string(k) + " @@\n}\n").find("unknown keyword") ==
          std::string::npos);
  }
  // And a word that is not listed does fail as unknown.
  CHECK(outcome(instance("not_a_keyword\n")).find("unknown keyword") != std::string::npos);
}
