// The timer formulas of RFC 9568 §6.1 (VRRPv3) and RFC 3768 §6.1 (VRRPv2), evaluated exactly.
//
// ProtocolInterval is 1/256 of a centisecond, so "(256 - Priority) * Interval / 256" is a whole
// number of it for every priority and interval: no rounding, and a skew that can never truncate
// to zero (NOTES Part 4 item 4). Where a deadline is finally put on the nanosecond clock,
// deadline_after() rounds up, so a timer never fires before the RFC's instant.
#pragma once

#include <cstdint>

#include "vrrp/advert.hpp"
#include "vrrp/time.hpp"

namespace vrrp {

// RFC 9568 §6.1 Skew_Time = ((256 - Priority) * Active_Adver_Interval) / 256.
// RFC 3768 §6.1 (v2): Skew_Time = (256 - Priority) / 256 seconds, whatever the interval, so
// `active_adver_interval` is not used for Version::v2.
// `priority` is the local (effective) priority (an owner, 255, still has I/256).
ProtocolInterval skew_time(Version version, std::uint8_t priority,
                           Centiseconds active_adver_interval);

// RFC 9568 §6.1 Active_Down_Interval = 3 * Active_Adver_Interval + Skew_Time.
// RFC 3768 §6.1 (v2): Master_Down_Interval = 3 * Advertisement_Interval + Skew_Time, where the
// interval is the locally configured one (v2 learns nothing from the Master): pass it here.
ProtocolInterval active_down_interval(Version version, std::uint8_t priority,
                                      Centiseconds active_adver_interval);

}  // namespace vrrp
