// The text of the log lines users and tests grep for. Kept in one place, and pure, so the
// exact wording is unit-tested and the man page can quote it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "vrrp/actions.hpp"
#include "vrrp/advert.hpp"
#include "vrrp/config.hpp"
#include "vrrp/drop_reason.hpp"
#include "vrrp/ip_address.hpp"

namespace vrrp::daemon {

// "VI_1: Backup -> Active (active down timer expired, priority 100)"
// A move by a sync group names it: "VI_2: Active -> Fault (sync group G1, priority 100)".
std::string format_state_change(std::string_view instance, const StateChanged& change,
                                std::string_view sync_group = {});

// "VI_1: dropped advert from 192.0.2.2: ttl_not_255" with ", 12 similar suppressed" appended
// when the rate limiter held some back, and ": <detail>" after the reason when there is one.
std::string format_drop(std::string_view where, const IpAddress& source, DropReason reason,
                        std::uint64_t suppressed, std::string_view detail = {});

// The detail of a checksum_form_refused drop: "checksum in RFC 5798 form, expected RFC 9568
// (checksum rfc9568)".
std::string format_checksum_refused(ChecksumForm received, ChecksumMode mode);

}  // namespace vrrp::daemon
