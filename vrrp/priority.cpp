#include "vrrp/priority.hpp"

#include <algorithm>

#include "vrrp/advert.hpp"

namespace vrrp {

std::uint8_t effective_priority(std::uint8_t base_priority, int total_weight) {
  if (base_priority == kOwnerPriority) return kOwnerPriority;
  // Sum in a wide type: a base of 254 plus a weight near INT_MAX must not overflow.
  const long long sum = static_cast<long long>(base_priority) + total_weight;
  return static_cast<std::uint8_t>(
      std::clamp<long long>(sum, kMinBackupPriority, kMaxBackupPriority));
}

}  // namespace vrrp
