#include "vrrp/daemon/file_source.hpp"

#include <glob.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <system_error>

namespace vrrp::daemon {

std::optional<std::string> SystemFileSource::read(const std::string& path) {
  std::error_code ec;
  // Follows symlinks: /etc/vrrpd/conf.d entries are often links into a package's files.
  if (!std::filesystem::is_regular_file(path, ec)) return std::nullopt;
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return std::nullopt;
  return text;
}

std::vector<std::string> SystemFileSource::glob(const std::string& pattern) {
  // GLOB_BRACE: keepalived.conf(5) allows "{foo/{,cat,dog},bar}". The result is sorted, so the
  // files of one include are read in a stable order.
  glob_t matches{};
  std::vector<std::string> out;
  if (::glob(pattern.c_str(), GLOB_BRACE, nullptr, &matches) == 0) {
    out.reserve(matches.gl_pathc);
    for (std::size_t i = 0; i < matches.gl_pathc; ++i)
      out.emplace_back(matches.gl_pathv[i]);
  }
  ::globfree(&matches);
  return out;
}

}  // namespace vrrp::daemon
