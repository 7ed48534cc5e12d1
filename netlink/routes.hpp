// Routes in the kernel's tables: install and remove a virtual_routes entry (issue 4), the
// common `ip route` forms only. Like netlink/addresses, add() and remove() are idempotent, so
// the daemon can call them from any state without first asking what the kernel holds.
//
// IPv6 routes can carry an expiry (RTA_EXPIRES, `ip -6 route ... expires N`): the kernel
// deletes the route by itself when it runs out, the dead-man switch of issue 8. IPv4 routes
// have no expiry in Linux: a route added by a daemon that dies stays until someone removes it
// (vrrpd's crash recovery at its next start).
#pragma once

#include <cstdint>
#include <optional>

#include "netlink/netlink.hpp"
#include "netlink/result.hpp"
#include "vrrp/ip_address.hpp"

namespace vrrp::netlink {

// rtm_type values (linux/rtnetlink.h) for the route kinds virtual_routes knows.
enum class RouteType : std::uint8_t { unicast = 1, blackhole = 6, unreachable = 7, prohibit = 8 };

struct RouteSpec {
  IpPrefix destination;              // 0.0.0.0/0 or ::/0 for `default`
  std::optional<IpAddress> gateway;  // via / gw
  int ifindex = 0;                   // dev; 0: none (the kernel finds it from the gateway)
  std::optional<IpAddress> source;   // src (RTA_PREFSRC)
  std::uint32_t table = 254;         // RT_TABLE_MAIN
  std::optional<std::uint32_t> metric;
  RouteType type = RouteType::unicast;
  std::optional<std::uint8_t> scope;  // rtm_scope; unset: link without a gateway, else global
  bool onlink = false;                // RTNH_F_ONLINK
  // IPv6 only: the route's lifetime in seconds (RTA_EXPIRES), renewed by adding it again; 0:
  // none (permanent). Ignored for IPv4, which has no route expiry.
  std::uint32_t expires_seconds = 0;
};

class Routes {
 public:
  // The Netlink handle must outlive this object.
  explicit Routes(Netlink& netlink) : netlink_(netlink) {}

  // Installs the route, or replaces the one with the same destination, table, metric (and
  // type) in place (NLM_F_CREATE | NLM_F_REPLACE): also the renewal of an IPv6 expiry.
  Status add(const RouteSpec& spec);
  // Removes it. Success when it is not there (ESRCH) or its interface is gone.
  Status remove(const RouteSpec& spec);

 private:
  Status request(int type, int flags, const RouteSpec& spec, const char* what);
  Netlink& netlink_;
};

}  // namespace vrrp::netlink
