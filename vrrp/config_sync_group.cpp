// vrrp_sync_group NAME { group { ... } ... }: instances that change state together.
#include <array>

#include "vrrp/config_blocks.hpp"

namespace vrrp::config_detail {

namespace {

constexpr auto kHandlers =
    std::to_array<KeywordHandler<SyncGroupConfig>>(
        {
            {"group",
             [](const Statement& s, SyncGroupConfig& g, ParseContext&) {
               for (const Token& t : word_list(s)) {
                 for (const std::string& m : g.members) {
                   if (m == t.text) fail(t.where, "group: " + quoted(t.text) + " is listed twice");
                 }
                 g.members.push_back(t.text);
                 g.member_locations.push_back(t.where);
               }
             }},
            {"track_interface",
             [](const Statement& s, SyncGroupConfig& g, ParseContext&) {
               for (auto& t : parse_track_interfaces(s))
                 g.track_interfaces.push_back(t);
             }},
            {"track_script",
             [](const Statement& s, SyncGroupConfig& g, ParseContext&) {
               for (auto& t : parse_track_scripts(s))
                 g.track_scripts.push_back(t);
             }},
            {"track_file",
             [](const Statement& s, SyncGroupConfig& g, ParseContext&) {
               for (auto& t : parse_track_files(s))
                 g.track_files.push_back(t);
             }},
            {"notify_master", [](const Statement& s, SyncGroupConfig& g,
                                 ParseContext&) { g.notify_master = notify_script(s); }},
            {"notify_backup", [](const Statement& s, SyncGroupConfig& g,
                                 ParseContext&) { g.notify_backup = notify_script(s); }},
            {"notify_fault", [](const Statement& s, SyncGroupConfig& g,
                                ParseContext&) { g.notify_fault = notify_script(s); }},
            {"notify_stop", [](const Statement& s, SyncGroupConfig& g,
                               ParseContext&) { g.notify_stop = notify_script(s); }},
            {"notify", [](const Statement& s, SyncGroupConfig& g,
                          ParseContext&) { g.notify = notify_script(s); }},
            {"smtp_alert", [](const Statement& s, SyncGroupConfig& g,
                              ParseContext&) { g.smtp_alert = optional_bool(s); }},
            {"sync_group_tracking_weight",
             [](const Statement& s, SyncGroupConfig& g, ParseContext&) {
               flag(s);
               g.sync_group_tracking_weight = true;
             }},
            {"global_tracking",  // keepalived: deprecated, the same as sync_group_tracking_weight
             [](const Statement& s, SyncGroupConfig& g, ParseContext& ctx) {
               flag(s);
               g.sync_group_tracking_weight = true;
               ctx.warn(s.keyword().where,
                        "global_tracking: deprecated, read as sync_group_tracking_weight");
             }},
        });

}  // namespace

SyncGroupConfig parse_sync_group(const Statement& s, ParseContext& ctx) {
  if (s.words.size() != 2) fail_expected(s, s.words.size() > 2 ? 2 : 1, "one group name");
  expect_block(s);
  SyncGroupConfig group;
  group.name = s.words[1].text;
  group.where = s.words[1].where;
  parse_keywords<SyncGroupConfig>(s, "vrrp_sync_group", "vrrp_sync_group " + group.name, kHandlers,
                                  group, ctx);
  if (group.members.empty()) {
    fail(group.where, "vrrp_sync_group " + group.name + ": group { } is missing or empty");
  }
  return group;
}

std::vector<std::string_view> sync_group_keywords() {
  return names_of<SyncGroupConfig>(kHandlers);
}

}  // namespace vrrp::config_detail
