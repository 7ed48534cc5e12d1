#include "vrrp/daemon/vrrp_socket.hpp"

#include <linux/filter.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <iterator>

#include <fmt/format.h>

#include "vrrp/advert.hpp"
#include "vrrp/checksum.hpp"
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

// The Ethernet multicast address of an IP multicast group: RFC 1112 §6.4 (01:00:5e and the
// low 23 bits) and RFC 2464 §7 (33:33 and the low 32 bits).
std::array<std::uint8_t, 6> multicast_mac(const IpAddress& group) {
  const auto b = group.bytes();
  if (group.is_v4()) return {0x01, 0x00, 0x5e, static_cast<std::uint8_t>(b[1] & 0x7f), b[2], b[3]};
  return {0x33, 0x33, b[12], b[13], b[14], b[15]};
}

}  // namespace

VrrpSocket::VrrpSocket(Params params) : params_(std::move(params)), buffer_(65536) {
  if (params_.link_layer) {
    open_link_layer();
    return;
  }
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

void VrrpSocket::open_link_layer() {
  const bool v4 = params_.family == Family::ipv4;
  const std::uint16_t ethertype = v4 ? ETH_P_IP : ETH_P_IPV6;
  auto fail = [&](std::string_view call) {
    throw_errno(fmt::format("{} VRRP packet socket on {}: {}", to_string(params_.family),
                            params_.interface, call));
  };
  // Protocol 0 at creation: nothing is queued before the filter is in place and the socket is
  // bound to the device with its EtherType.
  fd_.reset(::socket(AF_PACKET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
  if (!fd_) fail("socket");
  // Only VRRP: the IPv4 Protocol (byte 9) or the IPv6 Next Header (byte 6) is 112. (An IPv6
  // advert behind extension headers is not heard; nobody sends one.)
  const std::uint32_t protocol_offset = v4 ? 9 : 6;
  sock_filter code[] = {
      {BPF_LD | BPF_B | BPF_ABS, 0, 0, protocol_offset},
      {BPF_JMP | BPF_JEQ | BPF_K, 0, 1, kIpProtocolVrrp},
      {BPF_RET | BPF_K, 0, 0, 0xFFFF},
      {BPF_RET | BPF_K, 0, 0, 0},
  };
  if (params_.send_only) code[2].k = 0;  // accept nothing
  sock_fprog program{static_cast<unsigned short>(std::size(code)), code};
  if (::setsockopt(fd_.get(), SOL_SOCKET, SO_ATTACH_FILTER, &program, sizeof program) != 0)
    fail("SO_ATTACH_FILTER");
  // Our own transmissions on this device are not news (Linux >= 4.20; the receive path also
  // checks the packet type).
  const int one = 1;
  ::setsockopt(fd_.get(), SOL_PACKET, PACKET_IGNORE_OUTGOING, &one, sizeof one);
  sockaddr_ll bind_to{};
  bind_to.sll_family = AF_PACKET;
  bind_to.sll_protocol = htons(ethertype);
  bind_to.sll_ifindex = static_cast<int>(params_.ifindex);
  if (::bind(fd_.get(), reinterpret_cast<sockaddr*>(&bind_to), sizeof bind_to) != 0) fail("bind");
  if (params_.group && !params_.send_only) {
    // The group's MAC on the device's filter: the macvlan then passes the group's frames up,
    // and no IGMP/MLD is involved. Dropped by the kernel with the socket.
    packet_mreq mreq{};
    mreq.mr_ifindex = static_cast<int>(params_.ifindex);
    mreq.mr_type = PACKET_MR_MULTICAST;
    mreq.mr_alen = 6;
    const auto mac = multicast_mac(*params_.group);
    std::memcpy(mreq.mr_address, mac.data(), mac.size());
    if (::setsockopt(fd_.get(), SOL_PACKET, PACKET_ADD_MEMBERSHIP, &mreq, sizeof mreq) != 0)
      fail("PACKET_ADD_MEMBERSHIP");
  }
}

std::optional<std::variant<ReceivedPacket, DropReason>> VrrpSocket::receive() {
  if (params_.link_layer) return receive_link_layer();
  return params_.family == Family::ipv4 ? receive_v4() : receive_v6();
}

std::optional<std::variant<ReceivedPacket, DropReason>> VrrpSocket::receive_link_layer() {
  for (;;) {
    sockaddr_ll from{};
    socklen_t from_size = sizeof from;
    const ssize_t n = ::recvfrom(fd_.get(), buffer_.data(), buffer_.size(), 0,
                                 reinterpret_cast<sockaddr*>(&from), &from_size);
    if (n < 0) {
      if (errno == EINTR) continue;
      return std::nullopt;
    }
    if (from.sll_pkttype == PACKET_OUTGOING) continue;  // kernels before 4.20
    // The whole IP packet: the header gives TTL / Hop Limit, source and destination.
    auto parsed = parse_ip_packet({buffer_.data(), static_cast<std::size_t>(n)});
    if (auto* drop = std::get_if<DropReason>(&parsed)) return *drop;
    const auto& packet = std::get<IpPacket>(parsed);
    if (packet.protocol != kIpProtocolVrrp) return DropReason::not_vrrp_protocol;
    if (packet.info.family != params_.family) return DropReason::address_family_mismatch;
    return ReceivedPacket{packet.info, packet.payload};
  }
}

int VrrpSocket::send_link_layer(std::span<const std::uint8_t> message, const IpAddress& source,
                                const IpAddress& destination) {
  if (!destination.is_multicast()) return EDESTADDRREQ;  // no neighbour resolution here
  const bool v4 = params_.family == Family::ipv4;
  const std::size_t header_size = v4 ? 20 : 40;
  std::vector<std::uint8_t> packet(header_size + message.size());
  if (v4) {
    // RFC 791 header, no options. TTL 255 (RFC 9568 §5.1.1.3), protocol 112, DF set as the
    // kernel sets it for raw sockets; the identification is left 0 (RFC 6864 §4.1: atomic).
    const auto total = static_cast<std::uint16_t>(packet.size());
    packet[0] = 0x45;
    packet[2] = static_cast<std::uint8_t>(total >> 8);
    packet[3] = static_cast<std::uint8_t>(total);
    packet[6] = 0x40;
    packet[8] = kRequiredTtl;
    packet[9] = kIpProtocolVrrp;
    std::memcpy(&packet[12], source.bytes().data(), 4);
    std::memcpy(&packet[16], destination.bytes().data(), 4);
    ChecksumAccumulator sum;
    sum.add({packet.data(), 20});
    const std::uint16_t checksum = sum.finish();
    packet[10] = static_cast<std::uint8_t>(checksum >> 8);
    packet[11] = static_cast<std::uint8_t>(checksum);
  } else {
    // RFC 8200 §3: version 6, no traffic class or flow label, Next Header 112, Hop Limit 255
    // (RFC 9568 §5.1.2.3).
    const auto payload = static_cast<std::uint16_t>(message.size());
    packet[0] = 0x60;
    packet[4] = static_cast<std::uint8_t>(payload >> 8);
    packet[5] = static_cast<std::uint8_t>(payload);
    packet[6] = kIpProtocolVrrp;
    packet[7] = kRequiredTtl;
    std::memcpy(&packet[8], source.bytes().data(), 16);
    std::memcpy(&packet[24], destination.bytes().data(), 16);
  }
  std::copy(message.begin(), message.end(), packet.begin() + static_cast<long>(header_size));

  sockaddr_ll to{};
  to.sll_family = AF_PACKET;
  to.sll_protocol = htons(v4 ? ETH_P_IP : ETH_P_IPV6);
  to.sll_ifindex = static_cast<int>(params_.ifindex);
  to.sll_halen = 6;
  const auto mac = multicast_mac(destination);
  std::memcpy(to.sll_addr, mac.data(), mac.size());
  ssize_t n;
  do {
    n = ::sendto(fd_.get(), packet.data(), packet.size(), 0, reinterpret_cast<sockaddr*>(&to),
                 sizeof to);
  } while (n < 0 && errno == EINTR);
  return n < 0 ? errno : 0;
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
  if (params_.link_layer) return send_link_layer(message, source, destination);
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
