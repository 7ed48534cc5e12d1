// libFuzzer target: the receive path of the core on hostile bytes. An input is two selector
// bytes and then an IP packet (IPv4 or IPv6, as a raw socket or a capture gives it):
//   selector[0] bits: 0 decode through parse_ip_packet + decode_advert with TtlCheck::deferred
//                       (the unicast path) instead of decode_ip_packet (the multicast path);
//                     1 receiver speaks the other version than the advert's;
//                     2 receiver is the address owner (local_priority 255);
//                     3 refuse the rfc9568 IPv4 checksum form; 4 refuse rfc5798;
//                     5 do not require the IPv6 link-local first address;
//                     6 skip the address list check; 7 receiver's VIPs are not the advert's.
//   selector[1]: the receiver's VRID when it differs from the advert's (0 = the advert's),
//                low bits also pick the receiver's interval and password.
// Properties checked beyond "no crash, no UB, no read outside the input":
//   - a decoded advert only views the input (addresses inside the buffer, sizes consistent);
//   - validate_for_receiver answers for every receiver config;
//   - round trip: an advert the encoder can express (VRID 1-255, v2 auth none/simple) is
//     re-encoded with the form its checksum matched and decodes to the same fields; without
//     trailing bytes and with Reserve 0, to the very same bytes.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <span>
#include <variant>
#include <vector>

#include "vrrp/advert.hpp"
#include "vrrp/codec.hpp"
#include "vrrp/ip_packet.hpp"
#include "vrrp/receive_validation.hpp"

