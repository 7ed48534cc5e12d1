// vrrp_instance NAME { ... }: one virtual router on one interface, as written. Defaults that
// depend on global_defs or on other keywords of the block are settled in config_resolve.cpp.
#include <array>

#include "vrrp/config_blocks.hpp"
#include "vrrp/vip_lifetime.hpp"

namespace vrrp::config_detail {

namespace {

using std::chrono::seconds;

constexpr Duration kMaxPreemptDelay = seconds(1000);  // keepalived.conf(5): 0-1000
constexpr std::size_t kMaxAuthPass = 8;               // RFC 3768 §5.3.10: 8 octets

using Handler = KeywordHandler<InstanceDraft>;

void set_notify(std::optional<NotifyScript>& slot, const Statement& s) {
  slot = notify_script(s);
}

// `use_vmac [[name] IFNAME] [MAC] [netlink_notify_msg] [group GROUP]`
void parse_use_vmac(const Statement& s, InstanceDraft& d, ParseContext& ctx) {
  expect_no_block(s);
  VmacConfig vmac = d.config.vmac.value_or(VmacConfig{});
  for (std::size_t i = 1; i < s.words.size(); ++i) {
    const Token& w = s.words[i];
    if (w.text == "netlink_notify_msg") {
      ctx.warn(w.where, "use_vmac: netlink_notify_msg is not handled by vrrpd, ignored");
    } else if (w.text == "group") {
      if (i + 1 >= s.words.size()) fail_expected(s, i + 1, "a link group after group");
      ctx.warn(w.where, "use_vmac: group is not handled by vrrpd, ignored");
      ++i;
    } else if (auto mac = parse_mac(w.text)) {
      if ((*mac)[0] & 0x01) fail_expected(s, i, "a unicast MAC address");
      vmac.mac = *mac;
      d.vmac_mac_given = true;
    } else {
      if (w.text == "name") ++i;
      vmac.interface_name = interface_name_at(s, i);
      d.vmac_name = s.words[i];
    }
  }
  d.config.vmac = vmac;
}

void parse_authentication(const Statement& s, InstanceDraft& d, ParseContext& ctx) {
  static constexpr std::array<KeywordHandler<InstanceDraft>, 2> kAuth{{
      {"auth_type",
       [](const Statement& s, InstanceDraft& d, ParseContext&) {
         const std::string type = single_word(s, "PASS or AH");
         if (type == "PASS") {
           d.config.authentication.type = AuthType::simple_text;
         } else if (type == "AH") {
           d.config.authentication.type = AuthType::ip_ah;
         } else {
           fail_expected(s, 1, "PASS or AH");
         }
       }},
      {"auth_pass",
       [](const Statement& s, InstanceDraft& d, ParseContext&) {
         // A password is a secret: messages give its length, never its text.
         expect_no_block(s);
         expect_args(s, 1, 1, "a password of 1-8 characters");
         const std::string& pass = s.words[1].text;
         if (pass.empty()) fail(s.words[1].where, "auth_pass: expected 1-8 characters, got none");
         if (pass.size() > kMaxAuthPass) {
           // keepalived silently uses the first 8; peers configured with the full string on
           // another implementation would then disagree, so vrrpd refuses it.
           fail(s.words[1].where,
                "auth_pass: expected at most 8 characters, got " + std::to_string(pass.size()));
         }
         d.config.authentication.password = pass;
         d.auth_pass = s.words[1];
       }},
  }};
  expect_block(s);
  expect_no_args(s);
  d.authentication = s.keyword();
  parse_keywords<InstanceDraft>(s, "authentication", "authentication", kAuth, d, ctx);
  if (d.config.authentication.type == AuthType::none) {
    fail(s.keyword().where, "authentication: auth_type is missing (expected PASS or AH)");
  }
  if (d.config.authentication.type == AuthType::simple_text &&
      d.config.authentication.password.empty()) {
    fail(s.keyword().where, "authentication: auth_pass is missing (auth_type PASS needs one)");
  }
}

// unicast_peer { ADDR [min_ttl N] [max_ttl N] ... }
void parse_unicast_peers(const Statement& s, InstanceDraft& d) {
  expect_block(s);
  expect_no_args(s);
  for (const Statement& line : s.block) {
    expect_no_block(line);
    UnicastPeer peer;
    auto address = IpAddress::parse(line.name());
    if (!address) {
      fail(line.keyword().where,
           "unicast_peer: expected an IPv4 or IPv6 address, got " + quoted(line.name()));
    }
    peer.address = *address;
    for (std::size_t i = 1; i < line.words.size(); i += 2) {
      const std::string& option = line.words[i].text;
      if (option != "min_ttl" && option != "max_ttl") {
        fail(line.words[i].where,
             "unicast_peer: expected min_ttl or max_ttl, got " + quoted(option));
      }
      std::optional<std::int64_t> ttl;
      if (i + 1 < line.words.size()) ttl = parse_integer(line.words[i + 1].text);
      if (!ttl || *ttl < 0 || *ttl > 255) {
        const std::string message = "unicast_peer: " + option + ": expected an integer 0-255, got ";
        if (i + 1 < line.words.size())
          fail(line.words[i + 1].where, message + quoted(line.words[i + 1].text));
        fail(line.words[i].where, message + "nothing");
      }
      (option == "min_ttl" ? peer.min_ttl : peer.max_ttl) = static_cast<std::uint8_t>(*ttl);
    }
    for (const UnicastPeer& other : d.config.unicast_peers) {
      if (other.address == peer.address) {
        fail(line.keyword().where, "unicast_peer: " + quoted(line.name()) + " is listed twice");
      }
    }
    d.config.unicast_peers.push_back(peer);
    d.unicast_peer_at.push_back(line.keyword().where);
  }
}

IpAddress single_address(const Statement& s) {
  expect_no_block(s);
  expect_args(s, 1, 1, "an IPv4 or IPv6 address");
  return address_at(s, 1);
}

constexpr auto kHandlers = std::to_array<Handler>({
    {"state",
     [](const Statement& s, InstanceDraft& d, ParseContext&) {
       const std::string state = single_word(s, "MASTER or BACKUP");
       if (state == "MASTER") {
         d.config.state = InitialState::master;
         d.state_master = s.words[1];
       } else if (state == "BACKUP") {
         d.config.state = InitialState::backup;
         d.state_master.reset();
       } else {
         fail_expected(s, 1, "MASTER or BACKUP");
       }
     }},
    {"interface",
     [](const Statement& s, InstanceDraft& d, ParseContext&) {
       expect_no_block(s);
       expect_args(s, 1, 1, "an interface name of 1-15 characters");
       d.config.interface = interface_name_at(s, 1);
     }},
    {"virtual_router_id",
     [](const Statement& s, InstanceDraft& d, ParseContext&) {
       d.config.virtual_router_id = static_cast<std::uint8_t>(single_integer(s, 1, 255));
       d.virtual_router_id = s.words[1];
     }},
    {"priority",
     [](const Statement& s, InstanceDraft& d, ParseContext&) {
       // RFC 9568 §5.2.4: 255 is the owner, 1-254 backups; 0 is only ever sent.
       d.config.priority = static_cast<std::uint8_t>(single_integer(s, 1, 255));
       d.priority = s.words[1];
     }},
    {"advert_int",
     [](const Statement& s, InstanceDraft& d, ParseContext&) {
       // Its range depends on the version, known only at the end of the block.
       expect_no_block(s);
       expect_args(s, 1, 1, "an advert interval in seconds");
       d.advert_int = s.words[1];
     }},
    {"version",
     [](const Statement& s, InstanceDraft& d, ParseContext&) {
       d.config.version = single_integer(s, 2, 3) == 2 ? Version::v2 : Version::v3;
       d.version = s.words[1];
     }},
    {"native_ipv6",
     [](const Statement& s, InstanceDraft& d, ParseContext&) {
       flag(s);
       d.native_ipv6 = s.keyword();
     }},
    {"authentication", parse_authentication},
    {"virtual_ipaddress",
     [](const Statement& s, InstanceDraft& d, ParseContext& ctx) {
       for (auto& a : parse_virtual_addresses(s, ctx)) d.config.virtual_addresses.push_back(a);
     }},
    {"virtual_ipaddress_excluded",
     [](const Statement& s, InstanceDraft& d, ParseContext& ctx) {
       for (auto& a : parse_virtual_addresses(s, ctx)) {
         d.config.virtual_addresses_excluded.push_back(a);
       }
     }},
    {"virtual_routes",
     [](const Statement& s, InstanceDraft& d, ParseContext& ctx) {
       for (auto& r : parse_virtual_routes(s, ctx)) d.config.virtual_routes.push_back(r);
     }},
    {"no_virtual_ipaddress",
     [](const Statement& s, InstanceDraft& d, ParseContext&) {
       flag(s);
       d.no_virtual_ipaddress = true;
     }},
    {"nopreempt",
     [](const Statement& s, InstanceDraft& d, ParseContext&) {
       flag(s);
       d.config.preempt = false;
       d.nopreempt = s.keyword();
     }},
    {"preempt",  // keepalived keeps it for old configurations: the default
     [](const Statement& s, InstanceDraft& d, ParseContext&) {
       flag(s);
       d.config.preempt = true;
       d.nopreempt.reset();
     }},
    {"preempt_delay",
     [](const Statement& s, InstanceDraft& d, ParseContext&) {
       d.config.preempt_delay = single_seconds(s, kMaxPreemptDelay);
       d.preempt_delay = s.keyword();
     }},
    {"accept",
     [](const Statement& s, InstanceDraft& d, ParseContext&) {
       flag(s);
       d.accept = true;
       d.accept_keyword = s.keyword();
     }},
    {"no_accept",
     [](const Statement& s, InstanceDraft& d, ParseContext&) {
       flag(s);
       d.accept = false;
       d.accept_keyword = s.keyword();
     }},
    {"use_vmac", parse_use_vmac},
    {"vmac_xmit_base",
     [](const Statement& s, InstanceDraft& d, ParseContext&) {
       flag(s);
       if (!d.config.vmac) d.config.vmac = VmacConfig{};
       d.config.vmac->xmit_base = true;
     }},
    {"unicast_src_ip",
     [](const Statement& s, InstanceDraft& d, ParseContext&) {
       d.config.unicast_src_ip = single_address(s);
       d.unicast_src_ip = s.words[1];
     }},
    {"unicast_peer",
     [](const Statement& s, InstanceDraft& d, ParseContext&) { parse_unicast_peers(s, d); }},
    {"mcast_src_ip",
     [](const Statement& s, InstanceDraft& d, ParseContext&) {
       d.config.mcast_src_ip = single_address(s);
     }},
    {"dont_track_primary",
     [](const Statement& s, InstanceDraft& d, ParseContext&) {
       flag(s);
       d.config.dont_track_primary = true;
     }},
    {"track_interface",
     [](const Statement& s, InstanceDraft& d, ParseContext&) {
       for (auto& t : parse_track_interfaces(s)) d.config.track_interfaces.push_back(t);
     }},
    {"track_script",
     [](const Statement& s, InstanceDraft& d, ParseContext&) {
       for (auto& t : parse_track_scripts(s)) d.config.track_scripts.push_back(t);
     }},
    {"track_file",
     [](const Statement& s, InstanceDraft& d, ParseContext&) {
       for (auto& t : parse_track_files(s)) d.config.track_files.push_back(t);
     }},
    {"notify_master",
     [](const Statement& s, InstanceDraft& d, ParseContext&) {
       set_notify(d.config.notify_master, s);
     }},
    {"notify_backup",
     [](const Statement& s, InstanceDraft& d, ParseContext&) {
       set_notify(d.config.notify_backup, s);
     }},
    {"notify_fault",
     [](const Statement& s, InstanceDraft& d, ParseContext&) {
       set_notify(d.config.notify_fault, s);
     }},
    {"notify_stop",
     [](const Statement& s, InstanceDraft& d, ParseContext&) {
       set_notify(d.config.notify_stop, s);
     }},
    {"notify",
     [](const Statement& s, InstanceDraft& d, ParseContext&) { set_notify(d.config.notify, s); }},
    {"smtp_alert",
     [](const Statement& s, InstanceDraft& d, ParseContext&) {
       d.config.smtp_alert = optional_bool(s);
     }},
    {"garp_master_delay",
     [](const Statement& s, InstanceDraft& d, ParseContext&) {
       d.garp.master_delay = garp_delay(s);
     }},
    {"garp_master_repeat",
     [](const Statement& s, InstanceDraft& d, ParseContext&) { d.garp.master_repeat = garp_count(s); }},
    {"garp_lower_prio_delay",
     [](const Statement& s, InstanceDraft& d, ParseContext&) {
       d.garp.lower_prio_delay = garp_delay(s);
     }},
    {"garp_lower_prio_repeat",
     [](const Statement& s, InstanceDraft& d, ParseContext&) {
       d.garp.lower_prio_repeat = garp_count(s);
     }},
    {"garp_master_refresh",
     [](const Statement& s, InstanceDraft& d, ParseContext&) {
       d.garp.master_refresh = garp_seconds(s);
     }},
    {"garp_master_refresh_repeat",
     [](const Statement& s, InstanceDraft& d, ParseContext&) {
       d.garp.master_refresh_repeat = garp_count(s);
     }},
    {"lower_prio_no_advert",
     [](const Statement& s, InstanceDraft& d, ParseContext&) {
       d.lower_prio_no_advert = optional_bool(s);
     }},
    {"higher_prio_send_advert",
     [](const Statement& s, InstanceDraft& d, ParseContext&) {
       d.higher_prio_send_advert = optional_bool(s);
     }},
    {"v3_checksum_as_v2",
     [](const Statement& s, InstanceDraft& d, ParseContext&) {
       d.v3_checksum_as_v2 = optional_bool(s);
     }},
    {"checksum",
     [](const Statement& s, InstanceDraft& d, ParseContext&) {
       d.checksum = checksum_mode(s);
       d.checksum_keyword = s.keyword();
     }},
    {"vip_lifetime",
     [](const Statement& s, InstanceDraft& d, ParseContext&) {
       d.vip_lifetime = vip_lifetime_value(s);
     }},
    {"promote_secondaries",
     [](const Statement& s, InstanceDraft& d, ParseContext&) {
       flag(s);
       d.config.promote_secondaries = true;
     }},
    {"skip_check_adv_addr",
     [](const Statement& s, InstanceDraft& d, ParseContext&) {
       d.skip_check_adv_addr = optional_bool(s);
     }},
    {"check_unicast_src",
     [](const Statement& s, InstanceDraft& d, ParseContext&) {
       d.check_unicast_src = optional_bool(s);
     }},
    {"strict_mode",
     [](const Statement& s, InstanceDraft& d, ParseContext&) {
       d.strict_mode = optional_bool(s);
     }},
});

}  // namespace

ChecksumMode checksum_mode(const Statement& s) {
  static constexpr std::string_view kExpected = "rfc9568, rfc5798 or auto";
  const std::string mode = single_word(s, kExpected);
  if (mode == "auto") return ChecksumMode::automatic;
  if (mode == "rfc9568") return ChecksumMode::rfc9568;
  if (mode == "rfc5798") return ChecksumMode::rfc5798;
  fail_expected(s, 1, kExpected);
}

std::chrono::seconds vip_lifetime_value(const Statement& s) {
  // Issue 8. 1 s is refused rather than rounded: see kMinVipLifetime.
  static const std::string kExpected = "0 (forever) or " + std::to_string(kMinVipLifetime.count()) +
                                       "-" + std::to_string(kMaxVipLifetime.count()) + " seconds";
  expect_no_block(s);
  expect_args(s, 1, 1, kExpected);
  const auto value = parse_integer(s.words[1].text);
  if (!value || *value < 0 || *value > kMaxVipLifetime.count() ||
      (*value != 0 && *value < kMinVipLifetime.count())) {
    fail_expected(s, 1, kExpected);
  }
  return std::chrono::seconds(*value);
}

InstanceDraft parse_instance(const Statement& s, ParseContext& ctx) {
  if (s.words.size() != 2) fail_expected(s, s.words.size() > 2 ? 2 : 1, "one instance name");
  expect_block(s);
  InstanceDraft draft;
  draft.config.name = s.words[1].text;
  draft.config.where = s.words[1].where;
  if (draft.config.name.empty()) fail_expected(s, 1, "one instance name");
  parse_keywords<InstanceDraft>(s, "vrrp_instance", "vrrp_instance " + draft.config.name, kHandlers,
                                draft, ctx);
  return draft;
}

std::vector<std::string_view> instance_keywords() {
  return names_of<InstanceDraft>(kHandlers);
}

std::vector<std::string_view> authentication_keywords() {
  return {"auth_type", "auth_pass"};
}

}  // namespace vrrp::config_detail
