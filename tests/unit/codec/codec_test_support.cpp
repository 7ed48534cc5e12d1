#include "codec_test_support.hpp"

#include <catch2/catch.hpp>

namespace vrrp::test {
namespace {

void append(std::vector<std::uint8_t>& out, std::span<const std::uint8_t> bytes) {
  out.insert(out.end(), bytes.begin(), bytes.end());
}

std::vector<std::uint8_t> pseudo_header(ChecksumForm form, const IpAddress& source,
                                        const IpAddress& destination, std::size_t length) {
  std::vector<std::uint8_t> out;
  if (form == ChecksumForm::rfc5798) {  // RFC 768 style: src, dst, zero, protocol, length
    append(out, source.bytes());
    append(out, destination.bytes());
    out.push_back(0);
    out.push_back(112);
    out.push_back(static_cast<std::uint8_t>(length >> 8));
    out.push_back(static_cast<std::uint8_t>(length));
  } else if (form == ChecksumForm::rfc9568 && source.is_v6()) {  // RFC 8200 §8.1 figure
    append(out, source.bytes());
    append(out, destination.bytes());
    for (int shift = 24; shift >= 0; shift -= 8) {
      out.push_back(static_cast<std::uint8_t>(length >> shift));
    }
    out.insert(out.end(), {0, 0, 0, 112});
  }
  return out;
}

}  // namespace

std::uint16_t reference_fold_sum(const std::vector<std::uint8_t>& bytes) {
  std::vector<std::uint8_t> padded = bytes;
  if (padded.size() % 2 == 1) padded.push_back(0);
  std::uint32_t sum = 0;
  for (std::size_t i = 0; i < padded.size(); i += 2) {
    sum += static_cast<std::uint32_t>(padded[i]) * 256 + padded[i + 1];
    if (sum > 0xFFFF) sum = (sum & 0xFFFF) + 1;  // end-around carry, word by word
  }
  return static_cast<std::uint16_t>(sum);
}

std::uint16_t reference_checksum(ChecksumForm form, const IpAddress& source,
                                 const IpAddress& destination, std::vector<std::uint8_t> message) {
  if (message.size() >= 8) {
    message[6] = 0;
    message[7] = 0;
  }
  std::vector<std::uint8_t> all = pseudo_header(form, source, destination, message.size());
  all.insert(all.end(), message.begin(), message.end());
  return static_cast<std::uint16_t>(0xFFFF - reference_fold_sum(all));
}

bool reference_verifies(ChecksumForm form, const IpAddress& source, const IpAddress& destination,
                        const std::vector<std::uint8_t>& message) {
  std::vector<std::uint8_t> all = pseudo_header(form, source, destination, message.size());
  all.insert(all.end(), message.begin(), message.end());
  return reference_fold_sum(all) == 0xFFFF;
}

void set_checksum(std::vector<std::uint8_t>& message, ChecksumForm form, const IpAddress& source,
                  const IpAddress& destination) {
  REQUIRE(message.size() >= 8);
  const std::uint16_t sum = reference_checksum(form, source, destination, message);
  message[6] = static_cast<std::uint8_t>(sum >> 8);
  message[7] = static_cast<std::uint8_t>(sum);
}

IpAddress ip(std::string_view text) {
  const auto parsed = IpAddress::parse(text);
  REQUIRE(parsed.has_value());
  return *parsed;
}

PacketInfo info_v4(std::string_view source, std::uint8_t ttl) {
  return PacketInfo{Family::ipv4, ip(source), ip("224.0.0.18"), ttl};
}

PacketInfo info_v6(std::string_view source, std::uint8_t ttl) {
  return PacketInfo{Family::ipv6, ip(source), ip("ff02::12"), ttl};
}

std::vector<std::uint8_t> ipv4_packet(const PacketInfo& info, std::uint8_t protocol,
                                      const std::vector<std::uint8_t>& payload) {
  const std::size_t total = 20 + payload.size();
  std::vector<std::uint8_t> out = {0x45,
                                   0xc0,
                                   static_cast<std::uint8_t>(total >> 8),
                                   static_cast<std::uint8_t>(total),
                                   0,
                                   0,
                                   0,
                                   0,
                                   info.ttl,
                                   protocol,
                                   0,
                                   0};
  append(out, info.source.bytes());
  append(out, info.destination.bytes());
  const std::uint16_t sum = static_cast<std::uint16_t>(0xFFFF - reference_fold_sum(out));
  out[10] = static_cast<std::uint8_t>(sum >> 8);
  out[11] = static_cast<std::uint8_t>(sum);
  out.insert(out.end(), payload.begin(), payload.end());
  return out;
}

std::vector<std::uint8_t> ipv6_packet(const PacketInfo& info, std::uint8_t next_header,
                                      const std::vector<std::uint8_t>& payload) {
  std::vector<std::uint8_t> out = {0x60,
                                   0,
                                   0,
                                   0,
                                   static_cast<std::uint8_t>(payload.size() >> 8),
                                   static_cast<std::uint8_t>(payload.size()),
                                   next_header,
                                   info.ttl};
  append(out, info.source.bytes());
  append(out, info.destination.bytes());
  out.insert(out.end(), payload.begin(), payload.end());
  return out;
}

}  // namespace vrrp::test
