// decode_advert: RFC 9568 §5.2 / §7.1 and RFC 3768 §5.3 / §7.1, stateless part.
#include "vrrp/byte_reader.hpp"
#include "vrrp/checksum.hpp"
#include "vrrp/codec.hpp"

namespace vrrp {
namespace {

constexpr std::uint8_t kVersion2 = 2;
constexpr std::uint8_t kVersion3 = 3;
constexpr std::uint16_t kSumOk = 0xFFFF;  // a right checksum makes the whole sum 0xFFFF

// Which forms a span's sum matches. `body` is the one's-complement sum of the span with the
// received Checksum field in it; the pseudo-headers are added on copies.
struct FormMatch {
  bool rfc9568 = false;
  bool rfc5798 = false;
  bool v2 = false;
};

FormMatch match_forms(const PacketInfo& info, std::uint8_t version, const ChecksumAccumulator& body,
                      std::size_t length) {
  FormMatch match;
  if (version == kVersion2) {  // RFC 3768 §5.3.8: no pseudo-header
    match.v2 = body.sum() == kSumOk;
    return match;
  }
  if (info.family == Family::ipv4) {
    match.rfc9568 = body.sum() == kSumOk;  // RFC 9568 §5.2.8: the message only
    ChecksumAccumulator with_pseudo;       // RFC 5798 read with an IPv4 pseudo-header
    with_pseudo.add16(body.sum());         // sums add as words; `body` may end on an odd byte
    with_pseudo.add(info.source.bytes());
    with_pseudo.add(info.destination.bytes());
    with_pseudo.add16(kIpProtocolVrrp);
    with_pseudo.add16(static_cast<std::uint16_t>(length));
    match.rfc5798 = with_pseudo.sum() == kSumOk;
    return match;
  }
  ChecksumAccumulator with_pseudo;  // RFC 9568 §5.2.8 -> RFC 8200 §8.1
  with_pseudo.add16(body.sum());
  with_pseudo.add(info.source.bytes());
  with_pseudo.add(info.destination.bytes());
  with_pseudo.add32(static_cast<std::uint32_t>(length));
  with_pseudo.add32(kIpProtocolVrrp);
  match.rfc9568 = with_pseudo.sum() == kSumOk;
  return match;
}

}  // namespace

std::variant<DecodedAdvert, DropReason> decode_advert(const PacketInfo& info,
                                                      std::span<const std::uint8_t> vrrp_message,
                                                      TtlCheck ttl) {
  // RFC 9568 §5.1.1.3, §5.1.2.3, §7.1; RFC 3768 §5.2.3 (RFC 5082 GTSM).
  if (ttl == TtlCheck::rfc && info.ttl != kRequiredTtl) return DropReason::ttl_not_255;

  ByteReader r(vrrp_message);
  const std::uint8_t version_type = r.u8();
  if (r.failed()) return DropReason::too_short;
  const std::uint8_t version = version_type >> 4;
  // RFC 9568 §7.1 version 3; RFC 3768 is IPv4 only. Whether the receiving instance speaks this
  // version is validate_for_receiver's question.
  if (version != kVersion3 && !(version == kVersion2 && info.family == Family::ipv4)) {
    return DropReason::bad_version;
  }
  if ((version_type & 0x0F) != kTypeAdvertisement) return DropReason::bad_type;  // §5.2.2

  const std::uint8_t vrid = r.u8();
  const std::uint8_t priority = r.u8();
  const std::uint8_t count = r.u8();
  const std::uint8_t byte4 = r.u8();  // v3: Reserve | interval high bits; v2: Auth Type
  const std::uint8_t byte5 = r.u8();  // v3: interval low bits; v2: Adver Int (seconds)
  const std::uint16_t checksum = r.u16();
  // RFC 9568 §7.1 "the complete VRRP packet (including fixed fields and the IPvX address)";
  // RFC 3768 §7.1 adds the Authentication Data.
  const auto addresses = r.bytes(static_cast<std::size_t>(count) * address_size(info.family));
  const auto auth_data = version == kVersion2 ? r.bytes(kV2AuthDataSize) : r.bytes(0);
  if (r.failed()) return DropReason::too_short;

  // RFC 9568 §5.2.8 / RFC 3768 §5.3.8; see codec.hpp on trailing bytes.
  const auto message = vrrp_message.first(r.position());
  const auto trailing = r.rest();
  ChecksumAccumulator body;
  body.add(message);
  FormMatch match = match_forms(info, version, body, message.size());
  if (!trailing.empty()) {
    body.add(trailing);
    const FormMatch whole = match_forms(info, version, body, vrrp_message.size());
    match.rfc9568 |= whole.rfc9568;
    match.rfc5798 |= whole.rfc5798;
    match.v2 |= whole.v2;
  }
  DecodedAdvert decoded;
  if (match.v2) {
    decoded.checksum_form = ChecksumForm::v2;
  } else if (match.rfc9568) {
    decoded.checksum_form = ChecksumForm::rfc9568;
    decoded.matches_both_ipv4_forms = match.rfc5798;
  } else if (match.rfc5798) {
    decoded.checksum_form = ChecksumForm::rfc5798;
  } else {
    return DropReason::bad_checksum;
  }

  if (count == 0) return DropReason::address_count_zero;  // RFC 9568 §5.2.5, EID 8299

  Advert& advert = decoded.advert;
  advert.vrid = vrid;
  advert.priority = priority;
  advert.checksum = checksum;
  advert.addresses = AddressList(info.family, addresses);
  if (version == kVersion3) {
    advert.version = Version::v3;
    advert.reserve = byte4 >> 4;  // RFC 9568 §5.2.6: ignored on reception
    advert.max_advert_interval = Centiseconds((byte4 & 0x0F) << 8 | byte5);  // §5.2.7
  } else {
    advert.version = Version::v2;
    advert.auth_type = static_cast<AuthType>(byte4);  // any value; the receiver compares it
    advert.max_advert_interval = Centiseconds(100 * static_cast<int>(byte5));  // §8.4.2 s -> cs
    for (std::size_t i = 0; i < kV2AuthDataSize; ++i)
      advert.auth_data[i] = auth_data[i];
  }
  if (advert.max_advert_interval.count() == 0) return DropReason::interval_zero;  // EID 8301
  return decoded;
}

std::variant<ReceivedAdvert, DropReason> decode_ip_packet(std::span<const std::uint8_t> ip_bytes) {
  auto parsed = parse_ip_packet(ip_bytes);
  if (const auto* drop = std::get_if<DropReason>(&parsed)) return *drop;
  const IpPacket& packet = std::get<IpPacket>(parsed);
  if (packet.protocol != kIpProtocolVrrp) return DropReason::not_vrrp_protocol;
  auto decoded = decode_advert(packet.info, packet.payload);
  if (const auto* drop = std::get_if<DropReason>(&decoded)) return *drop;
  return ReceivedAdvert{packet.info, std::get<DecodedAdvert>(decoded)};
}

}  // namespace vrrp
