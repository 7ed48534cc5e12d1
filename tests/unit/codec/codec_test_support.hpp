// Helpers shared by the codec tests: an independent reference checksum and packet builders.
#pragma once

#include <catch2/catch.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "vrrp/advert.hpp"
#include "vrrp/codec.hpp"
#include "vrrp/drop_reason.hpp"
#include "vrrp/ip_address.hpp"
#include "vrrp/ip_packet.hpp"

namespace vrrp::test {

// A deliberately naive RFC 1071 sum, written apart from vrrp/checksum.cpp: the bytes are
// copied into one buffer (pseudo-header first), padded to even length, read as big-endian
// 16-bit words into a uint32 with the carry folded back after every word.
std::uint16_t reference_fold_sum(const std::vector<std::uint8_t>& bytes);
// The checksum field value for `message` (its bytes 6-7 zeroed) under `form`.
std::uint16_t reference_checksum(ChecksumForm form, const IpAddress& source,
                                 const IpAddress& destination, std::vector<std::uint8_t> message);
// Whether `message` as received verifies under `form`, the receiver's way: the sum over
// pseudo-header and message, checksum field included, is 0xFFFF.
bool reference_verifies(ChecksumForm form, const IpAddress& source, const IpAddress& destination,
                        const std::vector<std::uint8_t>& message);

// Rewrites bytes 6-7 of `message` with the right checksum for `form`.
void set_checksum(std::vector<std::uint8_t>& message, ChecksumForm form, const IpAddress& source,
                  const IpAddress& destination);

IpAddress ip(std::string_view text);  // parses or fails the test

PacketInfo info_v4(std::string_view source = "192.0.2.10", std::uint8_t ttl = 255);
PacketInfo info_v6(std::string_view source = "fe80::a", std::uint8_t ttl = 255);

// An IPv4 packet (20-byte header, right header checksum) around `payload`.
std::vector<std::uint8_t> ipv4_packet(const PacketInfo& info, std::uint8_t protocol,
                                      const std::vector<std::uint8_t>& payload);
// An IPv6 packet (no extension headers) around `payload`.
std::vector<std::uint8_t> ipv6_packet(const PacketInfo& info, std::uint8_t next_header,
                                      const std::vector<std::uint8_t>& payload);

// The reason a decode result holds, or nullopt-like "accepted" as std::nullopt.
template <typename T>
const DropReason* drop_of(const std::variant<T, DropReason>& result) {
  return std::get_if<DropReason>(&result);
}

}  // namespace vrrp::test

namespace Catch {
template <>
struct StringMaker<vrrp::DropReason> {
  static std::string convert(vrrp::DropReason reason) { return std::string(to_string(reason)); }
};
template <>
struct StringMaker<std::optional<vrrp::DropReason>> {
  static std::string convert(const std::optional<vrrp::DropReason>& reason) {
    return reason ? std::string(to_string(*reason)) : std::string("accepted");
  }
};
template <>
struct StringMaker<vrrp::ChecksumForm> {
  static std::string convert(vrrp::ChecksumForm form) { return std::string(to_string(form)); }
};
}  // namespace Catch
