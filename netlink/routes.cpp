#include "netlink/routes.hpp"

#include <linux/rtnetlink.h>
#include <netlink/attr.h>
#include <netlink/msg.h>

#include <string>

#include "netlink/libnl_ptr.hpp"

namespace vrrp::netlink {

namespace {

std::string describe(const RouteSpec& spec) {
  std::string text = spec.destination.to_string();
  if (spec.gateway) text += " via " + spec.gateway->to_string();
  if (spec.ifindex != 0) text += " dev ifindex " + std::to_string(spec.ifindex);
  if (spec.table != RT_TABLE_MAIN) text += " table " + std::to_string(spec.table);
  if (spec.metric) text += " metric " + std::to_string(*spec.metric);
  return text;
}

int put_address(nl_msg* msg, int attribute, const IpAddress& address) {
  return nla_put(msg, attribute, static_cast<int>(address.size()), address.bytes().data());
}

}  // namespace

Status Routes::request(int type, int flags, const RouteSpec& spec, const char* what_verb) {
  const std::string what = std::string(what_verb) + " route " + describe(spec);
  const Family family = spec.destination.address.family();
  if (spec.gateway && spec.gateway->family() != family) {
    return Error{what + ": the gateway is of the other family"};
  }
  detail::MsgPtr msg(nlmsg_alloc_simple(type, flags));
  if (!msg) return Error{what + ": out of memory"};

  rtmsg header{};
  header.rtm_family = static_cast<unsigned char>(detail::to_af(family));
  header.rtm_dst_len = spec.destination.length;
  // The table id goes in RTA_TABLE (32 bits); rtm_table holds it too when it fits.
  header.rtm_table =
      static_cast<unsigned char>(spec.table < 256 ? spec.table : std::uint32_t{RT_TABLE_UNSPEC});
  header.rtm_protocol = RTPROT_STATIC;
  header.rtm_type = static_cast<unsigned char>(spec.type);
  if (type == RTM_DELROUTE) {
    header.rtm_scope = RT_SCOPE_NOWHERE;  // the kernel's "any scope" for a delete
  } else if (spec.scope) {
    header.rtm_scope = *spec.scope;
  } else {
    header.rtm_scope =
        spec.type == RouteType::unicast && !spec.gateway ? RT_SCOPE_LINK : RT_SCOPE_UNIVERSE;
  }
  if (spec.onlink) header.rtm_flags |= RTNH_F_ONLINK;

  int err = nlmsg_append(msg.get(), &header, sizeof header, NLMSG_ALIGNTO);
  if (err >= 0 && spec.destination.length > 0) {
    err = put_address(msg.get(), RTA_DST, spec.destination.address);
  }
  if (err >= 0) err = nla_put_u32(msg.get(), RTA_TABLE, spec.table);
  if (err >= 0 && spec.gateway) err = put_address(msg.get(), RTA_GATEWAY, *spec.gateway);
  if (err >= 0 && spec.ifindex != 0) err = nla_put_u32(msg.get(), RTA_OIF, spec.ifindex);
  if (err >= 0 && spec.source && type == RTM_NEWROUTE) {
    err = put_address(msg.get(), RTA_PREFSRC, *spec.source);
  }
  if (err >= 0 && spec.metric) err = nla_put_u32(msg.get(), RTA_PRIORITY, *spec.metric);
  // RTA_EXPIRES (seconds, IPv6 only: ip6_route_info_create sets RTF_EXPIRES from it).
  if (err >= 0 && type == RTM_NEWROUTE && family == Family::ipv6 && spec.expires_seconds > 0) {
    err = nla_put_u32(msg.get(), RTA_EXPIRES, spec.expires_seconds);
  }
  if (err < 0) return detail::nl_failure(what, err);

  nl_sock* sock = netlink_.socket();
  if (const int sent = nl_send_auto_complete(sock, msg.get()); sent < 0) {
    return detail::nl_failure(what, sent);
  }
  err = nl_wait_for_ack(sock);
  if (err < 0 && type == RTM_DELROUTE &&
      (err == -NLE_OBJ_NOTFOUND || err == -NLE_NODEV || err == -NLE_NOADDR)) {
    return {};  // ESRCH: not there; ENODEV: its interface is gone, and the route with it
  }
  if (err < 0) return detail::nl_failure(what, err);
  return {};
}

Status Routes::add(const RouteSpec& spec) {
  return request(RTM_NEWROUTE, NLM_F_CREATE | NLM_F_REPLACE, spec, "add");
}

Status Routes::remove(const RouteSpec& spec) {
  return request(RTM_DELROUTE, 0, spec, "remove");
}

}  // namespace vrrp::netlink
