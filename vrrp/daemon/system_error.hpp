// Start-up failures of system calls become one exception carrying the call and errno; main
// turns it into one log line and an exit code (STYLE.md §7).
#pragma once

#include <cerrno>
#include <string>
#include <system_error>

namespace vrrp::daemon {

[[noreturn]] inline void throw_errno(const std::string& what, int error = errno) {
  throw std::system_error(error, std::generic_category(), what);
}

}  // namespace vrrp::daemon
