// The per-instance receive checks of RFC 9568 §7.1 (with Verified errata 8298 and 8300) and
// RFC 3768 §7.1, run after decode_advert for the instance the I/O layer found for
// (interface, family, VRID). Findings that only log come back as ReceiveNotices.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string_view>
#include <variant>

#include "vrrp/advert.hpp"
#include "vrrp/codec.hpp"
#include "vrrp/drop_reason.hpp"
#include "vrrp/ip_address.hpp"

namespace vrrp {

// Log-only findings (SHOULD log, subject to rate-limiting; the packet is processed).
enum class ReceiveNotice : std::uint8_t {
  interval_mismatch = 1,      // v3: RFC 9568 §7.1, §1.1 item 8 (v2 drops instead)
  address_list_mismatch = 2,  // RFC 9568 §7.1 MAY check (v2: also from an owner, RFC 3768 §7.1)
  owner_received_advert = 4,  // EID 8298: the owner processes the advert and logs
  ipv6_first_address_not_link_local = 8,  // EID 8300 when the instance does not enforce it
};
std::string_view to_string(ReceiveNotice notice);

// A set of ReceiveNotice.
class ReceiveNotices {
 public:
  constexpr ReceiveNotices() = default;
  constexpr ReceiveNotices(ReceiveNotice notice) : bits_(static_cast<std::uint8_t>(notice)) {}

  constexpr bool has(ReceiveNotice notice) const {
    return (bits_ & static_cast<std::uint8_t>(notice)) != 0;
  }
  constexpr bool empty() const { return bits_ == 0; }
  constexpr std::uint8_t bits() const { return bits_; }
  constexpr ReceiveNotices& operator|=(ReceiveNotices other) {
    bits_ |= other.bits_;
    return *this;
  }
  friend constexpr ReceiveNotices operator|(ReceiveNotices a, ReceiveNotices b) { return a |= b; }
  friend constexpr bool operator==(ReceiveNotices, ReceiveNotices) = default;

 private:
  std::uint8_t bits_ = 0;
};

struct ReceiverConfig {
  Version version = Version::v3;
  Family family = Family::ipv4;
  std::uint8_t vrid = 0;
  Centiseconds advert_interval{100};                      // the configured Advertisement_Interval
  std::uint8_t local_priority = 100;                      // 255 = the address owner
  AuthType auth_type = AuthType::none;                    // v2
  std::array<std::uint8_t, kV2AuthDataSize> auth_data{};  // v2 simple text password
  std::span<const IpAddress> virtual_addresses;           // as configured, for the MAY list check
  // v3 IPv4 checksum forms this instance accepts (NOTES Part 4.2). IPv6 and v2 have one form.
  bool accept_rfc9568_checksum = true;
  bool accept_rfc5798_checksum = true;
  // EID 8300: drop an IPv6 advert whose first address is not link-local. When false the
  // advert is processed and a notice returned: keepalived 2.2.7 lists only the VIPs, with no
  // link-local address, so enforcing this cuts it off.
  bool require_ipv6_link_local_first = true;
  // The address list check (RFC 9568 §7.1 MAY; RFC 3768 §7.1 drops). keepalived's
  // skip_check_adv_addr turns it off for an advert from the sender of the last accepted one.
  bool check_address_list = true;
};

// Checks, in order: family (address_family_mismatch), version (bad_version: a v3 instance
// drops v2 and the reverse; v2/v3 dual mode of RFC 9568 §8.4.2 is not implemented), VRID
// (vrid_not_configured), the checksum form policy (checksum_form_refused), for v2 the Auth Type
// (auth_type_mismatch) and the simple-text password (auth_data_mismatch), the EID 8300 first
// address, the address list (v3: notice; v2: RFC 3768 §7.1 drops unless the sender has
// priority 255: v2_address_list_mismatch), the interval (v3: notice; v2: v2_interval_mismatch),
// and the owner (EID 8298: notice, processed; RFC 9568 §7.1 as published would drop).
// Allocates nothing.
std::variant<ReceiveNotices, DropReason> validate_for_receiver(const DecodedAdvert& decoded,
                                                               const ReceiverConfig& config);

}  // namespace vrrp
