#include "vrrp/actions.hpp"

namespace vrrp {

std::string_view to_string(NoticeKind kind) {
  switch (kind) {
    case NoticeKind::equal_priority_peer:
      return "peer advertises our priority";
    case NoticeKind::another_owner:
      return "another router claims to be the address owner (priority 255)";
    case NoticeKind::same_address_peer:
      return "peer advertises our priority from our own primary address";
    case NoticeKind::interval_learned:
      return "active advertisement interval learned";
    case NoticeKind::lower_priority_advert:
      return "lower priority advert received, asserting active";
    case NoticeKind::preempt_delay_started:
      return "preempt delay started";
    case NoticeKind::preempt_delay_stopped:
      return "preempt delay stopped";
    case NoticeKind::v2_advert_ignored:
      return "v2 advert ignored from a router that also sends v3";
    case NoticeKind::wrong_family_ignored:
      return "advert of the other address family ignored";
  }
  return "?";
}

}  // namespace vrrp
