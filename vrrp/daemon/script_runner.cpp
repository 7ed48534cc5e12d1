#include "vrrp/daemon/script_runner.hpp"

#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>

#include <fmt/format.h>

#include "vrrp/daemon/log.hpp"

namespace vrrp::daemon {

namespace {

// keepalived's default script user when script_user is not set; root when it does not exist.
constexpr const char* kDefaultScriptUser = "keepalived_script";

bool is_blank(char c) {
  return c == ' ' || c == '\t';
}

// In the child between fork and exec: only async-signal-safe calls.
[[noreturn]] void exec_child(const std::vector<std::string>& argv_strings, uid_t uid, gid_t gid,
                             const std::vector<gid_t>& groups) {
  // The daemon blocks the signals it reads through its signalfd, and a blocked mask and
  // ignored dispositions survive exec: the script must start with the defaults.
  sigset_t none;
  sigemptyset(&none);
  sigprocmask(SIG_SETMASK, &none, nullptr);
  for (int signo = 1; signo < NSIG; ++signo) {
    if (signo != SIGKILL && signo != SIGSTOP) signal(signo, SIG_DFL);
  }
  // Its own process group, so a timeout kills whatever the script started too.
  setpgid(0, 0);
  const int null_fd = open("/dev/null", O_RDWR);
  if (null_fd >= 0) {
    dup2(null_fd, STDIN_FILENO);
    dup2(null_fd, STDOUT_FILENO);
    dup2(null_fd, STDERR_FILENO);
  }
  // No descriptor of the daemon (sockets, netlink, epoll) leaks into the script.
  syscall(SYS_close_range, 3U, ~0U, 0U);
  if (setgroups(groups.size(), groups.data()) != 0 && getuid() == 0) _exit(126);
  if (setgid(gid) != 0 || setuid(uid) != 0) _exit(126);
  std::vector<char*> argv;
  for (const auto& arg : argv_strings)
    argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  execvp(argv[0], argv.data());
  _exit(127);
}

}  // namespace

std::vector<std::string> split_command(std::string_view line) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  char quote = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quote) {
      if (c == quote) {
        quote = 0;
      } else if (c == '\\' && quote == '"' && i + 1 < line.size()) {
        word += line[++i];
      } else {
        word += c;
      }
      continue;
    }
    if (is_blank(c)) {
      if (in_word) words.push_back(std::move(word));
      word.clear();
      in_word = false;
      continue;
    }
    in_word = true;
    if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '\\' && i + 1 < line.size()) {
      word += line[++i];
    } else {
      word += c;
    }
  }
  if (in_word) words.push_back(std::move(word));
  return words;
}

bool needs_shell(std::string_view line) {
  // Outside quotes, these mean something to a shell that splitting cannot reproduce.
  char quote = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quote == '\'') {
      if (c == '\'') quote = 0;
      continue;
    }
    if (c == '\\') {
      ++i;
      continue;
    }
    if (c == '$' || c == '`') return true;  // expanded inside double quotes too
    if (quote == '"') {
      if (c == '"') quote = 0;
      continue;
    }
    if (c == '"' || c == '\'') {
      quote = c;
      continue;
    }
    if (std::string_view("|&;<>()*?[]~{}#\n").find(c) != std::string_view::npos) return true;
  }
  return false;
}

std::optional<std::string> resolve_executable(const std::string& word) {
  if (word.empty()) return std::nullopt;
  if (word.find('/') != std::string::npos) return word;
  const char* path = std::getenv("PATH");
  std::string_view dirs =
      path ? path : "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
  while (true) {
    const auto colon = dirs.find(':');
    std::string dir(dirs.substr(0, colon));
    if (dir.empty()) dir = ".";
    std::string candidate = dir + "/" + word;
    if (::access(candidate.c_str(), X_OK) == 0) return candidate;
    if (colon == std::string_view::npos) return std::nullopt;
    dirs.remove_prefix(colon + 1);
  }
}

std::optional<std::string> script_insecurity(const std::string& path) {
  // keepalived's rule: the file and every directory above it must not be writable by anyone
  // but root (owner non-root with write permission, group non-root with write permission, or
  // anyone with write permission), or a local user could swap what root runs.
  char resolved[PATH_MAX];
  if (!::realpath(path.c_str(), resolved)) {
    return fmt::format("{}: {}", path, std::strerror(errno));
  }
  std::string current = resolved;
  while (true) {
    struct stat st {};
    if (::stat(current.c_str(), &st) != 0) {
      return fmt::format("{}: {}", current, std::strerror(errno));
    }
    if (st.st_uid != 0 && (st.st_mode & S_IWUSR)) {
      return fmt::format("{} is writable by its owner, uid {}", current, st.st_uid);
    }
    if (st.st_gid != 0 && (st.st_mode & S_IWGRP)) {
      return fmt::format("{} is writable by group {}", current, st.st_gid);
    }
    if (st.st_mode & S_IWOTH) return fmt::format("{} is writable by everyone", current);
    if (current == "/") return std::nullopt;
    const auto slash = current.rfind('/');
    current = slash == 0 ? "/" : current.substr(0, slash);
  }
}

