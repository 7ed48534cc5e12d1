#include "vrrp/checksum.hpp"

namespace vrrp {

void ChecksumAccumulator::add(std::span<const std::uint8_t> bytes) {
  const std::size_t n = bytes.size();
  std::size_t i = 0;
  if (odd_ && n > 0) {  // completes the word the previous span left open
    sum_ += bytes[0];
    odd_ = false;
    i = 1;
  }
  std::uint64_t sum = sum_;
  for (; i + 1 < n; i += 2) {
    sum += static_cast<std::uint32_t>(bytes[i]) << 8 | bytes[i + 1];
  }
  if (i < n) {  // RFC 1071: an odd byte is the high half of a word padded with zero
    sum += static_cast<std::uint32_t>(bytes[i]) << 8;
    odd_ = true;
  }
  sum_ = sum;
}

void ChecksumAccumulator::add16(std::uint16_t word) {
  if (odd_) {
    const std::uint8_t bytes[2] = {static_cast<std::uint8_t>(word >> 8),
                                   static_cast<std::uint8_t>(word)};
    add(bytes);
    return;
  }
  sum_ += word;
}

void ChecksumAccumulator::add32(std::uint32_t word) {
  add16(static_cast<std::uint16_t>(word >> 16));
  add16(static_cast<std::uint16_t>(word));
}

std::uint16_t ChecksumAccumulator::sum() const {
  std::uint64_t sum = sum_;
  while (sum >> 16)
    sum = (sum & 0xFFFF) + (sum >> 16);  // end-around carry
  return static_cast<std::uint16_t>(sum);
}

std::uint16_t vrrp_checksum(ChecksumForm form, const IpAddress& source,
                            const IpAddress& destination, std::span<const std::uint8_t> message) {
  ChecksumAccumulator acc;
  switch (form) {
    case ChecksumForm::rfc9568:
      if (source.is_v6()) {  // RFC 9568 §5.2.8 -> RFC 8200 §8.1
        acc.add(source.bytes());
        acc.add(destination.bytes());
        acc.add32(static_cast<std::uint32_t>(message.size()));
        acc.add32(kIpProtocolVrrp);
      }
      break;
    case ChecksumForm::rfc5798:  // the IPv4 pseudo-header of RFC 768 / RFC 793
      acc.add(source.bytes());
      acc.add(destination.bytes());
      acc.add16(kIpProtocolVrrp);
      acc.add16(static_cast<std::uint16_t>(message.size()));
      break;
    case ChecksumForm::v2:
      break;
    case ChecksumForm::bad:
      return 0;
  }
  if (message.size() <= kChecksumOffset) {
    acc.add(message);
  } else {
    acc.add(message.first(kChecksumOffset));
    acc.add16(0);  // the Checksum field counts as zero
    if (message.size() >= kChecksumOffset + 2) acc.add(message.subspan(kChecksumOffset + 2));
  }
  return acc.finish();
}

}  // namespace vrrp
