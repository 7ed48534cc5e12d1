// Kernel address lifetimes as a dead-man switch (issue 8): an Active binds each VIP with a
// finite valid lifetime and renews it from the event loop, so a VIP does not outlive a daemon
// that died or hangs. This file holds the policy (how long, how often); the daemon does the
// binding. The reasoning behind the numbers is in vrrpd.conf(5), vip_lifetime.
#pragma once

#include <chrono>

#include "vrrp/time.hpp"

namespace vrrp {

// `vip_lifetime 0`: the VIPs are bound forever, as keepalived binds them.
inline constexpr std::chrono::seconds kVipLifetimeForever{0};
// The kernel counts lifetimes in whole seconds and deletes an expired address up to ~0.35 s
// late (measured on Linux 6.18, IPv4 and IPv6): below 2 s a renewal every third of the
// lifetime leaves too little room for one late event loop round.
inline constexpr std::chrono::seconds kMinVipLifetime{2};
inline constexpr std::chrono::seconds kMaxVipLifetime{86400};
// The floor of the automatic default, for sub-second advert intervals.
inline constexpr std::chrono::seconds kMinDefaultVipLifetime{3};

// The lifetime when neither the instance (vip_lifetime) nor global_defs (vrrp_vip_lifetime)
// sets one: 6 x the advert interval, rounded up to a second, at least 3 s. With renewals
// every third of it, a dead Active's VIP disappears between 4 and 6 advert intervals after
// its last renewal, so it stays until a Backup takes over (after 3-4 intervals,
// Active_Down_Interval, RFC 9568 §6.1) and is gone at most ~3 intervals after that.
std::chrono::seconds default_vip_lifetime(Centiseconds advert_interval);

// How often an Active renews a finite lifetime: a third of it, so two renewals in a row can
// be late or fail before the kernel removes anything. Zero for a forever lifetime.
Duration vip_renewal_period(std::chrono::seconds lifetime);

}  // namespace vrrp
