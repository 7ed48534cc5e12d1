#include "fixtures.hpp"

#include <algorithm>
#include <stdexcept>

namespace vrrp::bench {

std::vector<IpAddress> ipv4_addresses(std::size_t count) {
  std::vector<IpAddress> out;
  for (std::size_t i = 0; i < count; ++i) {
    out.push_back(i < 254 ? IpAddress::v4(192, 0, 2, static_cast<std::uint8_t>(i + 1))
                          : IpAddress::v4(198, 51, 100, static_cast<std::uint8_t>(i - 253)));
  }
  return out;
}

std::vector<IpAddress> ipv6_addresses(std::size_t count) {
  std::vector<IpAddress> out;
  for (std::size_t i = 0; i < count; ++i) {
    std::array<std::uint8_t, 16> bytes{};
    if (i == 0) {
      bytes[0] = 0xfe;
      bytes[1] = 0x80;
      bytes[15] = 1;
    } else {
      bytes[0] = 0x20;
      bytes[1] = 0x01;
      bytes[2] = 0x0d;
      bytes[3] = 0xb8;
      bytes[14] = static_cast<std::uint8_t>(i >> 8);
      bytes[15] = static_cast<std::uint8_t>(i);
    }
    out.push_back(IpAddress::from_bytes(Family::ipv6, bytes));
  }
  return out;
}

namespace {

ReceivedCase make_case(Version version, Family family, std::size_t address_count, ChecksumForm form,
                       Centiseconds interval) {
  ReceivedCase c;
  c.info.family = family;
  c.info.ttl = kRequiredTtl;
  if (family == Family::ipv4) {
    c.info.source = IpAddress::v4(192, 0, 2, 1);
    c.info.destination = IpAddress::v4(224, 0, 0, 18);
    c.addresses = ipv4_addresses(address_count);
  } else {
    c.info.source = *IpAddress::parse("fe80::1");
    c.info.destination = *IpAddress::parse("ff02::12");
    c.addresses = ipv6_addresses(address_count);
  }

  EncodeRequest request;
  request.version = version;
  request.vrid = kVrid;
  request.priority = 200;
  request.interval = interval;
  request.addresses = c.addresses;
  request.checksum_form = form;
  request.source = c.info.source;
  request.destination = c.info.destination;
  c.message = encode_advert(request);
  if (c.message.empty()) throw std::logic_error("bench: the encoder refused the request");

  c.receiver.version = version;
  c.receiver.family = family;
  c.receiver.vrid = kVrid;
  c.receiver.advert_interval = interval;
  c.receiver.local_priority = 100;
  c.receiver.virtual_addresses = c.addresses;
  return c;
}

}  // namespace

ReceivedCase v3_case(Family family, std::size_t address_count, ChecksumForm form) {
  return make_case(Version::v3, family, address_count, form, Centiseconds{100});
}

ReceivedCase v2_case(std::size_t address_count) {
  return make_case(Version::v2, Family::ipv4, address_count, ChecksumForm::v2, Centiseconds{100});
}

std::vector<std::uint8_t> with_ipv4_header(const PacketInfo& info,
                                           const std::vector<std::uint8_t>& message) {
  const std::size_t total = 20 + message.size();
  std::vector<std::uint8_t> packet(total);
  std::copy(message.begin(), message.end(), packet.begin() + 20);
  packet[0] = 0x45;  // version 4, IHL 5
  packet[2] = static_cast<std::uint8_t>(total >> 8);
  packet[3] = static_cast<std::uint8_t>(total);
  packet[6] = 0x40;  // DF, no fragment
  packet[8] = info.ttl;
  packet[9] = kIpProtocolVrrp;
  const auto src = info.source.bytes();
  const auto dst = info.destination.bytes();
  for (std::size_t i = 0; i < 4; ++i) {
    packet[12 + i] = src[i];
    packet[16 + i] = dst[i];
  }
  // RFC 791 header checksum, computed here independently of the core's checksum code.
  std::uint32_t sum = 0;
  for (std::size_t i = 0; i < 20; i += 2)
    sum += (packet[i] << 8) | packet[i + 1];
  while (sum >> 16)
    sum = (sum & 0xffff) + (sum >> 16);
  const auto checksum = static_cast<std::uint16_t>(~sum);
  packet[10] = static_cast<std::uint8_t>(checksum >> 8);
  packet[11] = static_cast<std::uint8_t>(checksum);
  return packet;
}

}  // namespace vrrp::bench
