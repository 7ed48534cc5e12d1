#include "vrrp/daemon/options.hpp"

#include <sys/utsname.h>
#include <syslog.h>

#include <array>
#include <optional>

#include <fmt/format.h>

namespace vrrp::daemon {

namespace {

enum class Opt {
  use_file,
  dont_fork,
  log_console,
  log_detail,
  log_facility,
  pid,
  vrrp_pid,
  config_id,
  vrrp,
  config_test,
  version,
  help,
  state_dir
};

struct OptionSpec {
  Opt opt;
  char short_name;  // 0: long only
  std::string_view long_name;
  bool takes_argument;
};

// keepalived's spellings, including its underscore in --vrrp_pid.
constexpr std::array kSpecs{
    OptionSpec{Opt::use_file, 'f', "use-file", true},
    OptionSpec{Opt::dont_fork, 'n', "dont-fork", false},
    OptionSpec{Opt::log_console, 'l', "log-console", false},
    OptionSpec{Opt::log_detail, 'D', "log-detail", false},
    OptionSpec{Opt::log_facility, 'S', "log-facility", true},
    OptionSpec{Opt::pid, 'p', "pid", true},
    OptionSpec{Opt::vrrp_pid, 'r', "vrrp_pid", true},
    OptionSpec{Opt::config_id, 'i', "config-id", true},
    OptionSpec{Opt::vrrp, 'P', "vrrp", false},
    OptionSpec{Opt::config_test, 't', "config-test", false},
    OptionSpec{Opt::version, 'v', "version", false},
    OptionSpec{Opt::help, 'h', "help", false},
    OptionSpec{Opt::state_dir, 0, "state-dir", true},
};

const OptionSpec* find_short(char c) {
  for (const auto& s : kSpecs)
    if (s.short_name == c) return &s;
  return nullptr;
}

const OptionSpec* find_long(std::string_view name) {
  for (const auto& s : kSpecs)
    if (s.long_name == name) return &s;
  return nullptr;
}

std::optional<OptionsError> apply(Options& o, Opt opt, std::string_view value) {
  auto non_empty = [&](std::string_view what) -> std::optional<OptionsError> {
    if (value.empty()) return OptionsError{fmt::format("{} must not be empty", what)};
    return std::nullopt;
  };
  switch (opt) {
    case Opt::use_file:
      if (auto e = non_empty("the config file")) return e;
      o.config_file = value;
      break;
    case Opt::dont_fork:
      o.dont_fork = true;
      break;
    case Opt::log_console:
      o.log_console = true;
      break;
    case Opt::log_detail:
      o.log_detail = true;
      break;
    case Opt::log_facility: {
      auto f = parse_log_facility(value);
      if (auto* e = std::get_if<OptionsError>(&f)) return *e;
      o.log_facility = std::get<int>(f);
      break;
    }
    case Opt::pid:
      if (auto e = non_empty("the pid file")) return e;
      o.pid_file = value;
      break;
    case Opt::vrrp_pid:
      if (auto e = non_empty("the VRRP pid file")) return e;
      o.vrrp_pid_file = value;
      break;
    case Opt::config_id:
      if (auto e = non_empty("the config id")) return e;
      o.config_id = value;
      break;
    case Opt::vrrp:
      break;  // keepalived: run only the VRRP subsystem, which is all vrrpd does
    case Opt::config_test:
      if (o.action == Options::Action::run) o.action = Options::Action::config_test;
      break;
    case Opt::version:
      o.action = Options::Action::version;
      break;
    case Opt::help:
      o.action = Options::Action::help;
      break;
    case Opt::state_dir:
      if (auto e = non_empty("the state directory")) return e;
      o.state_dir = value;
      break;
  }
  return std::nullopt;
}

}  // namespace

std::variant<int, OptionsError> parse_log_facility(std::string_view text) {
  static constexpr std::array kLocal{LOG_LOCAL0, LOG_LOCAL1, LOG_LOCAL2, LOG_LOCAL3,
                                     LOG_LOCAL4, LOG_LOCAL5, LOG_LOCAL6, LOG_LOCAL7};
  std::string_view digits = text;
  if (digits.starts_with("local")) digits.remove_prefix(5);
  if (digits.size() == 1 && digits[0] >= '0' && digits[0] <= '7') return kLocal[digits[0] - '0'];
  if (text == "user") return LOG_USER;
  if (text == "daemon") return LOG_DAEMON;
  return OptionsError{
      fmt::format("invalid log facility '{}': expected 0-7, local0-local7, user or daemon", text)};
}

std::string effective_config_id(const Options& options) {
  if (!options.config_id.empty()) return options.config_id;
  // keepalived 2.2.7 (checked with its -t): the node name up to the first '.', so @nodeA
  // matches on nodeA.example.com.
  struct utsname name {};
  if (::uname(&name) != 0) return {};
  std::string node = name.nodename;
  return node.substr(0, node.find('.'));
}

std::variant<Options, OptionsError> parse_options(std::span<const std::string_view> args) {
  Options options;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string_view arg = args[i];
    auto next_value = [&]() -> std::optional<std::string_view> {
      if (i + 1 >= args.size()) return std::nullopt;
      return args[++i];
    };

    if (arg.starts_with("--") && arg.size() > 2) {
      std::string_view name = arg.substr(2);
      std::optional<std::string_view> inline_value;
      if (auto eq = name.find('='); eq != std::string_view::npos) {
        inline_value = name.substr(eq + 1);
        name = name.substr(0, eq);
      }
      const OptionSpec* spec = find_long(name);
      if (!spec) return OptionsError{fmt::format("unknown option '--{}'", name)};
      std::string_view value;
      if (spec->takes_argument) {
        auto v = inline_value ? inline_value : next_value();
        if (!v) return OptionsError{fmt::format("option '--{}' needs an argument", name)};
        value = *v;
      } else if (inline_value) {
        return OptionsError{fmt::format("option '--{}' takes no argument", name)};
      }
      if (auto e = apply(options, spec->opt, value)) return *e;
      continue;
    }

    if (arg.starts_with('-') && arg.size() > 1 && arg != "--") {
      // A cluster of short flags ("-nlD"); one that takes an argument ends the cluster and takes
      // the rest of it ("-fFILE") or the next word ("-f FILE").
      for (std::size_t j = 1; j < arg.size(); ++j) {
        const OptionSpec* spec = find_short(arg[j]);
        if (!spec) return OptionsError{fmt::format("unknown option '-{}'", arg[j])};
        std::string_view value;
        if (spec->takes_argument) {
          if (j + 1 < arg.size()) {
            value = arg.substr(j + 1);
          } else {
            auto v = next_value();
            if (!v) return OptionsError{fmt::format("option '-{}' needs an argument", arg[j])};
            value = *v;
          }
          j = arg.size();
        }
        if (auto e = apply(options, spec->opt, value)) return *e;
      }
      continue;
    }

    return OptionsError{fmt::format("unexpected argument '{}'", arg)};
  }
  return options;
}

