// Internal to netlink/: unique_ptr owners for libnl's reference-counted objects, and the
// conversions between vrrp::IpAddress and libnl's nl_addr. Not part of the public API.
#pragma once

#include <netlink/addr.h>
#include <netlink/cache.h>
#include <netlink/errno.h>
#include <netlink/msg.h>
#include <netlink/route/addr.h>
#include <netlink/route/link.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "netlink/mac_address.hpp"
#include "netlink/result.hpp"
#include "vrrp/ip_address.hpp"

namespace vrrp::netlink::detail {

struct NlAddrPut {
  void operator()(nl_addr* p) const { nl_addr_put(p); }
};
struct LinkPut {
  void operator()(rtnl_link* p) const { rtnl_link_put(p); }
};
struct AddrPut {
  void operator()(rtnl_addr* p) const { rtnl_addr_put(p); }
};
struct CacheFree {
  void operator()(nl_cache* p) const { nl_cache_free(p); }
};
struct MsgFree {
  void operator()(nl_msg* p) const { nlmsg_free(p); }
};

using NlAddrPtr = std::unique_ptr<nl_addr, NlAddrPut>;
using LinkPtr = std::unique_ptr<rtnl_link, LinkPut>;
using AddrPtr = std::unique_ptr<rtnl_addr, AddrPut>;
using CachePtr = std::unique_ptr<nl_cache, CacheFree>;
using MsgPtr = std::unique_ptr<nl_msg, MsgFree>;

inline int to_af(Family family) {
  return family == Family::ipv4 ? AF_INET : AF_INET6;
}

// nl_addr from an address (prefix length set to the full address unless given).
inline NlAddrPtr to_nl_addr(const IpAddress& address, int prefix_length = -1) {
  NlAddrPtr out(nl_addr_build(to_af(address.family()), address.bytes().data(), address.size()));
  if (out && prefix_length >= 0) nl_addr_set_prefixlen(out.get(), prefix_length);
  return out;
}

// IpAddress from an nl_addr of family AF_INET or AF_INET6 with the right length.
inline std::optional<IpAddress> from_nl_addr(const nl_addr* address) {
  if (address == nullptr) return std::nullopt;
  const int family = nl_addr_get_family(address);
  const unsigned length = nl_addr_get_len(address);
  const auto* data = static_cast<const std::uint8_t*>(nl_addr_get_binary_addr(address));
  if (family == AF_INET && length == 4) return IpAddress::from_bytes(Family::ipv4, {data, 4});
  if (family == AF_INET6 && length == 16) return IpAddress::from_bytes(Family::ipv6, {data, 16});
  return std::nullopt;
}

inline std::optional<MacAddress> mac_from_nl_addr(const nl_addr* address) {
  if (address == nullptr || nl_addr_get_len(address) != 6) return std::nullopt;
  const auto* data = static_cast<const std::uint8_t*>(nl_addr_get_binary_addr(address));
  MacAddress mac;
  for (std::size_t i = 0; i < 6; ++i)
    mac.bytes[i] = data[i];
  return mac;
}

// "what: libnl's text for err"; err is a negative libnl code.
inline Error nl_failure(std::string_view what, int err) {
  return Error{std::string(what) + ": " + nl_geterror(err)};
}

}  // namespace vrrp::netlink::detail
