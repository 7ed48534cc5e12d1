#include "vrrp/machine_config.hpp"

namespace vrrp {

std::optional<std::string> config_error(const MachineConfig& config) {
  if (config.vrid == 0) return "VRID must be 1-255 (RFC 9568 §6.1)";
  if (config.priority == 0) return "priority must be 1-255 (0 is reserved, RFC 9568 §6.1)";
  if (config.preempt_delay < Duration::zero()) return "preempt_delay must not be negative";
  if (config.primary_address.family() != config.family) {
    return "primary address is not of the instance's address family";
  }
  const auto cs = config.advert_interval.count();
  if (config.version == Version::v2) {
    if (config.family != Family::ipv4) return "VRRPv2 is IPv4 only (RFC 3768)";
    // RFC 3768 §5.3.7: Adver Int is 8 bits of seconds.
    if (cs < 100 || cs > 255 * 100 || cs % 100 != 0) {
      return "VRRPv2 advertisement interval must be 1-255 whole seconds (RFC 3768 §5.3.7)";
    }
  } else if (cs < 1 || cs > kMaxAdvertInterval) {
    return "advertisement interval must be 1-4095 centiseconds (RFC 9568 §6.1, EID 8301)";
  }
  return std::nullopt;
}

}  // namespace vrrp
