#include "vrrp/daemon/vrrp_socket.hpp"

#include <linux/filter.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

#include "vrrp/advert.hpp"
#include "vrrp/daemon/system_error.hpp"

namespace vrrp::daemon {

namespace {

constexpr int kTtl = kRequiredTtl;  // RFC 9568 §5.1.1.3, §5.1.2.3: sent as 255, checked on receive

in_addr to_in_addr(const IpAddress& a) {
  in_addr out{};
  std::memcpy(&out, a.bytes().data(), 4);
  return out;
}

in6_addr to_in6_addr(const IpAddress& a) {
  in6_addr out{};
  std::memcpy(&out, a.bytes().data(), 16);
  return out;
}

IpAddress from_bytes(Family family, const void* p) {
  return IpAddress::from_bytes(
      family,
      std::span<const std::uint8_t>(static_cast<const std::uint8_t*>(p), address_size(family)));
}

}  // namespace

VrrpSocket::VrrpSocket(Params params) : params_(std::move(params)), buffer_(65536) {
  const bool v4 = params_.family == Family::ipv4;
  const int level = v4 ? IPPROTO_IP : IPPROTO_IPV6;
  auto fail = [&](std::string_view call) {
    throw_errno(fmt::format("{} VRRP socket on {}: {}", to_string(params_.family),
                            params_.interface, call));
  };
  auto set = [&](int lvl, int name, const void* value, socklen_t size, std::string_view what) {
    if (::setsockopt(fd_.get(), lvl, name, value, size) != 0) fail(what);
  };
  auto set_int = [&](int lvl, int name, int value, std::string_view what) {
    set(lvl, name, &value, sizeof value, what);
  };

  fd_.reset(
      ::socket(v4 ? AF_INET : AF_INET6, SOCK_RAW | SOCK_NONBLOCK | SOCK_CLOEXEC, kIpProtocolVrrp));
  if (!fd_) fail("socket");

  // Only this interface's packets, and ours leave by it whatever the routing table says.
  set(SOL_SOCKET, SO_BINDTODEVICE, params_.interface.c_str(),
      static_cast<socklen_t>(params_.interface.size()), "SO_BINDTODEVICE");

  if (params_.send_only) {
    // "ret #0": accept nothing. Applied before anything can be queued.
    sock_filter drop_all{BPF_RET | BPF_K, 0, 0, 0};
    sock_fprog program{1, &drop_all};
    set(SOL_SOCKET, SO_ATTACH_FILTER, &program, sizeof program, "SO_ATTACH_FILTER");
  }

  if (v4) {
    // The IPv4 header comes with every packet (TTL, destination); PKTINFO adds the ifindex.
    set_int(level, IP_PKTINFO, 1, "IP_PKTINFO");
    set_int(level, IP_TTL, kTtl, "IP_TTL");
    set_int(level, IP_MULTICAST_TTL, kTtl, "IP_MULTICAST_TTL");
    // Our own adverts must not come back to us (NOTES Part 4.3); the source filter in the
    // receive path catches any that arrive some other way.
    set_int(level, IP_MULTICAST_LOOP, 0, "IP_MULTICAST_LOOP");
    ip_mreqn mreq{};
    mreq.imr_ifindex = static_cast<int>(params_.ifindex);
    set(level, IP_MULTICAST_IF, &mreq, sizeof mreq, "IP_MULTICAST_IF");
    if (params_.group && !params_.send_only) {
      mreq.imr_multiaddr = to_in_addr(*params_.group);
      set(level, IP_ADD_MEMBERSHIP, &mreq, sizeof mreq, "IP_ADD_MEMBERSHIP");
    }
  } else {
    // A raw IPv6 socket gives no header: the destination and the Hop Limit come as ancillary
    // data, the source as the peer address.
    set_int(level, IPV6_RECVPKTINFO, 1, "IPV6_RECVPKTINFO");
    set_int(level, IPV6_RECVHOPLIMIT, 1, "IPV6_RECVHOPLIMIT");
    set_int(level, IPV6_UNICAST_HOPS, kTtl, "IPV6_UNICAST_HOPS");
    set_int(level, IPV6_MULTICAST_HOPS, kTtl, "IPV6_MULTICAST_HOPS");
    set_int(level, IPV6_MULTICAST_LOOP, 0, "IPV6_MULTICAST_LOOP");
    set_int(level, IPV6_MULTICAST_IF, static_cast<int>(params_.ifindex), "IPV6_MULTICAST_IF");
    if (params_.group && !params_.send_only) {
      ipv6_mreq mreq{};
      mreq.ipv6mr_multiaddr = to_in6_addr(*params_.group);
      mreq.ipv6mr_interface = params_.ifindex;
      set(level, IPV6_JOIN_GROUP, &mreq, sizeof mreq, "IPV6_JOIN_GROUP");
    }
  }
}

std::optional<std::variant<ReceivedPacket, DropReason>> VrrpSocket::receive() {
  return params_.family == Family::ipv4 ? receive_v4() : receive_v6();
}

std::optional<std::variant<ReceivedPacket, DropReason>> VrrpSocket::receive_v4() {
  for (;;) {
    const ssize_t n = ::recv(fd_.get(), buffer_.data(), buffer_.size(), 0);
    if (n < 0) {
      if (errno == EINTR) continue;
      return std::nullopt;  // EAGAIN, or an error the next readiness will show again
    }
    // The socket is bound to the device, so the ifindex is ours; the header gives the rest.
    auto parsed = parse_ip_packet({buffer_.data(), static_cast<std::size_t>(n)});
    if (auto* drop = std::get_if<DropReason>(&parsed)) return *drop;
    const auto& packet = std::get<IpPacket>(parsed);
    if (packet.protocol != kIpProtocolVrrp) return DropReason::not_vrrp_protocol;
    return ReceivedPacket{packet.info, packet.payload};
  }
}

std::optional<std::variant<ReceivedPacket, DropReason>> VrrpSocket::receive_v6() {
  sockaddr_in6 from{};
  alignas(cmsghdr) std::uint8_t control[256];
  iovec iov{buffer_.data(), buffer_.size()};
  msghdr msg{};
  msg.msg_name = &from;
  msg.msg_namelen = sizeof from;
  msg.msg_iov = &iov;
  msg.msg_iovlen = 1;
  msg.msg_control = control;
  msg.msg_controllen = sizeof control;
  ssize_t n;
  do {
    n = ::recvmsg(fd_.get(), &msg, 0);
  } while (n < 0 && errno == EINTR);
  if (n < 0) return std::nullopt;

  PacketInfo info;
  info.family = Family::ipv6;
  info.source = from_bytes(Family::ipv6, &from.sin6_addr);
  info.ttl = 0;  // stays 0, and is dropped as ttl_not_255, if the kernel gave no Hop Limit
  for (cmsghdr* c = CMSG_FIRSTHDR(&msg); c != nullptr; c = CMSG_NXTHDR(&msg, c)) {
    if (c->cmsg_level != IPPROTO_IPV6) continue;
    if (c->cmsg_type == IPV6_PKTINFO) {
      in6_pktinfo pktinfo{};
      std::memcpy(&pktinfo, CMSG_DATA(c), sizeof pktinfo);
      info.destination = from_bytes(Family::ipv6, &pktinfo.ipi6_addr);
    } else if (c->cmsg_type == IPV6_HOPLIMIT) {
      int hops = 0;
      std::memcpy(&hops, CMSG_DATA(c), sizeof hops);
      info.ttl = static_cast<std::uint8_t>(hops);
    }
  }
  return ReceivedPacket{info, {buffer_.data(), static_cast<std::size_t>(n)}};
}

int VrrpSocket::send(std::span<const std::uint8_t> message, const IpAddress& source,
                     const IpAddress& destination) {
  iovec iov{const_cast<std::uint8_t*>(message.data()), message.size()};
  msghdr msg{};
  msg.msg_iov = &iov;
  msg.msg_iovlen = 1;
  alignas(cmsghdr) std::uint8_t control[CMSG_SPACE(sizeof(in6_pktinfo))]{};
  msg.msg_control = control;

  sockaddr_in to4{};
  sockaddr_in6 to6{};
  cmsghdr* c = nullptr;
  if (params_.family == Family::ipv4) {
    to4.sin_family = AF_INET;
    to4.sin_addr = to_in_addr(destination);
    msg.msg_name = &to4;
    msg.msg_namelen = sizeof to4;
    // RFC 9568 §5.1.1.1: the source is the interface's primary address, chosen by us, not by
    // the routing table (which could pick a VIP we hold on the same interface).
    in_pktinfo pktinfo{};
    pktinfo.ipi_ifindex = static_cast<int>(params_.ifindex);
    pktinfo.ipi_spec_dst = to_in_addr(source);
    msg.msg_controllen = CMSG_SPACE(sizeof pktinfo);
    c = CMSG_FIRSTHDR(&msg);
    c->cmsg_level = IPPROTO_IP;
    c->cmsg_type = IP_PKTINFO;
    c->cmsg_len = CMSG_LEN(sizeof pktinfo);
    std::memcpy(CMSG_DATA(c), &pktinfo, sizeof pktinfo);
  } else {
    to6.sin6_family = AF_INET6;
    to6.sin6_addr = to_in6_addr(destination);
    if (destination.is_link_local() || destination.is_multicast())
      to6.sin6_scope_id = params_.ifindex;
    msg.msg_name = &to6;
    msg.msg_namelen = sizeof to6;
    // RFC 9568 §5.1.2.1: the interface's link-local address.
    in6_pktinfo pktinfo{};
    pktinfo.ipi6_ifindex = params_.ifindex;
    pktinfo.ipi6_addr = to_in6_addr(source);
    msg.msg_controllen = CMSG_SPACE(sizeof pktinfo);
    c = CMSG_FIRSTHDR(&msg);
    c->cmsg_level = IPPROTO_IPV6;
    c->cmsg_type = IPV6_PKTINFO;
    c->cmsg_len = CMSG_LEN(sizeof pktinfo);
    std::memcpy(CMSG_DATA(c), &pktinfo, sizeof pktinfo);
  }
  ssize_t n;
  do {
    n = ::sendmsg(fd_.get(), &msg, 0);
  } while (n < 0 && errno == EINTR);
  return n < 0 ? errno : 0;
}

}  // namespace vrrp::daemon
