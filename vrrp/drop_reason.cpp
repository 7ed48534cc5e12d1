#include "vrrp/drop_reason.hpp"

namespace vrrp {

std::string_view to_string(DropReason reason) {
  switch (reason) {
    case DropReason::ip_header_malformed:
      return "ip_header_malformed";
    case DropReason::ip_truncated:
      return "ip_truncated";
    case DropReason::ip_header_checksum:
      return "ip_header_checksum";
    case DropReason::ip_fragment:
      return "ip_fragment";
    case DropReason::not_vrrp_protocol:
      return "not_vrrp_protocol";
    case DropReason::ttl_not_255:
      return "ttl_not_255";
    case DropReason::bad_version:
      return "bad_version";
    case DropReason::bad_type:
      return "bad_type";
    case DropReason::too_short:
      return "too_short";
    case DropReason::bad_checksum:
      return "bad_checksum";
    case DropReason::address_count_zero:
      return "address_count_zero";
    case DropReason::interval_zero:
      return "interval_zero";
    case DropReason::checksum_form_refused:
      return "checksum_form_refused";
    case DropReason::vrid_not_configured:
      return "vrid_not_configured";
    case DropReason::address_family_mismatch:
      return "address_family_mismatch";
    case DropReason::ipv6_first_address_not_link_local:
      return "ipv6_first_address_not_link_local";
    case DropReason::v2_interval_mismatch:
      return "v2_interval_mismatch";
    case DropReason::v2_address_list_mismatch:
      return "v2_address_list_mismatch";
    case DropReason::auth_type_mismatch:
      return "auth_type_mismatch";
    case DropReason::auth_data_mismatch:
      return "auth_data_mismatch";
    case DropReason::own_advert:
      return "own_advert";
    case DropReason::not_from_unicast_peer:
      return "not_from_unicast_peer";
    case DropReason::ttl_outside_peer_range:
      return "ttl_outside_peer_range";
    case DropReason::count_:
      break;
  }
  return "unknown";
}

std::uint64_t DropCounters::total() const {
  std::uint64_t total = 0;
  for (std::size_t i = 0; i < kDropReasonCount; ++i)
    total += counters_[i];
  return total;
}

}  // namespace vrrp
