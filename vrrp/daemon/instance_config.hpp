// From a parsed vrrp_instance to what the core's pieces take: the state machine's parameters,
// the receiver's checks, the addresses an advert carries and where adverts go. Pure, so the
// mapping of keepalived's keywords onto RFC 9568's parameters is unit-tested.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "vrrp/advert.hpp"
#include "vrrp/config.hpp"
#include "vrrp/ip_address.hpp"
#include "vrrp/machine_config.hpp"
#include "vrrp/receive_validation.hpp"

namespace vrrp::daemon {

// RFC 9568 §6.1's parameters. `primary` is the source of our adverts (the interface's primary
// IPv4 address, or unicast_src_ip; for IPv6 the link-local address).
MachineConfig machine_config_for(const InstanceConfig& instance, const IpAddress& primary);

// The addresses an advert lists (RFC 9568 §5.2.9): virtual_ipaddress in configuration order;
// virtual_ipaddress_excluded are bound but never advertised, as in keepalived.
std::vector<IpAddress> advertised_addresses(const InstanceConfig& instance);

// RFC 3768 §5.3.10: the simple-text password, zero-padded to 8 bytes.
std::array<std::uint8_t, kV2AuthDataSize> auth_data_for(const Authentication& auth);

// The per-instance receive checks. `vips` must outlive the returned value (it is a view).
// Both IPv4 VRRPv3 checksum forms are accepted in `checksum auto` (issue 4), only the mode's
// own in `checksum rfc9568|rfc5798`; EID 8300 (link-local first) is enforced only in strict
// mode, because keepalived lists only the VIPs.
ReceiverConfig receiver_config_for(const InstanceConfig& instance, const GlobalDefs& globals,
                                   std::span<const IpAddress> vips);

// The checksum form our IPv4 VRRPv3 adverts start with: a fixed `checksum` mode's; in `auto`
// keepalived's (with the IPv4 pseudo-header, rfc5798) unless v3_checksum_as_v2 asks for RFC
// 9568's. IPv6 and v2 have one.
ChecksumForm initial_checksum_form(const InstanceConfig& instance, const GlobalDefs& globals);

// Where adverts go: each unicast_peer, or the VRRP group (RFC 9568 §5.1.1.2, §5.1.2.2; or
// keepalived's vrrp_mcast_group4/6).
std::vector<IpAddress> advert_destinations(const InstanceConfig& instance,
                                           const GlobalDefs& globals);
IpAddress multicast_group(Family family, const GlobalDefs& globals);

// The interface each instance's VIPs live on, in configuration order: its interface, or its
// VMAC (use_vmac): the configured name, else keepalived's "vrrp.<vrid>", and, as keepalived
// does, "vrrp6.<vrid>" for an IPv6 instance whose VRID's name an earlier instance took (the
// IPv4 and IPv6 routers of one VRID have different virtual MACs, RFC 9568 §7.3). Throws
// std::runtime_error naming both instances when two would share a VMAC.
std::vector<std::string> assign_vip_devices(const std::vector<InstanceConfig>& instances);

}  // namespace vrrp::daemon
