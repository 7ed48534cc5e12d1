// The daemon's side of systemd's service protocol (sd_notify(3)): READY=1 once every instance
// took its first election step, STATUS= with a one-line summary, RELOADING=1 / READY=1 around a
// reload, STOPPING=1 at shutdown, and WATCHDOG=1 from the event loop when the unit sets
// WatchdogSec=. Everything is a no-op when the daemon was not started by a service manager that
// listens (NOTIFY_SOCKET unset), so a daemon run from a shell or a test behaves as before.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "vrrp/state.hpp"
#include "vrrp/time.hpp"

namespace vrrp::daemon {

class ServiceManager {
 public:
  // Reads NOTIFY_SOCKET, WATCHDOG_USEC and WATCHDOG_PID from the environment, once: the daemon's
  // environment does not change while it runs. The variables are left in place (the scripts
  // inherit them; with NotifyAccess=main systemd ignores what anyone but the daemon sends).
  ServiceManager();

  // Whether NOTIFY_SOCKET was set. When not, every call below sends nothing and returns false.
  bool enabled() const { return enabled_; }

  // sd_watchdog_enabled(3): the unit's WatchdogSec= when WATCHDOG_USEC is set and WATCHDOG_PID
  // (if set) is this process. The daemon pings at half of it.
  std::optional<Duration> watchdog_interval() const { return watchdog_interval_; }

  // Each returns whether the message went out (false: disabled, or the socket refused it).
  bool ready(std::string_view status);  // READY=1 and STATUS=
  bool reloading();                     // RELOADING=1 with MONOTONIC_USEC (systemd >= 253 wants it)
  bool stopping();                      // STOPPING=1
  bool status(std::string_view text);   // STATUS=
  bool watchdog_ping();                 // WATCHDOG=1

 private:
  bool send(const std::string& message);

  bool enabled_ = false;
  std::optional<Duration> watchdog_interval_;
};

// The one-line STATUS= summary: "2 instances: VI_1 Active, VI_2 Backup". With more than
// kNamedInstances instances it counts per state instead ("300 instances: 150 Active, 150
// Backup"): systemctl status shows one line, and a STATUS= must fit in one datagram.
inline constexpr std::size_t kNamedInstances = 8;
std::string status_summary(std::span<const std::pair<std::string, State>> instances);

}  // namespace vrrp::daemon
