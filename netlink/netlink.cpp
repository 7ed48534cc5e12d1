#include "netlink/netlink.hpp"

#include <netlink/netlink.h>
#include <netlink/socket.h>

#include <string>
#include <system_error>
#include <utility>

namespace vrrp::netlink {

Netlink::Netlink() : sock_(nl_socket_alloc()) {
  if (sock_ == nullptr) throw std::system_error(ENOMEM, std::generic_category(), "nl_socket_alloc");
  if (const int err = nl_connect(sock_, NETLINK_ROUTE); err < 0) {
    nl_socket_free(sock_);
    sock_ = nullptr;
    throw std::system_error(EIO, std::generic_category(),
                            std::string("netlink connect: ") + nl_geterror(err));
  }
}

Netlink::~Netlink() {
  if (sock_ != nullptr) nl_socket_free(sock_);  // also closes the descriptor
}

Netlink::Netlink(Netlink&& other) noexcept : sock_(std::exchange(other.sock_, nullptr)) {}

Netlink& Netlink::operator=(Netlink&& other) noexcept {
  if (this != &other) {
    if (sock_ != nullptr) nl_socket_free(sock_);
    sock_ = std::exchange(other.sock_, nullptr);
  }
  return *this;
}

}  // namespace vrrp::netlink
