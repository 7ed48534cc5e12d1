// The configuration parser's FileSource on the real file system: whole files through
// std::ifstream, patterns through glob(3) with csh braces, as keepalived expands its includes.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "vrrp/file_source.hpp"

namespace vrrp::daemon {

class SystemFileSource : public FileSource {
 public:
  // nullopt for a file that is missing, unreadable, or not a regular file (a directory that a
  // glob matched, for instance).
  std::optional<std::string> read(const std::string& path) override;
  std::vector<std::string> glob(const std::string& pattern) override;
};

}  // namespace vrrp::daemon
