// A raw IP socket for protocol 112 on one interface and one address family (RFC 9568 §5.1):
// bound to the device, member of the VRRP group on that interface only, TTL / Hop Limit 255
// for multicast and unicast, multicast loop off. It reads what the core needs to validate a
// packet: the TTL or Hop Limit, the source and the destination.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "vrrp/daemon/unique_fd.hpp"
#include "vrrp/drop_reason.hpp"
#include "vrrp/ip_address.hpp"
#include "vrrp/ip_packet.hpp"

namespace vrrp::daemon {

struct ReceivedPacket {
  PacketInfo info;
  std::span<const std::uint8_t> message;  // the VRRP message, valid until the next receive()
};

class VrrpSocket {
 public:
  struct Params {
    std::string interface;  // SO_BINDTODEVICE
    unsigned ifindex = 0;
    Family family = Family::ipv4;
    // Multicast mode: join this group (224.0.0.18 or ff02::12, or keepalived's
    // vrrp_mcast_group4/6) on this interface only. Unset in unicast mode.
    std::optional<IpAddress> group;
    // A transmit-only socket: everything received is filtered out in the kernel.
    bool send_only = false;
    // On a VMAC in multicast mode: an AF_PACKET socket instead of a raw IP one. It hears the
    // group through a link-layer multicast membership, so the VMAC never joins the group at the
    // IP layer, and so never sends IGMP or MLD reports: frames with the virtual MAC as source
    // from a Backup would teach the switches that the VMAC lives there (keepalived issues
    // 882, 1792, 2452). It sends with IP headers built here, so the VMAC needs no IPv6
    // link-local address of its own either (which would bring router solicitations and MLD
    // reports with it). Multicast destinations only.
    bool link_layer = false;
  };

  // Throws std::system_error naming the interface and the call that failed.
  explicit VrrpSocket(Params params);

  int fd() const { return fd_.get(); }
  const Params& params() const { return params_; }

  // One packet: its VRRP message with the IP header's fields, a DropReason from the IP layer,
  // or nothing when the receive queue is empty.
  std::optional<std::variant<ReceivedPacket, DropReason>> receive();

  // Sends `message` (already encoded, checksum included) from `source` to `destination` out of
  // this socket's interface. Returns 0 or the errno of the failure.
  int send(std::span<const std::uint8_t> message, const IpAddress& source,
           const IpAddress& destination);

 private:
  std::optional<std::variant<ReceivedPacket, DropReason>> receive_v4();
  std::optional<std::variant<ReceivedPacket, DropReason>> receive_v6();
  std::optional<std::variant<ReceivedPacket, DropReason>> receive_link_layer();
  void open_link_layer();
  int send_link_layer(std::span<const std::uint8_t> message, const IpAddress& source,
                      const IpAddress& destination);

  Params params_;
  UniqueFd fd_;
  std::vector<std::uint8_t> buffer_;
};

}  // namespace vrrp::daemon
