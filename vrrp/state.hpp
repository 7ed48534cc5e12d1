// The states of a VRRP instance: RFC 9568 §6.3 plus keepalived's Fault.
#pragma once

#include <cstdint>
#include <string_view>

namespace vrrp {

enum class State : std::uint8_t {
  initialize,  // RFC 9568 §6.4.1: configured, waiting for Startup (also after Shutdown)
  backup,      // RFC 9568 §6.4.2: monitoring the Active Router
  active,      // RFC 9568 §6.4.3: forwarding for the virtual addresses
  // keepalived's FAULT, not in the RFC: the interface is down or a tracker with weight 0
  // failed. No timers run, nothing is sent, adverts are ignored, addresses are not held.
  fault,
};

// "Initialize", "Backup", "Active", "Fault".
std::string_view to_string(State state);

}  // namespace vrrp
