// The running daemon: the event loop and everything on it. It owns the kernel handles (netlink,
// the event watcher, raw VRRP sockets, the packet socket for announcements, the VMACs), the
// instances, and the record of what it owns; it routes each event to the instances concerned
// and carries out their requests as their InstanceHost.
#pragma once

#include <functional>
#include <list>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "arp/announcer.hpp"
#include "netlink/addresses.hpp"
#include "netlink/links.hpp"
#include "netlink/netlink.hpp"
#include "netlink/routes.hpp"
#include "netlink/vmac.hpp"
#include "netlink/watcher.hpp"
#include "vrrp/config.hpp"
#include "vrrp/daemon/announce_pacer.hpp"
#include "vrrp/daemon/event_loop.hpp"
#include "vrrp/daemon/instance.hpp"
#include "vrrp/daemon/instance_host.hpp"
#include "vrrp/daemon/notifier.hpp"
#include "vrrp/daemon/ownership.hpp"
#include "vrrp/daemon/rate_limiter.hpp"
#include "vrrp/daemon/script_runner.hpp"
#include "vrrp/daemon/service_manager.hpp"
#include "vrrp/daemon/sync_groups.hpp"
#include "vrrp/daemon/track_monitor.hpp"
#include "vrrp/daemon/vrrp_socket.hpp"
#include "vrrp/reload_plan.hpp"

namespace vrrp::daemon {

class Daemon final : public InstanceHost {
 public:
  // Reads the configuration again for a reload, with the options it was first read with.
  // Throws ConfigError (or std::runtime_error) for a configuration that must not run.
  using ConfigLoader = std::function<Config()>;

  // `netlink` and `record` must outlive the daemon. Nothing touches the network yet. Without a
  // loader, SIGHUP is logged and ignored.
  Daemon(Config config, netlink::Netlink& netlink, StateRecord& record, ConfigLoader loader = {});
  ~Daemon() override;

  // Creates the VMACs and sockets and starts every instance (RFC 9568 §6.4.1 Startup).
  // Throws std::runtime_error / std::system_error naming what failed.
  void start();

  // Runs the event loop until SIGTERM or SIGINT, then shuts down: every Active instance sends
  // priority 0 and releases its VIPs, the VMACs are deleted, the record is cleared.
  void run();

  // SIGHUP: reads the configuration through the loader and applies it (vrrp/reload_plan.hpp):
  // unchanged instances are left alone, changed ones are updated in place or restarted,
  // removed ones resign, new ones start. A configuration with an error changes nothing.
  void reload();

  // InstanceHost
  int send_advert(Family family, int ifindex, std::span<const std::uint8_t> message,
                  const IpAddress& source, const IpAddress& destination) override;
  std::optional<std::string> add_address(const std::string& device, const VirtualAddress& vip,
                                         std::chrono::seconds lifetime) override;
  std::optional<std::string> remove_address(const std::string& device,
                                            const IpPrefix& prefix) override;
  std::optional<std::string> add_route(const std::string& device, const VirtualRoute& route,
                                       std::chrono::seconds lifetime) override;
  std::optional<std::string> remove_route(const std::string& device,
                                          const VirtualRoute& route) override;
  void announce(const std::string& device, std::span<const IpAddress> addresses,
                std::uint32_t count) override;
  void state_changed(const InstanceConfig& instance, State to, std::uint8_t priority) override;
  void after_events(Instance& instance, std::span<const StateChanged> changes) override;

 private:
  using SocketKey = std::pair<int, Family>;  // (ifindex, family)

  // One running instance. Slots live in a std::list, so a slot's address (which its timer and
  // by_receive_key_ hold) stays valid while others are added and removed by a reload.
  struct InstanceSlot {
    std::unique_ptr<Instance> instance;
    std::unique_ptr<Timer> timer;
    bool fixed_source = false;  // unicast_src_ip / mcast_src_ip: not followed from the kernel
    std::string vmac;           // the VMAC created for it (use_vmac), deleted with it
  };

  // Per receiving socket: what was dropped before any instance saw it.
  struct SocketState {
    std::unique_ptr<VrrpSocket> socket;
    bool receives = false;
    DropCounters drops;
    KeyedRateLimiter<DropReason> drop_log;
  };

