// Every reason a received packet is dropped before it reaches a state machine. Each reason is
// its own counter, its own stats line and its own rate-limited log line (RFC 9568 §7.1: "MUST
// discard the packet, SHOULD log the event").
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace vrrp {

enum class DropReason : std::uint8_t {
  // The IP layer (parse_ip_packet); only seen on captures, the kernel drops these itself.
  ip_header_malformed,  // not IPv4/IPv6, IHL < 5, total length < header, bad IPv4 option
  ip_truncated,         // fewer bytes than the IP header says
  ip_header_checksum,   // IPv4 header checksum wrong
  ip_fragment,          // MF set, offset non-zero, or an IPv6 Fragment header
  not_vrrp_protocol,    // protocol / Next Header is not 112
  // Stateless checks of RFC 9568 §7.1 / RFC 3768 §7.1 (decode_advert).
  ttl_not_255,         // RFC 9568 §5.1.1.3, §5.1.2.3
  bad_version,         // not 3, nor 2 over IPv4; or not the receiving instance's version
  bad_type,            // RFC 9568 §5.2.2
  too_short,           // RFC 9568 §7.1 "complete VRRP packet"; RFC 3768 adds the auth data
  bad_checksum,        // RFC 9568 §5.2.8: no known form matches
  address_count_zero,  // RFC 9568 §5.2.5, EID 8299
  interval_zero,       // EID 8301
  // Per-instance checks (validate_for_receiver).
  checksum_form_refused,              // a valid sum in a form this instance does not accept
  vrid_not_configured,                // RFC 9568 §7.1; also when the I/O layer finds no instance
  address_family_mismatch,            // RFC 9568 §5.2.9: the list's family is the header's
  ipv6_first_address_not_link_local,  // EID 8300 (when the instance enforces it)
  v2_interval_mismatch,               // RFC 3768 §7.1
  v2_address_list_mismatch,           // RFC 3768 §7.1: from a non-owner
  auth_type_mismatch,                 // RFC 3768 §5.3.6, §7.1
  auth_data_mismatch,                 // RFC 2338 §5.3.6.1 simple text password
  // The I/O layer's filters.
  own_advert,              // our own multicast looped back (NOTES Part 4.3)
  not_from_unicast_peer,   // keepalived's vrrp_check_unicast_src
  ttl_outside_peer_range,  // keepalived's unicast_peer min_ttl / max_ttl
  count_
};

inline constexpr std::size_t kDropReasonCount = static_cast<std::size_t>(DropReason::count_);

// Stable snake_case names, used in logs, stats files and metrics; never rename one.
std::string_view to_string(DropReason reason);

// One counter per reason.
class DropCounters {
 public:
  void count(DropReason reason) { ++counters_[index(reason)]; }
  std::uint64_t operator[](DropReason reason) const { return counters_[index(reason)]; }
  std::uint64_t total() const;
  void clear() { counters_.fill(0); }

 private:
  static std::size_t index(DropReason reason) {
    const auto i = static_cast<std::size_t>(reason);
    return i < kDropReasonCount ? i : kDropReasonCount;  // count_ and beyond share a sink
  }
  std::array<std::uint64_t, kDropReasonCount + 1> counters_{};
};

}  // namespace vrrp
