// The sd_notify wrapper against a real AF_UNIX datagram socket standing in for systemd's
// NOTIFY_SOCKET: what each call sends, the watchdog interval from WATCHDOG_USEC/WATCHDOG_PID,
// and nothing at all when NOTIFY_SOCKET is unset.
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "vrrp/daemon/service_manager.hpp"
#include "vrrp/daemon/unique_fd.hpp"

using namespace vrrp;
using namespace vrrp::daemon;

namespace {

// A bound datagram socket at a fresh path, NOTIFY_SOCKET pointing at it while it lives.
class FakeSystemd {
 public:
  FakeSystemd() {
    char dir[] = "/tmp/vrrpd-notify.XXXXXX";
    REQUIRE(::mkdtemp(dir) != nullptr);
    dir_ = dir;
    path_ = dir_ + "/notify";
    fd_ = UniqueFd(::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0));
    REQUIRE(fd_.get() >= 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    REQUIRE(path_.size() < sizeof address.sun_path);
    path_.copy(address.sun_path, path_.size());
    REQUIRE(::bind(fd_.get(), reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0);
    ::setenv("NOTIFY_SOCKET", path_.c_str(), 1);
  }
  ~FakeSystemd() {
    ::unsetenv("NOTIFY_SOCKET");
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }

  // The next datagram, or nothing within `wait`.
  std::optional<std::string> receive(
      std::chrono::milliseconds wait = std::chrono::milliseconds(500)) {
    pollfd p{fd_.get(), POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(wait.count())) != 1) return std::nullopt;
    char buffer[4096];
    const ssize_t n = ::recv(fd_.get(), buffer, sizeof buffer, 0);
    if (n < 0) return std::nullopt;
    return std::string(buffer, static_cast<std::size_t>(n));
  }

 private:
  std::string dir_;
  std::string path_;
  UniqueFd fd_;
};

// The environment variables a test sets, removed again however it ends.
struct WatchdogEnv {
  WatchdogEnv(const char* usec, std::optional<std::string> pid) {
    ::setenv("WATCHDOG_USEC", usec, 1);
    if (pid) ::setenv("WATCHDOG_PID", pid->c_str(), 1);
  }
  ~WatchdogEnv() {
    ::unsetenv("WATCHDOG_USEC");
    ::unsetenv("WATCHDOG_PID");
  }
};

}  // namespace

TEST_CASE("sd_notify: each call sends its assignments to NOTIFY_SOCKET", "[service_manager]") {
  FakeSystemd systemd;
  ServiceManager manager;
  REQUIRE(manager.enabled());

  CHECK(manager.ready("1 instance: VI_1 Backup"));
  CHECK(systemd.receive() == "READY=1\nSTATUS=1 instance: VI_1 Backup");

  CHECK(manager.status("1 instance: VI_1 Active"));
  CHECK(systemd.receive() == "STATUS=1 instance: VI_1 Active");

  CHECK(manager.reloading());
  const auto reloading = systemd.receive();
  REQUIRE(reloading);
  CHECK(reloading->rfind("RELOADING=1\nMONOTONIC_USEC=", 0) == 0);
  const std::string usec = reloading->substr(reloading->find('=', 12) + 1);
  CHECK(!usec.empty());
  CHECK(usec.find_first_not_of("0123456789") == std::string::npos);

  CHECK(manager.watchdog_ping());
  CHECK(systemd.receive() == "WATCHDOG=1");

  CHECK(manager.stopping());
  const auto stopping = systemd.receive();
  REQUIRE(stopping);
  CHECK(stopping->rfind("STOPPING=1\n", 0) == 0);

  CHECK(!systemd.receive(std::chrono::milliseconds(50)));  // one datagram per call
}

TEST_CASE("sd_notify: a STATUS= text stays one line", "[service_manager]") {
  FakeSystemd systemd;
  ServiceManager manager;
  CHECK(manager.status("reload refused: a.conf:3:1: bad\nREADY=1"));
  CHECK(systemd.receive() == "STATUS=reload refused: a.conf:3:1: bad READY=1");
}

TEST_CASE("sd_notify: no NOTIFY_SOCKET, nothing is sent", "[service_manager]") {
  FakeSystemd systemd;
  ::unsetenv("NOTIFY_SOCKET");
  ServiceManager manager;
  CHECK(!manager.enabled());
  CHECK(!manager.watchdog_interval());
  CHECK(!manager.ready("1 instance: VI_1 Backup"));
  CHECK(!manager.status("x"));
  CHECK(!manager.reloading());
  CHECK(!manager.watchdog_ping());
  CHECK(!manager.stopping());
  CHECK(!systemd.receive(std::chrono::milliseconds(100)));
}

TEST_CASE("sd_notify: the watchdog interval is WATCHDOG_USEC when WATCHDOG_PID is us",
          "[service_manager]") {
  FakeSystemd systemd;
  SECTION("WATCHDOG_PID is this process") {
    WatchdogEnv env("10000000", std::to_string(::getpid()));
    ServiceManager manager;
    REQUIRE(manager.watchdog_interval());
    CHECK(*manager.watchdog_interval() == std::chrono::seconds(10));
  }
  SECTION("WATCHDOG_PID unset: for whoever reads it") {
    WatchdogEnv env("2500000", std::nullopt);
    ServiceManager manager;
    REQUIRE(manager.watchdog_interval());
    CHECK(*manager.watchdog_interval() == std::chrono::milliseconds(2500));
  }
  SECTION("WATCHDOG_PID is another process: not ours to feed") {
    WatchdogEnv env("10000000", std::to_string(::getpid() + 1));
    ServiceManager manager;
    CHECK(manager.enabled());
    CHECK(!manager.watchdog_interval());
  }
  SECTION("no WATCHDOG_USEC: no watchdog") {
    ::unsetenv("WATCHDOG_USEC");
    ServiceManager manager;
    CHECK(!manager.watchdog_interval());
  }
}

TEST_CASE("sd_notify: the STATUS summary names each instance and its state", "[service_manager]") {
  std::vector<std::pair<std::string, State>> instances{{"VI_1", State::active},
                                                       {"VI_2", State::backup}};
  CHECK(status_summary(instances) == "2 instances: VI_1 Active, VI_2 Backup");
  instances.resize(1);
  instances[0].second = State::fault;
  CHECK(status_summary(instances) == "1 instance: VI_1 Fault");
  CHECK(status_summary({}) == "0 instances");
}

TEST_CASE("sd_notify: over kNamedInstances instances the summary counts per state",
          "[service_manager]") {
  std::vector<std::pair<std::string, State>> instances;
  for (std::size_t i = 0; i < kNamedInstances; ++i)
    instances.emplace_back("VI_" + std::to_string(i), State::backup);
  CHECK(status_summary(instances).find("VI_0 Backup") != std::string::npos);
  instances.emplace_back("VI_X", State::active);
  instances.emplace_back("VI_Y", State::initialize);
  CHECK(status_summary(instances) == fmt::format("{} instances: 1 Active, {} Backup, 1 Initialize",
                                                 kNamedInstances + 2, kNamedInstances));
}
