// Test support: a throw-away network namespace that the calling thread enters, with a veth
// pair va <-> vb (both up), and helpers to ask `ip` what the kernel holds.
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <vector>

namespace kernel_test {

// Runs `sh -c command`; returns its standard output. Throws std::runtime_error with the
// command, exit status and standard error when it exits non-zero.
std::string run(const std::string& command);

// Splits text into lines and lines into tab-separated fields.
std::vector<std::string> lines(const std::string& text);
std::vector<std::string> fields(const std::string& line);

// One address as `ip -j addr show` reports it.
struct IpAddr {
  std::string local;
  int prefixlen = 0;
  std::string scope;
  std::string label;
  std::string broadcast;
  unsigned long valid_lft = 0;
  unsigned long preferred_lft = 0;
  std::string flags;  // comma-separated: secondary, nodad, noprefixroute, tentative, ...
  bool has_flag(const std::string& flag) const;
};

// One link as `ip -j -d link show` reports it.
struct IpLink {
  std::string name;
  std::string mac;
  std::string kind;
  std::string mode;           // macvlan mode
  std::string addr_gen_mode;  // inet6_addr_gen_mode
  std::string flags;          // comma-separated: UP, LOWER_UP, ...
  std::string operstate;
  std::string parent;
};

struct IpNeigh {
  std::string dst;
  std::string lladdr;
  std::string state;
  bool router = false;
};

// A namespace named vrrpk-<pid>-<n>. The constructor creates it, adds the veth pair va/vb and
// moves the calling thread into it (setns), so netlink sockets, packet sockets and /proc/sys
// writes made afterwards by this thread act inside it, and so do the commands run() starts.
// The destructor moves the thread back and deletes the namespace, with everything in it.
// Namespaces of earlier runs whose process is gone (a test killed by its timeout) are deleted
// by the next constructor.
class TestNamespace {
 public:
  TestNamespace();
  ~TestNamespace();
  TestNamespace(const TestNamespace&) = delete;
  TestNamespace& operator=(const TestNamespace&) = delete;

  const std::string& name() const { return name_; }

  // `ip -n <ns> <args>`: standard output.
  std::string ip(const std::string& args) const;

  std::vector<IpAddr> addresses(const std::string& dev) const;
  std::vector<IpLink> links() const;
  // nullopt-like: an IpLink with empty name when there is no such link.
  IpLink link(const std::string& dev) const;
  std::vector<std::string> multicast_groups6(const std::string& dev) const;
  std::vector<IpNeigh> neighbours(const std::string& dev) const;
  int ifindex(const std::string& dev) const;

  // Moves vb into a second namespace, <name>-c, the "client" on the far end of the veth, and
  // brings it up there. Deleted with this object. Returns the client namespace's name.
  const std::string& move_peer_to_client();
  // `ip netns exec <client> <command>`: standard output.
  std::string in_client(const std::string& command) const;

 private:
  std::string name_;
  std::string client_;
  int original_netns_ = -1;
};

// Polls `condition` every 20 ms until it holds or `limit` passes; returns whether it held.
bool eventually(const std::function<bool()>& condition,
                std::chrono::milliseconds limit = std::chrono::seconds(5));

}  // namespace kernel_test
