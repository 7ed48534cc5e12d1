#include <pwd.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "vrrp/daemon/event_loop.hpp"
#include "vrrp/daemon/script_runner.hpp"

using namespace std::chrono_literals;
using vrrp::daemon::EventLoop;
using vrrp::daemon::needs_shell;
using vrrp::daemon::script_insecurity;
using vrrp::daemon::ScriptRequest;
using vrrp::daemon::ScriptResult;
using vrrp::daemon::ScriptRunner;
using vrrp::daemon::split_command;
using Words = std::vector<std::string>;

TEST_CASE("keepalived script line: blanks split words, quotes group them", "[script]") {
  CHECK(split_command("/bin/check  a\tb") == Words{"/bin/check", "a", "b"});
  CHECK(split_command("/bin/check \"a b\" 'c d'") == Words{"/bin/check", "a b", "c d"});
  CHECK(split_command("x a\"b c\"d") == Words{"x", "ab cd"});
  CHECK(split_command("x a\\ b") == Words{"x", "a b"});
  CHECK(split_command("x 'a\\b'") == Words{"x", "a\\b"});
  CHECK(split_command("x \"\"") == Words{"x", ""});
  CHECK(split_command("   ").empty());
}

TEST_CASE("keepalived script line: shell syntax needs a shell, plain words do not", "[script]") {
  CHECK_FALSE(needs_shell("/usr/bin/test -f /run/flag"));
  CHECK_FALSE(needs_shell("/bin/echo 'a|b' \"c;d\""));
  CHECK_FALSE(needs_shell("/bin/echo a\\|b"));
  CHECK(needs_shell("pidof haproxy || exit 1"));
  CHECK(needs_shell("/bin/echo $HOME"));
  CHECK(needs_shell("/bin/echo \"$HOME\""));
  CHECK(needs_shell("</dev/tcp/127.0.0.1/80"));
  CHECK(needs_shell("a; b"));
  CHECK(needs_shell("ls *.conf"));
}

namespace {

// A fresh root-owned 0755 directory outside /tmp (which everyone can write to).
struct SecureDir {
  std::filesystem::path path;
  SecureDir() {
    char pattern[] = "/run/vrrpd-test-XXXXXX";
    if (::mkdtemp(pattern)) {
      path = pattern;
      ::chmod(pattern, 0755);
    }
  }
  ~SecureDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path, ignored);
  }
  std::string file(const std::string& name, mode_t mode) const {
    const auto p = path / name;
    std::ofstream(p) << "#!/bin/sh\nexit 0\n";
    ::chmod(p.c_str(), mode);
    return p;
  }
};

}  // namespace

TEST_CASE("enable_script_security: root-owned and not writable by others is accepted", "[script]") {
  if (::geteuid() != 0) {
    WARN("not root: skipped");
    return;
  }
  SecureDir dir;
  REQUIRE_FALSE(dir.path.empty());
  CHECK_FALSE(script_insecurity(dir.file("ok", 0755)));
  CHECK_FALSE(script_insecurity("/bin/sh"));
}

TEST_CASE("enable_script_security: a file writable by everyone is refused", "[script]") {
  if (::geteuid() != 0) return;
  SecureDir dir;
  REQUIRE_FALSE(dir.path.empty());
  const auto reason = script_insecurity(dir.file("bad", 0757));
  REQUIRE(reason);
  CHECK(reason->find("writable by everyone") != std::string::npos);
}

TEST_CASE("enable_script_security: a file owned by a non-root user is refused", "[script]") {
  if (::geteuid() != 0) return;
  SecureDir dir;
  REQUIRE_FALSE(dir.path.empty());
  const std::string file = dir.file("owned", 0755);
  REQUIRE(::chown(file.c_str(), 65534, 0) == 0);
  const auto reason = script_insecurity(file);
  REQUIRE(reason);
  CHECK(reason->find("owner") != std::string::npos);
}

TEST_CASE("enable_script_security: a parent directory writable by others is refused", "[script]") {
  if (::geteuid() != 0) return;
  SecureDir dir;
  REQUIRE_FALSE(dir.path.empty());
  const std::string file = dir.file("inside", 0755);
  CHECK_FALSE(script_insecurity(file));
  ::chmod(dir.path.c_str(), 0775);
  REQUIRE(::chown(dir.path.c_str(), 0, 65534) == 0);
  const auto reason = script_insecurity(file);
  REQUIRE(reason);
  CHECK(reason->find(dir.path.string()) != std::string::npos);
}

namespace {

// Runs `request` on a loop that reaps on SIGCHLD, until its result arrives (or 10 s pass).
ScriptResult run_script(ScriptRequest request, bool security = false) {
  EventLoop loop;
  vrrp::GlobalDefs globals;
  globals.enable_script_security = security;
  ScriptRunner runner(loop, globals);
  loop.handle_signals({SIGCHLD}, [&](int) { runner.reap(); });
  std::optional<ScriptResult> result;
  runner.run(request, [&](const ScriptResult& r) { result = r; });
  const auto give_up = EventLoop::now() + 10s;
  while (!result && EventLoop::now() < give_up)
    loop.run_once(100ms);
  REQUIRE(result);
  return *result;
}

}  // namespace

