// Runs keepalived's scripts (vrrp_script checks, notify_* and notify) as child processes on the
// daemon's event loop: fork/exec, never waiting. The result comes back through a callback when
// the daemon reaps the child on SIGCHLD (the loop's signalfd), or after the timeout killed its
// process group.
#pragma once

#include <sys/types.h>

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vrrp/config.hpp"
#include "vrrp/daemon/event_loop.hpp"
#include "vrrp/time.hpp"

namespace vrrp::daemon {

// keepalived's splitting of a script line into arguments: words separated by blanks; single
// and double quotes group (and are removed); a backslash outside single quotes takes the next
// character literally.
std::vector<std::string> split_command(std::string_view line);

// True when the line uses shell syntax (pipes, redirections, variables, globs, ...), so it is
// run with /bin/sh -c instead of being split and executed directly.
bool needs_shell(std::string_view line);

// The file a command's first word runs: itself when it contains a '/', else the first match in
// PATH that is executable. nullopt when there is none.
std::optional<std::string> resolve_executable(const std::string& word);

// enable_script_security: the reason `path` is unsafe to run as root (the file, or one of the
// directories above it, can be written by someone other than root), or nullopt when it is safe.
std::optional<std::string> script_insecurity(const std::string& path);

struct ScriptResult {
  std::optional<int> exit_code;  // set when the script exited
  int signal = 0;                // the signal that ended it, when it did not exit
  bool timed_out = false;        // killed after its timeout
  bool not_run = false;          // refused or could not be started (see the log)
  bool success() const { return exit_code == 0 && !timed_out; }
};

struct ScriptRequest {
  std::string name;                     // for the log: "vrrp_script chk", "VI_1 notify_master"
  std::string command;                  // the line as configured
  std::vector<std::string> extra_args;  // appended as separate arguments (notify)
  std::optional<RunAs> run_as;          // unset: global script_user, else the default user
  Duration timeout = std::chrono::seconds(5);
};

class ScriptRunner {
 public:
  using Done = std::function<void(const ScriptResult&)>;

  // `globals` supplies script_user and enable_script_security and must outlive the runner.
  ScriptRunner(EventLoop& loop, const GlobalDefs& globals);
  ~ScriptRunner();
  ScriptRunner(const ScriptRunner&) = delete;
  ScriptRunner& operator=(const ScriptRunner&) = delete;

  // Starts the script. `done` runs later from the loop (never from inside run()), also when
  // the script could not be started (not_run).
  void run(const ScriptRequest& request, Done done);

  // Reaps every finished child and delivers its result. The owner of the loop's signal
  // handler calls this on SIGCHLD.
  void reap();

  std::size_t running() const { return children_.size(); }

 private:
  struct Child {
    std::string name;
    Done done;
    std::unique_ptr<Timer> timeout;
    bool timed_out = false;
  };
  struct Identity {
    uid_t uid = 0;
    gid_t gid = 0;
    std::vector<gid_t> groups;
    std::string user;
  };

  std::optional<Identity> identity_for(const std::optional<RunAs>& run_as,
                                       const std::string& name) const;
  void fail_later(Done done);

  EventLoop& loop_;
  const GlobalDefs& globals_;
  std::map<pid_t, Child> children_;
  // Callbacks of scripts that never started, delivered from a zero-delay timer.
  std::vector<Done> failed_;
  std::unique_ptr<Timer> failed_timer_;
};

}  // namespace vrrp::daemon
