// The running daemon: the event loop and everything on it. It owns the kernel handles (netlink,
// the event watcher, raw VRRP sockets, the packet socket for announcements, the VMACs), the
// instances, and the record of what it owns; it routes each event to the instances concerned
// and carries out their requests as their InstanceHost.
#pragma once

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
#include "vrrp/daemon/event_loop.hpp"
#include "vrrp/daemon/instance.hpp"
#include "vrrp/daemon/instance_host.hpp"
#include "vrrp/daemon/notifier.hpp"
#include "vrrp/daemon/ownership.hpp"
#include "vrrp/daemon/rate_limiter.hpp"
#include "vrrp/daemon/script_runner.hpp"
#include "vrrp/daemon/sync_groups.hpp"
#include "vrrp/daemon/track_monitor.hpp"
#include "vrrp/daemon/vrrp_socket.hpp"

namespace vrrp::daemon {

class Daemon final : public InstanceHost {
 public:
  // `netlink` and `record` must outlive the daemon. Nothing touches the network yet.
  Daemon(Config config, netlink::Netlink& netlink, StateRecord& record);
  ~Daemon() override;

  // Creates the VMACs and sockets and starts every instance (RFC 9568 §6.4.1 Startup).
  // Throws std::runtime_error / std::system_error naming what failed.
  void start();

  // Runs the event loop until SIGTERM or SIGINT, then shuts down: every Active instance sends
  // priority 0 and releases its VIPs, the VMACs are deleted, the record is cleared.
  void run();

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

  struct InstanceSlot {
    std::unique_ptr<Instance> instance;
    std::unique_ptr<Timer> timer;
    bool fixed_source = false;  // unicast_src_ip / mcast_src_ip: not followed from the kernel
  };

  // Per receiving socket: what was dropped before any instance saw it.
  struct SocketState {
    std::unique_ptr<VrrpSocket> socket;
    bool receives = false;
    DropCounters drops;
    KeyedRateLimiter<DropReason> drop_log;
  };

  void create_vmac(const InstanceConfig& config, const std::string& name, int parent_ifindex);
  void open_socket(int ifindex, const std::string& device, Family family,
                   std::optional<IpAddress> group, bool send_only, bool link_layer);
  std::optional<IpAddress> query_source(const InstanceSlot& slot) const;
  void on_socket_readable(const SocketKey& key);
  void on_kernel_events();
  void on_link_changed(const netlink::LinkChanged& change, TimePoint now);
  void on_address_changed(const netlink::AddressChanged& change, TimePoint now);
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

  Config config_;
  netlink::Netlink& netlink_;
  netlink::Links links_;
  netlink::Addresses addresses_;
  netlink::Routes routes_;
  Ownership ownership_;
  EventLoop loop_;
  std::unique_ptr<netlink::Watcher> watcher_;
  std::unique_ptr<arp::Announcer> announcer_;
  std::unique_ptr<ScriptRunner> script_runner_;
  std::unique_ptr<TrackMonitor> track_monitor_;
  std::unique_ptr<Notifier> notifier_;
  std::unique_ptr<Timer> startup_delay_timer_;  // vrrp_startup_delay
  std::vector<netlink::Vmac> vmacs_;
  std::set<std::string> vmac_names_;
  std::map<int, std::string> device_names_;  // ifindex -> name, for the devices we use
  std::map<SocketKey, SocketState> sockets_;
  // (interface, family, VRID) of VMAC instances, which hear their group on the VMAC: the copies
  // the parent also hears (adverts from peers without a VMAC) are not theirs to count.
  std::set<std::tuple<int, Family, std::uint8_t>> served_on_vmac_;
  std::vector<InstanceSlot> slots_;
  // (receiving interface, family, VRID) -> index in slots_: where an advert goes.
  std::map<std::tuple<int, Family, std::uint8_t>, std::size_t> by_receive_key_;
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
};

}  // namespace vrrp::daemon
