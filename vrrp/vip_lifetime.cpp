#include "vrrp/vip_lifetime.hpp"

#include <algorithm>

namespace vrrp {

std::chrono::seconds default_vip_lifetime(Centiseconds advert_interval) {
  const auto six = std::chrono::ceil<std::chrono::seconds>(advert_interval * 6);
  return std::max(six, kMinDefaultVipLifetime);
}

Duration vip_renewal_period(std::chrono::seconds lifetime) {
  if (lifetime <= kVipLifetimeForever) return Duration{0};
  return std::chrono::duration_cast<Duration>(lifetime) / 3;
}

}  // namespace vrrp
