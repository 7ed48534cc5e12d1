// Per-interface IPv4 settings under /proc/sys/net/ipv4/conf/<interface>/, and the set of them
// that makes ARP behave with a VMAC. They act on the network namespace of the calling thread.
// Nothing is restored on exit: the VMAC goes away with its settings, and the parent's settings
// are as correct without VRRP as with it.
#pragma once

#include <string_view>

#include "netlink/result.hpp"

namespace vrrp::netlink {

// Writes the value to /proc/sys/net/ipv4/conf/<ifname>/<setting>.
Status write_ipv4_conf(std::string_view ifname, std::string_view setting, int value);
// Reads /proc/sys/net/ipv4/conf/<ifname>/<setting>.
Result<int> read_ipv4_conf(std::string_view ifname, std::string_view setting);

// Configures the VMAC and its parent so that only the VMAC answers ARP for the VIPs, with the
// virtual MAC, and the parent keeps answering for its own addresses with its own MAC
// (RFC 9568 §8.1.2). The settings keepalived makes for use_vmac, plus arp_announce on the
// parent; sysctl.cpp says why each. Call after Vmac::create and before adding addresses.
Status configure_vmac_arp(std::string_view vmac_name, std::string_view parent_name);

}  // namespace vrrp::netlink
