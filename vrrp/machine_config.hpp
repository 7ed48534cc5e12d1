// The per-instance parameters of RFC 9568 §6.1 that the state machine needs (the VIPs, the
// authentication and the interface are the I/O layer's business), with keepalived's
// preempt_delay. The configuration parser maps keepalived.conf onto this.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "vrrp/advert.hpp"
#include "vrrp/ip_address.hpp"
#include "vrrp/time.hpp"

namespace vrrp {

struct MachineConfig {
  std::string name;  // keepalived's vrrp_instance name, for logs
  Version version = Version::v3;
  Family family = Family::ipv4;
  std::uint8_t vrid = 0;        // RFC 9568 §6.1: 1-255, no default
  std::uint8_t priority = 100;  // base priority, RFC 9568 §6.1 default 100; 255 = address owner
  // RFC 9568 §6.1 default 100 cs, range 1-4095 (EID 8301). For v2, whole seconds (RFC 3768
  // §5.3.7 Adver Int is in seconds), so a multiple of 100 cs, 1-255 s.
  Centiseconds advert_interval{100};
  bool preempt = true;  // RFC 9568 §6.1 Preempt_Mode, default True
  // keepalived preempt_delay: how long a Backup tolerates a lower-priority Active before it
  // preempts it, counted from the first advert of that Active (see StateMachine).
  Duration preempt_delay{0};
  bool accept_mode = false;  // RFC 9568 §6.1 Accept_Mode, default False
  // keepalived's `state MASTER` below priority 255: Startup still goes to Backup (§6.4.1), but
  // the first Active_Down_Timer is Advertisement_Interval + Skew_Time(255), not
  // Active_Down_Interval, so the instance takes over after one interval unless it hears a
  // router of at least its priority. The owner (255) is Active at once whatever this says.
  bool initial_state_master = false;
  // keepalived's lower_prio_no_advert: an Active does not answer a lower-priority advert
  // (§6.4.3's "send an ADVERTISEMENT immediately" is skipped).
  bool lower_prio_no_advert = false;
  // keepalived's higher_prio_send_advert: an Active sends one advert of its own priority before
  // yielding to a higher-priority one (or an equal one from a higher address).
  bool higher_prio_send_advert = false;
  // Our own primary address: the interface's primary IPv4 address, or for IPv6 its link-local
  // address (RFC 9568 §1.7 "Primary IP Address"). The source of our adverts and our side of the
  // equal-priority tie-break (§6.4.3).
  IpAddress primary_address;
};

// Why `config` cannot drive a state machine, or nullopt when it can: VRID 0, priority 0, an
// interval out of range, a v2 IPv6 instance, a primary address of the wrong family.
std::optional<std::string> config_error(const MachineConfig& config);

}  // namespace vrrp
