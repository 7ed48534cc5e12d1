#include "tools/vrrpdump/options.hpp"

#include <charconv>

namespace vrrp::dump {
namespace {

std::optional<std::uint64_t> parse_count(std::string_view text) {
  std::uint64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value == 0) return std::nullopt;
  return value;
}

}  // namespace

std::variant<Options, UsageError> parse_options(const std::vector<std::string_view>& args) {
  Options o;
  for (std::size_t i = 0; i < args.size(); ++i) {
    std::string_view arg = args[i];
    std::optional<std::string_view> inline_value;
    if (arg.starts_with("--")) {
      if (const auto eq = arg.find('='); eq != std::string_view::npos) {
        inline_value = arg.substr(eq + 1);
        arg = arg.substr(0, eq);
      }
    } else if (arg.size() > 2 && arg[0] == '-' && arg[1] != '-') {
      inline_value = arg.substr(2);  // -ieth0
      arg = arg.substr(0, 2);
    }
    const auto value = [&]() -> std::optional<std::string_view> {
      if (inline_value) return inline_value;
      if (i + 1 < args.size()) return args[++i];
      return std::nullopt;
    };
    const auto flag_only = [&]() { return !inline_value.has_value(); };
    if (arg == "-i" || arg == "--interface") {
      const auto v = value();
      if (!v || v->empty()) return UsageError{"option " + std::string(arg) + " needs an interface"};
      o.interface = std::string(*v);
    } else if (arg == "-r" || arg == "--read") {
      const auto v = value();
      if (!v || v->empty()) return UsageError{"option " + std::string(arg) + " needs a file"};
      o.file = std::string(*v);
    } else if (arg == "-c" || arg == "--count") {
      const auto v = value();
      const auto n = v ? parse_count(*v) : std::nullopt;
      if (!n) return UsageError{"option " + std::string(arg) + " needs a count of 1 or more"};
      o.count = n;
    } else if ((arg == "-v" || arg == "--verbose") && flag_only()) {
      if (o.mode == OutputMode::json) return UsageError{"-v and --json exclude each other"};
      o.mode = OutputMode::verbose;
    } else if (arg == "--json" && flag_only()) {
      if (o.mode == OutputMode::verbose) return UsageError{"-v and --json exclude each other"};
      o.mode = OutputMode::json;
    } else if (arg == "--summary" && flag_only()) {
      o.summary = true;
    } else if ((arg == "-h" || arg == "--help") && flag_only()) {
      o.help = true;
    } else if (arg == "--version" && flag_only()) {
      o.version = true;
    } else {
      return UsageError{"unknown option " + std::string(args[i])};
    }
  }
  if (o.help || o.version) return o;
  if (o.interface && o.file) return UsageError{"-i and -r exclude each other"};
  if (!o.interface && !o.file) return UsageError{"give -i INTERFACE or -r FILE"};
  if (o.summary && o.mode == OutputMode::verbose) {
    return UsageError{"--summary prints no packets: -v does not apply"};
  }
  return o;
}

std::string help_text() {
  return "usage: vrrpdump -i INTERFACE | -r FILE [-v | --json] [--summary] [-c COUNT]\n"
         "Prints the VRRP advertisements (IP protocol 112, IPv4 and IPv6) of a live capture or\n"
         "a pcap file, one line each, with the verdict vrrpd would give them.\n"
         "\n"
         "  -i, --interface INTERFACE  capture live on INTERFACE (promiscuous)\n"
         "  -r, --read FILE  read packets from the pcap or pcapng FILE ('-' for stdin)\n"
         "  -v, --verbose  print the full decode of each packet after its line\n"
         "  --json  print one JSON object per packet instead of the line\n"
         "  --summary  print, at the end, per VRID and family: the Active, transitions, gaps,\n"
         "             overlaps and split brains (with --json: one JSON object per group)\n"
         "  -c, --count COUNT  stop after COUNT VRRP packets\n"
         "  -h, --help  print this help and exit\n"
         "  --version  print the version and exit\n"
         "\n"
         "Exit status: 0 done, 1 bad command line, 2 capture error.\n";
}

}  // namespace vrrp::dump
