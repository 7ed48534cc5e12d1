#include "netlink/watcher.hpp"

#include <linux/if.h>
#include <linux/rtnetlink.h>
#include <netlink/msg.h>
#include <netlink/netlink.h>
#include <netlink/object.h>
#include <netlink/route/addr.h>
#include <netlink/route/link.h>
#include <netlink/socket.h>
#include <sys/socket.h>

#include <cstring>
#include <string>
#include <system_error>

#include "netlink/libnl_ptr.hpp"

namespace vrrp::netlink {

namespace {

struct ParseContext {
  std::vector<Event>* events;
  int message_type;
};

void on_object(nl_object* obj, void* arg) {
  auto* ctx = static_cast<ParseContext*>(arg);
  const std::string type = nl_object_get_type(obj);
  if (type == "route/link") {
    auto* link = reinterpret_cast<rtnl_link*>(obj);
    // A bridge also reports its ports' state as RTM_NEWLINK/RTM_DELLINK of family AF_BRIDGE;
    // an RTM_DELLINK of that family only means "left the bridge", not that the interface is
    // gone. Only AF_UNSPEC messages describe the interface itself.
    if (rtnl_link_get_family(link) != AF_UNSPEC) return;
    LinkChanged event;
    event.ifindex = rtnl_link_get_ifindex(link);
    if (const char* name = rtnl_link_get_name(link)) event.name = name;
    const unsigned flags = rtnl_link_get_flags(link);
    event.up = (flags & IFF_UP) != 0;
    event.running = (flags & IFF_RUNNING) != 0;
    event.removed = ctx->message_type == RTM_DELLINK;
    ctx->events->push_back(std::move(event));
  } else if (type == "route/addr") {
    auto* addr = reinterpret_cast<rtnl_addr*>(obj);
    auto local = detail::from_nl_addr(rtnl_addr_get_local(addr));
    if (!local) return;
    AddressChanged event;
    event.ifindex = rtnl_addr_get_ifindex(addr);
    event.prefix = IpPrefix{*local, static_cast<std::uint8_t>(rtnl_addr_get_prefixlen(addr))};
    event.added = ctx->message_type == RTM_NEWADDR;
    ctx->events->push_back(std::move(event));
  }
}

[[noreturn]] void fail(nl_sock* sock, const char* what, int nl_err) {
  nl_socket_free(sock);
  throw std::system_error(EIO, std::generic_category(),
                          std::string("netlink watcher: ") + what + ": " + nl_geterror(nl_err));
}

}  // namespace

Watcher::Watcher(int receive_buffer_bytes) : sock_(nl_socket_alloc()) {
  if (sock_ == nullptr) throw std::system_error(ENOMEM, std::generic_category(), "nl_socket_alloc");
  // Notifications carry sequence number 0 and need no ACK.
  nl_socket_disable_seq_check(sock_);
  nl_socket_disable_auto_ack(sock_);
  if (const int err = nl_socket_modify_cb(sock_, NL_CB_VALID, NL_CB_CUSTOM, on_message, this);
      err < 0) {
    fail(sock_, "callback", err);
  }
  if (const int err = nl_connect(sock_, NETLINK_ROUTE); err < 0) fail(sock_, "connect", err);
  if (const int err = nl_socket_add_memberships(sock_, RTNLGRP_LINK, RTNLGRP_IPV4_IFADDR,
                                                RTNLGRP_IPV6_IFADDR, 0);
      err < 0) {
    fail(sock_, "subscribe", err);
  }
  if (const int err = nl_socket_set_nonblocking(sock_); err < 0) fail(sock_, "nonblocking", err);
  const int size = receive_buffer_bytes;
  if (setsockopt(nl_socket_get_fd(sock_), SOL_SOCKET, SO_RCVBUFFORCE, &size, sizeof size) < 0) {
    // Without CAP_NET_ADMIN: the ordinary limit (net.core.rmem_max) still applies.
    (void)setsockopt(nl_socket_get_fd(sock_), SOL_SOCKET, SO_RCVBUF, &size, sizeof size);
  }
}

Watcher::~Watcher() {
  if (sock_ != nullptr) nl_socket_free(sock_);
}

int Watcher::fd() const {
  return nl_socket_get_fd(sock_);
}

int Watcher::on_message(nl_msg* msg, void* self) {
  auto* watcher = static_cast<Watcher*>(self);
  ParseContext ctx{&watcher->pending_, nlmsg_hdr(msg)->nlmsg_type};
  // Messages libnl cannot parse (other families, truncated) are skipped, not fatal.
  (void)nl_msg_parse(msg, on_object, &ctx);
  return NL_OK;
}

std::vector<Event> Watcher::poll() {
  pending_.clear();
  // One nl_recvmsgs call handles one datagram's worth of messages; drain until EAGAIN.
  for (;;) {
    const int err = nl_recvmsgs_default(sock_);
    if (err == -NLE_AGAIN) break;
    if (err == -NLE_NOMEM) {
      // ENOBUFS from recvmsg: the kernel overran the buffer and dropped messages. The socket
      // stays usable; report the gap and keep reading what is still queued.
      pending_.emplace_back(std::in_place_type<EventsLost>);
      continue;
    }
    if (err < 0) {
      // Anything else (a malformed datagram) also leaves the daemon's view in doubt.
      pending_.emplace_back(std::in_place_type<EventsLost>);
      break;
    }
  }
  return std::move(pending_);
}

}  // namespace vrrp::netlink
