#include "arp/internet_checksum.hpp"

namespace vrrp::arp {

void InternetChecksum::add(std::span<const std::uint8_t> bytes) {
  std::size_t i = 0;
  for (; i + 1 < bytes.size(); i += 2) {
    sum_ += static_cast<std::uint32_t>(bytes[i] << 8 | bytes[i + 1]);
  }
  if (i < bytes.size()) sum_ += static_cast<std::uint32_t>(bytes[i] << 8);
  // Fold now and then so a long input cannot overflow 32 bits.
  while (sum_ > 0xFFFFu)
    sum_ = (sum_ & 0xFFFFu) + (sum_ >> 16);
}

std::uint16_t InternetChecksum::finish() const {
  std::uint32_t sum = sum_;
  while (sum > 0xFFFFu)
    sum = (sum & 0xFFFFu) + (sum >> 16);
  return static_cast<std::uint16_t>(~sum & 0xFFFFu);
}

}  // namespace vrrp::arp
