#include <sys/utsname.h>
#include <syslog.h>

#include <catch2/catch.hpp>
#include <string_view>
#include <variant>
#include <vector>

#include "vrrp/daemon/options.hpp"

using vrrp::daemon::Options;
using vrrp::daemon::OptionsError;
using vrrp::daemon::parse_options;

namespace {

Options parse_ok(std::vector<std::string_view> args) {
  auto result = parse_options(args);
  if (auto* e = std::get_if<OptionsError>(&result)) FAIL("unexpected error: " << e->message);
  return std::get<Options>(result);
}

std::string parse_error(std::vector<std::string_view> args) {
  auto result = parse_options(args);
  REQUIRE(std::holds_alternative<OptionsError>(result));
  return std::get<OptionsError>(result).message;
}

}  // namespace

TEST_CASE("CLI: no arguments gives keepalived-like defaults", "[options]") {
  const Options o = parse_ok({});
  CHECK(o.action == Options::Action::run);
  CHECK(o.config_file == "/etc/vrrpd/vrrpd.conf");
  CHECK(o.pid_file == "/run/vrrpd.pid");
  CHECK(o.state_dir == "/run/vrrpd");
  CHECK_FALSE(o.dont_fork);
  CHECK_FALSE(o.log_console);
  CHECK_FALSE(o.log_detail);
  CHECK(o.log_facility == LOG_DAEMON);
  CHECK(o.vrrp_pid_file.empty());
}

TEST_CASE("CLI: the namespace tests' command line", "[options]") {
  const Options o =
      parse_ok({"-f", "/tmp/a.conf", "-n", "-l", "-p", "/tmp/a.pid", "--state-dir", "/tmp/st"});
  CHECK(o.config_file == "/tmp/a.conf");
  CHECK(o.dont_fork);
  CHECK(o.log_console);
  CHECK(o.pid_file == "/tmp/a.pid");
  CHECK(o.state_dir == "/tmp/st");
  CHECK(o.action == Options::Action::run);
}

TEST_CASE("CLI: long forms with = and with a separate word", "[options]") {
  const Options o = parse_ok({"--use-file=/x.conf", "--pid", "/x.pid", "--dont-fork",
                              "--log-console", "--log-detail", "--state-dir=/st",
                              "--vrrp_pid=/v.pid", "--log-facility=local3", "--vrrp"});
  CHECK(o.config_file == "/x.conf");
  CHECK(o.pid_file == "/x.pid");
  CHECK(o.dont_fork);
  CHECK(o.log_console);
  CHECK(o.log_detail);
  CHECK(o.state_dir == "/st");
  CHECK(o.vrrp_pid_file == "/v.pid");
  CHECK(o.log_facility == LOG_LOCAL3);
}

TEST_CASE("CLI: clustered short flags, and an attached argument", "[options]") {
  const Options o = parse_ok({"-nlD", "-f/etc/k.conf", "-nlp", "/p"});
  CHECK(o.dont_fork);
  CHECK(o.log_console);
  CHECK(o.log_detail);
  CHECK(o.config_file == "/etc/k.conf");
  CHECK(o.pid_file == "/p");
}

TEST_CASE("CLI: -t, -v and -h select an action; help and version win over -t", "[options]") {
  CHECK(parse_ok({"-t"}).action == Options::Action::config_test);
  CHECK(parse_ok({"--config-test", "-f", "/a"}).action == Options::Action::config_test);
  CHECK(parse_ok({"-v"}).action == Options::Action::version);
  CHECK(parse_ok({"--help"}).action == Options::Action::help);
  CHECK(parse_ok({"-t", "-h"}).action == Options::Action::help);
  CHECK(parse_ok({"-h", "-t"}).action == Options::Action::help);
}

TEST_CASE("CLI: -S takes keepalived's facility forms", "[options]") {
  CHECK(parse_ok({"-S", "0"}).log_facility == LOG_LOCAL0);
  CHECK(parse_ok({"-S7"}).log_facility == LOG_LOCAL7);
  CHECK(parse_ok({"-S", "local5"}).log_facility == LOG_LOCAL5);
  CHECK(parse_ok({"-S", "user"}).log_facility == LOG_USER);
  CHECK(parse_ok({"-S", "daemon"}).log_facility == LOG_DAEMON);
  CHECK_THAT(parse_error({"-S", "8"}), Catch::Contains("invalid log facility '8'"));
  CHECK_THAT(parse_error({"-S", "local8"}), Catch::Contains("invalid log facility"));
  CHECK_THAT(parse_error({"-S", "kern"}), Catch::Contains("invalid log facility"));
}

