#include "vrrp/daemon/log.hpp"

#include <syslog.h>
#include <unistd.h>

namespace vrrp::daemon {

namespace {

LogSettings g_settings{.console = true};  // until configured: stderr, so early errors show
bool g_syslog_open = false;

int syslog_priority(LogLevel level) {
  switch (level) {
    case LogLevel::error:
      return LOG_ERR;
    case LogLevel::warning:
      return LOG_WARNING;
    case LogLevel::notice:
      return LOG_NOTICE;
    case LogLevel::info:
      return LOG_INFO;
    case LogLevel::debug:
      return LOG_DEBUG;
  }
  return LOG_INFO;
}

}  // namespace

void configure_logging(const LogSettings& settings) {
  g_settings = settings;
  if (g_syslog_open) {
    ::closelog();
    g_syslog_open = false;
  }
  if (!g_settings.console) {
    ::openlog(g_settings.ident.c_str(), LOG_PID | LOG_NDELAY, g_settings.facility);
    g_syslog_open = true;
  }
}

bool debug_enabled() {
  return g_settings.detail;
}

void log_message(LogLevel level, std::string_view message) {
  if (level == LogLevel::debug && !g_settings.detail) return;
  if (g_settings.console) {
    // One write per line, so lines from the daemon never interleave mid-line.
    std::string line(message);
    line.push_back('\n');
    [[maybe_unused]] auto n = ::write(STDERR_FILENO, line.data(), line.size());
  } else {
    ::syslog(syslog_priority(level), "%.*s", static_cast<int>(message.size()), message.data());
  }
}

}  // namespace vrrp::daemon
