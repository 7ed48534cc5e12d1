// The parser's inside: one function per keepalived block, the drafts they fill (values plus
// what the checks after reading need: which keywords were given, and where), and the
// keyword-table dispatch every block uses. Internal to the parser.
#pragma once

#include <chrono>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "vrrp/config.hpp"
#include "vrrp/config_syntax.hpp"
#include "vrrp/config_values.hpp"

namespace vrrp::config_detail {

template <typename Target>
struct KeywordHandler {
  std::string_view name;
  void (*handle)(const Statement&, Target&, ParseContext&);
};

// Warns about a keepalived keyword that vrrpd reads past ("<kw>: not handled by vrrpd (LVS),
// ignored") and returns true, or returns false for a word keepalived does not know in `block`
// either. Blocks: "top", "global_defs", "vrrp_instance", "vrrp_sync_group", "vrrp_script".
bool warn_if_unhandled(std::string_view block, const Statement& s, ParseContext& ctx);
// The keepalived keywords of `block` that vrrpd warns about, for documentation.
std::vector<std::string_view> unhandled_keywords_of(std::string_view block);

// Runs each statement of owner's block through `handlers`; an unhandled keepalived keyword is
// a warning, anything else an error naming `context` ("vrrp_instance VI_1").
template <typename Target>
void parse_keywords(const Statement& owner, std::string_view block, std::string_view context,
                    std::span<const KeywordHandler<Target>> handlers, Target& target,
                    ParseContext& ctx) {
  for (const Statement& s : owner.block) {
    const KeywordHandler<Target>* handler = nullptr;
    for (const auto& h : handlers) {
      if (h.name == s.name()) {
        handler = &h;
        break;
      }
    }
    if (handler) {
      handler->handle(s, target, ctx);
    } else if (!warn_if_unhandled(block, s, ctx)) {
      fail(s.keyword().where, std::string(context) + ": unknown keyword " + quoted(s.name()));
    }
  }
}

template <typename Target>
std::vector<std::string_view> names_of(std::span<const KeywordHandler<Target>> handlers) {
  std::vector<std::string_view> names;
  for (const auto& h : handlers)
    names.push_back(h.name);
  return names;
}

// garp settings as given, before global_defs' values and keepalived's defaults fill the rest.
struct GarpOverrides {
  std::optional<std::chrono::seconds> master_delay;
  std::optional<std::uint32_t> master_repeat;
  std::optional<std::chrono::seconds> lower_prio_delay;
  std::optional<std::uint32_t> lower_prio_repeat;
  std::optional<std::chrono::seconds> master_refresh;
  std::optional<std::uint32_t> master_refresh_repeat;
};

// Instance value, else global value, else the default; lower_prio_* default to master_*.
GarpSettings resolve_garp(const GarpOverrides& instance, const GarpOverrides& global);

struct GlobalDraft {
  GlobalDefs defs;
  GarpOverrides garp;
  std::optional<bool> lower_prio_no_advert;
  std::optional<Version> vrrp_version;
};

struct InstanceDraft {
  InstanceConfig config;
  std::optional<Token> virtual_router_id;
  std::optional<Token> priority;
  std::optional<Token> advert_int;
  std::optional<Token> version;
  std::optional<Token> state_master;
  std::optional<Token> native_ipv6;
  std::optional<Token> nopreempt;
  std::optional<Token> preempt_delay;
  std::optional<Token> authentication;
  std::optional<Token> auth_pass;
  std::optional<Token> unicast_src_ip;
  std::optional<Token> vmac_name;
  bool vmac_mac_given = false;
  std::vector<SourceLocation> unicast_peer_at;  // parallel to config.unicast_peers
  std::optional<bool> accept;
  std::optional<Token> accept_keyword;
  GarpOverrides garp;
  std::optional<bool> lower_prio_no_advert;
  std::optional<bool> higher_prio_send_advert;
  std::optional<bool> v3_checksum_as_v2;
  std::optional<ChecksumMode> checksum;
  std::optional<Token> checksum_keyword;
  std::optional<bool> skip_check_adv_addr;
  std::optional<bool> check_unicast_src;
  std::optional<bool> strict_mode;
  std::optional<std::chrono::seconds> vip_lifetime;
  bool no_virtual_ipaddress = false;
};

// The blocks.
void parse_global_defs(const Statement& s, GlobalDraft& draft, ParseContext& ctx);
InstanceDraft parse_instance(const Statement& s, ParseContext& ctx);
ScriptConfig parse_script(const Statement& s, ParseContext& ctx);
TrackFileConfig parse_track_file(const Statement& s, ParseContext& ctx);
SyncGroupConfig parse_sync_group(const Statement& s, ParseContext& ctx);

// Parts shared by blocks.
ChecksumMode checksum_mode(const Statement& s);  // `checksum` / `vrrp_checksum` MODE
// `vip_lifetime` / `vrrp_vip_lifetime SECONDS`: 0 (forever) or kMinVipLifetime-kMaxVipLifetime.
std::chrono::seconds vip_lifetime_value(const Statement& s);
std::vector<VirtualAddress> parse_virtual_addresses(const Statement& s, ParseContext& ctx);
std::vector<VirtualRoute> parse_virtual_routes(const Statement& s, ParseContext& ctx);
std::vector<TrackInterface> parse_track_interfaces(const Statement& s);
std::vector<TrackScript> parse_track_scripts(const Statement& s);
std::vector<TrackFile> parse_track_files(const Statement& s);

// After reading: defaults that depend on other blocks, then the checks across the whole
// configuration. Each throws ConfigError at the offending word.
InstanceConfig resolve_instance(InstanceDraft& draft, const GlobalDraft& globals,
                                ParseContext& ctx);
void check_configuration(const Config& config, const std::vector<InstanceDraft>& drafts);

// Keyword names, for known_keywords().
std::vector<std::string_view> global_defs_keywords();
std::vector<std::string_view> instance_keywords();
std::vector<std::string_view> authentication_keywords();
std::vector<std::string_view> script_keywords();
std::vector<std::string_view> track_file_keywords();
std::vector<std::string_view> sync_group_keywords();
std::vector<std::string_view> virtual_address_options();
std::vector<std::string_view> virtual_route_options();
std::vector<std::string_view> tracker_options();

}  // namespace vrrp::config_detail
