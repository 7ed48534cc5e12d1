// vrrpdump's command line. `--help` is the list man/vrrpdump.8's OPTIONS must match
// (tests/man checks both ways).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace vrrp::dump {

// Exit statuses, documented in man/vrrpdump.8 EXIT STATUS (tests/man reads this enum).
enum class ExitCode : int {
  ok = 0,       // the capture ended (end of file, -c reached, SIGINT/SIGTERM); -h, --version
  usage = 1,    // a bad command line
  capture = 2,  // the interface or file cannot be opened, the filter cannot be set, a read
                // error, or a link type vrrpdump cannot decode
};

enum class OutputMode : std::uint8_t { line, verbose, json };

struct Options {
  std::optional<std::string> interface;  // -i
  std::optional<std::string> file;       // -r
  OutputMode mode = OutputMode::line;
  bool summary = false;
  std::optional<std::uint64_t> count;  // -c: stop after this many VRRP packets
  bool help = false;
  bool version = false;
};

struct UsageError {
  std::string message;
};

std::variant<Options, UsageError> parse_options(const std::vector<std::string_view>& args);

// The --help text (ends with a newline).
std::string help_text();

// The BPF filter used on captures: VRRP over IPv4 and IPv6.
inline constexpr std::string_view kCaptureFilter = "ip proto 112 or ip6 proto 112";

}  // namespace vrrp::dump
