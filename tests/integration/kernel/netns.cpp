#include "netns.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <sstream>
#include <stdexcept>
#include <thread>

#ifndef IPJSON_SCRIPT
#error "IPJSON_SCRIPT must name ipjson.py"
#endif

namespace kernel_test {

namespace {

constexpr const char* kPrefix = "vrrpk-";

// Runs a clean-up command whose failure changes nothing (the object may be gone already).
void quietly(const std::string& command) {
  if (std::system((command + " >/dev/null 2>&1").c_str()) != 0) {
    // Nothing to do: the next run's sweep retries stale namespaces.
  }
}

std::string quote(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

// Deletes vrrpk-<pid>-* namespaces whose process no longer exists.
void sweep_stale_namespaces() {
  DIR* dir = opendir("/run/netns");
  if (dir == nullptr) return;
  std::vector<std::string> stale;
  while (dirent* entry = readdir(dir)) {
    const std::string name = entry->d_name;
    if (name.rfind(kPrefix, 0) != 0) continue;
    const long pid = std::strtol(name.c_str() + std::strlen(kPrefix), nullptr, 10);
    if (pid <= 0) continue;
    if (kill(static_cast<pid_t>(pid), 0) == -1 && errno == ESRCH) stale.push_back(name);
  }
  closedir(dir);
  for (const std::string& name : stale) {
    quietly("ip netns del " + name);
  }
}

}  // namespace

std::string run(const std::string& command) {
  const std::string err_path = "/tmp/kernel_test_stderr." + std::to_string(getpid());
  const std::string full = "(" + command + ") 2>" + err_path;
  FILE* pipe = popen(full.c_str(), "r");
  if (pipe == nullptr) throw std::runtime_error("popen failed: " + command);
  std::string out;
  std::array<char, 4096> buffer;
  while (std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe))
    out.append(buffer.data(), n);
  const int status = pclose(pipe);
  std::string err;
  if (FILE* f = std::fopen(err_path.c_str(), "r")) {
    while (std::size_t n = std::fread(buffer.data(), 1, buffer.size(), f)) {
      err.append(buffer.data(), n);
    }
    std::fclose(f);
  }
  unlink(err_path.c_str());
  if (status != 0) {
    throw std::runtime_error("command failed (status " + std::to_string(status) + "): " + command +
                             "\n" + err);
  }
  return out;
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

std::vector<std::string> fields(const std::string& line) {
  std::vector<std::string> out;
  std::string::size_type start = 0;
  for (;;) {
    const auto tab = line.find('\t', start);
    out.push_back(line.substr(start, tab - start));
    if (tab == std::string::npos) break;
    start = tab + 1;
  }
  return out;
}

bool IpAddr::has_flag(const std::string& flag) const {
  std::istringstream in(flags);
  for (std::string f; std::getline(in, f, ',');) {
    if (f == flag) return true;
  }
  return false;
}

TestNamespace::TestNamespace() {
  if (geteuid() != 0) throw std::runtime_error("kernel integration tests need root");
  sweep_stale_namespaces();
  static std::atomic<int> counter{0};
  name_ = kPrefix + std::to_string(getpid()) + "-" + std::to_string(counter++);
  run("ip netns add " + name_);
  try {
    // Test addresses only (RFC 5737 / RFC 3849); both ends in this namespace.
    run("ip -n " + name_ + " link add va type veth peer name vb");
    run("ip -n " + name_ + " link set va up && ip -n " + name_ + " link set vb up");
    original_netns_ = open("/proc/thread-self/ns/net", O_RDONLY | O_CLOEXEC);
    const int target = open(("/run/netns/" + name_).c_str(), O_RDONLY | O_CLOEXEC);
    if (original_netns_ < 0 || target < 0) throw std::runtime_error("open netns failed");
    const int rc = setns(target, CLONE_NEWNET);
    close(target);
    if (rc != 0) throw std::runtime_error(std::string("setns: ") + std::strerror(errno));
  } catch (...) {
    if (original_netns_ >= 0) close(original_netns_);
    quietly("ip netns del " + name_);
    throw;
  }
}

TestNamespace::~TestNamespace() {
  if (original_netns_ >= 0) {
    (void)setns(original_netns_, CLONE_NEWNET);
    close(original_netns_);
  }
  if (!client_.empty()) quietly("ip netns del " + client_);
  quietly("ip netns del " + name_);
}

const std::string& TestNamespace::move_peer_to_client() {
  if (client_.empty()) {
    client_ = name_ + "-c";
    run("ip netns add " + client_);
    run("ip -n " + name_ + " link set vb netns " + client_);
    run("ip -n " + client_ + " link set vb up && ip -n " + client_ + " link set lo up");
  }
  return client_;
}

std::string TestNamespace::in_client(const std::string& command) const {
  return run("ip netns exec " + client_ + " " + command);
}

std::string TestNamespace::ip(const std::string& args) const {
  return run("ip -n " + name_ + " " + args);
}

std::vector<IpAddr> TestNamespace::addresses(const std::string& dev) const {
  std::vector<IpAddr> out;
  for (const std::string& line : lines(run("ip -n " + name_ + " -j addr show dev " + dev +
                                           " | python3 " + quote(IPJSON_SCRIPT) + " addr"))) {
    const auto f = fields(line);
    if (f.size() < 8) throw std::runtime_error("ipjson addr: " + line);
    IpAddr a;
    a.local = f[0];
    a.prefixlen = std::stoi(f[1]);
    a.scope = f[2];
    a.label = f[3];
    a.broadcast = f[4];
    a.valid_lft = f[5].empty() ? 0 : std::stoul(f[5]);
    a.preferred_lft = f[6].empty() ? 0 : std::stoul(f[6]);
    a.flags = f[7];
    out.push_back(a);
  }
  return out;
}

std::vector<IpLink> TestNamespace::links() const {
  std::vector<IpLink> out;
  for (const std::string& line : lines(run("ip -n " + name_ + " -j -d link show | python3 " +
                                           quote(IPJSON_SCRIPT) + " link"))) {
    const auto f = fields(line);
    if (f.size() < 8) throw std::runtime_error("ipjson link: " + line);
    out.push_back(IpLink{f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7]});
  }
  return out;
}

IpLink TestNamespace::link(const std::string& dev) const {
  for (const IpLink& l : links()) {
    if (l.name == dev) return l;
  }
  return {};
}

std::vector<std::string> TestNamespace::multicast_groups6(const std::string& dev) const {
  return lines(run("ip -n " + name_ + " -6 -j maddr show dev " + dev + " | python3 " +
                   quote(IPJSON_SCRIPT) + " maddr"));
}

std::vector<IpNeigh> TestNamespace::neighbours(const std::string& dev) const {
  std::vector<IpNeigh> out;
  for (const std::string& line : lines(run("ip -n " + name_ + " -j neigh show dev " + dev +
                                           " | python3 " + quote(IPJSON_SCRIPT) + " neigh"))) {
    const auto f = fields(line);
    if (f.size() < 4) throw std::runtime_error("ipjson neigh: " + line);
    out.push_back(IpNeigh{f[0], f[1], f[2], f[3] == "router"});
  }
  return out;
}

int TestNamespace::ifindex(const std::string& dev) const {
  // Not /sys/class/net: sysfs shows the namespace it was mounted in, not this thread's.
  return std::stoi(run("ip -n " + name_ + " -o link show dev " + dev + " | cut -d: -f1"));
}

bool eventually(const std::function<bool()>& condition, std::chrono::milliseconds limit) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  for (;;) {
    if (condition()) return true;
    if (std::chrono::steady_clock::now() >= deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
}

}  // namespace kernel_test
