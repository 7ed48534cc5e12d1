#include "vrrp/daemon/ownership.hpp"

#include <algorithm>
#include <exception>

#include "vrrp/daemon/log.hpp"

namespace vrrp::daemon {

bool Ownership::owns_address(const std::string& interface, const IpPrefix& prefix) const {
  return std::find(owned_.addresses.begin(), owned_.addresses.end(),
                   OwnedAddress{interface, prefix}) != owned_.addresses.end();
}

void Ownership::add_address(const std::string& interface, const IpPrefix& prefix) {
  if (owns_address(interface, prefix)) return;
  owned_.addresses.push_back({interface, prefix});
  save();
}

void Ownership::remove_address(const std::string& interface, const IpPrefix& prefix) {
  const auto before = owned_.addresses.size();
  std::erase(owned_.addresses, OwnedAddress{interface, prefix});
  if (owned_.addresses.size() != before) save();
}

void Ownership::add_macvlan(const std::string& name, const std::string& parent) {
  owned_.macvlans.push_back({name, parent});
  save();
}

void Ownership::remove_macvlan(const std::string& name) {
  const auto before = owned_.macvlans.size();
  std::erase_if(owned_.macvlans, [&](const OwnedMacvlan& m) { return m.name == name; });
  if (owned_.macvlans.size() != before) save();
}

void Ownership::add_route(const OwnedRoute& route) {
  if (std::find(owned_.routes.begin(), owned_.routes.end(), route) != owned_.routes.end()) return;
  owned_.routes.push_back(route);
  save();
}

void Ownership::remove_route(const OwnedRoute& route) {
  const auto before = owned_.routes.size();
  std::erase(owned_.routes, route);
  if (owned_.routes.size() != before) save();
}

void Ownership::save() {
  // In the event loop a failed write must not stop VRRP; it only weakens crash recovery.
  try {
    record_.save(owned_);
  } catch (const std::exception& e) {
    log_error("cannot record owned resources for crash recovery: {}", e.what());
  }
}

}  // namespace vrrp::daemon