  // The interfaces' indexes, in the instances' order. Throws std::runtime_error for an
  // interface that does not exist or two instances of one (interface, family, VRID).
  std::vector<int> resolve_interfaces(const std::vector<InstanceConfig>& instances);
  // Creates what the instance needs (VMAC, sockets) and its slot; the instance is not started.
  InstanceSlot& add_slot(const InstanceConfig& config, const std::string& vip_device,
                         int parent_ifindex);
  // Stops the instance (an Active resigns, RFC 9568 §6.4.3), deletes its VMAC, drops the slot.
  void remove_slot(InstanceSlot& slot, TimePoint now);
  InstanceSlot* find_slot(const InstanceKey& key);
  std::unique_ptr<TrackMonitor> make_track_monitor();
  void apply_reload(Config next, ReloadPlan plan, const std::vector<std::string>& vip_devices,
                    const std::vector<int>& parent_index);
  void close_unused_sockets();
  void create_vmac(const InstanceConfig& config, const std::string& name, int parent_ifindex);
  void remove_vmac(const std::string& name);
  // Opens the socket for (ifindex, family), or reopens it when it lacks what is asked for now
  // (receiving, the multicast group).
  void open_socket(int ifindex, const std::string& device, Family family,
                   std::optional<IpAddress> group, bool send_only, bool link_layer);
  std::optional<IpAddress> query_source(const InstanceSlot& slot) const;
  void on_socket_readable(const SocketKey& key);
  void on_kernel_events();
  void on_link_changed(const netlink::LinkChanged& change, TimePoint now);
  void on_address_changed(const netlink::AddressChanged& change, TimePoint now);
  // An RTM_NEWADDR for one of our own VIPs: a bind or a lifetime renewal (issue 8).
  bool own_vip_echo(const netlink::AddressChanged& change) const;
  void resync_all(TimePoint now);
  void apply_tracking(TimePoint now);
  // The vrrp_sync_groups over the current slots (at start, and after a reload's changes).
  void build_sync_groups(TimePoint now);
  std::optional<bool> link_usable(const std::string& name) const;
  void wait_for_notifications();
  void on_signal(int signo);
  void rearm(InstanceSlot& slot);
  void shutdown();
  void start_instances();  // RFC 9568 §6.4.1 Startup of every instance
  void log_statistics() const;
  netlink::Result<std::optional<int>> device_index(const std::string& device) const;
  bool parent_covers(const std::string& device, const IpPrefix& prefix);
  void check_preexisting(const std::string& device, int ifindex, const IpPrefix& prefix);
  void prepare_addresses();
  void send_due_announcements();
  void send_announcements(const std::string& device, const std::vector<IpAddress>& addresses);
  void set_promote_secondaries();    // promote_secondaries, at start-up
  void reset_promote_secondaries();  // at exit: the values we changed
  void install_accept_filter();      // Accept_Mode false (accept_filter.hpp), at start-up
  // systemd (service_manager.hpp): the STATUS= summary of the instances' states, and its
  // update after state changes, at most one per kStatusInterval.
  std::string status_text() const;
  void status_soon();
  void publish_status();

  Config config_;
  ConfigLoader loader_;
  netlink::Netlink& netlink_;
  netlink::Links links_;
  netlink::Addresses addresses_;
  netlink::Routes routes_;
  Ownership ownership_;
  EventLoop loop_;
  std::unique_ptr<netlink::Watcher> watcher_;
  std::unique_ptr<arp::Announcer> announcer_;
  // vrrp_garp_interval / vrrp_gna_interval: announcements wait here until they are due.
  std::unique_ptr<AnnouncePacer> pacer_;
  std::unique_ptr<Timer> pacer_timer_;
  std::unique_ptr<ScriptRunner> script_runner_;
  std::unique_ptr<TrackMonitor> track_monitor_;
  std::unique_ptr<Notifier> notifier_;
  std::unique_ptr<Timer> startup_delay_timer_;  // vrrp_startup_delay
  std::vector<netlink::Vmac> vmacs_;
  std::set<std::string> vmac_names_;
  std::set<std::string> promoted_;  // interfaces whose promote_secondaries we set to 1
  bool accept_filter_installed_ = false;
  std::map<int, std::string> device_names_;  // ifindex -> name, for the devices we use
  std::map<SocketKey, SocketState> sockets_;
  // (interface, family, VRID) of VMAC instances, which hear their group on the VMAC: the copies
  // the parent also hears (adverts from peers without a VMAC) are not theirs to count.
  std::set<std::tuple<int, Family, std::uint8_t>> served_on_vmac_;
  std::list<InstanceSlot> slots_;  // in the configuration's order
  // (receiving interface, family, VRID) -> its slot: where an advert goes.
  std::map<std::tuple<int, Family, std::uint8_t>, InstanceSlot*> by_receive_key_;
  // Addresses that were on an interface before we bound them (an address owner's own address,
  // RFC 9568 §1.7): bound idempotently, never removed by us.
  std::set<std::pair<std::string, std::string>> foreign_addresses_;
  std::set<std::pair<std::string, std::string>> checked_addresses_;
  // (device, address) of every VIP we bind that was not there before us: the kernel's events
  // about them (our binds, lifetime renewals, unbinds) never change an instance's source
  // address, so they are not re-queried (issue 8: 1000 renewals must cost little).
  std::set<std::pair<std::string, IpAddress>> own_vips_;
  std::map<std::pair<std::string, std::string>, bool> parent_covers_;
  // Declared after slots_: it points at their instances, and goes first.
  std::unique_ptr<SyncGroups> sync_groups_;
  RateLimiter announce_error_log_;
  bool stopping_ = false;
  bool shut_down_ = false;
  std::string dump_directory_;  // the state directory: SIGUSR1/SIGUSR2 write there (dump.hpp)
  ServiceManager service_;      // sd_notify; a no-op outside systemd
  std::unique_ptr<Timer> watchdog_timer_;  // WATCHDOG=1 at half of WatchdogSec=
  std::unique_ptr<Timer> status_timer_;    // the next STATUS= after a state change
  std::optional<TimePoint> status_sent_at_;
  std::string status_sent_;
  bool ready_sent_ = false;  // READY=1 went out (the first election step was taken)
};

}  // namespace vrrp::daemon
