// What the state machine asks the I/O layer to do. The machine appends these to a buffer the
// caller owns and reuses, so handling an event allocates nothing in steady state.
#pragma once

#include <cstdint>
#include <string_view>
#include <variant>

#include "vrrp/ip_address.hpp"
#include "vrrp/state.hpp"
#include "vrrp/time.hpp"
#include "vrrp/transition_reason.hpp"

namespace vrrp {

// Send one ADVERTISEMENT with this priority. The I/O layer encodes it with the instance's
// VRID, addresses and Advertisement_Interval (and, in v2/v3 mode, sends both versions,
// RFC 9568 §8.4.2). Priority 0 is the resignation advert (RFC 9568 §6.4.3 Shutdown).
struct SendAdvert {
  std::uint8_t priority = 0;
  friend bool operator==(const SendAdvert&, const SendAdvert&) = default;
};

// Take the virtual addresses: bring the VMAC up, add the VIPs, install the host Drop Routes
// (RFC 9568 §8.3.1) and, for IPv6, join the Solicited-Node group of each VIP (§6.4.2). Always
// emitted before SendAdvert and AnnounceAddresses, because an announcement MUST wait until the
// address and the VMAC are configured (RFC 9568 §8.1.2, §8.2.2).
struct BindAddresses {
  friend bool operator==(const BindAddresses&, const BindAddresses&) = default;
};

// Give the virtual addresses back (leaving Active): the reverse of BindAddresses.
struct UnbindAddresses {
  friend bool operator==(const UnbindAddresses&, const UnbindAddresses&) = default;
};

// Why the addresses are announced: the I/O layer times each kind with its own settings
// (keepalived's garp_master_* and garp_lower_prio_*).
enum class AnnounceTrigger : std::uint8_t {
  became_active,          // RFC 9568 §6.4.1, §6.4.2
  lower_priority_advert,  // an Active heard a lower-priority Active (keepalived, not the RFC)
};

// One gratuitous ARP per IPv4 VIP, or one unsolicited NA (R=1, S=0, O=1) per IPv6 VIP
// (RFC 9568 §6.4.1, §6.4.2).
struct AnnounceAddresses {
  AnnounceTrigger trigger = AnnounceTrigger::became_active;
  friend bool operator==(const AnnounceAddresses&, const AnnounceAddresses&) = default;
};

// The instance changed state. Emitted last in a transition, after the actions the RFC lists
// before "Transition to the {...} state". `priority` is the local priority at that moment.
struct StateChanged {
  State from = State::initialize;
  State to = State::initialize;
  TransitionReason reason = TransitionReason::startup;
  std::uint8_t priority = 0;
  friend bool operator==(const StateChanged&, const StateChanged&) = default;
};

// Things worth a (rate-limited) log line that change no state by themselves.
enum class NoticeKind : std::uint8_t {
  equal_priority_peer,  // a peer has our priority (RFC 9568 §8.3.2 MAY log)
  another_owner,        // we are the owner (255) and so is the peer (§8.3.2 SHOULD log, EID 8298)
  same_address_peer,    // equal priority from our own primary address: not answered (see .cpp)
  interval_learned,     // Active_Adver_Interval changed to `interval` (§6.4.2, §6.4.3)
  lower_priority_advert,  // an Active answered an inferior advert at once (§6.4.3)
  preempt_delay_started,  // keepalived preempt_delay: a lower-priority Active is tolerated
  preempt_delay_stopped,  // ... until an advert of at least our priority arrived
  v2_advert_ignored,      // v2 advert from a router that also sends v3 (§8.4.2 SHOULD ignore)
  wrong_family_ignored,   // advert of the other address family (§1, §3: separate instances)
};

std::string_view to_string(NoticeKind kind);

struct Notice {
  NoticeKind kind = NoticeKind::equal_priority_peer;
  IpAddress peer;
  std::uint8_t peer_priority = 0;
  Centiseconds interval{0};  // interval_learned: the new Active_Adver_Interval
  friend bool operator==(const Notice&, const Notice&) = default;
};

using Action = std::variant<SendAdvert, BindAddresses, UnbindAddresses, AnnounceAddresses,
                            StateChanged, Notice>;

}  // namespace vrrp
