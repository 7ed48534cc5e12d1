#include "capture.hpp"

#include <arpa/inet.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>

namespace kernel_test {

FrameCapture::FrameCapture(int ifindex)
    : fd_(socket(AF_PACKET, SOCK_RAW | SOCK_CLOEXEC | SOCK_NONBLOCK, htons(ETH_P_ALL))) {
  if (fd_ < 0) throw std::runtime_error(std::string("capture socket: ") + std::strerror(errno));
  sockaddr_ll where{};
  where.sll_family = AF_PACKET;
  where.sll_protocol = htons(ETH_P_ALL);
  where.sll_ifindex = ifindex;
  if (bind(fd_, reinterpret_cast<sockaddr*>(&where), sizeof where) != 0) {
    close(fd_);
    throw std::runtime_error(std::string("capture bind: ") + std::strerror(errno));
  }
}

FrameCapture::~FrameCapture() {
  if (fd_ >= 0) close(fd_);
}

std::optional<Frame> FrameCapture::next(const std::function<bool(const Frame&)>& match,
                                        std::chrono::milliseconds limit) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return std::nullopt;
    pollfd p{fd_, POLLIN, 0};
    if (poll(&p, 1, static_cast<int>(left.count())) <= 0) continue;
    Frame frame(65536);
    sockaddr_ll from{};
    socklen_t from_len = sizeof from;
    const ssize_t n =
        recvfrom(fd_, frame.data(), frame.size(), 0, reinterpret_cast<sockaddr*>(&from), &from_len);
    if (n < 0) continue;
    if (from.sll_pkttype == PACKET_OUTGOING) continue;
    frame.resize(static_cast<std::size_t>(n));
    if (match(frame)) return frame;
  }
}

std::uint16_t ether_type(const Frame& frame) {
  if (frame.size() < 14) return 0;
  return static_cast<std::uint16_t>(frame[12] << 8 | frame[13]);
}

}  // namespace kernel_test
