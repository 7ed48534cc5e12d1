#include "vrrp/daemon/accept_filter.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <set>

#include <fmt/format.h>

namespace vrrp::daemon {

std::string accept_filter_script(const std::vector<InstanceConfig>& instances) {
  std::set<std::string> v4, v6;
  for (const InstanceConfig& c : instances) {
    // The owner always accepts (§6.4.3), whatever Accept_Mode says.
    if (c.accept_mode || c.priority == kOwnerPriority) continue;
    for (const auto* list : {&c.virtual_addresses, &c.virtual_addresses_excluded}) {
      for (const VirtualAddress& vip : *list) {
        const IpAddress& a = vip.prefix.address;
        (a.is_v4() ? v4 : v6).insert(a.to_string());
      }
    }
  }
  if (v4.empty() && v6.empty()) return {};
  std::string s = accept_filter_removal_script();
  s += fmt::format("table inet {} {{\n", kAcceptFilterTable);
  s += "  chain input {\n    type filter hook input priority 0; policy accept;\n";
  if (!v4.empty()) s += fmt::format("    ip daddr {{ {} }} drop\n", fmt::join(v4, ", "));
  if (!v6.empty()) {
    s += fmt::format(
        "    ip6 daddr {{ {} }} icmpv6 type {{ nd-neighbor-solicit, nd-neighbor-advert }} "
        "accept\n",
        fmt::join(v6, ", "));
    s += fmt::format("    ip6 daddr {{ {} }} drop\n", fmt::join(v6, ", "));
  }
  s += "  }\n}\n";
  return s;
}

std::string accept_filter_removal_script() {
  // "add" then "delete": deleting a table that does not exist is an error for nft.
  return fmt::format("add table inet {0}\ndelete table inet {0}\n", kAcceptFilterTable);
}

std::optional<std::string> run_nft(const std::string& script) {
  int in[2];
  if (::pipe2(in, O_CLOEXEC) != 0) return fmt::format("nft: pipe: {}", std::strerror(errno));
  const pid_t pid = ::fork();
  if (pid < 0) {
    const int error = errno;
    ::close(in[0]);
    ::close(in[1]);
    return fmt::format("nft: fork: {}", std::strerror(error));
  }
  if (pid == 0) {
    // The daemon blocks its signals for its signalfd; nft should see the default mask.
    sigset_t none;
    sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    ::dup2(in[0], STDIN_FILENO);
    const char* argv[] = {"nft", "-f", "-", nullptr};
    ::execvp("nft", const_cast<char* const*>(argv));
    ::_exit(127);
  }
  ::close(in[0]);
  const char* p = script.data();
  std::size_t left = script.size();
  while (left > 0) {
    const ssize_t n = ::write(in[1], p, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    p += n;
    left -= static_cast<std::size_t>(n);
  }
  ::close(in[1]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return std::nullopt;
  if (WIFEXITED(status) && WEXITSTATUS(status) == 127) return "nft: not found (install nftables)";
  return fmt::format("nft -f - failed (status {})", WIFEXITED(status) ? WEXITSTATUS(status) : -1);
}

}  // namespace vrrp::daemon
