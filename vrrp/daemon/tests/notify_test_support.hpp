// Helpers shared by the notifier tests: scratch files the scripts write to, and a notify line.
#pragma once

#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>

#include "vrrp/config.hpp"

namespace vrrp::daemon::testing {

// A new empty file under /tmp named after `stem`; its path.
inline std::string temp_file(const char* stem) {
  std::string pattern = std::string("/tmp/") + stem + "-XXXXXX";
  const int fd = ::mkstemp(pattern.data());
  REQUIRE(fd >= 0);
  ::close(fd);
  return pattern;
}

inline std::string file_contents(const std::string& path) {
  std::ifstream in(path);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline NotifyScript notify_script(std::string command) {
  NotifyScript s;
  s.command = std::move(command);
  return s;
}

}  // namespace vrrp::daemon::testing