namespace {

using namespace vrrp;

[[noreturn]] void fail(const char* what) {
  std::fprintf(stderr, "fuzz_advert: property violated: %s\n", what);
  std::abort();
}

void check(bool ok, const char* what) {
  if (!ok) fail(what);
}

bool inside(std::span<const std::uint8_t> part, std::span<const std::uint8_t> whole) {
  return part.empty() ||
         (part.data() >= whole.data() && part.data() + part.size() <= whole.data() + whole.size());
}

void check_round_trip(const PacketInfo& info, const DecodedAdvert& decoded,
                      std::span<const std::uint8_t> message) {
  const Advert& advert = decoded.advert;
  if (advert.vrid == 0) return;  // decoded (the receiver drops it by VRID); not encodable
  if (advert.version == Version::v2 && advert.auth_type != AuthType::none &&
      advert.auth_type != AuthType::simple_text) {
    return;  // IP AH (and unknown types) are received and compared, never sent
  }
  std::vector<IpAddress> addresses;
  for (std::size_t i = 0; i < advert.addresses.size(); ++i)
    addresses.push_back(advert.addresses[i]);

  EncodeRequest request;
  request.version = advert.version;
  request.vrid = advert.vrid;
  request.priority = advert.priority;
  request.interval = advert.max_advert_interval;
  request.auth_type = advert.auth_type;
  request.auth_data = advert.auth_data;
  request.addresses = addresses;
  request.checksum_form = advert.version == Version::v2 ? ChecksumForm::v2 : decoded.checksum_form;
  request.source = info.source;
  request.destination = info.destination;

  const std::vector<std::uint8_t> encoded = encode_advert(request);
  check(!encoded.empty(), "the encoder refuses an advert the decoder accepted");
  check(encoded.size() == encoded_size(request), "encoded_size disagrees with encode_advert");

  const auto again = decode_advert(info, encoded, TtlCheck::deferred);
  check(std::holds_alternative<DecodedAdvert>(again), "a re-encoded advert does not decode");
  const DecodedAdvert& d = std::get<DecodedAdvert>(again);
  const Advert& a = d.advert;
  check(a.version == advert.version, "round trip: version");
  check(a.vrid == advert.vrid, "round trip: vrid");
  check(a.priority == advert.priority, "round trip: priority");
  check(a.max_advert_interval == advert.max_advert_interval, "round trip: interval");
  check(a.reserve == 0, "round trip: Reserve is sent as 0");
  check(a.auth_type == advert.auth_type, "round trip: auth type");
  if (advert.auth_type == AuthType::simple_text) {
    check(a.auth_data == advert.auth_data, "round trip: auth data");
  }
  check(a.addresses.family() == advert.addresses.family(), "round trip: family");
  check(a.addresses.size() == advert.addresses.size(), "round trip: address count");
  const auto raw_a = a.addresses.raw();
  const auto raw_b = advert.addresses.raw();
  check(raw_a.size() == raw_b.size() && std::memcmp(raw_a.data(), raw_b.data(), raw_a.size()) == 0,
        "round trip: addresses");
  // The form asked for is matched (a v3 IPv4 sum may match both forms: then rfc9568 is named).
  if (advert.version == Version::v2) {
    check(d.checksum_form == ChecksumForm::v2, "round trip: v2 checksum form");
  } else if (request.checksum_form == ChecksumForm::rfc5798) {
    check(d.checksum_form == ChecksumForm::rfc5798 || d.matches_both_ipv4_forms,
          "round trip: rfc5798 checksum form");
  } else {
    check(d.checksum_form == ChecksumForm::rfc9568, "round trip: rfc9568 checksum form");
  }

  // Same bytes when nothing the encoder normalises was there: no trailing bytes, Reserve 0,
  // and for v2 without authentication an all-zero Authentication Data.
  const bool zero_auth_data = advert.version != Version::v2 ||
                              advert.auth_type == AuthType::simple_text ||
                              advert.auth_data == std::array<std::uint8_t, kV2AuthDataSize>{};
  if (message.size() == encoded.size() && advert.reserve == 0 && zero_auth_data) {
    // The Checksum apart: in one's complement 0x0000 and 0xFFFF are both zero, so a sender may
    // put either where the encoder puts 0x0000 (RFC 1071 §1: the receiver's sum is the same).
    constexpr std::size_t kChecksumAt = 6;
    check(std::memcmp(message.data(), encoded.data(), kChecksumAt) == 0 &&
              std::memcmp(message.data() + kChecksumAt + 2, encoded.data() + kChecksumAt + 2,
                          encoded.size() - kChecksumAt - 2) == 0,
          "round trip: the re-encoded advert differs from the received bytes");
    const std::uint16_t sent =
        static_cast<std::uint16_t>(encoded[kChecksumAt] << 8 | encoded[kChecksumAt + 1]);
    check(sent == advert.checksum || (sent == 0x0000 && advert.checksum == 0xFFFF),
          "round trip: the re-encoded Checksum differs from the received one");
  }
}

void validate_with_receivers(const DecodedAdvert& decoded, Family family, std::uint8_t s0,
                             std::uint8_t s1) {
  const Advert& advert = decoded.advert;
  std::vector<IpAddress> vips;
  if (s0 & 0x80) {
    vips.push_back(family == Family::ipv4 ? IpAddress::v4(192, 0, 2, 100)
                                          : *IpAddress::parse("2001:db8::100"));
  } else {
    for (std::size_t i = 0; i < advert.addresses.size(); ++i)
      vips.push_back(advert.addresses[i]);
  }
  ReceiverConfig config;
  const bool other_version = (s0 & 0x02) != 0;
  config.version = advert.version == Version::v3 ? (other_version ? Version::v2 : Version::v3)
                                                 : (other_version ? Version::v3 : Version::v2);
  config.family = family;
  config.vrid = s1 == 0 ? advert.vrid : s1;
  config.advert_interval = (s1 & 0x01) ? Centiseconds(100) : advert.max_advert_interval;
  config.local_priority = (s0 & 0x04) ? kOwnerPriority : 100;
  config.auth_type = advert.auth_type;
  config.auth_data = advert.auth_data;
  if (s1 & 0x02) config.auth_data[0] ^= 0x5A;
  config.virtual_addresses = vips;
  config.accept_rfc9568_checksum = (s0 & 0x08) == 0;
  config.accept_rfc5798_checksum = (s0 & 0x10) == 0;
  config.require_ipv6_link_local_first = (s0 & 0x20) == 0;
  config.check_address_list = (s0 & 0x40) == 0;

  const auto verdict = validate_for_receiver(decoded, config);
  if (const auto* notices = std::get_if<ReceiveNotices>(&verdict)) {
    check((notices->bits() & ~0x0F) == 0, "validate_for_receiver: unknown notice bits");
    check(config.vrid == advert.vrid, "validate_for_receiver accepted another VRID");
    check(config.version == advert.version, "validate_for_receiver accepted another version");
  }
  // The family the advert arrived in never matches a receiver of the other family.
  config.family = family == Family::ipv4 ? Family::ipv6 : Family::ipv4;
  check(std::holds_alternative<DropReason>(validate_for_receiver(decoded, config)),
        "validate_for_receiver accepted the other family");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  const std::uint8_t s0 = data[0];
  const std::uint8_t s1 = data[1];
  const std::span<const std::uint8_t> packet(data + 2, size - 2);

  PacketInfo info;
  std::span<const std::uint8_t> message;
  DecodedAdvert decoded;
  if (s0 & 0x01) {
    const auto parsed = parse_ip_packet(packet);
    const auto* ip = std::get_if<IpPacket>(&parsed);
    if (!ip) return 0;
    check(inside(ip->payload, packet), "parse_ip_packet: payload outside the packet");
    check(ip->info.source.family() == ip->info.family, "parse_ip_packet: source family");
    if (ip->protocol != kIpProtocolVrrp) return 0;
    const auto result = decode_advert(ip->info, ip->payload, TtlCheck::deferred);
    const auto* ok = std::get_if<DecodedAdvert>(&result);
    if (!ok) return 0;
    info = ip->info;
    message = ip->payload;
    decoded = *ok;
  } else {
    const auto result = decode_ip_packet(packet);
    const auto* ok = std::get_if<ReceivedAdvert>(&result);
    if (!ok) return 0;
    check(ok->info.ttl == kRequiredTtl, "decode_ip_packet accepted a TTL other than 255");
    info = ok->info;
    decoded = ok->decoded;
    // decode_ip_packet does not hand back the payload: find it again the same way.
    const auto parsed = parse_ip_packet(packet);
    message = std::get<IpPacket>(parsed).payload;
  }

  const Advert& advert = decoded.advert;
  check(advert.addresses.family() == info.family, "decoded addresses: family");
  check(!advert.addresses.empty(), "decoded an advert with no address");
  check(inside(advert.addresses.raw(), message), "decoded addresses outside the message");
  check(advert.addresses.raw().size() % address_size(info.family) == 0,
        "decoded addresses: partial address");
  check(advert.max_advert_interval.count() > 0, "decoded a zero interval");
  check(decoded.checksum_form != ChecksumForm::bad, "decoded with a bad checksum");

  validate_with_receivers(decoded, info.family, s0, s1);
  check_round_trip(info, decoded, message);
  return 0;
}
