// One captured IP packet carrying VRRP, judged by the same core the daemon uses: the IP layer
// (parse_ip_packet), the stateless checks of RFC 9568 §7.1 / RFC 3768 §7.1 (decode_advert, with
// the TTL deferred for a unicast destination as the daemon does), and the per-instance checks
// (validate_for_receiver) against a receiver configured like the first advert heard for the
// advert's group (family, VRID, version): so a router that disagrees with the group on the
// interval, the addresses or the v2 authentication shows up as the drop or notice a vrrpd
// configured like its peers would log.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <tuple>
#include <vector>

#include "vrrp/advert.hpp"
#include "vrrp/drop_reason.hpp"
#include "vrrp/ip_address.hpp"
#include "vrrp/receive_validation.hpp"

namespace vrrp::dump {

// How the TTL / Hop Limit was judged (RFC 9568 §5.1.1.3, §5.1.2.3, §7.1).
enum class TtlVerdict : std::uint8_t {
  ok,         // 255 to a multicast destination
  not_255,    // another value to a multicast destination: the daemon drops it
  unchecked,  // a unicast destination: the daemon leaves it to unicast_peer's min_ttl/max_ttl
};
std::string_view to_string(TtlVerdict verdict);

// The fixed 8 bytes of a VRRP header as captured, read for display only when the core could
// not decode the advert (a drop before the fields): RFC 9568 §5.1, RFC 3768 §5.1.
struct RawHeader {
  std::uint8_t version = 0;
  std::uint8_t type = 0;
  std::uint8_t vrid = 0;
  std::uint8_t priority = 0;
  std::uint8_t count = 0;
  std::uint8_t byte4 = 0;  // v3: Reserve | interval high bits; v2: Auth Type
  std::uint8_t byte5 = 0;  // v3: interval low bits; v2: Adver Int (seconds)
  std::uint16_t checksum = 0;
};

// The advert's fields, copied out of the packet.
struct AdvertFields {
  Version version = Version::v3;
  std::uint8_t vrid = 0;
  std::uint8_t priority = 0;
  Centiseconds interval{0};  // v2: Adver Int x 100
  std::uint8_t reserve = 0;
  AuthType auth_type = AuthType::none;  // v2
  std::array<std::uint8_t, kV2AuthDataSize> auth_data{};
  std::uint16_t checksum = 0;
  std::vector<IpAddress> addresses;
};

struct Inspection {
  std::size_t frame = 0;         // 1-based frame number in the capture
  std::int64_t time_us = 0;      // capture time, microseconds since the epoch
  std::size_t ip_length = 0;     // captured bytes from the IP header on
  std::size_t vrrp_length = 0;   // bytes after the IP header(s), 0 if the IP layer failed
  std::optional<Family> family;  // from the IP version nibble
  // From the IP header, when at least the fixed header was captured.
  std::optional<IpAddress> source;
  std::optional<IpAddress> destination;
  std::optional<std::uint8_t> ttl;
  std::optional<TtlVerdict> ttl_verdict;
  std::optional<RawHeader> header;     // when 8 VRRP bytes were captured
  std::optional<AdvertFields> advert;  // when the core decoded the fields
  // The form the checksum matched; `bad` when none did; unset when the checksum was not
  // reached (the IP layer failed, or the message is too short).
  std::optional<ChecksumForm> checksum_form;
  bool matches_both_ipv4_forms = false;
  // The first reason, in the daemon's order, that vrrpd would drop the packet; unset when it
  // would be accepted.
  std::optional<DropReason> drop;
  ReceiveNotices notices;

  bool accepted() const { return !drop.has_value(); }
  // The (family, VRID) the packet claims, when the header was read.
  std::optional<std::uint8_t> vrid() const;
};

// The receiver each group is checked against: the first decoded advert of each (family, VRID,
// version) sets its interval, addresses and v2 authentication.
class GroupReferences {
 public:
  // The configuration for `fields`' group, created from `fields` on first sight.
  const ReceiverConfig& receiver_for(Family family, const AdvertFields& fields);

 private:
  struct Reference {
    ReceiverConfig config;
    std::vector<IpAddress> addresses;  // config.virtual_addresses views this
  };
  using Key = std::tuple<Family, std::uint8_t, Version>;
  std::map<Key, Reference> references_;  // node-based: views stay valid
};

// Judges the IP packet `ip` (captured from the IP header on; may be truncated).
Inspection inspect(std::size_t frame, std::int64_t time_us, std::span<const std::uint8_t> ip,
                   GroupReferences& groups);

}  // namespace vrrp::dump
