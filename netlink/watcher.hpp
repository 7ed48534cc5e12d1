// Kernel events the daemon reacts to (issue 3): a link going down or losing carrier moves its
// instances to Fault, and a VIP removed by someone else while Active is put back. A
// non-blocking netlink socket subscribed to the link and IPv4/IPv6 address groups; the event
// loop waits on fd() and calls poll() when it is readable.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "vrrp/ip_address.hpp"

struct nl_sock;
struct nl_msg;

namespace vrrp::netlink {

// An interface appeared, changed or disappeared (RTM_NEWLINK / RTM_DELLINK).
struct LinkChanged {
  int ifindex = 0;
  std::string name;
  bool up = false;       // IFF_UP
  bool running = false;  // IFF_RUNNING: up and operationally up (carrier)
  bool removed = false;  // the interface is gone
};

// An address is present (added: new, or changed: flags, lifetimes, including our own
// renewals) or gone (RTM_NEWADDR / RTM_DELADDR).
struct AddressChanged {
  int ifindex = 0;
  IpPrefix prefix;
  bool added = true;
};

// The kernel dropped notifications because the socket's receive buffer was full (ENOBUFS).
// What happened meanwhile is unknown: query links and addresses afresh.
struct EventsLost {};

using Event = std::variant<LinkChanged, AddressChanged, EventsLost>;

class Watcher {
 public:
  // Room for a burst of notifications (thousands of address changes, issue 7) while the
  // event loop is busy.
  static constexpr int kDefaultReceiveBuffer = 8 * 1024 * 1024;

  // Opens the socket and subscribes. Throws std::system_error on failure (start-up only).
  // With CAP_NET_ADMIN the buffer size is forced past net.core.rmem_max.
  explicit Watcher(int receive_buffer_bytes = kDefaultReceiveBuffer);
  ~Watcher();
  Watcher(const Watcher&) = delete;
  Watcher& operator=(const Watcher&) = delete;

  // Readable when events are pending: register with epoll for EPOLLIN.
  int fd() const;

  // The events pending now, oldest first. Never blocks; an empty list when there are none.
  std::vector<Event> poll();

 private:
  static int on_message(nl_msg* msg, void* self);

  nl_sock* sock_ = nullptr;
  std::vector<Event> pending_;
};

}  // namespace vrrp::netlink
