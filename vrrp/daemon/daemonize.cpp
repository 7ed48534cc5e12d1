#include "vrrp/daemon/daemonize.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>

#include "vrrp/daemon/exit_codes.hpp"
#include "vrrp/daemon/system_error.hpp"

namespace vrrp::daemon {

Detached Detached::detach(bool keep_stderr) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) throw_errno("pipe2");
  UniqueFd read_end(fds[0]);
  UniqueFd write_end(fds[1]);

  const pid_t child = ::fork();
  if (child < 0) throw_errno("fork");
  if (child > 0) {
    // The original process: wait for the daemon's word, then leave with it.
    write_end.reset();
    int status = 0;
    ::waitpid(child, &status, 0);
    std::uint8_t code = 0;
    ssize_t n;
    do {
      n = ::read(read_end.get(), &code, 1);
    } while (n < 0 && errno == EINTR);
    const int exit_status = n == 1 ? code : static_cast<int>(ExitCode::fatal);
    if (exit_status != 0) {
      // The daemon's own words went to its log (or, with -l, to this stderr already).
      static constexpr char kMessage[] = "vrrpd: the daemon failed to start; see its log\n";
      [[maybe_unused]] auto w = ::write(STDERR_FILENO, kMessage, sizeof kMessage - 1);
    }
    ::_exit(exit_status);
  }

  read_end.reset();
  ::setsid();  // a new session: no controlling terminal, no SIGHUP when the shell leaves
  const pid_t grandchild = ::fork();
  if (grandchild < 0) ::_exit(static_cast<int>(ExitCode::fatal));
  if (grandchild > 0) ::_exit(0);  // the session leader goes; the daemon can never reacquire a tty

  ::umask(022);
  if (::chdir("/") != 0) {
    // "/" always exists; nothing sensible to do otherwise.
  }
  const int null = ::open("/dev/null", O_RDWR | O_CLOEXEC);
  if (null >= 0) {
    ::dup2(null, STDIN_FILENO);
    ::dup2(null, STDOUT_FILENO);
    if (!keep_stderr) ::dup2(null, STDERR_FILENO);
    if (null > STDERR_FILENO) ::close(null);
  }
  return Detached(std::move(write_end));
}

void Detached::report(std::uint8_t status) {
  if (!pipe_) return;
  [[maybe_unused]] auto n = ::write(pipe_.get(), &status, 1);
  pipe_.reset();
}

}  // namespace vrrp::daemon
