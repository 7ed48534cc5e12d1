#include "tools/vrrpdump/inspect.hpp"

#include <algorithm>
#include <variant>

#include "vrrp/checksum.hpp"
#include "vrrp/codec.hpp"
#include "vrrp/ip_packet.hpp"

namespace vrrp::dump {
namespace {

AdvertFields fields_of(const Advert& a) {
  AdvertFields f;
  f.version = a.version;
  f.vrid = a.vrid;
  f.priority = a.priority;
  f.interval = a.max_advert_interval;
  f.reserve = a.reserve;
  f.auth_type = a.auth_type;
  f.auth_data = a.auth_data;
  f.checksum = a.checksum;
  for (std::size_t i = 0; i < a.addresses.size(); ++i)
    f.addresses.push_back(a.addresses[i]);
  return f;
}

std::optional<RawHeader> raw_header(std::span<const std::uint8_t> m) {
  if (m.size() < kHeaderSize) return std::nullopt;
  RawHeader h;
  h.version = m[0] >> 4;
  h.type = m[0] & 0x0F;
  h.vrid = m[1];
  h.priority = m[2];
  h.count = m[3];
  h.byte4 = m[4];
  h.byte5 = m[5];
  h.checksum = static_cast<std::uint16_t>(m[6] << 8 | m[7]);
  return h;
}

// The addresses and TTL of the IP header as captured, for display when the IP layer rejects
// the packet (truncated, bad header checksum, fragment).
void raw_ip_header(std::span<const std::uint8_t> ip, Inspection& out) {
  if (ip.empty()) return;
  const int version = ip[0] >> 4;
  if (version == 4 && ip.size() >= 20) {
    out.family = Family::ipv4;
    out.source = IpAddress::from_bytes(Family::ipv4, ip.subspan(12, 4));
    out.destination = IpAddress::from_bytes(Family::ipv4, ip.subspan(16, 4));
    out.ttl = ip[8];
    // The VRRP header as far as it was captured and the header's lengths allow, as tcpdump
    // shows it: which group a broken packet claims to be.
    const std::size_t ihl = (ip[0] & 0x0Fu) * 4u;
    const std::size_t end = std::min<std::size_t>(ip[2] << 8 | ip[3], ip.size());
    if (ihl >= 20 && ihl <= end && ip[9] == kIpProtocolVrrp) {
      out.header = raw_header(ip.subspan(ihl, end - ihl));
    }
  } else if (version == 6 && ip.size() >= 40) {
    out.family = Family::ipv6;
    out.source = IpAddress::from_bytes(Family::ipv6, ip.subspan(8, 16));
    out.destination = IpAddress::from_bytes(Family::ipv6, ip.subspan(24, 16));
    out.ttl = ip[7];
    const std::size_t end = std::min<std::size_t>(40u + (ip[4] << 8 | ip[5]), ip.size());
    if (ip[6] == kIpProtocolVrrp) out.header = raw_header(ip.subspan(40, end - 40));
  } else if (version == 4 || version == 6) {
    out.family = version == 4 ? Family::ipv4 : Family::ipv6;
  }
}

// The fields of an advert whose checksum matched no form: decoded by the core from a copy with
// the checksum recomputed, so that the operator still sees what the sender meant.
std::optional<AdvertFields> fields_despite_checksum(const PacketInfo& info,
                                                    std::span<const std::uint8_t> message) {
  if (message.size() < kHeaderSize) return std::nullopt;
  std::vector<std::uint8_t> copy(message.begin(), message.end());
  const ChecksumForm form = (copy[0] >> 4) == 2 ? ChecksumForm::v2 : ChecksumForm::rfc9568;
  const std::uint16_t sum = vrrp_checksum(form, info.source, info.destination, copy);
  copy[kChecksumOffset] = static_cast<std::uint8_t>(sum >> 8);
  copy[kChecksumOffset + 1] = static_cast<std::uint8_t>(sum & 0xFF);
  const auto decoded = decode_advert(info, copy, TtlCheck::deferred);
  const auto* ok = std::get_if<DecodedAdvert>(&decoded);
  if (ok == nullptr) return std::nullopt;
  AdvertFields f = fields_of(ok->advert);  // copies the addresses out of `copy`
  f.checksum =
      static_cast<std::uint16_t>(message[kChecksumOffset] << 8 | message[kChecksumOffset + 1]);
  return f;
}

}  // namespace

std::string_view to_string(TtlVerdict verdict) {
  switch (verdict) {
    case TtlVerdict::ok:
      return "ok";
    case TtlVerdict::not_255:
      return "not_255";
    case TtlVerdict::unchecked:
      return "unicast";
  }
  return "unknown";
}

std::optional<std::uint8_t> Inspection::vrid() const {
  if (advert) return advert->vrid;
  if (header) return header->vrid;
  return std::nullopt;
}

const ReceiverConfig& GroupReferences::receiver_for(Family family, const AdvertFields& fields) {
  const Key key{family, fields.vrid, fields.version};
  auto it = references_.find(key);
  if (it == references_.end()) {
    it = references_.emplace(key, Reference{}).first;
    Reference& r = it->second;
    r.addresses = fields.addresses;
    ReceiverConfig& c = r.config;
    c.version = fields.version;
    c.family = family;
    c.vrid = fields.vrid;
    c.advert_interval = fields.interval;
    c.local_priority = 1;  // an observer, never the owner (no EID 8298 notice)
    c.auth_type = fields.auth_type;
    c.auth_data = fields.auth_data;
    c.virtual_addresses = r.addresses;
    // vrrpd's defaults: both v3 IPv4 checksum forms, EID 8300 logged rather than enforced
    // (strict_mode off), the address list compared.
    c.accept_rfc9568_checksum = true;
    c.accept_rfc5798_checksum = true;
    c.require_ipv6_link_local_first = false;
    c.check_address_list = true;
  }
  return it->second.config;
}

Inspection inspect(std::size_t frame, std::int64_t time_us, std::span<const std::uint8_t> ip,
                   GroupReferences& groups) {
  Inspection out;
  out.frame = frame;
  out.time_us = time_us;
  out.ip_length = ip.size();

  auto parsed = parse_ip_packet(ip);
  if (const auto* drop = std::get_if<DropReason>(&parsed)) {
    out.drop = *drop;
    raw_ip_header(ip, out);
    return out;
  }
  const IpPacket& packet = std::get<IpPacket>(parsed);
  const PacketInfo& info = packet.info;
  out.family = info.family;
  out.source = info.source;
  out.destination = info.destination;
  out.ttl = info.ttl;
  out.vrrp_length = packet.payload.size();
  out.header = raw_header(packet.payload);
  if (packet.protocol != kIpProtocolVrrp) {
    out.drop = DropReason::not_vrrp_protocol;
    out.header.reset();
    return out;
  }

  // As the daemon: RFC 9568 §7.1's TTL 255 applies to multicast; a unicast advert's TTL is the
  // instance's (unicast_peer) to judge.
  const bool multicast = info.destination.is_multicast();
  out.ttl_verdict = !multicast                 ? TtlVerdict::unchecked
                    : info.ttl == kRequiredTtl ? TtlVerdict::ok
                                               : TtlVerdict::not_255;

  // The daemon's verdict first (the TTL checked first, RFC order), then the rest of the
  // stateless checks with the TTL set aside, so a TTL drop still shows the fields.
  const auto verdict =
      decode_advert(info, packet.payload, multicast ? TtlCheck::rfc : TtlCheck::deferred);
  const auto decoded = decode_advert(info, packet.payload, TtlCheck::deferred);
  if (const auto* drop = std::get_if<DropReason>(&verdict)) out.drop = *drop;

  if (const auto* d = std::get_if<DecodedAdvert>(&decoded)) {
    out.advert = fields_of(d->advert);
    out.checksum_form = d->checksum_form;
    out.matches_both_ipv4_forms = d->matches_both_ipv4_forms;
  } else {
    const DropReason reason = std::get<DropReason>(decoded);
    if (reason == DropReason::bad_checksum) {
      out.checksum_form = ChecksumForm::bad;
      out.advert = fields_despite_checksum(info, packet.payload);
    } else if (reason == DropReason::address_count_zero || reason == DropReason::interval_zero) {
      // The checks after the checksum: the sum matched some form. Which one is not returned by
      // the core with the drop; recompute over the message as decode_advert does.
      const std::size_t addresses = out.header ? out.header->count : 0;
      const std::size_t length = kHeaderSize + addresses * address_size(info.family) +
                                 (out.header && out.header->version == 2 ? kV2AuthDataSize : 0);
      if (length <= packet.payload.size()) {
        const auto message = packet.payload.first(length);
        const std::uint16_t received = out.header->checksum;
        for (ChecksumForm form : {ChecksumForm::v2, ChecksumForm::rfc9568, ChecksumForm::rfc5798}) {
          if ((form == ChecksumForm::v2) != (out.header->version == 2)) continue;
          if (form == ChecksumForm::rfc5798 && info.family != Family::ipv4) continue;
          if (vrrp_checksum(form, info.source, info.destination, message) == received) {
            out.checksum_form = form;
            break;
          }
        }
      }
    }
  }
  if (out.drop || !out.advert) return out;

  // The per-instance checks, as a receiver configured like the group's first advert.
  const DecodedAdvert& d = std::get<DecodedAdvert>(decoded);
  const ReceiverConfig& receiver = groups.receiver_for(info.family, *out.advert);
  const auto checked = validate_for_receiver(d, receiver);
  if (const auto* drop = std::get_if<DropReason>(&checked)) {
    out.drop = *drop;
  } else {
    out.notices = std::get<ReceiveNotices>(checked);
  }
  return out;
}

}  // namespace vrrp::dump
