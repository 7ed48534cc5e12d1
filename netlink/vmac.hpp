// The virtual router MAC as an interface (keepalived's use_vmac): a macvlan in private mode on
// the parent interface, carrying MAC 00:00:5e:00:01:{VRID} (IPv4) or 00:00:5e:00:02:{VRID}
// (IPv6) (RFC 9568 §7.3). The VIPs live on it and adverts leave from it, so the Ethernet source
// of adverts, ARP replies and NAs is the virtual MAC (RFC 9568 §7.2, §8.1.2, §8.2.2).
//
// A Vmac object owns the interface: its destructor deletes it.
#pragma once

#include <cstdint>
#include <string>

#include "netlink/links.hpp"
#include "netlink/mac_address.hpp"
#include "netlink/netlink.hpp"
#include "netlink/result.hpp"
#include "vrrp/ip_address.hpp"

namespace vrrp::netlink {

// keepalived's default VMAC name: "vrrp.<vrid>".
std::string default_vmac_name(std::uint8_t vrid);

// A macvlan carrying a MAC from either VRRP block: what a VMAC looks like to the kernel. Used
// at start-up to find VMACs that a crashed run left behind.
bool is_vmac(const LinkInfo& link);

struct VmacSpec {
  int parent_ifindex = 0;
  std::uint8_t vrid = 0;  // 1-255
  Family family = Family::ipv4;
  std::string name;  // empty: default_vmac_name(vrid)
};

class Vmac {
 public:
  // Creates the macvlan (private mode, the virtual router MAC, IPv6 address generation off)
  // and brings it up. No address is on it yet, so nothing is announced with it (RFC 9568
  // §8.1.2, §8.2.2: not before both the address and the VMAC are configured).
  //
  // An interface of that name that is itself a VMAC (is_vmac) is a leftover of an earlier run:
  // it is deleted and created afresh, so its state is known. An interface of that name that is
  // not a VMAC is never touched: that is an error.
  //
  // The Netlink handle must outlive the returned object.
  static Result<Vmac> create(Netlink& netlink, const VmacSpec& spec);

  ~Vmac();  // deletes the interface (errors cannot be reported here; use remove() for that)
  Vmac(const Vmac&) = delete;
  Vmac& operator=(const Vmac&) = delete;
  Vmac(Vmac&& other) noexcept;
  Vmac& operator=(Vmac&& other) noexcept;

  int ifindex() const { return ifindex_; }
  const std::string& name() const { return name_; }
  const MacAddress& mac() const { return mac_; }
  int parent_ifindex() const { return parent_ifindex_; }

  // Deletes the interface now, with its addresses; afterwards this object owns nothing. An
  // interface already gone, or whose index now names something else, is left alone and is
  // success.
  Status remove();

 private:
  Vmac(Netlink& netlink, int ifindex, std::string name, MacAddress mac, int parent_ifindex);

  Netlink* netlink_ = nullptr;
  int ifindex_ = 0;  // 0: owns nothing
  std::string name_;
  MacAddress mac_;
  int parent_ifindex_ = 0;
};

}  // namespace vrrp::netlink
