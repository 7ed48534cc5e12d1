// One vrrp_instance at run time: the core's StateMachine, driven by adverts, timers and link
// events, and the actions it asks for carried out through an InstanceHost. Single-threaded: the
// daemon's event loop calls every method, passing the monotonic time.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "vrrp/actions.hpp"
#include "vrrp/codec.hpp"
#include "vrrp/config.hpp"
#include "vrrp/daemon/announce_schedule.hpp"
#include "vrrp/daemon/instance_host.hpp"
#include "vrrp/daemon/peer_counters.hpp"
#include "vrrp/daemon/rate_limiter.hpp"
#include "vrrp/drop_reason.hpp"
#include "vrrp/ip_packet.hpp"
#include "vrrp/receive_validation.hpp"
#include "vrrp/state_machine.hpp"
#include "vrrp/tracking.hpp"

namespace vrrp::daemon {

// Where an instance lives, as the daemon found it at start-up.
struct InstancePlacement {
  int ifindex = 0;         // the instance's interface: its link state and address are followed
  int rx_ifindex = 0;      // adverts arrive here: the interface, or the VMAC (see daemon.cpp)
  int tx_ifindex = 0;      // adverts leave here: the VMAC, or the interface itself
  std::string vip_device;  // the VIPs live here: the VMAC, or the interface itself
  std::optional<IpAddress> source;  // our advert source; none yet means Fault
  bool link_usable = true;          // the interface is up and running
};

struct InstanceCounters {
  std::uint64_t adverts_received = 0;  // handed to this instance, before its checks
  std::uint64_t adverts_sent = 0;
  std::uint64_t send_errors = 0;
  std::uint64_t state_changes = 0;
  std::uint64_t addresses_restored = 0;
  std::uint64_t lifetime_renewals = 0;  // issue 8: rounds of VIP lifetime renewals
  std::uint64_t addresses_expired = 0;  // left Active because the VIPs' lifetime ran out
  // Issue 5: adverts received (before the instance's checks, our own looped back aside) by the
  // checksum form they match; an IPv4 VRRPv3 sum valid in both forms counts in both_forms only.
  std::uint64_t checksum_rfc9568 = 0;
  std::uint64_t checksum_rfc5798 = 0;
  std::uint64_t checksum_v2 = 0;
  std::uint64_t checksum_both_forms = 0;
  PeerCounters peers;  // the same adverts by source address
};

class Instance {
 public:
  Instance(const InstanceConfig& config, const GlobalDefs& globals, InstancePlacement placement,
           InstanceHost& host);
  Instance(const Instance&) = delete;
  Instance& operator=(const Instance&) = delete;

  const std::string& name() const { return config_.name; }
  Family family() const { return config_.family; }
  std::uint8_t vrid() const { return config_.virtual_router_id; }
  int ifindex() const { return placement_.ifindex; }
  int receive_ifindex() const { return placement_.rx_ifindex; }
  int transmit_ifindex() const { return placement_.tx_ifindex; }
  const InstancePlacement& placement() const { return placement_; }
  const std::string& interface() const { return config_.interface; }
  const std::string& vip_device() const { return placement_.vip_device; }
  const InstanceConfig& config() const { return config_; }
  const StateMachine& machine() const { return machine_; }
  State state() const { return machine_.state(); }
  const DropCounters& drops() const { return drops_; }
  const InstanceCounters& counters() const { return counters_; }
  ChecksumForm checksum_form() const { return checksum_form_; }
  bool checksum_form_switched() const { return checksum_form_switched_; }  // `auto` followed a peer

  // RFC 9568 §6.4.1 Startup.
  void start(TimePoint now);
  // RFC 9568 §6.4.2/§6.4.3 Shutdown: an Active sends priority 0 and releases its addresses.
  void stop(TimePoint now);

  // An advert for this instance's (interface, family, VRID), decoded from `info`'s packet.
  void receive(const PacketInfo& info, const DecodedAdvert& decoded, TimePoint now);

  // The earliest instant something is due (the state machine's timer, an announcement, the
  // renewal of the VIPs' lifetime).
  std::optional<TimePoint> next_deadline() const;
  // Call when now >= next_deadline().
  void on_timer(TimePoint now);

