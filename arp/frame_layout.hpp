// Internal to arp/: writing big-endian fields at fixed offsets of a frame.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>

namespace vrrp::arp::detail {

inline void put_u8(std::span<std::uint8_t> frame, std::size_t at, std::uint8_t v) {
  frame[at] = v;
}

inline void put_u16(std::span<std::uint8_t> frame, std::size_t at, std::uint16_t v) {
  frame[at] = static_cast<std::uint8_t>(v >> 8);
  frame[at + 1] = static_cast<std::uint8_t>(v);
}

inline void put_u32(std::span<std::uint8_t> frame, std::size_t at, std::uint32_t v) {
  put_u16(frame, at, static_cast<std::uint16_t>(v >> 16));
  put_u16(frame, at + 2, static_cast<std::uint16_t>(v));
}

inline void put_bytes(std::span<std::uint8_t> frame, std::size_t at,
                      std::span<const std::uint8_t> bytes) {
  std::copy(bytes.begin(), bytes.end(), frame.begin() + static_cast<std::ptrdiff_t>(at));
}

}  // namespace vrrp::arp::detail
