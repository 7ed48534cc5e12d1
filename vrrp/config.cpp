#include "vrrp/config.hpp"

namespace vrrp {

const InstanceConfig* Config::find_instance(std::string_view name) const {
  for (const InstanceConfig& c : instances) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

const ScriptConfig* Config::find_script(std::string_view name) const {
  for (const ScriptConfig& s : scripts) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

std::string_view to_string(AddressScope scope) {
  switch (scope) {
    case AddressScope::global:
      return "global";
    case AddressScope::site:
      return "site";
    case AddressScope::link:
      return "link";
    case AddressScope::host:
      return "host";
    case AddressScope::nowhere:
      return "nowhere";
  }
  return "?";
}

std::string_view to_string(InitialState state) {
  return state == InitialState::master ? "MASTER" : "BACKUP";
}

std::string_view to_string(ChecksumMode mode) {
  switch (mode) {
    case ChecksumMode::automatic:
      return "auto";
    case ChecksumMode::rfc9568:
      return "rfc9568";
    case ChecksumMode::rfc5798:
      return "rfc5798";
  }
  return "auto";
}

}  // namespace vrrp
