// The Daemon as its instances' InstanceHost: adverts out of the right socket, VIPs bound and
// released with their ownership recorded first, gratuitous ARPs and unsolicited NAs. (The
// rest of the Daemon is in daemon.cpp.)
#include <cerrno>
#include <cstring>

#include <fmt/format.h>

#include "vrrp/daemon/crash_recovery.hpp"
#include "vrrp/daemon/daemon.hpp"
#include "vrrp/daemon/log.hpp"

namespace vrrp::daemon {

namespace {

// Whether `address` lies in `prefix`'s network.
bool same_network(const IpAddress& address, const IpPrefix& prefix) {
  const auto a = address.bytes();
  const auto b = prefix.address.bytes();
  int bits = prefix.length;
  for (std::size_t i = 0; i < a.size() && bits > 0; ++i, bits -= 8) {
    const std::uint8_t mask = bits >= 8 ? 0xff : static_cast<std::uint8_t>(0xff << (8 - bits));
    if ((a[i] & mask) != (b[i] & mask)) return false;
  }
  return true;
}

}  // namespace

int Daemon::send_advert(Family family, int ifindex, std::span<const std::uint8_t> message,
                        const IpAddress& source, const IpAddress& destination) {
  auto it = sockets_.find({ifindex, family});
  if (it == sockets_.end()) return ENODEV;
  return it->second.socket->send(message, source, destination);
}

std::optional<std::string> Daemon::add_address(const std::string& device, const VirtualAddress& vip,
                                               std::chrono::seconds lifetime) {
  auto index = device_index(device);
  if (!index) return index.error().message;
  if (!*index) return fmt::format("no interface {}", device);
  const auto key = std::make_pair(device, vip.prefix.to_string());
  check_preexisting(device, **index, vip.prefix);
  const bool foreign = foreign_addresses_.contains(key);
  if (!foreign) ownership_.add_address(device, vip.prefix);  // write-ahead

  netlink::AddressSpec spec;
  spec.ifindex = **index;
  spec.prefix = vip.prefix;
  spec.broadcast = vip.broadcast;
  spec.label = vip.label;
  spec.scope = static_cast<netlink::Scope>(vip.scope);
  // Issue 8: a finite lifetime, renewed by the instance while Active, so the VIP does not
  // outlive this daemon. An address that was there before us (an owner's own address) keeps
  // a permanent one: it is not ours to expire.
  if (!foreign && lifetime.count() > 0) {
    spec.lifetime = netlink::Lifetime::finite(static_cast<std::uint32_t>(lifetime.count()));
  }
  // On a VMAC whose parent is in the VIP's subnet already, the subnet stays routed through the
  // parent (see netlink/addresses.hpp), so the node's own traffic does not change path with the
  // VRRP state. Otherwise the VMAC's route is the only way to the subnet, replies included.
  spec.prefix_route = !vip.noprefixroute && !parent_covers(device, vip.prefix);
  if (auto status = addresses_.add(spec); !status) return status.error().message;
  return std::nullopt;
}

std::optional<std::string> Daemon::remove_address(const std::string& device,
                                                  const IpPrefix& prefix) {
  if (foreign_addresses_.contains({device, prefix.to_string()})) return std::nullopt;
  auto index = device_index(device);
  if (!index) return index.error().message;
  if (*index) {
    if (auto status = addresses_.remove(**index, prefix); !status) return status.error().message;
  }
  ownership_.remove_address(device, prefix);
  // Not ours any more: a paced announcement still queued for it must not go out.
  if (pacer_) pacer_->forget(device, prefix.address);
  return std::nullopt;
}

namespace {

OwnedRoute owned_route(const std::string& device, const VirtualRoute& route) {
  OwnedRoute owned;
  owned.table = route.table.value_or(254);
  owned.metric = route.metric;
  owned.type = route.type == VirtualRoute::Type::blackhole     ? "blackhole"
               : route.type == VirtualRoute::Type::unreachable ? "unreachable"
               : route.type == VirtualRoute::Type::prohibit    ? "prohibit"
                                                               : "unicast";
  owned.destination = route.destination;
  owned.gateway = route.gateway;
  owned.device = device;
  return owned;
}

}  // namespace

std::optional<std::string> Daemon::add_route(const std::string& device, const VirtualRoute& route,
                                             std::chrono::seconds lifetime) {
  const OwnedRoute owned = owned_route(device, route);
  netlink::RouteSpec spec = route_spec_of(owned);
  if (!device.empty()) {
    auto index = device_index(device);
    if (!index) return index.error().message;
    if (!*index) return fmt::format("no interface {}", device);
    spec.ifindex = **index;
  }
  spec.source = route.source;
  if (route.scope) spec.scope = static_cast<std::uint8_t>(*route.scope);
  spec.onlink = route.onlink;
  // Issue 8: an IPv6 route expires with the VIPs unless renewed; IPv4 has no route expiry.
  if (lifetime.count() > 0) spec.expires_seconds = static_cast<std::uint32_t>(lifetime.count());
  ownership_.add_route(owned);  // write-ahead
  if (auto status = routes_.add(spec); !status) return status.error().message;
  return std::nullopt;
}

std::optional<std::string> Daemon::remove_route(const std::string& device,
                                                const VirtualRoute& route) {
  const OwnedRoute owned = owned_route(device, route);
  netlink::RouteSpec spec = route_spec_of(owned);
  if (!device.empty()) {
    auto index = device_index(device);
    if (!index) return index.error().message;
    if (!*index) {
      ownership_.remove_route(owned);  // the interface is gone, and the route with it
      return std::nullopt;
    }
    spec.ifindex = **index;
  }
  if (auto status = routes_.remove(spec); !status) return status.error().message;
  ownership_.remove_route(owned);
  return std::nullopt;
}

void Daemon::announce(const std::string& device, std::span<const IpAddress> addresses,
                      std::uint32_t count) {
  // Queued and sent as they fall due: at once, or spaced by vrrp_garp_interval /
  // vrrp_gna_interval on each interface (AnnouncePacer).
  pacer_->enqueue(device, addresses, count);
  send_due_announcements();
}

void Daemon::send_due_announcements() {
  std::map<std::string, std::vector<IpAddress>> by_device;  // one link lookup per device
  for (auto& message : pacer_->take_due(EventLoop::now())) {
    by_device[message.device].push_back(message.address);
  }
  for (const auto& [device, addresses] : by_device)
    send_announcements(device, addresses);
  pacer_timer_->arm_at(pacer_->next_deadline());
}

// One gratuitous ARP or unsolicited NA per entry of `addresses`, in order.
void Daemon::send_announcements(const std::string& device,
                                const std::vector<IpAddress>& addresses) {
  const TimePoint now = EventLoop::now();
  auto report = [&](const std::string& what) {
    if (auto suppressed = announce_error_log_.admit(now)) {
      log_warning("cannot announce on {}: {}{}", device, what,
                  *suppressed ? fmt::format(" ({} similar suppressed)", *suppressed) : "");
    }
  };
  auto link = links_.get(device);
  if (!link) return report(link.error().message);
  if (!*link || !(*link)->mac) return report("no such Ethernet interface");
  const netlink::LinkInfo& info = **link;

  std::optional<IpAddress> na_source;
  for (const auto& a : addresses) {
    if (!a.is_v6()) continue;
    // The NA's source: the device's link-local address, or its parent's (a VMAC has none of
    // its own unless we copied one).
    auto own = links_.ipv6_link_local(info.ifindex);
    if (own.ok() && own->has_value()) na_source = **own;
    if (!na_source && info.parent_ifindex) {
      auto parent = links_.ipv6_link_local(info.parent_ifindex);
      if (parent.ok() && parent->has_value()) na_source = **parent;
    }
    if (!na_source) report("no IPv6 link-local address to send Neighbor Advertisements from");
    break;
  }
  for (const auto& a : addresses) {
    std::error_code error;
    if (a.is_v4()) {
      error = announcer_->gratuitous_arp(info.ifindex, *info.mac, a);
    } else if (na_source) {
      error = announcer_->unsolicited_na(info.ifindex, *info.mac, *na_source, a);
    }
    if (error) report(fmt::format("{}: {}", a.to_string(), error.message()));
  }
}

void Daemon::check_preexisting(const std::string& device, int ifindex, const IpPrefix& prefix) {
  // Once per address for the daemon's life: whether it was there before we ever bound it.
  const auto key = std::make_pair(device, prefix.to_string());
  if (!checked_addresses_.insert(key).second || ownership_.owns_address(device, prefix)) return;
  auto present = addresses_.contains(ifindex, prefix.address);
  if (present.ok() && *present) {
    foreign_addresses_.insert(key);
    log_notice("{} was already on {} before vrrpd bound it; it will be left there", key.second,
               device);
  }
}

void Daemon::prepare_addresses() {
  // What add_address needs to know is found out now, so that nothing but the bind itself sits
  // between the Active_Down_Timer and our first advert.
  for (const auto& slot : slots_) {
    const InstanceConfig& c = slot.instance->config();
    for (const auto* list : {&c.virtual_addresses, &c.virtual_addresses_excluded}) {
      for (const auto& vip : *list) {
        const std::string& device = vip.device.empty() ? slot.instance->vip_device() : vip.device;
        auto index = device_index(device);
        if (!index.ok() || !*index) continue;
        check_preexisting(device, **index, vip.prefix);
        parent_covers(device, vip.prefix);
        if (!foreign_addresses_.contains({device, vip.prefix.to_string()})) {
          own_vips_.emplace(device, vip.prefix.address);
        }
      }
    }
  }
}

bool Daemon::parent_covers(const std::string& device, const IpPrefix& prefix) {
  if (!vmac_names_.contains(device)) return false;
  const auto key = std::make_pair(device, prefix.to_string());
  if (auto it = parent_covers_.find(key); it != parent_covers_.end()) return it->second;
  bool covered = false;
  int parent = 0;
  for (const auto& vmac : vmacs_) {
    if (vmac.name() == device) parent = vmac.parent_ifindex();
  }
  if (auto addresses = addresses_.list(parent); addresses.ok() && parent != 0) {
    for (const auto& a : *addresses) {
      if (a.prefix.address.family() == prefix.address.family() &&
          a.prefix.length == prefix.length && same_network(a.prefix.address, prefix)) {
        covered = true;
      }
    }
  }
  parent_covers_[key] = covered;  // once per VIP: not between the down timer and the advert
  return covered;
}

netlink::Result<std::optional<int>> Daemon::device_index(const std::string& device) const {
  // The interfaces and VMACs the daemon set up keep their index while it runs (it follows
  // their removal); others (a VIP's `dev`) are asked for.
  for (const auto& [index, name] : device_names_) {
    if (name == device) return std::optional<int>(index);
  }
  return links_.index_of(device);
}

}  // namespace vrrp::daemon
