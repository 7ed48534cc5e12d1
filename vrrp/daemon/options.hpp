// vrrpd's command line: keepalived's flags (so a unit file or script written for keepalived
// works with the binary renamed) plus vrrpd's own long options. Parsing is pure: the tests
// drive it with argument lists.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <variant>

namespace vrrp::daemon {

inline constexpr std::string_view kDefaultConfigFile = "/etc/vrrpd/vrrpd.conf";
inline constexpr std::string_view kDefaultPidFile = "/run/vrrpd.pid";
inline constexpr std::string_view kDefaultStateDir = "/run/vrrpd";

struct Options {
  enum class Action { run, config_test, help, version };
  Action action = Action::run;

  std::string config_file{kDefaultConfigFile};  // -f, --use-file
  bool dont_fork = false;                       // -n, --dont-fork
  bool log_console = false;                     // -l, --log-console
  bool log_detail = false;                      // -D, --log-detail
  int log_facility = 3 << 3;                    // -S, --log-facility (LOG_DAEMON)
  std::string pid_file{kDefaultPidFile};        // -p, --pid
  std::string vrrp_pid_file;                    // -r, --vrrp_pid: one process here, same pid
  std::string config_id;                        // -i, --config-id: empty = the host's name
  std::string state_dir{kDefaultStateDir};      // --state-dir (vrrpd's own)
};

struct OptionsError {
  std::string message;
};

// `args` excludes the program name.
std::variant<Options, OptionsError> parse_options(std::span<const std::string_view> args);

// What the configuration's `@id` lines are compared with: -i's value, else (as keepalived
// does) the host's node name up to its first '.'.
std::string effective_config_id(const Options& options);

// The text of --help.
std::string usage_text(std::string_view program);

// syslog facility from keepalived's -S forms: 0-7 (local0-7), local0-local7, user, daemon.
std::variant<int, OptionsError> parse_log_facility(std::string_view text);

}  // namespace vrrp::daemon
