// An IPv4 or IPv6 address as a plain value: the bytes in network order and the family.
// The protocol core never touches sockaddr or inet_pton; this is its only address type.
#pragma once

#include <array>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace vrrp {

enum class Family : std::uint8_t { ipv4 = 4, ipv6 = 6 };

std::string_view to_string(Family family);

// Bytes in an address of that family: 4 or 16.
constexpr std::size_t address_size(Family family) {
  return family == Family::ipv4 ? 4 : 16;
}

class IpAddress {
 public:
  // 0.0.0.0
  constexpr IpAddress() = default;

  static IpAddress v4(std::uint8_t a, std::uint8_t b, std::uint8_t c, std::uint8_t d);
  // Takes exactly address_size(family) bytes in network order.
  static IpAddress from_bytes(Family family, std::span<const std::uint8_t> bytes);
  // Dotted quad or RFC 4291 §2.2 text (with "::" and an embedded IPv4 tail). No zone, no prefix.
  static std::optional<IpAddress> parse(std::string_view text);

  Family family() const { return family_; }
  bool is_v4() const { return family_ == Family::ipv4; }
  bool is_v6() const { return family_ == Family::ipv6; }
  std::span<const std::uint8_t> bytes() const { return {bytes_.data(), address_size(family_)}; }
  std::size_t size() const { return address_size(family_); }

  // IPv6 fe80::/10 (RFC 4291 §2.5.6); IPv4 169.254.0.0/16 (RFC 3927).
  bool is_link_local() const;
  bool is_multicast() const;
  bool is_unspecified() const;

  // RFC 5952 canonical text for IPv6, dotted quad for IPv4.
  std::string to_string() const;

  // Orders by family, then as an unsigned integer in network byte order: the comparison
  // RFC 9568 §6.4.3 prescribes for the equal-priority tie-break.
  friend std::strong_ordering operator<=>(const IpAddress& a, const IpAddress& b);
  friend bool operator==(const IpAddress& a, const IpAddress& b) = default;

 private:
  Family family_ = Family::ipv4;
  std::array<std::uint8_t, 16> bytes_{};  // unused tail is zero for IPv4
};

// An address with a prefix length, as in "192.0.2.100/24".
struct IpPrefix {
  IpAddress address;
  std::uint8_t length = 0;

  // "addr" (host prefix: /32 or /128) or "addr/len".
  static std::optional<IpPrefix> parse(std::string_view text);
  std::string to_string() const;
  friend bool operator==(const IpPrefix&, const IpPrefix&) = default;
};

}  // namespace vrrp
