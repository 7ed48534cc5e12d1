// Crash recovery: what this daemon has put into the kernel (VIPs per interface, macvlans it
// created), recorded under the state directory whenever it changes, so that a later run can
// take it all back after a SIGKILL or a power loss before anything else touches the network
// (issue 3: "no node ever holds a VIP it doesn't own").
//
// The record is a small text file, one resource per line:
//   # vrrpd owned resources
//   address <interface> <address>/<prefix length>
//   macvlan <name> <parent>
//   route <table> <metric> <type> <destination>/<length> <gateway> <device>
// ("-" for no metric, gateway or device; type unicast, blackhole, unreachable or prohibit).
// Interface names cannot contain white space (the kernel's dev_valid_name), so the format
// needs no quoting.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vrrp/ip_address.hpp"

namespace vrrp::daemon {

struct OwnedAddress {
  std::string interface;
  IpPrefix prefix;
  friend bool operator==(const OwnedAddress&, const OwnedAddress&) = default;
};

struct OwnedMacvlan {
  std::string name;
  std::string parent;
  friend bool operator==(const OwnedMacvlan&, const OwnedMacvlan&) = default;
};

// A virtual_routes entry we installed: what identifies it for the kernel's delete.
struct OwnedRoute {
  std::uint32_t table = 254;
  std::optional<std::uint32_t> metric;
  std::string type = "unicast";  // unicast, blackhole, unreachable, prohibit
  IpPrefix destination;
  std::optional<IpAddress> gateway;
  std::string device;  // empty: none
  friend bool operator==(const OwnedRoute&, const OwnedRoute&) = default;
};

struct OwnedResources {
  std::vector<OwnedAddress> addresses;
  std::vector<OwnedMacvlan> macvlans;
  std::vector<OwnedRoute> routes;

  bool empty() const { return addresses.empty() && macvlans.empty() && routes.empty(); }
  friend bool operator==(const OwnedResources&, const OwnedResources&) = default;
};

std::string serialize(const OwnedResources& owned);

struct ParsedRecord {
  OwnedResources owned;
  // "line N: why" for each line that was not understood; recovery still uses the rest.
  std::vector<std::string> errors;
};
ParsedRecord parse_record(std::string_view text);

// The record file in the state directory, written atomically (a temporary file in the same
// directory, then rename), so a crash mid-write leaves either the old record or the new one.
class StateRecord {
 public:
  // Creates `directory` (mode 0755) when missing; throws std::system_error naming it otherwise.
  explicit StateRecord(std::string directory);

  const std::string& path() const { return path_; }
  // Writes `owned`; when it is empty the file is removed instead.
  void save(const OwnedResources& owned);
  // The record an earlier run left, or an empty one when there is none.
  ParsedRecord load() const;
  void remove();

 private:
  std::string directory_;
  std::string path_;
};

}  // namespace vrrp::daemon
