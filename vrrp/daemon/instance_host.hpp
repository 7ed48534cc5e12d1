// What an instance asks of the machine it runs on: the narrow interface between the per-instance
// glue and the kernel (STYLE.md §5). The daemon implements it with raw sockets, netlink and
// packet sockets; unit tests implement it with a recorder.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <string>

#include "vrrp/actions.hpp"
#include "vrrp/config.hpp"
#include "vrrp/ip_address.hpp"
#include "vrrp/state.hpp"

namespace vrrp::daemon {

class Instance;

class InstanceHost {
 public:
  virtual ~InstanceHost() = default;

  // Sends one encoded advert out of interface `ifindex` (the VMAC, or the instance's interface)
  // from `source` to `destination`. Returns 0 or the errno of the failure.
  virtual int send_advert(Family family, int ifindex, std::span<const std::uint8_t> message,
                          const IpAddress& source, const IpAddress& destination) = 0;

  // Binds a VIP on `device`, recording it as ours for crash recovery first. Idempotent.
  // `lifetime` is the kernel's valid and preferred lifetime (issue 8), 0 for forever; binding
  // an address that is there already renews it in place. Returns the reason on failure.
  virtual std::optional<std::string> add_address(const std::string& device,
                                                 const VirtualAddress& vip,
                                                 std::chrono::seconds lifetime) = 0;
  // Installs a virtual_routes entry on `device` (empty: the route names none, or has none),
  // recording it as ours first; `lifetime` (issue 8) becomes the expiry of an IPv6 route, and
  // adding it again renews that. IPv4 routes have no expiry. Idempotent.
  virtual std::optional<std::string> add_route(const std::string& /*device*/,
                                               const VirtualRoute& /*route*/,
                                               std::chrono::seconds /*lifetime*/) {
    return std::nullopt;
  }
  // Removes it and drops it from the record. Idempotent.
  virtual std::optional<std::string> remove_route(const std::string& /*device*/,
                                                  const VirtualRoute& /*route*/) {
    return std::nullopt;
  }
  // Unbinds it and drops it from the record. Idempotent.
  virtual std::optional<std::string> remove_address(const std::string& device,
                                                    const IpPrefix& prefix) = 0;

  // `count` gratuitous ARPs (IPv4) or unsolicited Neighbor Advertisements (IPv6) for each of
  // `addresses`, out of `device` with its MAC (the VMAC with use_vmac).
  virtual void announce(const std::string& device, std::span<const IpAddress> addresses,
                        std::uint32_t count) = 0;

  // The instance entered `to` (Initialize after a stop) with local priority `priority`: the
  // notify scripts and the notify FIFO. Called in the order of the transitions.
  virtual void state_changed(const InstanceConfig& /*instance*/, State /*to*/,
                             std::uint8_t /*priority*/) {}

  // The instance has handled a batch of events (its actions are done): `changes` are its state
  // changes in it, in order, maybe none. Its sync group (vrrp/daemon/sync_groups.hpp) looks at
  // them, at its own fault and at its wish for Active, and may move this or other instances;
  // the instance is ready to be called again.
  virtual void after_events(Instance& /*instance*/, std::span<const StateChanged> /*changes*/) {}
};

}  // namespace vrrp::daemon
