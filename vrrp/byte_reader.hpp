// A bounds-checked reader over received bytes: the only way the codec looks at a packet.
// A read past the end returns zero (or an empty span) and latches failed(); nothing is ever
// read outside the span, so a truncated or hostile packet cannot cause an over-read.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace vrrp {

class ByteReader {
 public:
  explicit ByteReader(std::span<const std::uint8_t> bytes) : bytes_(bytes) {}

  std::size_t position() const { return pos_; }
  std::size_t remaining() const { return bytes_.size() - pos_; }
  bool failed() const { return failed_; }

  std::uint8_t u8() {
    if (!take(1)) return 0;
    return bytes_[pos_ - 1];
  }
  // Network byte order.
  std::uint16_t u16() {
    if (!take(2)) return 0;
    return static_cast<std::uint16_t>(bytes_[pos_ - 2] << 8 | bytes_[pos_ - 1]);
  }
  std::uint32_t u32() {
    const std::uint32_t high = u16();
    return high << 16 | u16();
  }
  std::span<const std::uint8_t> bytes(std::size_t n) {
    if (!take(n)) return {};
    return bytes_.subspan(pos_ - n, n);
  }
  void skip(std::size_t n) { take(n); }
  // Everything not read yet.
  std::span<const std::uint8_t> rest() const { return bytes_.subspan(pos_); }

 private:
  bool take(std::size_t n) {
    if (failed_ || n > remaining()) {
      failed_ = true;
      return false;
    }
    pos_ += n;
    return true;
  }

  std::span<const std::uint8_t> bytes_;
  std::size_t pos_ = 0;
  bool failed_ = false;
};

}  // namespace vrrp
