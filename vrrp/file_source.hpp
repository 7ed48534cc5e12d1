// How the configuration parser reads files: a narrow interface so the pure core does no I/O.
// The daemon passes the real file system (vrrp/daemon/file_source.hpp); tests pass a fake.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace vrrp {

class FileSource {
 public:
  virtual ~FileSource() = default;

  // The whole contents of the file, or nullopt if it cannot be opened or read.
  virtual std::optional<std::string> read(const std::string& path) = 0;

  // The paths matching a glob(7) pattern (csh braces allowed), sorted as glob(3) sorts them;
  // empty when nothing matches. A pattern without wildcards matches only an existing path.
  virtual std::vector<std::string> glob(const std::string& pattern) = 0;
};

}  // namespace vrrp
