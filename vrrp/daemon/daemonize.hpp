// Going to the background (without -n): double fork and setsid, as daemon(3) does, but the
// original process waits until the daemon says it has started (or failed) and exits with that
// status, so `vrrpd` returning 0 means the daemon is running, and a start-up error after the
// fork still reaches the shell or the init system.
#pragma once

#include <cstdint>

#include "vrrp/daemon/unique_fd.hpp"

namespace vrrp::daemon {

class Detached {
 public:
  // Returns in the daemon process only. `keep_stderr`: leave stderr open (logging to the
  // console, -l, without -n); otherwise stdin, stdout and stderr go to /dev/null.
  static Detached detach(bool keep_stderr);
  // A handle that reports nowhere (running in the foreground with -n).
  Detached() = default;

  // Tells the waiting parent to exit with `status` (0: started). Only the first call counts.
  void report(std::uint8_t status);

 private:
  explicit Detached(UniqueFd pipe) : pipe_(std::move(pipe)) {}
  UniqueFd pipe_;  // write end; closed without a byte means the daemon died starting up
};

}  // namespace vrrp::daemon
