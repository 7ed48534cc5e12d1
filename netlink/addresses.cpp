#include "netlink/addresses.hpp"

#include <linux/if.h>
#include <linux/if_addr.h>
#include <linux/rtnetlink.h>
#include <netlink/attr.h>
#include <netlink/msg.h>
#include <netlink/route/addr.h>

#include <string>

#include "netlink/libnl_ptr.hpp"

namespace vrrp::netlink {

bool InterfaceAddress::secondary() const {
  return (flags & IFA_F_SECONDARY) != 0;
}
bool InterfaceAddress::tentative() const {
  return (flags & IFA_F_TENTATIVE) != 0;
}
bool InterfaceAddress::deprecated() const {
  return (flags & IFA_F_DEPRECATED) != 0;
}
bool InterfaceAddress::permanent() const {
  return (flags & IFA_F_PERMANENT) != 0;
}

namespace {

std::string describe(const IpPrefix& prefix, int ifindex) {
  return prefix.to_string() + " on ifindex " + std::to_string(ifindex);
}

// The request template shared by add and delete: interface, family, address, prefix length.
Result<detail::AddrPtr> make_addr(int ifindex, const IpPrefix& prefix) {
  detail::AddrPtr addr(rtnl_addr_alloc());
  detail::NlAddrPtr local = detail::to_nl_addr(prefix.address, prefix.length);
  if (!addr || !local) return Error{"address " + describe(prefix, ifindex) + ": out of memory"};
  rtnl_addr_set_ifindex(addr.get(), ifindex);
  rtnl_addr_set_family(addr.get(), detail::to_af(prefix.address.family()));
  if (const int err = rtnl_addr_set_local(addr.get(), local.get()); err < 0) {
    return detail::nl_failure("address " + describe(prefix, ifindex), err);
  }
  rtnl_addr_set_prefixlen(addr.get(), prefix.length);
  return addr;
}

Result<InterfaceAddress> to_address(rtnl_addr* addr, const nlmsghdr* header) {
  InterfaceAddress out;
  out.ifindex = rtnl_addr_get_ifindex(addr);
  auto local = detail::from_nl_addr(rtnl_addr_get_local(addr));
  if (!local) return Error{"address dump: an address of an unexpected family"};
  out.prefix = IpPrefix{*local, static_cast<std::uint8_t>(rtnl_addr_get_prefixlen(addr))};
  out.broadcast = detail::from_nl_addr(rtnl_addr_get_broadcast(addr));
  if (const char* label = rtnl_addr_get_label(addr)) out.label = label;
  out.scope = static_cast<Scope>(rtnl_addr_get_scope(addr));
  out.flags = rtnl_addr_get_flags(addr);  // libnl takes IFA_FLAGS (32 bits) when present
  out.valid_seconds = rtnl_addr_get_valid_lifetime(addr);
  out.preferred_seconds = rtnl_addr_get_preferred_lifetime(addr);
  // libnl 3.7 does not know IFA_PROTO; read it from the message itself.
  if (const nlattr* proto =
          nlmsg_find_attr(const_cast<nlmsghdr*>(header), sizeof(ifaddrmsg), IFA_PROTO)) {
    out.protocol = nla_get_u8(const_cast<nlattr*>(proto));
  }
  return out;
}

struct DumpContext {
  int ifindex = 0;
  std::vector<InterfaceAddress> found;
  std::optional<Error> error;
  const nlmsghdr* header = nullptr;
};

void on_object(nl_object* obj, void* arg) {
  auto* ctx = static_cast<DumpContext*>(arg);
  auto* addr = reinterpret_cast<rtnl_addr*>(obj);
  if (ctx->ifindex != 0 && rtnl_addr_get_ifindex(addr) != ctx->ifindex) return;
  auto parsed = to_address(addr, ctx->header);
  if (parsed) {
    ctx->found.push_back(std::move(*parsed));
  } else if (!ctx->error) {
    ctx->error = parsed.error();
  }
}

int on_message(nl_msg* msg, void* arg) {
  auto* ctx = static_cast<DumpContext*>(arg);
  ctx->header = nlmsg_hdr(msg);
  nl_msg_parse(msg, on_object, ctx);
  return NL_OK;
}

}  // namespace

Status Addresses::add(const AddressSpec& spec) {
  const IpAddress& address = spec.prefix.address;
  const std::string what = "add " + describe(spec.prefix, spec.ifindex);
  if (spec.prefix.length > address.size() * 8) return Error{what + ": prefix length too long"};
  if (spec.label.size() >= IFNAMSIZ) return Error{what + ": label longer than 15 characters"};
  if (spec.lifetime.valid_seconds != 0 &&
      spec.lifetime.preferred_seconds > spec.lifetime.valid_seconds) {
    return Error{what + ": preferred lifetime longer than valid lifetime"};
  }

  auto addr = make_addr(spec.ifindex, spec.prefix);
  if (!addr) return addr.error();
  rtnl_addr* a = addr->get();

  rtnl_addr_set_scope(a, static_cast<int>(spec.scope));

  unsigned flags = 0;
  if (address.is_v6()) {
    // RFC 9568 §8.2.2: an address owner restarting while a Backup answers for the address
    // would fail duplicate address detection; "one solution is to not run DAD". The same holds
    // for every VIP: VRRP's election is the duplicate detection for the address. With DAD the
    // VIP would stay tentative (unusable, no NA replies) for RetransTimer x DupAddrDetect-
    // Transmits, about a second, after every takeover, and a node that takes over while the
    // old Active still holds it (its lifetime not yet run out) would mark it "dadfailed" and
    // never use it. keepalived sets IFA_F_NODAD on IPv6 VIPs for the same reasons.
    flags |= IFA_F_NODAD;
  }
  if (!spec.prefix_route) flags |= IFA_F_NOPREFIXROUTE;
  if (flags != 0) rtnl_addr_set_flags(a, flags);

  if (spec.broadcast && address.is_v4()) {
    detail::NlAddrPtr brd = detail::to_nl_addr(*spec.broadcast);
    if (!brd) return Error{what + ": out of memory"};
    if (const int err = rtnl_addr_set_broadcast(a, brd.get()); err < 0) {
      return detail::nl_failure(what, err);
    }
  }
  if (!spec.label.empty() && address.is_v4()) {
    if (const int err = rtnl_addr_set_label(a, spec.label.c_str()); err < 0) {
      return detail::nl_failure(what, err);
    }
  }

  // Always send IFA_CACHEINFO, "forever" included: on an update (NLM_F_REPLACE) the kernel
  // takes the lifetimes of the request, so an explicit value is what makes a refresh turn a
  // finite lifetime back into a permanent one, and the reverse.
  const std::uint32_t valid =
      spec.lifetime.valid_seconds == 0 ? kForever : spec.lifetime.valid_seconds;
  const std::uint32_t preferred =
      spec.lifetime.preferred_seconds == 0 ? valid : spec.lifetime.preferred_seconds;
  rtnl_addr_set_valid_lifetime(a, valid);
  rtnl_addr_set_preferred_lifetime(a, preferred);

  // NLM_F_CREATE | NLM_F_REPLACE (libnl adds CREATE): create the address, or update the
  // existing one in place (inet_rtm_newaddr / inet6_addr_modify) instead of failing with
  // EEXIST. That is both the idempotent add and the lifetime renewal of issue 8.
  nl_msg* raw = nullptr;
  if (const int err = rtnl_addr_build_add_request(a, NLM_F_REPLACE, &raw); err < 0) {
    return detail::nl_failure(what, err);
  }
  detail::MsgPtr msg(raw);
  if (spec.protocol != 0) {
    if (const int err = nla_put_u8(msg.get(), IFA_PROTO, spec.protocol); err < 0) {
      return detail::nl_failure(what, err);
    }
  }
  nl_sock* sock = netlink_.socket();
  if (const int err = nl_send_auto_complete(sock, msg.get()); err < 0) {
    return detail::nl_failure(what, err);
  }
  if (const int err = nl_wait_for_ack(sock); err < 0) return detail::nl_failure(what, err);
  return {};
}

Status Addresses::remove(int ifindex, const IpPrefix& prefix) {
  const std::string what = "remove " + describe(prefix, ifindex);
  auto addr = make_addr(ifindex, prefix);
  if (!addr) return addr.error();
  const int err = rtnl_addr_delete(netlink_.socket(), addr->get(), 0);
  // EADDRNOTAVAIL (NLE_NOADDR): not there. ENODEV: the interface is gone, and its addresses
  // with it.
  if (err < 0 && err != -NLE_NOADDR && err != -NLE_NODEV && err != -NLE_OBJ_NOTFOUND) {
    return detail::nl_failure(what, err);
  }
  return {};
}

Result<bool> Addresses::contains(int ifindex, const IpAddress& address) const {
  auto all = list(ifindex);
  if (!all) return all.error();
  for (const InterfaceAddress& a : *all) {
    if (a.prefix.address == address) return true;
  }
  return false;
}

Result<std::vector<InterfaceAddress>> Addresses::list(int ifindex) const {
  nl_sock* sock = netlink_.socket();
  ifaddrmsg request{};
  request.ifa_family = AF_UNSPEC;
  if (const int err = nl_send_simple(sock, RTM_GETADDR, NLM_F_DUMP, &request, sizeof request);
      err < 0) {
    return detail::nl_failure("list addresses", err);
  }
  DumpContext ctx;
  ctx.ifindex = ifindex;
  nl_cb* socket_cb = nl_socket_get_cb(sock);  // a new reference
  nl_cb* cb = nl_cb_clone(socket_cb);
  nl_cb_put(socket_cb);
  if (cb == nullptr) return Error{"list addresses: out of memory"};
  nl_cb_set(cb, NL_CB_VALID, NL_CB_CUSTOM, on_message, &ctx);
  const int err = nl_recvmsgs(sock, cb);
  nl_cb_put(cb);
  if (err < 0) return detail::nl_failure("list addresses", err);
  if (ctx.error) return *ctx.error;
  return std::move(ctx.found);
}

}  // namespace vrrp::netlink
