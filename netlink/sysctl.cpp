#include "netlink/sysctl.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <string>

namespace vrrp::netlink {

namespace {

std::string conf_path(std::string_view ifname, std::string_view setting) {
  std::string path = "/proc/sys/net/ipv4/conf/";
  path += ifname;
  path += '/';
  path += setting;
  return path;
}

// Interface names come from configuration; keep them from walking the /proc tree.
bool plain_name(std::string_view name) {
  return !name.empty() && name != "." && name != ".." && name.find('/') == std::string_view::npos;
}

}  // namespace

Status write_ipv4_conf(std::string_view ifname, std::string_view setting, int value) {
  if (!plain_name(ifname) || !plain_name(setting)) {
    return Error{"sysctl: bad name " + std::string(ifname) + "/" + std::string(setting)};
  }
  const std::string path = conf_path(ifname, setting);
  std::ofstream out(path);
  if (!out) return Error{"sysctl " + path + ": " + std::strerror(errno)};
  out << value << '\n';
  out.flush();
  if (!out) return Error{"sysctl " + path + ": write failed: " + std::strerror(errno)};
  return {};
}

Result<int> read_ipv4_conf(std::string_view ifname, std::string_view setting) {
  if (!plain_name(ifname) || !plain_name(setting)) {
    return Error{"sysctl: bad name " + std::string(ifname) + "/" + std::string(setting)};
  }
  const std::string path = conf_path(ifname, setting);
  std::ifstream in(path);
  int value = 0;
  if (!in) return Error{"sysctl " + path + ": " + std::strerror(errno)};
  if (!(in >> value)) return Error{"sysctl " + path + ": not a number"};
  return value;
}

Status configure_vmac_arp(std::string_view vmac_name, std::string_view parent_name) {
  struct Setting {
    std::string_view ifname;
    std::string_view name;
    int value;
  };
  const Setting settings[] = {
      // On the VMAC.
      //
      // arp_ignore=1: answer an ARP request only if its target address is configured on the
      // interface it arrived on. A broadcast ARP request reaches both the parent and the
      // macvlan; without this the VMAC would answer for the parent's own addresses with the
      // virtual MAC, and hosts would send the node's own traffic to whichever router is Active.
      {vmac_name, "arp_ignore", 1},
      // accept_local=1: accept packets whose source is one of our own addresses. Another VRRP
      // instance on this host multicasting its adverts from the parent's address is heard on
      // the VMAC with a local source; without this the kernel drops them as martians
      // (keepalived: "we need to be able to hear another instance multicasting its presence").
      {vmac_name, "accept_local", 1},
      // rp_filter=0: no reverse-path check. The VMAC may have no address at all while Backup,
      // and adverts arrive on it from sources routed through the parent; strict reverse-path
      // filtering would drop them. The kernel applies max(conf/all, conf/<if>), so this takes
      // effect only where conf/all/rp_filter is 0 too, or is loose (2), which also passes.
      {vmac_name, "rp_filter", 0},
      // promote_secondaries=1: when the first (primary) VIP of a subnet is removed, promote the
      // next one of that subnet instead of deleting every secondary with it. Without this,
      // removing one VIP of the VMAC silently removes the others of its subnet.
      {vmac_name, "promote_secondaries", 1},

      // On the parent.
      //
      // arp_ignore=1: the VIPs are local addresses of the host, so the parent would answer an
      // ARP request for a VIP with its physical MAC, which RFC 9568 §8.1.2 forbids ("MUST NOT
      // respond with its physical MAC address"). With arp_ignore=1 it answers only for its own
      // addresses and leaves the VIPs to the VMAC.
      {parent_name, "arp_ignore", 1},
      // arp_filter=1: answer on the parent only if the kernel would route the reply to the
      // asker out of the parent. Parent and VMAC sit in the same subnet with two connected
      // routes; this is the usual companion of arp_ignore for two interfaces on one subnet,
      // and what keepalived sets.
      {parent_name, "arp_filter", 1},
      // arp_announce=2: in the ARP requests the parent sends itself, use the parent's own best
      // address as the sender, never a VIP. Replies to clients of a VIP may leave through the
      // parent (the parent's route to the subnet comes first); with the default (0) the ARP
      // request for the client would carry the VIP with the physical MAC, and every host that
      // hears it would map the VIP to the physical MAC (RFC 9568 §8.1.2: "SHOULD NOT send any
      // ARP messages using its physical MAC address" for the VIP). keepalived does not set
      // this; it only narrows the sender address the parent already may use.
      {parent_name, "arp_announce", 2},
  };
  for (const Setting& s : settings) {
    if (Status status = write_ipv4_conf(s.ifname, s.name, s.value); !status) return status;
  }
  return {};
}

}  // namespace vrrp::netlink
