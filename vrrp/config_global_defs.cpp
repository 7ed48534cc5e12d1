// global_defs { ... }: the daemon-wide settings and the defaults of every vrrp_instance.
#include <array>

#include "vrrp/config_blocks.hpp"

namespace vrrp::config_detail {

namespace {

using std::chrono::seconds;

// Upper bounds keepalived does not document; generous, so that no keepalived configuration is
// refused for them, yet small enough that a typo (an extra digit or three) is caught.
constexpr Duration kMaxGarpInterval = seconds(60);
constexpr Duration kMaxStartupDelay = seconds(3600);

IpAddress multicast_group(const Statement& s, Family family) {
  const char* expected = family == Family::ipv4 ? "an IPv4 multicast address (224.0.0.0/4)"
                                                : "an IPv6 multicast address (ff00::/8)";
  expect_no_block(s);
  expect_args(s, 1, 1, expected);
  auto address = IpAddress::parse(s.words[1].text);
  if (!address || address->family() != family || !address->is_multicast()) {
    fail_expected(s, 1, expected);
  }
  return *address;
}

NotifyFifo notify_fifo(const Statement& s) {
  expect_no_block(s);
  expect_args(s, 1, 3, "a FIFO path [username [groupname]]");
  NotifyFifo fifo;
  fifo.path = s.words[1].text;
  if (fifo.path.empty()) fail_expected(s, 1, "a FIFO path [username [groupname]]");
  if (s.words.size() > 2) fifo.run_as = run_as_at(s, 2);
  return fifo;
}

constexpr auto kHandlers = std::to_array<KeywordHandler<GlobalDraft>>({
    {"router_id",
     [](const Statement& s, GlobalDraft& d, ParseContext&) {
       d.defs.router_id = single_word(s, "a router name");
     }},
    {"vrrp_version",
     [](const Statement& s, GlobalDraft& d, ParseContext&) {
       d.vrrp_version = single_integer(s, 2, 3) == 2 ? Version::v2 : Version::v3;
     }},
    {"vrrp_mcast_group4",
     [](const Statement& s, GlobalDraft& d, ParseContext&) {
       d.defs.vrrp_mcast_group4 = multicast_group(s, Family::ipv4);
     }},
    {"vrrp_mcast_group6",
     [](const Statement& s, GlobalDraft& d, ParseContext&) {
       d.defs.vrrp_mcast_group6 = multicast_group(s, Family::ipv6);
     }},
    {"vrrp_garp_master_delay",
     [](const Statement& s, GlobalDraft& d, ParseContext&) {
       d.garp.master_delay = garp_delay(s);
     }},
    {"vrrp_garp_master_repeat",
     [](const Statement& s, GlobalDraft& d, ParseContext&) { d.garp.master_repeat = garp_count(s); }},
    {"vrrp_garp_lower_prio_delay",
     [](const Statement& s, GlobalDraft& d, ParseContext&) {
       d.garp.lower_prio_delay = garp_delay(s);
     }},
    {"vrrp_garp_lower_prio_repeat",
     [](const Statement& s, GlobalDraft& d, ParseContext&) {
       d.garp.lower_prio_repeat = garp_count(s);
     }},
    {"vrrp_garp_master_refresh",
     [](const Statement& s, GlobalDraft& d, ParseContext&) {
       d.garp.master_refresh = garp_seconds(s);
     }},
    {"vrrp_garp_master_refresh_repeat",
     [](const Statement& s, GlobalDraft& d, ParseContext&) {
       d.garp.master_refresh_repeat = garp_count(s);
     }},
    {"vrrp_garp_interval",
     [](const Statement& s, GlobalDraft& d, ParseContext&) {
       d.defs.vrrp_garp_interval = single_seconds(s, kMaxGarpInterval);
     }},
    {"vrrp_gna_interval",
     [](const Statement& s, GlobalDraft& d, ParseContext&) {
       d.defs.vrrp_gna_interval = single_seconds(s, kMaxGarpInterval);
     }},
    {"vrrp_min_garp",
     [](const Statement& s, GlobalDraft& d, ParseContext&) {
       // keepalived: one message on becoming Active and no second burst.
       if (optional_bool(s)) {
         d.garp.master_repeat = 1;
         d.garp.master_delay = seconds(0);
       }
     }},
    {"vrrp_strict",
     [](const Statement& s, GlobalDraft& d, ParseContext&) {
       d.defs.vrrp_strict = optional_bool(s);
     }},
    {"vrrp_skip_check_adv_addr",
     [](const Statement& s, GlobalDraft& d, ParseContext&) {
       d.defs.vrrp_skip_check_adv_addr = optional_bool(s);
     }},
    {"vrrp_check_unicast_src",
     [](const Statement& s, GlobalDraft& d, ParseContext&) {
       d.defs.vrrp_check_unicast_src = optional_bool(s);
     }},
    {"vrrp_lower_prio_no_advert",
     [](const Statement& s, GlobalDraft& d, ParseContext&) {
       d.lower_prio_no_advert = optional_bool(s);
     }},
    {"vrrp_higher_prio_send_advert",
     [](const Statement& s, GlobalDraft& d, ParseContext&) {
       d.defs.vrrp_higher_prio_send_advert = optional_bool(s);
     }},
    {"v3_checksum_as_v2",
     [](const Statement& s, GlobalDraft& d, ParseContext&) {
       d.defs.v3_checksum_as_v2 = optional_bool(s);
     }},
    {"vrrp_checksum",
     [](const Statement& s, GlobalDraft& d, ParseContext&) {
       d.defs.vrrp_checksum = checksum_mode(s);
     }},
    {"vrrp_vip_lifetime",
     [](const Statement& s, GlobalDraft& d, ParseContext&) {
       d.defs.vrrp_vip_lifetime = vip_lifetime_value(s);
     }},
    {"vrrp_startup_delay",
     [](const Statement& s, GlobalDraft& d, ParseContext&) {
       d.defs.vrrp_startup_delay = single_seconds(s, kMaxStartupDelay);
     }},
    {"script_user",
     [](const Statement& s, GlobalDraft& d, ParseContext&) {
       expect_no_block(s);
       expect_args(s, 1, 2, "username [[:]groupname]");
       d.defs.script_user = run_as_at(s, 1);
     }},
    {"enable_script_security",
     [](const Statement& s, GlobalDraft& d, ParseContext&) {
       d.defs.enable_script_security = optional_bool(s);
     }},
    {"notify_fifo",
     [](const Statement& s, GlobalDraft& d, ParseContext&) { d.defs.notify_fifo = notify_fifo(s); }},
    {"vrrp_notify_fifo",
     [](const Statement& s, GlobalDraft& d, ParseContext&) {
       d.defs.vrrp_notify_fifo = notify_fifo(s);
     }},
    {"notification_email",
     [](const Statement& s, GlobalDraft& d, ParseContext&) {
       for (const Token& t : word_list(s)) d.defs.notification_email.push_back(t.text);
     }},
    {"notification_email_from",
     [](const Statement& s, GlobalDraft& d, ParseContext&) {
       d.defs.notification_email_from = single_word(s, "a mail address");
     }},
    {"smtp_server",
     [](const Statement& s, GlobalDraft& d, ParseContext&) {
       expect_no_block(s);
       expect_args(s, 1, 2, "a host [port]");
       SmtpServer server;
       server.host = s.words[1].text;
       if (s.words.size() > 2) server.port = static_cast<std::uint16_t>(integer_at(s, 2, 1, 65535));
       d.defs.smtp_server = server;
     }},
    {"smtp_connect_timeout",
     [](const Statement& s, GlobalDraft& d, ParseContext&) {
       d.defs.smtp_connect_timeout = seconds(single_integer(s, 1, 3600));
     }},
    {"smtp_helo_name",
     [](const Statement& s, GlobalDraft& d, ParseContext&) {
       d.defs.smtp_helo_name = single_word(s, "a host name");
     }},
    {"smtp_alert",
     [](const Statement& s, GlobalDraft& d, ParseContext&) { d.defs.smtp_alert = optional_bool(s); }},
    {"smtp_alert_vrrp",
     [](const Statement& s, GlobalDraft& d, ParseContext&) { d.defs.smtp_alert = optional_bool(s); }},
    {"lvs_id",  // keepalived's old name for router_id
     [](const Statement& s, GlobalDraft& d, ParseContext&) {
       d.defs.router_id = single_word(s, "a router name");
     }},
});

}  // namespace

void parse_global_defs(const Statement& s, GlobalDraft& draft, ParseContext& ctx) {
  expect_block(s);
  expect_no_args(s);
  parse_keywords<GlobalDraft>(s, "global_defs", "global_defs", kHandlers, draft, ctx);
}

std::vector<std::string_view> global_defs_keywords() {
  return names_of<GlobalDraft>(kHandlers);
}

GarpSettings resolve_garp(const GarpOverrides& instance, const GarpOverrides& global) {
  auto pick = [](const auto& mine, const auto& theirs, auto fallback) {
    if (mine) return *mine;
    if (theirs) return *theirs;
    return fallback;
  };
  GarpSettings g;
  g.master_delay = pick(instance.master_delay, global.master_delay, g.master_delay);
  g.master_repeat = pick(instance.master_repeat, global.master_repeat, g.master_repeat);
  // keepalived: the lower-priority burst defaults to the become-Active burst.
  g.lower_prio_delay = pick(instance.lower_prio_delay, global.lower_prio_delay, g.master_delay);
  g.lower_prio_repeat = pick(instance.lower_prio_repeat, global.lower_prio_repeat, g.master_repeat);
  g.master_refresh = pick(instance.master_refresh, global.master_refresh, g.master_refresh);
  g.master_refresh_repeat =
      pick(instance.master_refresh_repeat, global.master_refresh_repeat, g.master_refresh_repeat);
  return g;
}

}  // namespace vrrp::config_detail
