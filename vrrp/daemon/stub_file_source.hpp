// TEMPORARY: the real FileSource is the config work's vrrp/daemon/file_source.hpp.
#pragma once
#include <glob.h>
#include <fstream>
#include <sstream>
#include "vrrp/file_source.hpp"
namespace vrrp::daemon {
class SystemFileSource : public FileSource {
 public:
  std::optional<std::string> read(const std::string& path) override {
    std::ifstream in(path);
    if (!in) return std::nullopt;
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }
  std::vector<std::string> glob(const std::string& pattern) override {
    glob_t g{};
    std::vector<std::string> out;
    if (::glob(pattern.c_str(), GLOB_BRACE, nullptr, &g) == 0)
      for (size_t i = 0; i < g.gl_pathc; ++i)
        out.push_back(g.gl_pathv[i]);
    globfree(&g);
    return out;
  }
};
}  // namespace vrrp::daemon
