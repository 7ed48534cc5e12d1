// The addresses on an interface: add and remove a VIP, and see what is there.
//
// add() and remove() are idempotent, so the daemon can call them from any state without first
// asking what the kernel holds: adding an address that is there already is success (and
// refreshes its lifetime), removing one that is not there is success.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "netlink/netlink.hpp"
#include "netlink/result.hpp"
#include "vrrp/ip_address.hpp"

namespace vrrp::netlink {

// rtm_scope / ifa_scope values (linux/rtnetlink.h), as keepalived's `scope` keyword names them.
enum class Scope : std::uint8_t { global = 0, site = 200, link = 253, host = 254, nowhere = 255 };

// Kernel address lifetimes in seconds (IFA_CACHEINFO), the dead-man switch of issue 8: an
// address whose valid lifetime runs out is deleted by the kernel itself, so a VIP does not
// outlive a daemon that stopped renewing it. When the preferred lifetime runs out first the
// address is only deprecated (not chosen as a source).
struct Lifetime {
  // 0: forever (the kernel's INFINITY_LIFE_TIME), as keepalived binds VIPs.
  std::uint32_t valid_seconds = 0;
  // 0: as long as the valid lifetime. Must not exceed a finite valid lifetime (the kernel
  // refuses that with EINVAL).
  std::uint32_t preferred_seconds = 0;

  static constexpr Lifetime forever() { return {}; }
  static constexpr Lifetime finite(std::uint32_t seconds) { return {seconds, seconds}; }
  friend bool operator==(const Lifetime&, const Lifetime&) = default;
};

// The kernel's "forever" in IFA_CACHEINFO and in InterfaceAddress below.
inline constexpr std::uint32_t kForever = 0xFFFFFFFFu;

// One address to bind: keepalived's virtual_ipaddress entry
// ("192.0.2.100/24 brd 192.0.2.255 dev eth0 scope global label eth0:vip").
struct AddressSpec {
  int ifindex = 0;
  IpPrefix prefix;  // the address and its prefix length (/32 or /128 for a bare address)
  // IPv4 only: the broadcast address; none means the kernel stores none, as with `ip addr add`
  // without `brd`.
  std::optional<IpAddress> broadcast;
  // IPv4 only (the kernel has no IPv6 labels): at most 15 characters; empty means the kernel
  // uses the interface name. keepalived users write "eth0:1" style labels.
  std::string label;
  Scope scope = Scope::global;
  Lifetime lifetime;
  // With a prefix shorter than the host length the kernel adds a route to the prefix through
  // the interface, as for any address. Set false (IFA_F_NOPREFIXROUTE, Linux >= 3.14 for IPv6,
  // >= 4.4 for IPv4) when the prefix is already on-link through another interface, for example
  // a VIP on the VMAC in the parent's subnet, so the node keeps routing that subnet through the
  // parent whether or not it is Active. keepalived's `noprefixroute` keyword.
  bool prefix_route = true;
  // IFA_PROTO (Linux >= 6.1; older kernels ignore it): a tag of the address's originator, kept
  // by the kernel and shown in dumps. 0 sends nothing. A daemon can tag its VIPs with its own
  // value to find them again after a crash without any state on disk.
  std::uint8_t protocol = 0;
};

// An address as the kernel reports it.
struct InterfaceAddress {
  int ifindex = 0;
  IpPrefix prefix;
  std::optional<IpAddress> broadcast;
  std::string label;  // IPv4 only
  Scope scope = Scope::global;
  std::uint32_t flags = 0;  // IFA_F_* (linux/if_addr.h), the full 32 bits
  // Remaining lifetimes in seconds as of the dump; kForever when permanent.
  std::uint32_t valid_seconds = kForever;
  std::uint32_t preferred_seconds = kForever;
  std::uint8_t protocol = 0;  // IFA_PROTO, 0 when none

  bool secondary() const;   // IFA_F_SECONDARY: IPv4, in the subnet of an earlier primary
  bool tentative() const;   // IFA_F_TENTATIVE: IPv6, duplicate address detection not done
  bool deprecated() const;  // IFA_F_DEPRECATED: the preferred lifetime ran out
  bool permanent() const;   // IFA_F_PERMANENT: no finite lifetime
};

class Addresses {
 public:
  // The Netlink handle must outlive this object.
  explicit Addresses(Netlink& netlink) : netlink_(netlink) {}

  // Binds the address, or, if the interface has it already (same address and prefix length),
  // updates it in place: lifetimes are renewed (issue 8) without a delete, so the address
  // never flaps and no connection using it breaks. Label, broadcast and scope of an existing
  // address are not changed by the kernel on such an update.
  //
  // IPv6 addresses always get IFA_F_NODAD (see addresses.cpp).
  Status add(const AddressSpec& spec);

  // Unbinds the address with that prefix length. Success when it is not there, or when the
  // interface no longer exists.
  Status remove(int ifindex, const IpPrefix& prefix);

  // Whether the interface holds the address, with any prefix length.
  Result<bool> contains(int ifindex, const IpAddress& address) const;

  // The addresses of one interface, or of all interfaces when ifindex is 0, in the kernel's
  // order.
  Result<std::vector<InterfaceAddress>> list(int ifindex = 0) const;

 private:
  Netlink& netlink_;
};

}  // namespace vrrp::netlink
