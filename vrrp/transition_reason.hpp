// Why a VRRP instance changed state: carried in StateChanged for the log and for notify scripts.
#pragma once

#include <cstdint>
#include <string_view>

namespace vrrp {

enum class TransitionReason : std::uint8_t {
  startup_as_owner,  // Initialize -> Active, Priority 255 (RFC 9568 §6.4.1)
  startup,           // Initialize -> Backup (RFC 9568 §6.4.1)
  startup_in_fault,  // Initialize -> Fault: started while the fault condition holds
  // Backup -> Active when Active_Down_Timer fires (RFC 9568 §6.4.2), split by what armed it:
  active_down_timer_expired,  // no advert accepted for Active_Down_Interval
  priority_zero_received,     // the Active resigned: the timer ran only Skew_Time
  preempted_lower_priority,   // adverts of a lower-priority Active were discarded (preemption)
  initial_state_master,       // keepalived `state MASTER`: the short first timer ran out
  // Active -> Backup (RFC 9568 §6.4.3):
  higher_priority_advert,
  equal_priority_higher_address,
  shutdown,           // -> Initialize (RFC 9568 §6.4.2, §6.4.3)
  fault_raised,       // -> Fault
  fault_cleared,      // Fault -> Active (owner) or Backup, through the Initialize logic
  addresses_expired,  // Active -> Backup: the VIPs' kernel lifetime ran out (issue 8)
  // keepalived's vrrp_sync_group: the group moved this member (see vrrp/sync_group.hpp).
  sync_group_active,         // Backup -> Active: the group went Active
  sync_group_backup,         // Active -> Backup: another member went Backup
  sync_group_fault,          // -> Fault: another member has a fault of its own
  sync_group_fault_cleared,  // Fault -> Backup (or Active): no member has a fault any more
};

// Human text for the log, e.g. "active down timer expired".
std::string_view to_string(TransitionReason reason);

// The four sync_group_* reasons: the group moved the member, it did not move by itself.
bool is_sync_group_reason(TransitionReason reason);

}  // namespace vrrp
