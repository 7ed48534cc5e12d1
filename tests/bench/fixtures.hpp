// Adverts and instance configurations shared by the benchmarks: what a receiver sees in steady
// state, built with the project's own encoder so the bytes are valid by construction.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "vrrp/advert.hpp"
#include "vrrp/codec.hpp"
#include "vrrp/ip_address.hpp"
#include "vrrp/ip_packet.hpp"
#include "vrrp/receive_validation.hpp"

namespace vrrp::bench {

inline constexpr std::uint8_t kVrid = 51;

// `count` distinct IPv4 test addresses (192.0.2.0/24, then 198.51.100.0/24).
std::vector<IpAddress> ipv4_addresses(std::size_t count);
// fe80::1 first (RFC 9568 §5.2.9), then count - 1 addresses in 2001:db8::/32.
std::vector<IpAddress> ipv6_addresses(std::size_t count);

// One received advert: the IP layer's facts, the VRRP message, and the receiving instance.
struct ReceivedCase {
  PacketInfo info;
  std::vector<IpAddress> addresses;  // the advert's list, and the instance's configured VIPs
  std::vector<std::uint8_t> message;
  ReceiverConfig receiver;
};

// A valid VRRPv3 advert from 192.0.2.1 to 224.0.0.18 (or fe80::1 to ff02::12), priority 200,
// interval 100 cs, and an instance (priority 100, same VIPs) that accepts it.
ReceivedCase v3_case(Family family, std::size_t address_count,
                     ChecksumForm form = ChecksumForm::rfc9568);
// The same over VRRPv2 (IPv4, Auth Type 0, interval 1 s).
ReceivedCase v2_case(std::size_t address_count);

// The VRRP message `message` behind a 20-byte IPv4 header (TTL 255, protocol 112, a valid
// header checksum), as a raw IPv4 socket delivers it.
std::vector<std::uint8_t> with_ipv4_header(const PacketInfo& info,
                                           const std::vector<std::uint8_t>& message);

}  // namespace vrrp::bench
