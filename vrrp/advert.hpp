// A VRRP ADVERTISEMENT as values: RFC 9568 §5.2 (VRRPv3) and RFC 3768 §5.3 (VRRPv2).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "vrrp/ip_address.hpp"
#include "vrrp/time.hpp"

namespace vrrp {

enum class Version : std::uint8_t { v2 = 2, v3 = 3 };

inline constexpr std::uint8_t kIpProtocolVrrp = 112;       // RFC 9568 §5.1.1.4, §5.1.2.4
inline constexpr std::uint8_t kRequiredTtl = 255;          // RFC 9568 §5.1.1.3, §5.1.2.3
inline constexpr std::uint8_t kTypeAdvertisement = 1;      // RFC 9568 §5.2.2
inline constexpr std::uint8_t kOwnerPriority = 255;        // RFC 9568 §5.2.4
inline constexpr std::uint8_t kResignPriority = 0;         // RFC 9568 §5.2.4
inline constexpr std::size_t kHeaderSize = 8;              // RFC 9568 §5.2
inline constexpr std::size_t kV2AuthDataSize = 8;          // RFC 3768 §5.3.10
inline constexpr std::uint16_t kMaxAdvertInterval = 4095;  // 12 bits, RFC 9568 §5.2.7

// RFC 3768 §5.3.6 Auth Type.
enum class AuthType : std::uint8_t { none = 0, simple_text = 1, ip_ah = 2 };

// Which sum a received checksum matches.
enum class ChecksumForm : std::uint8_t {
  rfc9568,  // v3: IPv4 over the VRRP message only; IPv6 with the RFC 8200 pseudo-header
  rfc5798,  // v3 IPv4 with an IPv4 pseudo-header (keepalived's and FRR's default)
  v2,       // RFC 3768 §5.3.8: the VRRP message only
  bad,      // none of the above
};
std::string_view to_string(ChecksumForm form);

// The address list of a decoded advert, viewed in the packet's buffer (no allocation).
class AddressList {
 public:
  AddressList() = default;
  AddressList(Family family, std::span<const std::uint8_t> raw) : family_(family), raw_(raw) {}

  Family family() const { return family_; }
  std::size_t size() const { return raw_.size() / address_size(family_); }
  bool empty() const { return raw_.empty(); }
  IpAddress operator[](std::size_t i) const {
    const std::size_t n = address_size(family_);
    return IpAddress::from_bytes(family_, raw_.subspan(i * n, n));
  }
  std::span<const std::uint8_t> raw() const { return raw_; }

 private:
  Family family_ = Family::ipv4;
  std::span<const std::uint8_t> raw_;
};

// The fields of an advert. For v2, `max_advert_interval` holds Adver Int (seconds) × 100, so
// every caller works in centiseconds (RFC 9568 §8.4.2 converts the same way).
struct Advert {
  Version version = Version::v3;
  std::uint8_t vrid = 0;
  std::uint8_t priority = 0;
  Centiseconds max_advert_interval{100};
  std::uint8_t reserve = 0;             // v3 §5.2.6: sent as 0, ignored on receive
  AuthType auth_type = AuthType::none;  // v2 only
  std::array<std::uint8_t, kV2AuthDataSize> auth_data{};  // v2 only
  std::uint16_t checksum = 0;                             // as received
  AddressList addresses;
};

}  // namespace vrrp