std::string usage_text(std::string_view program) {
  return fmt::format(
      "Usage: {} [OPTION]...\n"
      "VRRP daemon (RFC 9568 VRRPv3, RFC 3768 VRRPv2) reading keepalived.conf syntax.\n"
      "\n"
      "  -f, --use-file=FILE      configuration file (default {})\n"
      "  -n, --dont-fork          stay in the foreground\n"
      "  -l, --log-console        log to stderr instead of syslog\n"
      "  -D, --log-detail         log more detail (debug lines)\n"
      "  -S, --log-facility=F     syslog facility: 0-7 (local0-7), local0-7, user, daemon\n"
      "                           (default daemon)\n"
      "  -p, --pid=FILE           pid file (default {})\n"
      "  -r, --vrrp_pid=FILE      also write the pid here (keepalived's VRRP child pid file)\n"
      "  -i, --config-id=ID       keep `@ID` lines, drop `@^ID` lines (default: the host name\n"
      "                           up to its first '.')\n"
      "  -P, --vrrp               accepted for keepalived compatibility (VRRP is all vrrpd does)\n"
      "  -t, --config-test        check the configuration and exit\n"
      "      --state-dir=DIR      where vrrpd records what it owns (default {})\n"
      "  -v, --version            print the version and exit\n"
      "  -h, --help               print this help and exit\n",
      program, kDefaultConfigFile, kDefaultPidFile, kDefaultStateDir);
}

}  // namespace vrrp::daemon