TEST_CASE("CLI: errors name the offending option", "[options]") {
  CHECK(parse_error({"-x"}) == "unknown option '-x'");
  CHECK(parse_error({"-nx"}) == "unknown option '-x'");
  CHECK(parse_error({"--frobnicate"}) == "unknown option '--frobnicate'");
  CHECK(parse_error({"-f"}) == "option '-f' needs an argument");
  CHECK(parse_error({"--use-file"}) == "option '--use-file' needs an argument");
  CHECK(parse_error({"--state-dir"}) == "option '--state-dir' needs an argument");
  CHECK(parse_error({"--dont-fork=yes"}) == "option '--dont-fork' takes no argument");
  CHECK(parse_error({"extra"}) == "unexpected argument 'extra'");
  CHECK(parse_error({"-f", ""}) == "the config file must not be empty");
  CHECK(parse_error({"--state-dir="}) == "the state directory must not be empty");
}

TEST_CASE("CLI: --help lists every option the parser takes", "[options]") {
  const std::string help = vrrp::daemon::usage_text("vrrpd");
  for (std::string_view option : {"--use-file", "--dont-fork", "--log-console", "--log-detail",
                                  "--log-facility", "--pid", "--vrrp_pid", "--config-id", "--vrrp",
                                  "--config-test", "--state-dir", "--version", "--help"}) {
    INFO(option);
    CHECK_THAT(help, Catch::Contains(std::string(option)));
    // And each one the help names is one the parser knows.
    std::string arg(option);
    if (option == "--use-file" || option == "--log-facility" || option == "--pid" ||
        option == "--vrrp_pid" || option == "--config-id" || option == "--state-dir") {
      arg += "=local1";
    }
    CHECK(std::holds_alternative<Options>(parse_options(std::vector<std::string_view>{arg})));
  }
}

TEST_CASE("CLI: -i/--config-id sets what @id lines match (keepalived's -i)", "[options]") {
  CHECK(parse_ok({"-i", "lb1"}).config_id == "lb1");
  CHECK(parse_ok({"-ilb2"}).config_id == "lb2");
  CHECK(parse_ok({"-ni", "lb3"}).config_id == "lb3");
  CHECK(parse_ok({"--config-id=lb4"}).config_id == "lb4");
  CHECK(parse_ok({"--config-id", "lb5", "-t"}).config_id == "lb5");
  CHECK(parse_ok({}).config_id.empty());
  CHECK(parse_error({"-i"}) == "option '-i' needs an argument");
  CHECK(parse_error({"--config-id="}) == "the config id must not be empty");
}

TEST_CASE("CLI: the config id is -i's value, else the node name up to its first dot", "[options]") {
  CHECK(vrrp::daemon::effective_config_id(parse_ok({"-i", "lb1.example.com"})) ==
        "lb1.example.com");
  struct utsname name {};
  REQUIRE(::uname(&name) == 0);
  const std::string node = name.nodename;
  const std::string expected = node.substr(0, node.find('.'));
  CHECK_FALSE(expected.empty());
  CHECK(expected.find('.') == std::string::npos);
  CHECK(vrrp::daemon::effective_config_id(parse_ok({})) == expected);
}

TEST_CASE("CLI: every keepalived flag issue 4 lists is accepted", "[options]") {
  const Options o = parse_ok({"-f", "/k.conf", "-n", "-l", "-D", "-S", "local2", "-p", "/k.pid",
                              "-r", "/v.pid", "-P", "-i", "lb1"});
  CHECK(o.config_file == "/k.conf");
  CHECK(o.dont_fork);
  CHECK(o.log_console);
  CHECK(o.log_detail);
  CHECK(o.log_facility == LOG_LOCAL2);
  CHECK(o.pid_file == "/k.pid");
  CHECK(o.vrrp_pid_file == "/v.pid");
  CHECK(o.config_id == "lb1");
  CHECK(o.action == Options::Action::run);
  CHECK(parse_ok({"-t", "-f", "/k.conf"}).action == Options::Action::config_test);
  CHECK(parse_ok({"--config-test"}).action == Options::Action::config_test);
  CHECK(parse_ok({"-v"}).action == Options::Action::version);
  CHECK(parse_ok({"--version"}).action == Options::Action::version);
  CHECK(parse_ok({"-h"}).action == Options::Action::help);
  CHECK(parse_ok({"--help"}).action == Options::Action::help);
}
