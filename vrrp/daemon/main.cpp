// vrrpd: parse the command line, check the configuration, go to the background, take back what
// a crashed run left, then run the instances until SIGTERM. Exit statuses: exit_codes.hpp.
#include <signal.h>

#include <cstdio>
#include <exception>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "netlink/netlink.hpp"
#include "vrrp/config_error.hpp"
#include "vrrp/config_parser.hpp"
#include "vrrp/daemon/crash_recovery.hpp"
#include "vrrp/daemon/daemon.hpp"
#include "vrrp/daemon/daemonize.hpp"
#include "vrrp/daemon/exit_codes.hpp"
#include "vrrp/daemon/file_source.hpp"
#include "vrrp/daemon/instance_config.hpp"
#include "vrrp/daemon/log.hpp"
#include "vrrp/daemon/options.hpp"
#include "vrrp/daemon/pid_file.hpp"
#include "vrrp/daemon/state_record.hpp"

namespace vrrp::daemon {
namespace {

int code(ExitCode c) {
  return static_cast<int>(c);
}

// A start-up message the user must see: on stderr whatever the log target, and in syslog too
// when that is the log target.
void report(const Options& options, std::string_view message) {
  if (options.log_console || options.action == Options::Action::config_test) {
    log_message(LogLevel::error, message);  // the console already
    return;
  }
  std::fprintf(stderr, "%.*s\n", static_cast<int>(message.size()), message.data());
  log_message(LogLevel::error, message);
}

// Reads and checks the configuration without touching the network, at start-up and for every
// SIGHUP. Throws ConfigError, or std::runtime_error.
Config read_config(const Options& options) {
  SystemFileSource files;
  Config config =
      parse_config(options.config_file, files, ParseOptions{effective_config_id(options)});
  assign_vip_devices(config.instances);  // VMAC name clashes are configuration errors too
  return config;
}

// Returns the exit status to leave with, or nothing when the daemon may run.
std::optional<int> load_config(const Options& options, Config& config) {
  try {
    config = read_config(options);
  } catch (const ConfigError& e) {
    report(options, e.what());
    return code(ExitCode::config);
  } catch (const std::runtime_error& e) {
    report(options, e.what());
    return code(ExitCode::config);
  }
  for (const auto& warning : config.warnings)
    report(options, warning.to_string());
  if (options.action == Options::Action::config_test) {
    return code(config.warnings.empty() ? ExitCode::ok : ExitCode::config_warnings);
  }
  if (config.instances.empty()) report(options, "no vrrp_instance configured: nothing to do");
  return std::nullopt;
}

// Everything after the configuration was accepted. `detached` reports the start-up's outcome
// to the waiting parent when the daemon went to the background.
int run_daemon(const Options& options, Config config, Detached& detached) {
  try {
    StateRecord record(options.state_dir);
    StateDirLock lock(options.state_dir);
    PidFile pid_file(options.pid_file);
    std::optional<PidFile> vrrp_pid_file;
    if (!options.vrrp_pid_file.empty()) vrrp_pid_file.emplace(options.vrrp_pid_file);

    netlink::Netlink netlink;
    // Before anything else touches the network: what an earlier run left is taken back, so
    // this node holds no VIP while the group elects (issue 3).
    recover_owned_resources(record, netlink);

    // SIGHUP reads the file again with the same options (the path made absolute before the
    // daemon left its working directory).
    Daemon daemon(std::move(config), netlink, record, [&options] { return read_config(options); });
    daemon.start();
    detached.report(0);
    daemon.run();
    return code(ExitCode::ok);
  } catch (const std::exception& e) {
    // In the foreground the terminal is still the user's: say it there too, not only in
    // syslog. In the background the waiting parent says that start-up failed.
    if (options.dont_fork) {
      report(options, e.what());
    } else {
      log_error("{}", e.what());
    }
    detached.report(static_cast<std::uint8_t>(ExitCode::fatal));
    return code(ExitCode::fatal);
  }
}

int vrrpd_main(int argc, char** argv) {
  const std::vector<std::string_view> args(argv + 1, argv + argc);
  auto parsed = parse_options(args);
  if (auto* error = std::get_if<OptionsError>(&parsed)) {
    std::fprintf(stderr, "vrrpd: %s\nTry 'vrrpd --help' for more information.\n",
                 error->message.c_str());
    return code(ExitCode::usage);
  }
  const Options& options = std::get<Options>(parsed);
  switch (options.action) {
    case Options::Action::help:
      std::fputs(usage_text("vrrpd").c_str(), stdout);
      return code(ExitCode::ok);
    case Options::Action::version:
      std::printf("vrrpd %s\n", VRRPD_VERSION);
      return code(ExitCode::ok);
    case Options::Action::run:
    case Options::Action::config_test:
      break;
  }

  configure_logging(
      LogSettings{.console = options.log_console || options.action == Options::Action::config_test,
                  .facility = options.log_facility,
                  .detail = options.log_detail});
  Config config;
  if (auto exit_code = load_config(options, config)) return *exit_code;

  // A peer that closes a socket must not kill the daemon; errors come back from the call.
  ::signal(SIGPIPE, SIG_IGN);
  // A reload reads the file again once the daemon has gone to "/": a relative path is made
  // absolute now.
  Options run_options = options;
  std::error_code ignored;
  if (auto absolute = std::filesystem::absolute(options.config_file, ignored); !ignored) {
    run_options.config_file = absolute.lexically_normal().string();
  }
  Detached detached;
  if (!options.dont_fork) detached = Detached::detach(/*keep_stderr=*/options.log_console);
  return run_daemon(run_options, std::move(config), detached);
}

}  // namespace
}  // namespace vrrp::daemon

int main(int argc, char** argv) {
  try {
    return vrrp::daemon::vrrpd_main(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "vrrpd: internal error: %s\n", e.what());
    return static_cast<int>(vrrp::daemon::ExitCode::internal);
  }
}
