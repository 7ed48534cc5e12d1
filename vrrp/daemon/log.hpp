// Where the daemon's log lines go: stderr with -l (one line per message, nothing added, so the
// namespace tests and users can grep the exact text), else syslog (facility daemon unless -S).
// One process-wide sink: every part of the daemon logs to the same place.
#pragma once

#include <fmt/format.h>

#include <string>
#include <string_view>
#include <utility>

namespace vrrp::daemon {

enum class LogLevel { error, warning, notice, info, debug };

struct LogSettings {
  bool console = false;   // -l: stderr; otherwise syslog
  int facility = 3 << 3;  // LOG_DAEMON
  bool detail = false;    // -D: also debug lines
  std::string ident = "vrrpd";
};

void configure_logging(const LogSettings& settings);
bool debug_enabled();
void log_message(LogLevel level, std::string_view message);

template <typename... Args>
void log_error(fmt::format_string<Args...> format, Args&&... args) {
  log_message(LogLevel::error, fmt::format(format, std::forward<Args>(args)...));
}
template <typename... Args>
void log_warning(fmt::format_string<Args...> format, Args&&... args) {
  log_message(LogLevel::warning, fmt::format(format, std::forward<Args>(args)...));
}
template <typename... Args>
void log_notice(fmt::format_string<Args...> format, Args&&... args) {
  log_message(LogLevel::notice, fmt::format(format, std::forward<Args>(args)...));
}
template <typename... Args>
void log_info(fmt::format_string<Args...> format, Args&&... args) {
  log_message(LogLevel::info, fmt::format(format, std::forward<Args>(args)...));
}
template <typename... Args>
void log_debug(fmt::format_string<Args...> format, Args&&... args) {
  if (debug_enabled())
    log_message(LogLevel::debug, fmt::format(format, std::forward<Args>(args)...));
}

}  // namespace vrrp::daemon
