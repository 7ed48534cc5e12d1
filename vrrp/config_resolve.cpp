// One vrrp_instance after its block is read: the values that depend on global_defs or on other
// keywords (family, version, advert interval, accept mode, strict mode, garp timing, VMAC), and
// the checks that need them. keepalived's behaviour is the reference for every default.
#include "vrrp/config_blocks.hpp"
#include "vrrp/vip_lifetime.hpp"

namespace vrrp::config_detail {

namespace {

using std::chrono::seconds;

// RFC 9568 §5.2.7: a 12-bit count of centiseconds.
constexpr Centiseconds kMinAdvertInterval{1};
constexpr Centiseconds kMaxAdvertIntervalV3{kMaxAdvertInterval};
// RFC 3768 §5.3.7: an 8-bit count of seconds.
constexpr seconds kMaxAdvertIntervalV2{255};
// RFC 9568 §5.2.5: Count IPvX Addr is 8 bits.
constexpr std::size_t kMaxAddresses = 255;

std::string instance_label(const InstanceConfig& c) {
  return "vrrp_instance " + c.name;
}

std::string family_name(Family f) {
  return f == Family::ipv4 ? "IPv4" : "IPv6";
}

Family resolve_family(const InstanceDraft& d) {
  const InstanceConfig& c = d.config;
  if (d.native_ipv6) return Family::ipv6;
  if (!c.virtual_addresses.empty()) return c.virtual_addresses.front().prefix.address.family();
  if (c.unicast_src_ip) return c.unicast_src_ip->family();
  if (!c.unicast_peers.empty()) return c.unicast_peers.front().address.family();
  return Family::ipv4;
}

void check_families(const InstanceDraft& d, Family family) {
  const InstanceConfig& c = d.config;
  const std::string why = d.native_ipv6 ? "native_ipv6 makes " + instance_label(c) + " IPv6"
                                        : instance_label(c) + " is " + family_name(family) +
                                              " (from its first address)";
  for (const VirtualAddress& a : c.virtual_addresses) {
    if (a.prefix.address.family() != family) {
      fail(a.where, "virtual_ipaddress: " + a.prefix.address.to_string() + " is " +
                        family_name(a.prefix.address.family()) + " but " + why +
                        "; an instance advertises one family (RFC 9568 §5.2.9), put the other "
                        "in virtual_ipaddress_excluded or in a second instance");
    }
  }
  const std::string expected = "an " + family_name(family) + " address";
  if (c.unicast_src_ip && c.unicast_src_ip->family() != family) {
    fail(d.unicast_src_ip->where, "unicast_src_ip: expected " + expected + " (" + why + "), got " +
                                      quoted(d.unicast_src_ip->text));
  }
  for (std::size_t i = 0; i < c.unicast_peers.size(); ++i) {
    if (c.unicast_peers[i].address.family() != family) {
      fail(d.unicast_peer_at[i], "unicast_peer: expected " + expected + " (" + why + "), got " +
                                     quoted(c.unicast_peers[i].address.to_string()));
    }
  }
}

Version resolve_version(const InstanceDraft& d, const GlobalDraft& g, Family family) {
  if (d.version) {
    if (d.config.version == Version::v2 && family == Family::ipv6) {
      fail(d.version->where,
           "version: expected 3 for an IPv6 instance (VRRPv2 is IPv4 only, RFC 3768), got \"2\"");
    }
    return d.config.version;
  }
  // keepalived: "IPv6 instances will always use version 3".
  if (family == Family::ipv6) return Version::v3;
  return g.vrrp_version.value_or(g.defs.vrrp_version);
}

Centiseconds resolve_advert_interval(const InstanceDraft& d, Version version, ParseContext& ctx) {
  if (!d.advert_int) return Centiseconds(100);  // keepalived's default: 1 second
  const Token& t = *d.advert_int;
  const std::optional<Duration> value = parse_seconds(t.text);
  if (version == Version::v2) {
    // RFC 3768 §5.3.7: whole seconds.
    if (value && *value % seconds(1) == Duration::zero() && *value >= seconds(1) &&
        *value <= kMaxAdvertIntervalV2) {
      return std::chrono::duration_cast<Centiseconds>(*value);
    }
    // keepalived rounds a fractional VRRPv2 interval up to whole seconds with a warning
    // instead of refusing the file; a config it runs must run here too.
    if (value && *value > Duration::zero() && *value < kMaxAdvertIntervalV2) {
      const auto rounded = std::chrono::ceil<seconds>(*value);
      ctx.warn(t.where, "advert_int: VRRPv2 takes whole seconds (RFC 3768 §5.3.7), " +
                            quoted(t.text) + " rounded up to " + std::to_string(rounded.count()) +
                            ", as keepalived does");
      return std::chrono::duration_cast<Centiseconds>(rounded);
    }
    fail(t.where, "advert_int: expected whole seconds 1-255 (VRRPv2), got " + quoted(t.text));
  }
  if (value && *value % Centiseconds(1) == Duration::zero() && *value >= kMinAdvertInterval &&
      *value <= kMaxAdvertIntervalV3) {
    return std::chrono::duration_cast<Centiseconds>(*value);
  }
  fail(t.where,
       "advert_int: expected 0.01-40.95 seconds in steps of 0.01 (VRRPv3), got " + quoted(t.text));
}

// keepalived's vrrp_strict / strict_mode, the parts a configuration can break.
void check_strict(const InstanceDraft& d) {
  const InstanceConfig& c = d.config;
  const std::string suffix = " in strict mode (vrrp_strict or strict_mode)";
  if (!d.unicast_peer_at.empty())
    fail(d.unicast_peer_at.front(), "unicast_peer: not allowed" + suffix);
  if (d.authentication) fail(d.authentication->where, "authentication: not allowed" + suffix);
  if (d.preempt_delay) fail(d.preempt_delay->where, "preempt_delay: not allowed" + suffix);
  if (d.accept_keyword && c.version == Version::v2) {
    fail(d.accept_keyword->where, d.accept_keyword->text +
                                      ": not allowed with VRRPv2 (RFC 3768 has no Accept_Mode)" +
                                      suffix);
  }
  if (d.state_master && c.priority != kOwnerPriority) {
    fail(d.state_master->where, "state: MASTER needs priority 255 (the address owner)" + suffix);
  }
  if (d.no_virtual_ipaddress && c.virtual_addresses.empty()) {
    fail(c.where, instance_label(c) + ": no_virtual_ipaddress: not allowed" + suffix);
  }
}

// RFC 9568 §5.2.9: for IPv6 the first address is the virtual router's link-local address.
// keepalived sends the addresses as configured and only logs this (an error in strict mode);
// vrrpd does the same, as a warning.
void check_ipv6_first_address(const InstanceDraft& d, ParseContext& ctx) {
  const InstanceConfig& c = d.config;
  if (c.family != Family::ipv6 || c.is_unicast() || c.virtual_addresses.empty()) return;
  const VirtualAddress& first = c.virtual_addresses.front();
  if (first.prefix.address.is_link_local()) return;
  const std::string message = "virtual_ipaddress: the first IPv6 address of " + instance_label(c) +
                              " should be link-local (RFC 9568 §5.2.9)";
  if (c.strict_mode) fail(first.where, message + "; required in strict mode");
  ctx.warn(first.where, message + "; sent as configured, as keepalived does");
}

}  // namespace

InstanceConfig resolve_instance(InstanceDraft& d, const GlobalDraft& g, ParseContext& ctx) {
  InstanceConfig& c = d.config;
  const GlobalDefs& globals = g.defs;
  if (!d.virtual_router_id) {
    fail(c.where, instance_label(c) + ": virtual_router_id is missing (expected an integer 1-255)");
  }
  if (c.virtual_addresses.empty() && !d.no_virtual_ipaddress) {
    fail(c.where, instance_label(c) +
                      ": virtual_ipaddress is missing or empty (at least one address, RFC 9568 "
                      "§5.2.5)");
  }
  if (c.virtual_addresses.size() > kMaxAddresses) {
    fail(c.virtual_addresses[kMaxAddresses].where,
         "virtual_ipaddress: more than 255 addresses (Count IPvX Addr is 8 bits, RFC 9568 §5.2.5)");
  }
  if (c.interface.empty() && c.unicast_peers.empty()) {
    // keepalived allows no interface only for unicast (the routing table picks one).
    fail(c.where, instance_label(c) + ": interface is missing (needed unless unicast_peer is set)");
  }

  c.family = resolve_family(d);
  check_families(d, c.family);
  c.version = resolve_version(d, g, c.family);
  c.advert_interval = resolve_advert_interval(d, c.version, ctx);
  c.strict_mode = d.strict_mode.value_or(globals.vrrp_strict);
  // keepalived: accept unless strict; strict accepts only for the owner (RFC 9568 §6.1 says
  // Accept_Mode defaults to False, but the owner always accepts, §6.4.3).
  c.accept_mode = d.accept.value_or(c.strict_mode ? c.priority == kOwnerPriority : true);
  c.lower_prio_no_advert =
      c.strict_mode || d.lower_prio_no_advert.value_or(g.lower_prio_no_advert.value_or(false));
  c.higher_prio_send_advert =
      d.higher_prio_send_advert.value_or(globals.vrrp_higher_prio_send_advert);
  c.v3_checksum_as_v2 = d.v3_checksum_as_v2.value_or(globals.v3_checksum_as_v2);
  c.checksum = d.checksum.value_or(globals.vrrp_checksum);
  if (d.checksum_keyword && (c.version == Version::v2 || c.family == Family::ipv6)) {
    // One checksum form exists there (RFC 3768 §5.3.8; RFC 9568 §5.2.8 for IPv6).
    ctx.warn(d.checksum_keyword->where,
             "checksum: applies to IPv4 VRRPv3 only; this instance has one form, ignored");
  }
  c.skip_check_adv_addr = d.skip_check_adv_addr.value_or(globals.vrrp_skip_check_adv_addr);
  // Issue 8: after advert_interval, which the automatic default follows.
  c.vip_lifetime = d.vip_lifetime.value_or(
      globals.vrrp_vip_lifetime.value_or(default_vip_lifetime(c.advert_interval)));
  // keepalived: min_ttl/max_ttl on a peer turn the source check on.
  bool ttl_limits = false;
  for (const UnicastPeer& p : c.unicast_peers)
    ttl_limits |= p.min_ttl || p.max_ttl;
  c.check_unicast_src = ttl_limits || d.check_unicast_src.value_or(globals.vrrp_check_unicast_src);
  c.garp = resolve_garp(d.garp, g.garp);
  c.smtp_alert = c.smtp_alert || globals.smtp_alert;

  if (c.strict_mode) check_strict(d);
  check_ipv6_first_address(d, ctx);

  if (c.authentication.type != AuthType::none && c.version == Version::v3) {
    ctx.warn(d.authentication->where,
             "authentication: VRRPv3 has no authentication (RFC 9568 §5.2), ignored");
    c.authentication = {};
  }
  if (c.vmac) {
    if (c.vmac->interface_name.empty()) {
      c.vmac->interface_name = "vrrp." + std::to_string(c.virtual_router_id);
    }
    if (!d.vmac_mac_given) {
      // RFC 9568 §7.3: 00-00-5E-00-01-{VRID} for IPv4, 00-00-5E-00-02-{VRID} for IPv6.
      c.vmac->mac = {0x00,
                     0x00,
                     0x5e,
                     0x00,
                     static_cast<std::uint8_t>(c.family == Family::ipv4 ? 0x01 : 0x02),
                     c.virtual_router_id};
    }
    if (c.is_unicast() && !c.vmac->xmit_base) {
      ctx.warn(c.where, instance_label(c) +
                            ": use_vmac with unicast_peer needs vmac_xmit_base (keepalived's "
                            "rule); adverts will leave from the VMAC");
    }
  }
  if (d.nopreempt && c.state == InitialState::master) {
    ctx.warn(d.nopreempt->where,
             "nopreempt: has no effect with state MASTER (keepalived: the initial state must be "
             "BACKUP)");
  }
  return c;
}

}  // namespace vrrp::config_detail
