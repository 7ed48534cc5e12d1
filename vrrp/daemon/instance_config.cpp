#include "vrrp/daemon/instance_config.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>

#include <fmt/format.h>

namespace vrrp::daemon {

MachineConfig machine_config_for(const InstanceConfig& instance, const IpAddress& primary) {
  MachineConfig m;
  m.name = instance.name;
  m.version = instance.version;
  m.family = instance.family;
  m.vrid = instance.virtual_router_id;
  m.priority = instance.priority;
  m.advert_interval = instance.advert_interval;
  m.preempt = instance.preempt;
  m.preempt_delay = instance.preempt_delay;
  m.accept_mode = instance.accept_mode;
  m.initial_state_master = instance.state == InitialState::master;
  m.lower_prio_no_advert = instance.lower_prio_no_advert;
  m.higher_prio_send_advert = instance.higher_prio_send_advert;
  m.primary_address = primary;
  return m;
}

std::vector<IpAddress> advertised_addresses(const InstanceConfig& instance) {
  std::vector<IpAddress> out;
  out.reserve(instance.virtual_addresses.size());
  for (const auto& vip : instance.virtual_addresses) {
    // RFC 9568 §5.2.9: the list's family is the header's; keepalived sends other-family VIPs
    // of an instance only in its excluded list, and so do we.
    if (vip.prefix.address.family() == instance.family) out.push_back(vip.prefix.address);
  }
  // RFC 9568 §5.2.5: at most 255 addresses fit the count field.
  if (out.size() > 255) out.resize(255);
  return out;
}

std::array<std::uint8_t, kV2AuthDataSize> auth_data_for(const Authentication& auth) {
  std::array<std::uint8_t, kV2AuthDataSize> data{};
  if (auth.type == AuthType::simple_text) {
    const auto n = std::min(auth.password.size(), data.size());
    std::copy_n(auth.password.begin(), n, data.begin());
  }
  return data;
}

ReceiverConfig receiver_config_for(const InstanceConfig& instance, const GlobalDefs& globals,
                                   std::span<const IpAddress> vips) {
  ReceiverConfig r;
  r.version = instance.version;
  r.family = instance.family;
  r.vrid = instance.virtual_router_id;
  r.advert_interval = instance.advert_interval;
  r.local_priority = instance.priority;
  r.auth_type = instance.version == Version::v2 ? instance.authentication.type : AuthType::none;
  r.auth_data = auth_data_for(instance.authentication);
  r.virtual_addresses = vips;
  // Issue 4: `auto` accepts both IPv4 VRRPv3 forms; a fixed mode only its own, so a peer
  // summing the other way is dropped (checksum_form_refused) as it would drop ours.
  r.accept_rfc9568_checksum = instance.checksum != ChecksumMode::rfc5798;
  r.accept_rfc5798_checksum = instance.checksum != ChecksumMode::rfc9568;
  r.require_ipv6_link_local_first = instance.strict_mode || globals.vrrp_strict;
  return r;
}

ChecksumForm initial_checksum_form(const InstanceConfig& instance, const GlobalDefs& globals) {
  if (instance.version == Version::v2) return ChecksumForm::v2;
  if (instance.family == Family::ipv6) return ChecksumForm::rfc9568;
  switch (instance.checksum) {
    case ChecksumMode::rfc9568:
      return ChecksumForm::rfc9568;
    case ChecksumMode::rfc5798:
      return ChecksumForm::rfc5798;
    case ChecksumMode::automatic:
      break;
  }
  // The parser resolves the instance's v3_checksum_as_v2 from global_defs' already; the global
  // is read too for InstanceConfigs built by hand.
  return instance.v3_checksum_as_v2 || globals.v3_checksum_as_v2 ? ChecksumForm::rfc9568
                                                                 : ChecksumForm::rfc5798;
}

IpAddress multicast_group(Family family, const GlobalDefs& globals) {
  return family == Family::ipv4 ? globals.vrrp_mcast_group4 : globals.vrrp_mcast_group6;
}

std::vector<IpAddress> advert_destinations(const InstanceConfig& instance,
                                           const GlobalDefs& globals) {
  if (!instance.is_unicast()) return {multicast_group(instance.family, globals)};
  std::vector<IpAddress> out;
  for (const auto& peer : instance.unicast_peers)
    out.push_back(peer.address);
  return out;
}

std::vector<std::string> assign_vip_devices(const std::vector<InstanceConfig>& instances) {
  std::vector<std::string> devices(instances.size());
  std::map<std::string, const InstanceConfig*> vmac_users;
  auto take = [&](std::size_t i, const std::string& name) {
    const InstanceConfig& instance = instances[i];
    if (auto it = vmac_users.find(name); it != vmac_users.end()) {
      throw std::runtime_error(
          fmt::format("{}: {}: VMAC {} is already used by instance {}; give use_vmac another name",
                      instance.where.to_string(), instance.name, name, it->second->name));
    }
    vmac_users.emplace(name, &instance);
    devices[i] = name;
  };
  // The parser fills in keepalived's default name, so a name equal to it counts as unnamed.
  auto named = [](const InstanceConfig& instance) {
    const std::string& name = instance.vmac->interface_name;
    return !name.empty() && name != "vrrp." + std::to_string(instance.virtual_router_id);
  };
  // Configured names first, then the defaults: IPv4 instances get "vrrp.<vrid>", so an IPv6
  // instance of the same VRID falls back to "vrrp6.<vrid>" whatever the order of the blocks.
  for (std::size_t i = 0; i < instances.size(); ++i) {
    const auto& instance = instances[i];
    if (!instance.vmac) {
      devices[i] = instance.interface;
    } else if (named(instance)) {
      take(i, instance.vmac->interface_name);
    }
  }
  for (const Family family : {Family::ipv4, Family::ipv6}) {
    for (std::size_t i = 0; i < instances.size(); ++i) {
      const auto& instance = instances[i];
      if (!instance.vmac || named(instance) || instance.family != family) continue;
      const std::string vrid = std::to_string(instance.virtual_router_id);
      std::string name = "vrrp." + vrid;
      if (family == Family::ipv6 && vmac_users.contains(name)) name = "vrrp6." + vrid;
      take(i, name);
    }
  }
  return devices;
}

}  // namespace vrrp::daemon
