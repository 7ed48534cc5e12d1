#include "vrrp/daemon/pid_file.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <stdexcept>

#include <fmt/format.h>

#include "vrrp/daemon/system_error.hpp"

namespace vrrp::daemon {

namespace {

std::string read_first_line(const std::string& path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  return line;
}

// Whether `pid` is a live process running the same program as we are (a pid file left by a
// crash may name a pid that the kernel has since given to something else).
bool is_live_peer(pid_t pid) {
  if (pid <= 0 || pid == ::getpid()) return false;
  if (::kill(pid, 0) != 0 && errno == ESRCH) return false;
  return read_first_line(fmt::format("/proc/{}/comm", pid)) == read_first_line("/proc/self/comm");
}

}  // namespace

PidFile::PidFile(std::string path) : path_(std::move(path)) {
  const std::string existing = read_first_line(path_);
  if (!existing.empty()) {
    pid_t pid = 0;
    try {
      pid = static_cast<pid_t>(std::stol(existing));
    } catch (const std::exception&) {
    }
    if (is_live_peer(pid))
      throw std::runtime_error(
          fmt::format("pid file {}: vrrpd is already running with pid {}", path_, pid));
  }
  // Temporary file and rename: whoever reads the pid file never sees it empty.
  const std::string temp = path_ + ".tmp";
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) throw_errno(fmt::format("cannot write pid file {}", temp));
  const std::string text = fmt::format("{}\n", ::getpid());
  const bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  const int write_errno = errno;
  ::close(fd);
  if (!written) {
    ::unlink(temp.c_str());
    throw_errno(fmt::format("cannot write pid file {}", temp), write_errno);
  }
  if (::rename(temp.c_str(), path_.c_str()) != 0) {
    const int e = errno;
    ::unlink(temp.c_str());
    throw_errno(fmt::format("cannot write pid file {}", path_), e);
  }
}

PidFile::~PidFile() {
  // Only our own: a second instance started by mistake must not delete the first one's file.
  if (read_first_line(path_) == std::to_string(::getpid())) ::unlink(path_.c_str());
}

StateDirLock::StateDirLock(const std::string& directory) {
  const std::string path = directory + "/lock";
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) throw_errno(fmt::format("cannot open {}", path));
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    const int e = errno;
    ::close(fd_);
    fd_ = -1;
    if (e == EWOULDBLOCK)
      throw std::runtime_error(fmt::format(
          "state directory {} is in use by another vrrpd (give each its own --state-dir)",
          directory));
    throw_errno(fmt::format("cannot lock {}", path), e);
  }
}

StateDirLock::~StateDirLock() {
  if (fd_ >= 0) ::close(fd_);
}

}  // namespace vrrp::daemon
