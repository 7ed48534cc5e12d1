#include "vrrp/timers.hpp"

namespace vrrp {

namespace {
// One ProtocolInterval is 1/256 cs, so "x / 256 cs" is x of them.
constexpr ProtocolInterval over_256_cs(std::int64_t x) {
  return ProtocolInterval{x};
}
}  // namespace

ProtocolInterval skew_time(Version version, std::uint8_t priority,
                           Centiseconds active_adver_interval) {
  const std::int64_t weight = 256 - static_cast<std::int64_t>(priority);
  if (version == Version::v2) {
    // RFC 3768 §6.1: (256 - Priority) / 256 seconds = (256 - Priority) * 100 / 256 cs.
    return over_256_cs(weight * 100);
  }
  // RFC 9568 §6.1: ((256 - Priority) * Active_Adver_Interval) / 256 cs. Multiply, never divide.
  return over_256_cs(weight * active_adver_interval.count());
}

ProtocolInterval active_down_interval(Version version, std::uint8_t priority,
                                      Centiseconds active_adver_interval) {
  // RFC 9568 §6.1 / RFC 3768 §6.1: 3 * interval + Skew_Time.
  return 3 * ProtocolInterval{active_adver_interval} +
         skew_time(version, priority, active_adver_interval);
}

}  // namespace vrrp
