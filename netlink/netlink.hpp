// The handle every netlink request goes through: one NETLINK_ROUTE socket (libnl's nl_sock),
// owned for the object's life. Requests on it are synchronous and wait for the kernel's ACK,
// so a call returns only once the kernel has done the change, or said why not.
//
// Not thread-safe; the daemon uses one per event loop. Netlink events are read on a separate
// socket (watcher.hpp), so a request never has to skip notifications.
#pragma once

struct nl_sock;

namespace vrrp::netlink {

class Netlink {
 public:
  // Opens and connects the socket. Throws std::system_error on failure (start-up only).
  Netlink();
  ~Netlink();
  Netlink(const Netlink&) = delete;
  Netlink& operator=(const Netlink&) = delete;
  Netlink(Netlink&& other) noexcept;
  Netlink& operator=(Netlink&& other) noexcept;

  // The libnl socket, for the classes of this library.
  nl_sock* socket() const { return sock_; }

 private:
  nl_sock* sock_ = nullptr;
};

}  // namespace vrrp::netlink
