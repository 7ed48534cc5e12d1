// keepalived's notifications for a vrrp_sync_group: the notify_* script, then `notify` with
// `GROUP name STATE 0` appended, in order per group; FIFO lines `GROUP "name" STATE 0`.
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
using vrrp::daemon::notify_fifo_group_line;
using vrrp::daemon::ScriptRunner;

using vrrp::daemon::testing::file_contents;
using vrrp::daemon::testing::notify_script;
using vrrp::daemon::testing::temp_file;

TEST_CASE("keepalived sync group notify_fifo line: GROUP \"name\" STATE 0", "[notify][sync]") {
  CHECK(notify_fifo_group_line("G1", State::active) == "GROUP \"G1\" MASTER 0");
  CHECK(notify_fifo_group_line("G1", State::backup) == "GROUP \"G1\" BACKUP 0");
  CHECK(notify_fifo_group_line("G1", State::fault) == "GROUP \"G1\" FAULT 0");
  CHECK(notify_fifo_group_line("G1", State::initialize) == "GROUP \"G1\" STOP 0");
}

TEST_CASE(
    "keepalived sync group notify: the state's script, then notify with GROUP name STATE 0, in "
    "the order of the group's transitions",
    "[notify][sync]") {
  const std::string out = temp_file("vrrpd-group-notify");
  EventLoop loop;
  vrrp::GlobalDefs globals;
  ScriptRunner runner(loop, globals);
  loop.handle_signals({SIGCHLD}, [&](int) { runner.reap(); });
  Notifier notifier(runner, globals);

  vrrp::SyncGroupConfig group;
  group.name = "G1";
  // notify_fault is slow: the BACKUP lines must still come after it.
  group.notify_fault = notify_script("/bin/sh -c 'sleep 0.3; echo fault >>" + out + "'");
  group.notify_backup = notify_script("/bin/sh -c 'echo backup >>" + out + "'");
  group.notify = notify_script("/bin/sh -c 'echo \"$*\" >>" + out + "' notify");
  // An instance of the same name has a queue of its own.
  vrrp::InstanceConfig instance;
  instance.name = "G1";
  instance.notify = notify_script("/bin/sh -c 'echo \"$*\" >>" + out + ".instance' notify");

  notifier.group_changed(group, State::fault);
  notifier.state_changed(instance, State::fault, 100);
  notifier.group_changed(group, State::backup);
  const auto give_up = EventLoop::now() + 10s;
  while (!notifier.idle() && EventLoop::now() < give_up)
    loop.run_once(100ms);
  CHECK(notifier.idle());
  CHECK(file_contents(out) == "fault\nGROUP G1 FAULT 0\nbackup\nGROUP G1 BACKUP 0\n");
  CHECK(file_contents(out + ".instance") == "INSTANCE G1 FAULT 100\n");
  std::remove(out.c_str());
  std::remove((out + ".instance").c_str());
}

TEST_CASE("keepalived sync group notify_fifo: the group's lines go to both FIFOs",
          "[notify][sync]") {
  const std::string path = temp_file("vrrpd-group-fifo");
  std::remove(path.c_str());
  REQUIRE(::mkfifo(path.c_str(), 0600) == 0);
  const int reader = ::open(path.c_str(), O_RDONLY | O_NONBLOCK);
  REQUIRE(reader >= 0);
  EventLoop loop;
  vrrp::GlobalDefs globals;
  globals.notify_fifo = vrrp::NotifyFifo{path, std::nullopt};
  globals.vrrp_notify_fifo = vrrp::NotifyFifo{path, std::nullopt};
  ScriptRunner runner(loop, globals);
  Notifier notifier(runner, globals);
  vrrp::SyncGroupConfig group;
  group.name = "G1";
  notifier.group_changed(group, State::active);
  char buffer[256] = {};
  const auto n = ::read(reader, buffer, sizeof buffer - 1);
  ::close(reader);
  std::remove(path.c_str());
  REQUIRE(n > 0);
  CHECK(std::string(buffer, static_cast<std::size_t>(n)) ==
        "GROUP \"G1\" MASTER 0\nGROUP \"G1\" MASTER 0\n");
  CHECK(notifier.idle());  // no scripts configured: nothing queued
}
