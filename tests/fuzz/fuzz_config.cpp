// libFuzzer target: the configuration parser on arbitrary text. The input is
//   MAIN [ '\0' INCLUDED ]
// MAIN is /etc/vrrpd/keepalived.conf; the bytes after the first NUL, if any, are
// /etc/vrrpd/included.conf, which MAIN can reach with `include included.conf` (or a glob such as
// `include *.conf`, which also matches MAIN itself: an include loop the parser must refuse).
// parse_config throws ConfigError by design (vrrp/config_parser.hpp); that is an outcome, not a
// finding. Any other exception escapes and libFuzzer reports it as a crash, as it does a
// sanitizer report or a runaway allocation (-rss_limit_mb, -malloc_limit_mb).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vrrp/config_error.hpp"
#include "vrrp/config_parser.hpp"
#include "vrrp/file_source.hpp"

namespace {

constexpr const char* kMainPath = "/etc/vrrpd/keepalived.conf";
constexpr const char* kIncludedPath = "/etc/vrrpd/included.conf";

// fnmatch(3)-like match of '*' and '?' (never across '/'), linear in practice: the classic
// backtrack-to-the-last-star loop, so a pattern of many stars cannot make the harness slow.
// '[' and braces are taken literally: the FileSource's glob fidelity is not under test here.
bool wildcard_match(std::string_view pattern, std::string_view path) {
  std::size_t p = 0, s = 0, star = std::string_view::npos, resume = 0;
  while (s < path.size()) {
    if (p < pattern.size() && (pattern[p] == path[s] || (pattern[p] == '?' && path[s] != '/'))) {
      ++p;
      ++s;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      resume = s;
    } else if (star != std::string_view::npos && path[resume] != '/') {
      p = star + 1;
      s = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*')
    ++p;
  return p == pattern.size();
}

class InputFiles : public vrrp::FileSource {
 public:
  std::map<std::string, std::string> files;

  std::optional<std::string> read(const std::string& path) override {
    auto it = files.find(path);
    if (it == files.end()) return std::nullopt;
    return it->second;
  }

  std::vector<std::string> glob(const std::string& pattern) override {
    std::vector<std::string> out;
    for (const auto& [path, text] : files) {  // std::map: sorted, as glob(3) sorts
      if (wildcard_match(pattern, path)) out.push_back(path);
    }
    return out;
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  InputFiles files;
  const std::size_t nul = input.find('\0');
  files.files[kMainPath] = std::string(input.substr(0, nul));
  if (nul != std::string_view::npos)
    files.files[kIncludedPath] = std::string(input.substr(nul + 1));

  vrrp::ParseOptions options;
  options.config_id = "node1";  // so `@node1` lines are kept and `@^node1` lines dropped
  try {
    const vrrp::Config config = vrrp::parse_config(kMainPath, files, options);
    // A configuration that parsed must be usable: touch what the daemon reads first.
    for (const auto& warning : config.warnings)
      (void)warning.to_string();
  } catch (const vrrp::ConfigError& error) {
    // Refused, as designed. The message is what the user sees: it must name the file.
    const std::string_view what = error.what();
    if (!what.starts_with("/etc/vrrpd/")) {
      std::fprintf(stderr, "fuzz_config: a ConfigError that names no file: %s\n", error.what());
      std::abort();
    }
  }
  return 0;
}
