// The Internet checksum (RFC 1071) and the VRRP checksum in each of its three forms.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

#include "vrrp/advert.hpp"
#include "vrrp/ip_address.hpp"

namespace vrrp {

// RFC 1071 one's-complement sum over any sequence of byte spans and 16-bit words, in order.
// A span of odd length is continued by the next add (the byte stream is summed as one), so
// splitting the data never changes the result.
class ChecksumAccumulator {
 public:
  void add(std::span<const std::uint8_t> bytes);
  void add16(std::uint16_t word);
  void add32(std::uint32_t word);

  // The folded one's-complement sum so far. A message whose checksum field is right sums,
  // together with its pseudo-header, to 0xFFFF (RFC 1071 §1 (3)).
  std::uint16_t sum() const;
  // The value for a checksum field: the one's complement of sum().
  std::uint16_t finish() const { return static_cast<std::uint16_t>(~sum()); }

 private:
  std::uint64_t sum_ = 0;  // unfolded; 2^48 words before it could overflow
  bool odd_ = false;       // the last byte added sits in the high half of a word
};

// Byte offset of the Checksum field in a VRRP message (RFC 9568 §5.1, RFC 3768 §5.1).
inline constexpr std::size_t kChecksumOffset = 6;

// The VRRP checksum of `message` in the given form, with the Checksum field (bytes 6-7)
// treated as zero. `message` is exactly the span the sum covers.
//   rfc9568: IPv4: the message only (RFC 9568 §5.2.8). IPv6: the RFC 8200 §8.1 pseudo-header
//            (source, destination, 32-bit length, zeros, Next Header 112) and the message.
//   rfc5798: IPv4 pseudo-header (source, destination, 0, 112, 16-bit length) and the message:
//            how keepalived (default) and FRR (default) read RFC 5798 §5.2.8.
//   v2:      the message only (RFC 3768 §5.3.8).
//   bad:     not a form; returns 0.
// The family of the pseudo-header is the family of `source`.
std::uint16_t vrrp_checksum(ChecksumForm form, const IpAddress& source,
                            const IpAddress& destination, std::span<const std::uint8_t> message);

}  // namespace vrrp
