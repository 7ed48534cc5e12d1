#include "vrrp/transition_reason.hpp"

namespace vrrp {

std::string_view to_string(TransitionReason reason) {
  switch (reason) {
    case TransitionReason::startup_as_owner:
      return "startup as address owner";
    case TransitionReason::startup:
      return "startup";
    case TransitionReason::startup_in_fault:
      return "startup while faulted";
    case TransitionReason::active_down_timer_expired:
      return "active down timer expired";
    case TransitionReason::priority_zero_received:
      return "active resigned (priority 0 received)";
    case TransitionReason::preempted_lower_priority:
      return "preempting a lower-priority active";
    case TransitionReason::initial_state_master:
      return "initial state MASTER, no router of at least our priority heard";
    case TransitionReason::higher_priority_advert:
      return "higher priority advert received";
    case TransitionReason::equal_priority_higher_address:
      return "equal priority advert from a higher address";
    case TransitionReason::shutdown:
      return "shutdown";
    case TransitionReason::fault_raised:
      return "fault";
    case TransitionReason::fault_cleared:
      return "fault cleared";
    case TransitionReason::addresses_expired:
      return "our addresses expired while vrrpd was stopped or stalled";
    case TransitionReason::sync_group_active:
    case TransitionReason::sync_group_backup:
    case TransitionReason::sync_group_fault:
    case TransitionReason::sync_group_fault_cleared:
      return "sync group";  // the log line adds the group's name
  }
  return "?";
}

bool is_sync_group_reason(TransitionReason reason) {
  return reason == TransitionReason::sync_group_active ||
         reason == TransitionReason::sync_group_backup ||
         reason == TransitionReason::sync_group_fault ||
         reason == TransitionReason::sync_group_fault_cleared;
}

}  // namespace vrrp
