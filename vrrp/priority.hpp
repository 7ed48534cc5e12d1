// The effective priority of a VRRP instance: its configured priority moved by tracker weights
// (keepalived's track_script / track_interface "weight").
#pragma once

#include <cstdint>

namespace vrrp {

// Lowest and highest priority a backing-up router may hold (RFC 9568 §6.1: 1-254; 0 means
// "resigning" and 255 "address owner", and neither can be reached through weights).
inline constexpr std::uint8_t kMinBackupPriority = 1;
inline constexpr std::uint8_t kMaxBackupPriority = 254;

// `base_priority` plus `total_weight` (the sum of the weights of the trackers that currently
// apply, negative or positive), clamped to 1..254. An address owner (base 255) always stays
// 255: RFC 9568 §6.1 reserves 255 for the owner, which always wins the election, and keepalived
// ignores weights for an owner as well.
std::uint8_t effective_priority(std::uint8_t base_priority, int total_weight);

}  // namespace vrrp
