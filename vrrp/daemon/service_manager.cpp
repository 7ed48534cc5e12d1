#include "vrrp/daemon/service_manager.hpp"

#include <systemd/sd-daemon.h>
#include <time.h>

#include <array>
#include <chrono>
#include <cstdint>
#include <cstdlib>

#include <fmt/format.h>

namespace vrrp::daemon {

namespace {

// A STATUS= value is one line: a newline would start another assignment.
std::string one_line(std::string_view text) {
  std::string line(text);
  for (char& c : line) {
    if (c == '\n' || c == '\r') c = ' ';
  }
  return line;
}

}  // namespace

ServiceManager::ServiceManager() {
  const char* socket = std::getenv("NOTIFY_SOCKET");
  enabled_ = socket != nullptr && *socket != '\0';
  if (!enabled_) return;
  std::uint64_t usec = 0;
  // > 0: WATCHDOG_USEC is set and WATCHDOG_PID, if set, is getpid(). 0: no watchdog for us.
  if (::sd_watchdog_enabled(/*unset_environment=*/0, &usec) > 0 && usec > 0) {
    watchdog_interval_ = std::chrono::microseconds(usec);
  }
}

bool ServiceManager::send(const std::string& message) {
  if (!enabled_) return false;
  // > 0: sent; 0: NOTIFY_SOCKET unset; < 0: -errno. A lost message is not worth more than
  // that: systemd times the start out (TimeoutStartSec=) or restarts us (WatchdogSec=).
  return ::sd_notify(/*unset_environment=*/0, message.c_str()) > 0;
}

bool ServiceManager::ready(std::string_view status) {
  return send(fmt::format("READY=1\nSTATUS={}", one_line(status)));
}

bool ServiceManager::reloading() {
  // systemd 253's Type=notify-reload matches the reload to this timestamp; older ones ignore it.
  timespec ts{};
  ::clock_gettime(CLOCK_MONOTONIC, &ts);
  const auto usec = static_cast<std::uint64_t>(ts.tv_sec) * 1000000u +
                    static_cast<std::uint64_t>(ts.tv_nsec) / 1000u;
  return send(fmt::format("RELOADING=1\nMONOTONIC_USEC={}", usec));
}

bool ServiceManager::stopping() {
  return send("STOPPING=1\nSTATUS=stopping: resigning (priority 0) and removing the VIPs");
}

bool ServiceManager::status(std::string_view text) {
  return send(fmt::format("STATUS={}", one_line(text)));
}

bool ServiceManager::watchdog_ping() {
  return send("WATCHDOG=1");
}

std::string status_summary(std::span<const std::pair<std::string, State>> instances) {
  std::string line =
      fmt::format("{} instance{}", instances.size(), instances.size() == 1 ? "" : "s");
  if (instances.empty()) return line;
  line += ": ";
  if (instances.size() <= kNamedInstances) {
    for (std::size_t i = 0; i < instances.size(); ++i) {
      if (i > 0) line += ", ";
      line += fmt::format("{} {}", instances[i].first, to_string(instances[i].second));
    }
    return line;
  }
  std::array<std::size_t, 4> counts{};
  for (const auto& entry : instances)
    ++counts[static_cast<std::size_t>(entry.second)];
  // The states that matter most first: Active, Backup, Fault, Initialize.
  bool first = true;
  for (State state : {State::active, State::backup, State::fault, State::initialize}) {
    const std::size_t n = counts[static_cast<std::size_t>(state)];
    if (n == 0) continue;
    line += fmt::format("{}{} {}", first ? "" : ", ", n, to_string(state));
    first = false;
  }
  return line;
}

}  // namespace vrrp::daemon
