// Interfaces as the kernel sees them now: index and name, MAC, administrative and operational
// state, the kind (macvlan, veth, ...) and parent of stacked devices. Each query asks the
// kernel afresh (RTM_GETLINK), so there is no cache to go stale between events.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "netlink/mac_address.hpp"
#include "netlink/netlink.hpp"
#include "netlink/result.hpp"
#include "vrrp/ip_address.hpp"

namespace vrrp::netlink {

struct LinkInfo {
  int ifindex = 0;
  std::string name;
  std::optional<MacAddress> mac;  // none for devices without a 6-byte hardware address
  // IFF_UP: administratively up (`ip link set X up`).
  bool up = false;
  // IFF_RUNNING: up and operationally up (RFC 2863 operstate UP or UNKNOWN). A veth whose peer
  // is down, or a NIC without carrier, is up but not running.
  bool running = false;
  // IFF_LOWER_UP: the driver reports carrier.
  bool lower_up = false;
  std::string kind;        // IFLA_INFO_KIND ("macvlan", "veth", "bridge"); empty for plain NICs
  int parent_ifindex = 0;  // IFLA_LINK of stacked devices (a macvlan's parent); 0 if none
  unsigned mtu = 0;

  // Up and running: what an instance needs to leave Fault (issue 3).
  bool usable() const { return up && running; }
};

class Links {
 public:
  // The Netlink handle must outlive this object.
  explicit Links(Netlink& netlink) : netlink_(netlink) {}

  // nullopt when there is no such interface; an Error only when the kernel could not be asked.
  Result<std::optional<LinkInfo>> get(int ifindex) const;
  Result<std::optional<LinkInfo>> get(std::string_view name) const;
  Result<std::vector<LinkInfo>> list() const;

  // Shorthands over get().
  Result<std::optional<int>> index_of(std::string_view name) const;
  Result<std::optional<std::string>> name_of(int ifindex) const;

  // The interface's primary IPv4 address: the first address of global scope that the kernel
  // does not mark secondary, in the kernel's order (so the one configured first). The source
  // of IPv4 adverts (RFC 9568 §5.1.1.1, §7.2). nullopt if it has none.
  Result<std::optional<IpAddress>> primary_ipv4(int ifindex) const;
  // The interface's IPv6 link-local address, preferring one that has finished duplicate
  // address detection. The source of IPv6 adverts and NAs (RFC 9568 §5.1.2.1, §7.2).
  Result<std::optional<IpAddress>> ipv6_link_local(int ifindex) const;

  // Sets or clears IFF_UP.
  Status set_up(int ifindex, bool up);
  // Deletes the interface. A missing interface is success.
  Status remove(int ifindex);

 private:
  Netlink& netlink_;
};

}  // namespace vrrp::netlink