ScriptRunner::ScriptRunner(EventLoop& loop, const GlobalDefs& globals)
    : loop_(loop), globals_(globals) {
  failed_timer_ = std::make_unique<Timer>(loop_, [this] {
    auto pending = std::move(failed_);
    failed_.clear();
    ScriptResult result;
    result.not_run = true;
    for (auto& done : pending)
      done(result);
  });
}

ScriptRunner::~ScriptRunner() {
  // Scripts still running when the daemon stops are left to finish; they are not ours to wait
  // for, and their results have no one to go to.
}

std::optional<ScriptRunner::Identity> ScriptRunner::identity_for(const std::optional<RunAs>& run_as,
                                                                 const std::string& name) const {
  Identity id;
  const RunAs* who = run_as ? &*run_as : globals_.script_user ? &*globals_.script_user : nullptr;
  std::string user = who ? who->user : kDefaultScriptUser;
  const passwd* pw = ::getpwnam(user.c_str());
  if (!pw) {
    if (who) {
      log_error("{}: script user {} does not exist; not running it", name, user);
      return std::nullopt;
    }
    user = "root";  // keepalived: root when keepalived_script does not exist
    pw = ::getpwnam("root");
    if (!pw) return id;
  }
  id.user = user;
  id.uid = pw->pw_uid;
  id.gid = pw->pw_gid;
  if (who && !who->group.empty()) {
    const group* gr = ::getgrnam(who->group.c_str());
    if (!gr) {
      log_error("{}: script group {} does not exist; not running it", name, who->group);
      return std::nullopt;
    }
    id.gid = gr->gr_gid;
  }
  if (who && who->set_supplementary_groups) {
    int count = 64;
    std::vector<gid_t> groups(static_cast<std::size_t>(count));
    if (::getgrouplist(user.c_str(), id.gid, groups.data(), &count) < 0) {
      groups.resize(static_cast<std::size_t>(count));
      ::getgrouplist(user.c_str(), id.gid, groups.data(), &count);
    }
    groups.resize(static_cast<std::size_t>(count));
    id.groups = std::move(groups);
  } else {
    id.groups = {id.gid};
  }
  return id;
}

void ScriptRunner::fail_later(Done done) {
  failed_.push_back(std::move(done));
  failed_timer_->arm_at(EventLoop::now());
}

void ScriptRunner::run(const ScriptRequest& request, Done done) {
  std::vector<std::string> argv;
  const bool shell = needs_shell(request.command);
  const std::vector<std::string> words = split_command(request.command);
  if (words.empty()) {
    log_error("{}: empty script line", request.name);
    fail_later(std::move(done));
    return;
  }
  if (shell) {
    std::string line = request.command;
    for (const auto& arg : request.extra_args) {
      line += " '";
      for (char c : arg)
        line += c == '\'' ? std::string("'\\''") : std::string(1, c);
      line += "'";
    }
    argv = {"/bin/sh", "-c", line};
  } else {
    argv = words;
    argv.insert(argv.end(), request.extra_args.begin(), request.extra_args.end());
  }
  if (globals_.enable_script_security) {
    const auto file = resolve_executable(words.front());
    const auto reason = file ? script_insecurity(*file)
                             : std::optional<std::string>(
                                   fmt::format("{} not found or not executable", words.front()));
    if (reason) {
      log_error("{}: refusing to run {}: {} (enable_script_security)", request.name, words.front(),
                *reason);
      fail_later(std::move(done));
      return;
    }
  }
  auto id = identity_for(request.run_as, request.name);
  if (!id) {
    fail_later(std::move(done));
    return;
  }
  const pid_t pid = ::fork();
  if (pid < 0) {
    log_error("{}: cannot start a script: {}", request.name, std::strerror(errno));
    fail_later(std::move(done));
    return;
  }
  if (pid == 0) exec_child(argv, id->uid, id->gid, id->groups);
  ::setpgid(pid, pid);  // also here: the timeout may fire before the child ran setpgid
  log_debug("{}: started {} (pid {}) as {}", request.name, request.command, pid, id->user);
  Child child;
  child.name = request.name;
  child.done = std::move(done);
  child.timeout = std::make_unique<Timer>(loop_, [this, pid] {
    auto it = children_.find(pid);
    if (it == children_.end()) return;
    it->second.timed_out = true;
    log_warning("{}: timed out; killing it (pid {})", it->second.name, pid);
    ::kill(-pid, SIGKILL);
    ::kill(pid, SIGKILL);
  });
  child.timeout->arm_at(EventLoop::now() + request.timeout);
  children_.emplace(pid, std::move(child));
}

void ScriptRunner::reap() {
  while (true) {
    int status = 0;
    const pid_t pid = ::waitpid(-1, &status, WNOHANG);
    if (pid <= 0) return;
    auto it = children_.find(pid);
    if (it == children_.end()) continue;
    Child child = std::move(it->second);
    children_.erase(it);
    child.timeout->cancel();
    ScriptResult result;
    result.timed_out = child.timed_out;
    if (WIFEXITED(status)) {
      result.exit_code = WEXITSTATUS(status);
      if (*result.exit_code == 126 || *result.exit_code == 127) {
        log_warning("{}: exited with {} (could not be executed or changed user?)", child.name,
                    *result.exit_code);
      }
    } else if (WIFSIGNALED(status)) {
      result.signal = WTERMSIG(status);
    }
    if (child.done) child.done(result);
  }
}

}  // namespace vrrp::daemon
