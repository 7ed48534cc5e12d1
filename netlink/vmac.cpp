#include "netlink/vmac.hpp"

#include <linux/if.h>
#include <linux/if_link.h>
#include <netlink/route/link.h>
#include <netlink/route/link/inet6.h>
#include <netlink/route/link/macvlan.h>

#include <utility>

#include "netlink/libnl_ptr.hpp"

namespace vrrp::netlink {

std::string default_vmac_name(std::uint8_t vrid) {
  return "vrrp." + std::to_string(vrid);
}

bool is_vmac(const LinkInfo& link) {
  return link.kind == "macvlan" && link.mac && is_virtual_router_mac(*link.mac);
}

namespace {

Status add_macvlan(Netlink& netlink, const VmacSpec& spec, const std::string& name,
                   const MacAddress& mac) {
  const std::string what = "create VMAC " + name;
  detail::LinkPtr link(rtnl_link_macvlan_alloc());
  detail::NlAddrPtr lladdr(nl_addr_build(AF_LLC, mac.bytes.data(), mac.bytes.size()));
  if (!link || !lladdr) return Error{what + ": out of memory"};
  rtnl_link_set_name(link.get(), name.c_str());
  rtnl_link_set_link(link.get(), spec.parent_ifindex);
  rtnl_link_set_addr(link.get(), lladdr.get());
  // Private mode: the macvlan exchanges no frames with the other macvlans of the same parent,
  // even broadcast and multicast; it receives from the wire only the frames addressed to its
  // own MAC, and broadcast/multicast. So the IPv4 and IPv6 VMACs of one VRID, or the VMACs of
  // several VRIDs on one parent, cannot short-circuit each other inside the host: each hears
  // the LAN as a separate station would. keepalived uses the same mode.
  if (const int err = rtnl_link_macvlan_set_mode(link.get(), MACVLAN_MODE_PRIVATE); err < 0) {
    return detail::nl_failure(what, err);
  }
  // Created down: the kernel runs no IPv6 autoconfiguration on a down interface, so the
  // address generation mode can be switched off before anything is generated.
  if (const int err = rtnl_link_add(netlink.socket(), link.get(), NLM_F_CREATE | NLM_F_EXCL);
      err < 0) {
    return detail::nl_failure(what, err);
  }
  return {};
}

// RFC 9568 §7.4: the VMAC must not feed IPv6 interface identifiers. With the default mode
// (eui64) the kernel would derive fe80::200:5eff:fe00:1xx from the VMAC when the link comes up,
// the same link-local address on every router of the group; stable-privacy (RFC 7217) would
// use the VMAC as Net_Iface. IN6_ADDR_GEN_MODE_NONE generates nothing; the daemon adds the
// addresses it wants. Set through IFLA_AF_SPEC on the existing, still down link: the kernel
// refuses IFLA_AF_SPEC/AF_INET6 in the create request itself with EAFNOSUPPORT (the device
// has no IPv6 state until it is registered), as `ip link add ... addrgenmode none` shows.
Status disable_ipv6_address_generation(Netlink& netlink, int ifindex, const std::string& name) {
  detail::LinkPtr orig(rtnl_link_alloc());
  detail::LinkPtr change(rtnl_link_alloc());
  if (!orig || !change) return Error{"VMAC " + name + ": out of memory"};
  rtnl_link_set_ifindex(orig.get(), ifindex);
  if (const int err = rtnl_link_inet6_set_addr_gen_mode(change.get(), IN6_ADDR_GEN_MODE_NONE);
      err < 0) {
    return detail::nl_failure("VMAC " + name + ": addr_gen_mode none", err);
  }
  if (const int err = rtnl_link_change(netlink.socket(), orig.get(), change.get(), 0); err < 0) {
    return detail::nl_failure("VMAC " + name + ": addr_gen_mode none", err);
  }
  return {};
}

}  // namespace

Result<Vmac> Vmac::create(Netlink& netlink, const VmacSpec& spec) {
  const std::string name = spec.name.empty() ? default_vmac_name(spec.vrid) : spec.name;
  const std::string what = "create VMAC " + name;
  if (spec.vrid == 0) return Error{what + ": VRID 0 is not valid (RFC 9568 §5.2.3)"};
  if (name.size() >= IFNAMSIZ) return Error{what + ": name longer than 15 characters"};
  if (spec.parent_ifindex <= 0) return Error{what + ": no parent interface"};

  Links links(netlink);
  auto existing = links.get(name);
  if (!existing) return existing.error();
  if (existing->has_value()) {
    if (!is_vmac(**existing)) {
      return Error{what + ": an interface of that name exists and is not a VMAC"};
    }
    if (Status s = links.remove((*existing)->ifindex); !s) return s.error();
  }

  const MacAddress mac = virtual_router_mac(spec.family, spec.vrid);
  if (Status s = add_macvlan(netlink, spec, name, mac); !s) return s.error();

  auto created = links.get(name);
  if (!created) return created.error();
  if (!created->has_value()) return Error{what + ": created, then not found"};
  // From here the object owns the interface: a failure below deletes it again.
  Vmac vmac(netlink, (*created)->ifindex, name, mac, spec.parent_ifindex);

  if (Status s = disable_ipv6_address_generation(netlink, vmac.ifindex_, name); !s) {
    return s.error();
  }
  if (Status s = links.set_up(vmac.ifindex_, true); !s) return s.error();
  return vmac;
}

Vmac::Vmac(Netlink& netlink, int ifindex, std::string name, MacAddress mac, int parent_ifindex)
    : netlink_(&netlink),
      ifindex_(ifindex),
      name_(std::move(name)),
      mac_(mac),
      parent_ifindex_(parent_ifindex) {}

Vmac::~Vmac() {
  (void)remove();
}

Vmac::Vmac(Vmac&& other) noexcept
    : netlink_(other.netlink_),
      ifindex_(std::exchange(other.ifindex_, 0)),
      name_(std::move(other.name_)),
      mac_(other.mac_),
      parent_ifindex_(other.parent_ifindex_) {}

Vmac& Vmac::operator=(Vmac&& other) noexcept {
  if (this != &other) {
    (void)remove();
    netlink_ = other.netlink_;
    ifindex_ = std::exchange(other.ifindex_, 0);
    name_ = std::move(other.name_);
    mac_ = other.mac_;
    parent_ifindex_ = other.parent_ifindex_;
  }
  return *this;
}

Status Vmac::remove() {
  if (ifindex_ == 0) return {};
  const int ifindex = std::exchange(ifindex_, 0);
  Links links(*netlink_);
  auto current = links.get(ifindex);
  if (!current) return current.error();
  // Someone deleted it already, and the index may since name another interface: leave that.
  if (!current->has_value() || (*current)->name != name_ || !is_vmac(**current)) return {};
  return links.remove(ifindex);
}

}  // namespace vrrp::netlink
