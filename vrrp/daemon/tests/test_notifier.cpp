#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>

#include "vrrp/daemon/event_loop.hpp"
#include "vrrp/daemon/notifier.hpp"
#include "vrrp/daemon/script_runner.hpp"
#include "vrrp/daemon/tests/notify_test_support.hpp"

using namespace std::chrono_literals;
using vrrp::State;
using vrrp::daemon::EventLoop;
using vrrp::daemon::Notifier;
using vrrp::daemon::notify_fifo_line;
using vrrp::daemon::ScriptRunner;

using vrrp::daemon::testing::file_contents;
using vrrp::daemon::testing::notify_script;
using vrrp::daemon::testing::temp_file;

TEST_CASE("keepalived notify_fifo: INSTANCE \"name\" STATE priority", "[notify]") {
  CHECK(notify_fifo_line("VI_1", State::active, 100) == "INSTANCE \"VI_1\" MASTER 100");
  CHECK(notify_fifo_line("VI_1", State::backup, 90) == "INSTANCE \"VI_1\" BACKUP 90");
  CHECK(notify_fifo_line("x", State::fault, 1) == "INSTANCE \"x\" FAULT 1");
  CHECK(notify_fifo_line("x", State::initialize, 1) == "INSTANCE \"x\" STOP 1");
}

TEST_CASE("keepalived notify: scripts run one at a time in the order of the transitions",
          "[notify]") {
  const std::string out = temp_file("vrrpd-notify");
  EventLoop loop;
  vrrp::GlobalDefs globals;
  ScriptRunner runner(loop, globals);
  loop.handle_signals({SIGCHLD}, [&](int) { runner.reap(); });
  Notifier notifier(runner, globals);

  vrrp::InstanceConfig instance;
  instance.name = "VI_1";
  // notify_master is slow: the BACKUP lines must still come after it.
  instance.notify_master = notify_script("/bin/sh -c 'sleep 0.3; echo master >>" + out + "'");
  instance.notify_backup = notify_script("/bin/sh -c 'echo backup >>" + out + "'");
  instance.notify = notify_script("/bin/sh -c 'echo \"$*\" >>" + out + "' notify");

  notifier.state_changed(instance, State::active, 100);
  notifier.state_changed(instance, State::backup, 90);
  CHECK_FALSE(notifier.idle());
  const auto give_up = EventLoop::now() + 10s;
  while (!notifier.idle() && EventLoop::now() < give_up)
    loop.run_once(100ms);
  CHECK(notifier.idle());
  CHECK(file_contents(out) ==
        "master\nINSTANCE VI_1 MASTER 100\nbackup\nINSTANCE VI_1 BACKUP 90\n");
  std::remove(out.c_str());
}

TEST_CASE("keepalived notify_fifo: one line per transition, none lost, no reader no block",
          "[notify]") {
  const std::string path = temp_file("vrrpd-fifo");
  std::remove(path.c_str());
  REQUIRE(::mkfifo(path.c_str(), 0600) == 0);
  EventLoop loop;
  vrrp::GlobalDefs globals;
  globals.notify_fifo = vrrp::NotifyFifo{path, std::nullopt};
  ScriptRunner runner(loop, globals);
  Notifier notifier(runner, globals);
  vrrp::InstanceConfig instance;
  instance.name = "VI_1";
  // No reader: the write is dropped, not waited for.
  const auto start = EventLoop::now();
  notifier.state_changed(instance, State::backup, 100);
  CHECK(EventLoop::now() - start < 1s);

  const int reader = ::open(path.c_str(), O_RDONLY | O_NONBLOCK);
  REQUIRE(reader >= 0);
  notifier.state_changed(instance, State::active, 100);
  notifier.state_changed(instance, State::fault, 100);
  char buffer[256] = {};
  const auto n = ::read(reader, buffer, sizeof buffer - 1);
  ::close(reader);
  std::remove(path.c_str());
  REQUIRE(n > 0);
  CHECK(std::string(buffer, static_cast<std::size_t>(n)) ==
        "INSTANCE \"VI_1\" MASTER 100\nINSTANCE \"VI_1\" FAULT 100\n");
  CHECK(notifier.idle());
}
