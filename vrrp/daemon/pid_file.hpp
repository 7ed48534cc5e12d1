// The pid file (-p, and keepalived's -r): written once the daemon runs, removed when it exits
// cleanly. A pid file naming a live vrrpd refuses the start; a stale one is replaced.
#pragma once

#include <string>

namespace vrrp::daemon {

class PidFile {
 public:
  // Throws std::runtime_error naming the path and the reason.
  explicit PidFile(std::string path);
  ~PidFile();
  PidFile(const PidFile&) = delete;
  PidFile& operator=(const PidFile&) = delete;

 private:
  std::string path_;
};

// An exclusive lock on the state directory (flock on DIR/lock), held for the daemon's life.
// Two daemons sharing a state directory would remove each other's addresses during crash
// recovery; the kernel drops the lock with the process, so a SIGKILLed run never blocks the next.
class StateDirLock {
 public:
  explicit StateDirLock(const std::string& directory);
  ~StateDirLock();
  StateDirLock(const StateDirLock&) = delete;
  StateDirLock& operator=(const StateDirLock&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace vrrp::daemon
