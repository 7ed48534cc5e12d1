// An IEEE 802 MAC address as a plain value, and the VRRP virtual router MAC (RFC 9568 §7.3).
// Header-only so that arp/ can use it without linking libnl.
#pragma once

#include <array>
#include <cstdint>
#include <cstdio>
#include <string>

#include "vrrp/ip_address.hpp"

namespace vrrp::netlink {

struct MacAddress {
  std::array<std::uint8_t, 6> bytes{};

  static constexpr MacAddress broadcast() { return {{0xff, 0xff, 0xff, 0xff, 0xff, 0xff}}; }

  // "00:00:5e:00:01:0a"
  std::string to_string() const {
    char text[18];
    std::snprintf(text, sizeof text, "%02x:%02x:%02x:%02x:%02x:%02x", bytes[0], bytes[1], bytes[2],
                  bytes[3], bytes[4], bytes[5]);
    return text;
  }

  friend bool operator==(const MacAddress&, const MacAddress&) = default;
};

// RFC 9568 §7.3: 00-00-5E-00-01-{VRID} for IPv4 and 00-00-5E-00-02-{VRID} for IPv6, the VRID
// in the last octet. The IPv4 and IPv6 virtual routers of one VRID are distinct routers with
// distinct MACs (§1, §3).
constexpr MacAddress virtual_router_mac(Family family, std::uint8_t vrid) {
  const std::uint8_t block = family == Family::ipv4 ? 0x01 : 0x02;
  return {{0x00, 0x00, 0x5e, 0x00, block, vrid}};
}

// True for a MAC in either VRRP block (00:00:5e:00:01:xx or 00:00:5e:00:02:xx). Used to
// recognise a VMAC, e.g. one left behind by a crashed run.
constexpr bool is_virtual_router_mac(const MacAddress& mac) {
  return mac.bytes[0] == 0x00 && mac.bytes[1] == 0x00 && mac.bytes[2] == 0x5e &&
         mac.bytes[3] == 0x00 && (mac.bytes[4] == 0x01 || mac.bytes[4] == 0x02);
}

}  // namespace vrrp::netlink
