// An AF_PACKET socket for sending complete Ethernet frames, owned for the object's life.
// Through it the frame leaves exactly as built, so its Ethernet source can be the VMAC even
// on an interface whose own MAC is another, which neither an IP socket nor a raw ICMPv6
// socket allows.
#pragma once

#include <cstdint>
#include <span>
#include <system_error>

namespace vrrp::arp {

class PacketSocket {
 public:
  // SOCK_RAW with protocol 0: send only, so the socket never queues the traffic it could
  // otherwise see. Non-blocking: a full device queue is an error, not a stalled event loop.
  // Needs CAP_NET_RAW. Throws std::system_error on failure (start-up only).
  PacketSocket();
  ~PacketSocket();
  PacketSocket(const PacketSocket&) = delete;
  PacketSocket& operator=(const PacketSocket&) = delete;
  PacketSocket(PacketSocket&& other) noexcept;
  PacketSocket& operator=(PacketSocket&& other) noexcept;

  int fd() const { return fd_; }

  // Sends the frame (Ethernet header included, at least 14 bytes) out of the interface.
  std::error_code send(int ifindex, std::span<const std::uint8_t> frame);

 private:
  int fd_ = -1;
};

}  // namespace vrrp::arp