TEST_CASE("script runner: the exit status comes back without blocking", "[script]") {
  ScriptRequest ok{"t", "/bin/true", {}, std::nullopt, 5s};
  CHECK(run_script(ok).success());
  ScriptRequest fail{"t", "/bin/sh -c 'exit 3'", {}, std::nullopt, 5s};
  const auto r = run_script(fail);
  CHECK_FALSE(r.success());
  REQUIRE(r.exit_code);
  CHECK(*r.exit_code == 3);
}

TEST_CASE("script runner: a missing program is a failure (127)", "[script]") {
  ScriptRequest missing{"t", "/nonexistent/vrrpd-test", {}, std::nullopt, 5s};
  const auto r = run_script(missing);
  CHECK_FALSE(r.success());
  CHECK(r.exit_code == 127);
}

TEST_CASE("script runner: the timeout kills the script's process group", "[script]") {
  const auto start = EventLoop::now();
  // The shell starts a child sleep; killing only the shell would leave it running.
  ScriptRequest slow{"t", "sleep 30; true", {}, std::nullopt, 200ms};
  const auto r = run_script(slow);
  CHECK(r.timed_out);
  CHECK_FALSE(r.success());
  CHECK(EventLoop::now() - start < 5s);
}

TEST_CASE("script runner: extra arguments arrive as separate words, shell or not", "[script]") {
  char pattern[] = "/tmp/vrrpd-args-XXXXXX";
  const int fd = ::mkstemp(pattern);
  REQUIRE(fd >= 0);
  ::close(fd);
  const std::string out = pattern;
  ScriptRequest direct{"t",
                       "/bin/sh -c 'printf \"%s|\" \"$@\" >>" + out + "' sh",
                       {"INSTANCE", "VI 1", "MASTER", "100"},
                       std::nullopt,
                       5s};
  CHECK(run_script(direct).success());
  ScriptRequest shell{"t", "printf '%s|' >>" + out, {"it's", "x"}, std::nullopt, 5s};
  CHECK(run_script(shell).success());
  std::ifstream in(out);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::remove(out.c_str());
  CHECK(text == "INSTANCE|VI 1|MASTER|100|it's|x|");
}

TEST_CASE("script runner: the script starts with no blocked signals", "[script]") {
  // The loop blocks SIGCHLD (and the daemon SIGTERM etc.) for its signalfd; a script that
  // inherited that mask could not be stopped with SIGTERM. SigBlk is 0 for a clean mask.
  ScriptRequest check{
      "t", "grep -q '^SigBlk:[[:space:]]*0*$' /proc/self/status", {}, std::nullopt, 5s};
  CHECK(run_script(check).success());
}

TEST_CASE("enable_script_security: an insecure script is not run", "[script]") {
  char pattern[] = "/tmp/vrrpd-insecure-XXXXXX";
  const int fd = ::mkstemp(pattern);
  REQUIRE(fd >= 0);
  ::close(fd);
  { std::ofstream(pattern) << "#!/bin/sh\nexit 0\n"; }
  ::chmod(pattern, 0777);
  ScriptRequest req{"t", pattern, {}, std::nullopt, 5s};
  CHECK(run_script(req, false).success());
  const auto refused = run_script(req, true);
  CHECK(refused.not_run);
  CHECK_FALSE(refused.success());
  std::remove(pattern);
}

TEST_CASE("script runner: run_as switches user and group before exec", "[script]") {
  if (::geteuid() != 0) return;
  char pattern[] = "/tmp/vrrpd-user-XXXXXX";
  const int fd = ::mkstemp(pattern);
  REQUIRE(fd >= 0);
  ::close(fd);
  ::chmod(pattern, 0666);
  const std::string out = pattern;
  vrrp::RunAs nobody{"nobody", "", false};
  ScriptRequest req{"t", "/bin/sh -c 'id -u >>" + out + "; id -g >>" + out + "'", {}, nobody, 5s};
  CHECK(run_script(req).success());
  ScriptRequest as_root{"t", "/bin/sh -c 'id -u >>" + out + "'", {}, std::nullopt, 5s};
  CHECK(run_script(as_root).success());  // no script_user
  std::ifstream in(out);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::remove(out.c_str());
  // keepalived's default user when it exists, else root.
  const passwd* fallback = ::getpwnam("keepalived_script");
  CHECK(text == "65534\n65534\n" + std::to_string(fallback ? fallback->pw_uid : 0) + "\n");
}

TEST_CASE("script runner: an unknown run_as user is not run", "[script]") {
  vrrp::RunAs ghost{"vrrpd-no-such-user", "", false};
  ScriptRequest req{"t", "/bin/true", {}, ghost, 5s};
  const auto r = run_script(req);
  CHECK(r.not_run);
  CHECK_FALSE(r.success());
}
