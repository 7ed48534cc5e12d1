// RFC 9568 §6.4.3 Accept_Mode False: "an Active router that is not the IPvX address owner ...
// MUST NOT accept packets addressed to the IPvX address(es) associated with the virtual router"
// (the Active still answers ARP and Neighbor Discovery for them, §6.4.3). The VIPs are ordinary
// kernel addresses, so this is done as keepalived does it (its iptables / nftables rules): one
// nftables table, `inet vrrpd_accept`, whose input chain drops packets to the VIPs of every
// instance with Accept_Mode False that is not the owner. The rule can stay in place whatever
// the state: a Backup does not hold the VIPs, so no packet to them is delivered locally there.
// Neighbor Solicitations and Advertisements to an IPv6 VIP pass (NUD probes are unicast).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "vrrp/config.hpp"

namespace vrrp::daemon {

inline constexpr const char* kAcceptFilterTable = "vrrpd_accept";

// The nft script that (re)creates the table for `instances`, or "" when no instance needs it.
// Pure, for the unit tests. Starts by deleting an old table of ours (a crashed daemon's).
std::string accept_filter_script(const std::vector<InstanceConfig>& instances);

// Runs `nft -f -` with `script` on its standard input and waits for it. The reason on failure.
std::optional<std::string> run_nft(const std::string& script);

// The script that removes the table (at exit), tolerating its absence.
std::string accept_filter_removal_script();

}  // namespace vrrp::daemon