  // The interface went down or lost carrier (Fault), or came back (through Backup).
  void link_changed(bool usable, TimePoint now);
  // The interface's primary address changed (none: the instance cannot send, so Fault).
  void source_changed(std::optional<IpAddress> source, TimePoint now);
  // The trackers (vrrp_script, track_interface, track_file) changed: the effective priority is
  // the configured one plus their weight, and a tracker fault is one more fault source.
  void tracking_changed(const TrackingResult& tracking, TimePoint now);
  // keepalived's vrrp_sync_group (vrrp/daemon/sync_groups.hpp): the group this instance is in
  // (empty: none; then its Active_Down_Timer acts by itself again and a group fault is gone),
  // and the group's commands (vrrp/sync_group.hpp).
  void join_sync_group(std::string group, TimePoint now);
  const std::string& sync_group() const { return sync_group_; }
  void set_group_fault(bool fault, TimePoint now);
  void force_active(TimePoint now);
  void force_backup(TimePoint now);
  // A configuration reload changed this instance in place (vrrp/reload_plan.hpp; the same
  // interface, VRID, family, version, VMAC and source): the state and timers are kept. While
  // the VIPs are held, new ones are bound and announced and dropped ones released; the new
  // priority (with `tracking`, the trackers of the new configuration) takes effect as any
  // priority change does (StateMachine::set_effective_priority), a new advert_int as
  // StateMachine::reconfigure says.
  void reconfigure(const InstanceConfig& config, const GlobalDefs& globals,
                   const TrackingResult& tracking, TimePoint now);
  // Someone removed `prefix` from `device`. If it is one of our VIPs while we hold them, it is
  // put back and logged (issue 3), unless their lifetime ran out (see check_lifetime).
  void address_removed(const std::string& device, const IpPrefix& prefix, TimePoint now);

 private:
  void perform(TimePoint now);
  void send_advert(std::uint8_t priority, TimePoint now);
  void bind_addresses(TimePoint now);
  void renew_addresses(TimePoint now);
  void schedule_renewal(TimePoint now);
  void install_routes(bool renewal);
  void remove_routes();
  std::string route_device(const VirtualRoute& route) const;
  bool check_lifetime(TimePoint now);
  void unbind_addresses();
  void announce(std::uint32_t count);
  void update_fault(TimePoint now);
  void drop(DropReason reason, const IpAddress& source, TimePoint now,
            std::string_view detail = {});
  void count_received(const PacketInfo& info, const DecodedAdvert& decoded);
  std::optional<DropReason> ttl_rejection(const PacketInfo& info) const;
  void log_fsm_notice(const Notice& notice, TimePoint now);
  void log_receive_notices(ReceiveNotices notices, const IpAddress& source, TimePoint now);
  void follow_peer_checksum(const PacketInfo& info, const DecodedAdvert& decoded);
  const std::string& device_for(const VirtualAddress& vip) const;
  std::vector<const VirtualAddress*> bound_set() const;

  InstanceConfig config_;
  InstancePlacement placement_;
  InstanceHost& host_;
  std::vector<IpAddress> advertised_;  // ReceiverConfig views it: never reallocated after init
  std::vector<IpAddress> destinations_;
  std::vector<IpAddress> unicast_peers_;
  ReceiverConfig receiver_;
  StateMachine machine_;
  std::vector<Action> actions_;
  AnnounceSchedule schedule_;
  ChecksumForm checksum_form_;
  bool checksum_form_switched_ = false;
  bool bound_ = false;  // we hold the VIPs (between BindAddresses and UnbindAddresses)
  // Issue 8: when the VIPs were last bound or renewed, and when the next renewal is due (none
  // while not bound or with vip_lifetime 0).
  TimePoint renewed_at_{};
  std::chrono::seconds bound_lifetime_{0};  // the lifetime they were given then
  std::optional<TimePoint> renew_at_;
  RateLimiter renew_error_log_;
  bool started_ = false;
  bool tracking_fault_ = false;           // a weight-0 tracker failed
  std::optional<IpAddress> last_sender_;  // of the last accepted advert (skip_check_adv_addr)
  std::string sync_group_;                // the vrrp_sync_group this instance is in, if any
  std::vector<StateChanged> changes_;     // state changes of the batch perform() is carrying out
  DropCounters drops_;
  InstanceCounters counters_;
  KeyedRateLimiter<DropReason> drop_log_;
  KeyedRateLimiter<NoticeKind> notice_log_;
  KeyedRateLimiter<std::uint8_t> receive_notice_log_;
  RateLimiter send_error_log_;
  std::array<std::uint8_t, kHeaderSize + 255 * 16 + kV2AuthDataSize> tx_buffer_{};
};

}  // namespace vrrp::daemon
