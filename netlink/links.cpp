#include "netlink/links.hpp"

#include <linux/if.h>
#include <netlink/route/link.h>

#include <string>

#include "netlink/addresses.hpp"
#include "netlink/libnl_ptr.hpp"

namespace vrrp::netlink {

namespace {

LinkInfo to_info(rtnl_link* link) {
  LinkInfo info;
  info.ifindex = rtnl_link_get_ifindex(link);
  if (const char* name = rtnl_link_get_name(link)) info.name = name;
  info.mac = detail::mac_from_nl_addr(rtnl_link_get_addr(link));
  const unsigned flags = rtnl_link_get_flags(link);
  info.up = (flags & IFF_UP) != 0;
  info.running = (flags & IFF_RUNNING) != 0;
  info.lower_up = (flags & IFF_LOWER_UP) != 0;
  if (const char* kind = rtnl_link_get_type(link)) info.kind = kind;
  info.parent_ifindex = rtnl_link_get_link(link);
  info.mtu = rtnl_link_get_mtu(link);
  return info;
}

// libnl reports a missing device as NLE_NODEV or NLE_OBJ_NOTFOUND depending on the errno the
// kernel used (ENODEV from RTM_GETLINK by index or name).
bool is_missing(int err) {
  return err == -NLE_NODEV || err == -NLE_OBJ_NOTFOUND;
}

Result<std::optional<LinkInfo>> fetch(Netlink& netlink, int ifindex, const char* name,
                                      const std::string& what) {
  rtnl_link* raw = nullptr;
  const int err = rtnl_link_get_kernel(netlink.socket(), ifindex, name, &raw);
  detail::LinkPtr link(raw);
  if (is_missing(err)) return std::optional<LinkInfo>{};
  if (err < 0) return detail::nl_failure("get link " + what, err);
  return std::optional<LinkInfo>{to_info(link.get())};
}

}  // namespace

Result<std::optional<LinkInfo>> Links::get(int ifindex) const {
  if (ifindex <= 0) return std::optional<LinkInfo>{};
  return fetch(netlink_, ifindex, nullptr, "ifindex " + std::to_string(ifindex));
}

Result<std::optional<LinkInfo>> Links::get(std::string_view name) const {
  // IFNAMSIZ includes the terminating NUL; a longer name cannot exist.
  if (name.empty() || name.size() >= IFNAMSIZ) return std::optional<LinkInfo>{};
  const std::string text(name);
  return fetch(netlink_, 0, text.c_str(), text);
}

Result<std::vector<LinkInfo>> Links::list() const {
  nl_cache* raw = nullptr;
  const int err = rtnl_link_alloc_cache(netlink_.socket(), AF_UNSPEC, &raw);
  detail::CachePtr cache(raw);
  if (err < 0) return detail::nl_failure("list links", err);
  std::vector<LinkInfo> out;
  for (nl_object* obj = nl_cache_get_first(cache.get()); obj != nullptr;
       obj = nl_cache_get_next(obj)) {
    out.push_back(to_info(reinterpret_cast<rtnl_link*>(obj)));
  }
  return out;
}

Result<std::optional<int>> Links::index_of(std::string_view name) const {
  auto link = get(name);
  if (!link) return link.error();
  if (!link->has_value()) return std::optional<int>{};
  return std::optional<int>{(*link)->ifindex};
}

Result<std::optional<std::string>> Links::name_of(int ifindex) const {
  auto link = get(ifindex);
  if (!link) return link.error();
  if (!link->has_value()) return std::optional<std::string>{};
  return std::optional<std::string>{(*link)->name};
}

Result<std::optional<IpAddress>> Links::primary_ipv4(int ifindex) const {
  auto addresses = Addresses(netlink_).list(ifindex);
  if (!addresses) return addresses.error();
  for (const InterfaceAddress& a : *addresses) {
    if (a.prefix.address.is_v4() && a.scope == Scope::global && !a.secondary()) {
      return std::optional<IpAddress>{a.prefix.address};
    }
  }
  return std::optional<IpAddress>{};
}

Result<std::optional<IpAddress>> Links::ipv6_link_local(int ifindex) const {
  auto addresses = Addresses(netlink_).list(ifindex);
  if (!addresses) return addresses.error();
  std::optional<IpAddress> tentative;
  for (const InterfaceAddress& a : *addresses) {
    if (!a.prefix.address.is_v6() || !a.prefix.address.is_link_local()) continue;
    // A tentative address cannot be used as a source yet (RFC 4862 §5.4); keep it only as a
    // fallback so the caller learns there will be one.
    if (!a.tentative()) return std::optional<IpAddress>{a.prefix.address};
    if (!tentative) tentative = a.prefix.address;
  }
  return tentative;
}

Status Links::set_up(int ifindex, bool up) {
  detail::LinkPtr orig(rtnl_link_alloc());
  detail::LinkPtr change(rtnl_link_alloc());
  if (!orig || !change) return Error{"set link up/down: out of memory"};
  rtnl_link_set_ifindex(orig.get(), ifindex);
  if (up) {
    rtnl_link_set_flags(change.get(), IFF_UP);
  } else {
    rtnl_link_unset_flags(change.get(), IFF_UP);
  }
  const int err = rtnl_link_change(netlink_.socket(), orig.get(), change.get(), 0);
  if (err < 0) {
    return detail::nl_failure(
        std::string("set ifindex ") + std::to_string(ifindex) + (up ? " up" : " down"), err);
  }
  return {};
}

Status Links::remove(int ifindex) {
  detail::LinkPtr link(rtnl_link_alloc());
  if (!link) return Error{"delete link: out of memory"};
  rtnl_link_set_ifindex(link.get(), ifindex);
  const int err = rtnl_link_delete(netlink_.socket(), link.get());
  if (err < 0 && !is_missing(err)) {
    return detail::nl_failure("delete ifindex " + std::to_string(ifindex), err);
  }
  return {};
}

}  // namespace vrrp::netlink
