#include "vrrp/daemon/crash_recovery.hpp"

#include "netlink/addresses.hpp"
#include "netlink/links.hpp"
#include "netlink/routes.hpp"
#include "netlink/vmac.hpp"
#include "vrrp/daemon/log.hpp"

namespace vrrp::daemon {

netlink::RouteSpec route_spec_of(const OwnedRoute& owned) {
  netlink::RouteSpec spec;
  spec.destination = owned.destination;
  spec.gateway = owned.gateway;
  spec.table = owned.table;
  spec.metric = owned.metric;
  spec.type = owned.type == "blackhole"     ? netlink::RouteType::blackhole
              : owned.type == "unreachable" ? netlink::RouteType::unreachable
              : owned.type == "prohibit"    ? netlink::RouteType::prohibit
                                            : netlink::RouteType::unicast;
  return spec;
}

void recover_owned_resources(StateRecord& record, netlink::Netlink& netlink) {
  const ParsedRecord parsed = record.load();
  for (const auto& error : parsed.errors) {
    log_warning("{}: {} (skipped)", record.path(), error);
  }
  if (parsed.owned.empty()) {
    record.remove();
    return;
  }
  log_warning("{}: an earlier vrrpd did not stop cleanly; removing what it left", record.path());
  netlink::Links links(netlink);
  netlink::Addresses addresses(netlink);

  // Routes first (one may use a VIP as its source), then addresses: an address on a macvlan
  // goes with it anyway, one on a real interface would stay.
  netlink::Routes routes(netlink);
  for (const auto& owned : parsed.owned.routes) {
    netlink::RouteSpec spec = route_spec_of(owned);
    if (!owned.device.empty()) {
      auto index = links.index_of(owned.device);
      if (!index || !*index) continue;  // the interface is gone, and the route with it
      spec.ifindex = **index;
    }
    if (auto status = routes.remove(spec); !status) {
      log_error("cannot remove stale route {}: {}", owned.destination.to_string(),
                status.error().message);
    } else {
      log_warning("removed stale route {} (table {})", owned.destination.to_string(), owned.table);
    }
  }
  for (const auto& owned : parsed.owned.addresses) {
    auto index = links.index_of(owned.interface);
    if (!index) {
      log_error("cannot look up {}: {}", owned.interface, index.error().message);
      continue;
    }
    if (!*index) continue;  // the interface is gone, and the address with it
    auto present = addresses.contains(**index, owned.prefix.address);
    if (present && !*present) continue;
    if (auto status = addresses.remove(**index, owned.prefix); !status) {
      log_error("cannot remove stale {} from {}: {}", owned.prefix.to_string(), owned.interface,
                status.error().message);
    } else {
      log_warning("removed stale {} from {}", owned.prefix.to_string(), owned.interface);
    }
  }
  for (const auto& owned : parsed.owned.macvlans) {
    auto link = links.get(owned.name);
    if (!link) {
      log_error("cannot look up {}: {}", owned.name, link.error().message);
      continue;
    }
    if (!*link) continue;
    if (!netlink::is_vmac(**link)) {
      log_warning("{} is no longer a VMAC; left alone", owned.name);
      continue;
    }
    if (auto status = links.remove((*link)->ifindex); !status) {
      log_error("cannot remove stale VMAC {}: {}", owned.name, status.error().message);
    } else {
      log_warning("removed stale VMAC {} (on {})", owned.name, owned.parent);
    }
  }
  record.remove();
}

}  // namespace vrrp::daemon
