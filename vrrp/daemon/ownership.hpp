// What this run of the daemon has put into the kernel, kept in memory and mirrored to the state
// record on every change. Write-ahead: a resource is recorded before it is created and dropped
// from the record after it is removed, so a crash at any instant leaves a record that covers
// everything in the kernel (at worst naming something already gone, which recovery skips).
#pragma once

#include <string>

#include "vrrp/daemon/state_record.hpp"
#include "vrrp/ip_address.hpp"

namespace vrrp::daemon {

class Ownership {
 public:
  explicit Ownership(StateRecord& record) : record_(record) {}

  bool owns_address(const std::string& interface, const IpPrefix& prefix) const;
  void add_address(const std::string& interface, const IpPrefix& prefix);
  void remove_address(const std::string& interface, const IpPrefix& prefix);
  void add_macvlan(const std::string& name, const std::string& parent);
  void remove_macvlan(const std::string& name);
  void add_route(const OwnedRoute& route);
  void remove_route(const OwnedRoute& route);

  const OwnedResources& owned() const { return owned_; }

 private:
  void save();

  StateRecord& record_;
  OwnedResources owned_;
};

}  // namespace vrrp::daemon
