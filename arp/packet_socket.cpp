#include "arp/packet_socket.hpp"

#include <linux/if_packet.h>
#include <net/ethernet.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

#include "arp/ethernet.hpp"

namespace vrrp::arp {

PacketSocket::PacketSocket()
    : fd_(::socket(AF_PACKET, SOCK_RAW | SOCK_NONBLOCK | SOCK_CLOEXEC, 0)) {
  if (fd_ < 0) throw std::system_error(errno, std::generic_category(), "packet socket");
}

PacketSocket::~PacketSocket() {
  if (fd_ >= 0) ::close(fd_);
}

PacketSocket::PacketSocket(PacketSocket&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}

PacketSocket& PacketSocket::operator=(PacketSocket&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = std::exchange(other.fd_, -1);
  }
  return *this;
}

std::error_code PacketSocket::send(int ifindex, std::span<const std::uint8_t> frame) {
  if (frame.size() < kEthernetHeaderSize || ifindex <= 0) {
    return std::make_error_code(std::errc::invalid_argument);
  }
  sockaddr_ll to{};
  to.sll_family = AF_PACKET;
  to.sll_ifindex = ifindex;
  // With SOCK_RAW the kernel sends the header as built; sll_protocol and sll_addr only fill
  // in the metadata that taps (tcpdump on the sending host) report.
  std::memcpy(&to.sll_protocol, frame.data() + 12, 2);  // EtherType, already big-endian
  to.sll_halen = 6;
  std::memcpy(to.sll_addr, frame.data(), 6);
  const ssize_t sent = ::sendto(fd_, frame.data(), frame.size(), 0,
                                reinterpret_cast<const sockaddr*>(&to), sizeof to);
  if (sent < 0) return {errno, std::generic_category()};
  if (static_cast<std::size_t>(sent) != frame.size()) {
    return std::make_error_code(std::errc::message_size);
  }
  return {};
}

}  // namespace vrrp::arp
