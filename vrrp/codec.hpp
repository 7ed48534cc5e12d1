// Encode and decode VRRP ADVERTISEMENTs: VRRPv3 (RFC 9568 §5) over IPv4 and IPv6, VRRPv2
// (RFC 3768 §5) over IPv4 with Auth Type 0 or 1. Decoding reads through a bounds-checked reader
// and returns a value or a typed drop reason; it never allocates and never throws.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <variant>
#include <vector>

#include "vrrp/advert.hpp"
#include "vrrp/drop_reason.hpp"
#include "vrrp/ip_address.hpp"
#include "vrrp/ip_packet.hpp"

namespace vrrp {

struct DecodedAdvert {
  Advert advert;  // advert.addresses views the caller's buffer
  // The form the checksum matched: rfc9568 or rfc5798 for v3 (IPv6 is always rfc9568), v2 for
  // v2. Never `bad`: a bad sum is a drop.
  ChecksumForm checksum_form = ChecksumForm::rfc9568;
  // A v3 IPv4 advert whose IPv4 pseudo-header happens to sum to zero matches both forms;
  // checksum_form then says rfc9568 and this is set, so a receiver policy that refuses one form
  // still accepts the packet through the other.
  bool matches_both_ipv4_forms = false;
};

// The stateless checks of RFC 9568 §7.1 and RFC 3768 §7.1, in the RFC's order:
//   TTL / Hop Limit 255 (ttl_not_255); version 3, or 2 over IPv4 (bad_version); type 1
//   (bad_type); 8 + count x address size bytes, plus 8 bytes of Authentication Data for v2
//   (too_short); the checksum in some known form (bad_checksum); count non-zero (EID 8299,
//   address_count_zero); Max Advertise Interval / Adver Int non-zero (EID 8301, interval_zero;
//   applied to v2 too, where a zero interval is as meaningless).
// Not checked here: the Reserve nibble (RFC 9568 §5.2.6: ignored on receive), and the EID 8300
// link-local first address, which is a receiver policy (see receive_validation.hpp) because
// keepalived 2.2.7 sends IPv6 adverts without a link-local address.
//
// Trailing bytes after the message (after the last address; for v2, after the Authentication
// Data) are accepted (NOTES Part 4.6). The checksum may cover either the message alone (RFC 9568
// §5.2.8's IPv4 wording; keepalived) or everything the IP layer delivered (RFC 3768 §5.3.8
// "the entire VRRP message", as Cisco's VRRPv2 MD5 trailer is summed; the kernel's
// IPV6_CHECKSUM); both are accepted, and without trailing bytes they are the same sum. The
// pseudo-header length is the length of the span summed.
// `ttl`: TtlCheck::deferred leaves the TTL / Hop Limit to the caller, for a unicast advert
// (keepalived accepts any TTL from a unicast peer unless its min_ttl / max_ttl say otherwise;
// RFC 9568 §7.1's 255 is about multicast). Every other check is the same.
enum class TtlCheck : std::uint8_t { rfc, deferred };
std::variant<DecodedAdvert, DropReason> decode_advert(const PacketInfo& info,
                                                      std::span<const std::uint8_t> vrrp_message,
                                                      TtlCheck ttl = TtlCheck::rfc);

// An IP packet (IPv4 from a raw socket, or either family from a capture) parsed and decoded:
// parse_ip_packet, protocol 112 (not_vrrp_protocol), then decode_advert.
struct ReceivedAdvert {
  PacketInfo info;
  DecodedAdvert decoded;
};
std::variant<ReceivedAdvert, DropReason> decode_ip_packet(std::span<const std::uint8_t> ip_bytes);

struct EncodeRequest {
  Version version = Version::v3;
  std::uint8_t vrid = 0;  // 1-255
  std::uint8_t priority = 100;
  // v3: 1-4095 cs. v2: whole seconds, 100-25500 cs.
  Centiseconds interval{100};
  AuthType auth_type = AuthType::none;                    // v2 only: none or simple_text
  std::array<std::uint8_t, kV2AuthDataSize> auth_data{};  // v2 simple_text only; else zeros
  // 1-255 addresses of one family. For IPv6 the caller puts the VR's link-local address first
  // (RFC 9568 §5.2.9); the encoder does not insist, so keepalived-style lists can be sent.
  std::span<const IpAddress> addresses;
  // v3 IPv4: rfc9568 or rfc5798. v3 IPv6: rfc9568. v2: rfc9568 (the default) or v2; the
  // v2 sum is used either way.
  ChecksumForm checksum_form = ChecksumForm::rfc9568;
  // The IP header's addresses, same family as `addresses`; used by the pseudo-header forms.
  IpAddress source;
  IpAddress destination;
};

// Bytes the advert takes; 0 if the request is invalid.
std::size_t encoded_size(const EncodeRequest& request);
// Bytes written; 0 if the request is invalid or `out` is too small. Reserve is written as 0.
std::size_t encode_advert(const EncodeRequest& request, std::span<std::uint8_t> out);
// Empty if the request is invalid.
std::vector<std::uint8_t> encode_advert(const EncodeRequest& request);

}  // namespace vrrp
