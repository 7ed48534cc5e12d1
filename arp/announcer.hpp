// Announces VIPs on the link when a router becomes Active (RFC 9568 §6.4.1, §6.4.2): a
// gratuitous ARP per IPv4 VIP and an unsolicited Neighbor Advertisement per IPv6 VIP, sent
// with the given MAC as Ethernet source and as the advertised link-layer address. How often
// and when (garp_master_repeat, garp_master_delay, garp_master_refresh) is the daemon's call.
#pragma once

#include <system_error>

#include "arp/packet_socket.hpp"
#include "netlink/mac_address.hpp"
#include "vrrp/ip_address.hpp"

namespace vrrp::arp {

class Announcer {
 public:
  // Opens the packet socket. Throws std::system_error (no CAP_NET_RAW) at start-up.
  Announcer() = default;

  // One gratuitous ARP for `vip` out of `ifindex`. `mac`: the VMAC, or with VIPs on the
  // physical interface its own MAC. invalid_argument unless vip is IPv4.
  std::error_code gratuitous_arp(int ifindex, const netlink::MacAddress& mac, const IpAddress& vip);

  // One unsolicited NA for `vip` out of `ifindex`, from `source`, the interface's link-local
  // address (RFC 4861 §7.2.6 leaves the source to the sender; a link-local one is what every
  // router uses for ND). invalid_argument unless both are IPv6.
  std::error_code unsolicited_na(int ifindex, const netlink::MacAddress& mac,
                                 const IpAddress& source, const IpAddress& vip, bool router = true);

 private:
  PacketSocket socket_;
};

}  // namespace vrrp::arp
