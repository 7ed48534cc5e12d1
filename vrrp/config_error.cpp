#include "vrrp/config_error.hpp"

namespace vrrp {

std::string SourceLocation::to_string() const {
  if (line == 0) return file;
  return file + ":" + std::to_string(line) + ":" + std::to_string(column);
}

ConfigError::ConfigError(SourceLocation where, std::string message)
    : std::runtime_error(where.to_string() + ": " + message),
      where_(std::move(where)),
      message_(std::move(message)) {}

std::string ConfigWarning::to_string() const {
  return where.to_string() + ": warning: " + message;
}

}  // namespace vrrp
