// Where a configuration problem is, and the two ways the parser reports one: a ConfigError
// (thrown; the configuration is refused) and a ConfigWarning (collected; the rest is used).
#pragma once

#include <stdexcept>
#include <string>

namespace vrrp {

// A position in a configuration file: 1-based line and column (columns count bytes, a tab is
// one column). line 0 means the file as a whole (it could not be read, for instance).
struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;

  // "file:line:column", or "file" when line is 0.
  std::string to_string() const;
  friend bool operator==(const SourceLocation&, const SourceLocation&) = default;
};

// A configuration the daemon must not run. what() is "file:line:column: message", the one line
// a user sees before vrrpd exits without touching the network.
class ConfigError : public std::runtime_error {
 public:
  ConfigError(SourceLocation where, std::string message);

  const SourceLocation& where() const { return where_; }
  const std::string& file() const { return where_.file; }
  int line() const { return where_.line; }
  int column() const { return where_.column; }
  // The message without the location.
  const std::string& message() const { return message_; }

 private:
  SourceLocation where_;
  std::string message_;
};

// Something in the configuration that vrrpd reads past: a keepalived block or keyword outside
// VRRP, or a setting keepalived also only warns about.
struct ConfigWarning {
  SourceLocation where;
  std::string message;

  // "file:line:column: warning: message"
  std::string to_string() const;
  friend bool operator==(const ConfigWarning&, const ConfigWarning&) = default;
};

}  // namespace vrrp
