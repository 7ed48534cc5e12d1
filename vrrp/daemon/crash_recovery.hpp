// Start-up after a crash (SIGKILL, power loss, OOM kill): take back what an earlier run
// recorded as its own, before this run touches the network, so that no node holds a VIP it
// does not own while the group elects (issue 3).
#pragma once

#include "netlink/netlink.hpp"
#include "netlink/routes.hpp"
#include "vrrp/daemon/state_record.hpp"

namespace vrrp::daemon {

// Removes each recorded address that is still present, and each recorded macvlan that is still
// a VMAC, logs what it removed, then deletes the record. A name that now belongs to something
// else (an interface that is not a VMAC) is left alone and logged.
void recover_owned_resources(StateRecord& record, netlink::Netlink& netlink);

// The kernel's view of a recorded route, without its interface (the caller resolves that).
netlink::RouteSpec route_spec_of(const OwnedRoute& owned);

}  // namespace vrrp::daemon
