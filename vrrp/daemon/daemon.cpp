#include "vrrp/daemon/daemon.hpp"
#include "vrrp/daemon/overloaded.hpp"

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <tuple>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "netlink/sysctl.hpp"
#include "vrrp/codec.hpp"
#include "vrrp/daemon/accept_filter.hpp"
#include "vrrp/daemon/dump.hpp"
#include "vrrp/daemon/instance_config.hpp"
#include "vrrp/daemon/log.hpp"
#include "vrrp/daemon/log_lines.hpp"

namespace vrrp::daemon {

namespace {

// How many packets one readiness of a socket may handle before the loop looks at its timers
// and other sockets again: a flood on one interface must not delay our own adverts.
constexpr int kReceiveBudget = 64;

// STATUS= updates after state changes: at most four a second, so a flapping group or a
// thousand instances starting do not flood systemd; the last state always goes out.
constexpr Duration kStatusInterval = std::chrono::milliseconds(250);

// Runs `f` when the scope ends, however it ends.
template <typename F>
class OnScopeExit {
 public:
  explicit OnScopeExit(F f) : f_(std::move(f)) {}
  ~OnScopeExit() { f_(); }
  OnScopeExit(const OnScopeExit&) = delete;
  OnScopeExit& operator=(const OnScopeExit&) = delete;

 private:
  F f_;
};

std::string family_name(Family family) {
  return family == Family::ipv4 ? "IPv4" : "IPv6";
}

// /proc/sys/net/ipv6/conf/<ifname>/<setting>; the reason on failure.
std::optional<std::string> write_ipv6_conf(const std::string& ifname, const char* setting,
                                           int value) {
  const std::string path = fmt::format("/proc/sys/net/ipv6/conf/{}/{}", ifname, setting);
  std::ofstream out(path);
  if (out) out << value << '\n';
  out.flush();
  if (!out) return fmt::format("sysctl {}: {}", path, std::strerror(errno));
  return std::nullopt;
}

}  // namespace

Daemon::Daemon(Config config, netlink::Netlink& netlink, StateRecord& record, ConfigLoader loader)
    : config_(std::move(config)),
      loader_(std::move(loader)),
      netlink_(netlink),
      links_(netlink),
      addresses_(netlink),
      routes_(netlink),
      ownership_(record),
      dump_directory_(std::filesystem::path(record.path()).parent_path().string()) {}

Daemon::~Daemon() {
  try {
    shutdown();
  } catch (const std::exception& e) {
    log_error("shutdown failed: {}", e.what());
  }
}

void Daemon::start() {
  loop_.handle_signals({SIGTERM, SIGINT, SIGHUP, SIGUSR1, SIGUSR2, SIGCHLD},
                       [this](int signo) { on_signal(signo); });
  // WatchdogSec= (service_manager.hpp): fed by a timer of this loop at half the interval, so
  // only a loop that stops turning (not a busy one) misses it, and systemd restarts the daemon.
  if (const auto interval = service_.watchdog_interval()) {
    const Duration period = *interval / 2;
    watchdog_timer_ = std::make_unique<Timer>(loop_, [this, period] {
      service_.watchdog_ping();
      watchdog_timer_->arm_at(EventLoop::now() + period);
    });
    service_.watchdog_ping();
    watchdog_timer_->arm_at(EventLoop::now() + period);
  }
  status_timer_ = std::make_unique<Timer>(loop_, [this] { publish_status(); });
  // Subscribe before the first query, so that no change between the query and the
  // subscription goes unseen.
  watcher_ = std::make_unique<netlink::Watcher>();
  loop_.watch(watcher_->fd(), [this](std::uint32_t) { on_kernel_events(); });
  announcer_ = std::make_unique<arp::Announcer>();
  pacer_ = std::make_unique<AnnouncePacer>(config_.globals.vrrp_garp_interval,
                                           config_.globals.vrrp_gna_interval);
  pacer_timer_ = std::make_unique<Timer>(loop_, [this] { send_due_announcements(); });
  script_runner_ = std::make_unique<ScriptRunner>(loop_, config_.globals);
  notifier_ = std::make_unique<Notifier>(*script_runner_, config_.globals);
  track_monitor_ = make_track_monitor();

  const std::vector<std::string> vip_devices = assign_vip_devices(config_.instances);
  const std::vector<int> parent_index = resolve_interfaces(config_.instances);
  for (std::size_t i = 0; i < config_.instances.size(); ++i) {
    add_slot(config_.instances[i], vip_devices[i], parent_index[i]);
  }
  set_promote_secondaries();
  install_accept_filter();
  prepare_addresses();
  // The sources are asked for once every slot exists (query_source reads the slot's config).
  for (auto& slot : slots_) {
    slot.instance->source_changed(query_source(slot), EventLoop::now());
  }
  build_sync_groups(EventLoop::now());
  track_monitor_->start([this](const std::string& name) { return link_usable(name); });
  // The trackers' first state (scripts count as up until their first result, unless
  // init_fail) sets the priority and any tracker fault before Startup.
  for (auto& slot : slots_) {
    slot.instance->tracking_changed(track_monitor_->result_for(slot.instance->config()),
                                    EventLoop::now());
  }
  // keepalived's vrrp_startup_delay (at start-up only, not on reload): the instances wait in
  // Initialize, hearing nothing and sending nothing, until it has passed; then RFC 9568 §6.4.1
  // Startup as usual (so a Backup still waits Active_Down_Interval after it).
  const Duration delay = config_.globals.vrrp_startup_delay;
  if (delay <= Duration::zero()) return start_instances();
  log_notice("Delaying startup for {:g} seconds", std::chrono::duration<double>(delay).count());
  service_.status(fmt::format("waiting vrrp_startup_delay ({:g} s)",
                              std::chrono::duration<double>(delay).count()));
  startup_delay_timer_ = std::make_unique<Timer>(loop_, [this] { start_instances(); });
  startup_delay_timer_->arm_at(EventLoop::now() + delay);
}

// keepalived's promote_secondaries: net.ipv4.conf.<interface>.promote_secondaries=1 on the
// interface the instance's VIPs live on, so that removing a VIP that the kernel made the
// primary address of its prefix (it was added first) promotes the next one instead of deleting
// every address of that prefix with it. As keepalived does, a value we changed from 0 is put
// back at exit. IPv4 VMACs get it anyway (netlink::configure_vmac_arp).
void Daemon::set_promote_secondaries() {
  for (const auto& slot : slots_) {
    const InstanceConfig& c = slot.instance->config();
    const std::string& device = slot.instance->vip_device();
    if (!c.promote_secondaries || vmac_names_.contains(device)) continue;
    if (promoted_.contains(device)) continue;
    auto current = netlink::read_ipv4_conf(device, "promote_secondaries");
    if (current.ok() && *current != 0) continue;  // already on: not ours to reset
    if (auto status = netlink::write_ipv4_conf(device, "promote_secondaries", 1); !status) {
      log_warning("{}: {}", c.name, status.error().message);
      continue;
    }
    promoted_.insert(device);
  }
}

// RFC 9568 §6.4.3 Accept_Mode False: the nftables table of accept_filter.hpp, built once at
// start-up from the configuration. Without one, a table a crashed daemon left is removed.
void Daemon::install_accept_filter() {
  const std::string script = accept_filter_script(config_.instances);
  if (script.empty()) {
    // Only where nftables is in use (its module is loaded): no table can exist elsewhere, and
    // running nft there would load the module for nothing.
    if (::access("/sys/module/nf_tables", F_OK) == 0) {
      (void)run_nft(accept_filter_removal_script());  // nothing there: fine
    }
    return;
  }
  if (auto error = run_nft(script)) {
    log_error("Accept_Mode false: {}; packets to the VIPs are accepted", *error);
    return;
  }
  accept_filter_installed_ = true;
  log_info("Accept_Mode false: nftables table inet {} drops packets to the VIPs",
           kAcceptFilterTable);
}

void Daemon::reset_promote_secondaries() {
  for (const std::string& device : promoted_) {
    if (auto status = netlink::write_ipv4_conf(device, "promote_secondaries", 0); !status) {
      log_warning("{}", status.error().message);
    }
  }
  promoted_.clear();
}

void Daemon::start_instances() {
  for (auto& slot : slots_) {
    slot.instance->start(EventLoop::now());
    rearm(slot);
  }
  // The first election step is taken: every instance is Backup, Active or Fault. systemd's
  // start job (Type=notify) completes here.
  status_sent_ = status_text();
  status_sent_at_ = EventLoop::now();
  service_.ready(status_sent_);
  ready_sent_ = true;
}

std::unique_ptr<TrackMonitor> Daemon::make_track_monitor() {
  return std::make_unique<TrackMonitor>(loop_, *script_runner_, config_,
                                        [this] { apply_tracking(EventLoop::now()); });
}

std::vector<int> Daemon::resolve_interfaces(const std::vector<InstanceConfig>& instances) {
  std::vector<int> out;
  std::set<std::tuple<int, Family, std::uint8_t>> seen;
  for (const InstanceConfig& c : instances) {
    auto index = links_.index_of(c.interface);
    if (!index) throw std::runtime_error(fmt::format("{}: {}", c.name, index.error().message));
    if (!*index) {
      throw std::runtime_error(fmt::format("{}: interface {} does not exist", c.name, c.interface));
    }
    if (!seen.emplace(**index, c.family, c.virtual_router_id).second) {
      throw std::runtime_error(fmt::format("{}: another instance already runs VRID {} for {} on {}",
                                           c.name, c.virtual_router_id, family_name(c.family),
                                           c.interface));
    }
    out.push_back(**index);
  }
  return out;
}

Daemon::InstanceSlot& Daemon::add_slot(const InstanceConfig& c, const std::string& vip_device,
                                       int parent_ifindex) {
  device_names_[parent_ifindex] = c.interface;
  InstancePlacement placement;
  placement.ifindex = parent_ifindex;
  placement.rx_ifindex = parent_ifindex;
  placement.tx_ifindex = parent_ifindex;
  placement.vip_device = vip_device;
  InstanceSlot slot;
  // A VMAC instance in multicast mode hears its group on the VMAC (see below); everything
  // else hears on the interface.
  if (!c.vmac || c.is_unicast()) {
    open_socket(parent_ifindex, c.interface, c.family,
                c.is_unicast()
                    ? std::nullopt
                    : std::optional<IpAddress>(multicast_group(c.family, config_.globals)),
                false, false);
  }
  if (c.vmac) {
    create_vmac(c, vip_device, parent_ifindex);
    slot.vmac = vip_device;
    const int vmac_index = vmacs_.back().ifindex();
    if (!c.is_unicast()) {
      // A peer's advert carries the same virtual MAC as source as ours would, and the
      // macvlan driver hands a multicast frame whose source MAC is one of its own macvlans'
      // to that macvlan only, taking it for a reflection: the parent never sees it. So the
      // group is heard on the VMAC (keepalived does the same), through a link-layer socket
      // (see vrrp_socket.hpp); frames from peers without a VMAC reach every macvlan too.
      open_socket(vmac_index, vip_device, c.family, multicast_group(c.family, config_.globals),
                  false, true);
      served_on_vmac_.emplace(parent_ifindex, c.family, c.virtual_router_id);
      placement.rx_ifindex = vmac_index;
    }
    // RFC 9568 §7.2: adverts leave from the VMAC so their source MAC is the virtual MAC;
    // vmac_xmit_base sends them from the parent (keepalived's option).
    if (c.vmac->xmit_base) {
      open_socket(parent_ifindex, c.interface, c.family, std::nullopt, true, false);
    } else if (!c.is_unicast()) {
      placement.tx_ifindex = vmac_index;  // the link-layer socket above
    } else if (c.family == Family::ipv4) {
      // Unicast needs the kernel's neighbour resolution: a raw socket on the VMAC, which
      // finds the peers on-link through the parent's subnet.
      open_socket(vmac_index, vip_device, c.family, std::nullopt, true, false);
      placement.tx_ifindex = vmac_index;
    } else {
      // An IPv6 source needs a link-local address on the sending interface, and the VMAC has
      // none (it would announce itself with router solicitations and MLD reports).
      log_warning("{}: IPv6 unicast adverts leave from {}, not from the VMAC", c.name, c.interface);
      open_socket(parent_ifindex, c.interface, c.family, std::nullopt, true, false);
    }
  }
  auto link = links_.get(parent_ifindex);
  placement.link_usable = link.ok() && link->has_value() && (*link)->usable();

  slot.fixed_source = c.unicast_src_ip.has_value() || c.mcast_src_ip.has_value();
  slot.instance = std::make_unique<Instance>(c, config_.globals, placement, *this);
  InstanceSlot& added = slots_.emplace_back(std::move(slot));
  by_receive_key_[{placement.rx_ifindex, c.family, c.virtual_router_id}] = &added;
  added.timer = std::make_unique<Timer>(loop_, [this, s = &added] {
    s->instance->on_timer(EventLoop::now());
    rearm(*s);
  });
  return added;
}

void Daemon::remove_slot(InstanceSlot& slot, TimePoint now) {
  Instance& instance = *slot.instance;
  // RFC 9568 §6.4.3 Shutdown: an Active sends priority 0, so a Backup takes over after
  // Skew_Time, and gives its addresses back.
  instance.stop(now);
  slot.timer->cancel();
  by_receive_key_.erase({instance.receive_ifindex(), instance.family(), instance.vrid()});
  if (!slot.vmac.empty()) {
    served_on_vmac_.erase({instance.ifindex(), instance.family(), instance.vrid()});
    remove_vmac(slot.vmac);
  }
  slots_.remove_if([&](const InstanceSlot& s) { return &s == &slot; });
}

Daemon::InstanceSlot* Daemon::find_slot(const InstanceKey& key) {
  for (auto& slot : slots_) {
    if (instance_key(slot.instance->config()) == key) return &slot;
  }
  return nullptr;
}

std::optional<bool> Daemon::link_usable(const std::string& name) const {
  auto link = links_.get(name);
  if (!link.ok() || !link->has_value()) return std::nullopt;
  return (*link)->usable();
}

void Daemon::apply_tracking(TimePoint now) {
  for (auto& slot : slots_) {
    slot.instance->tracking_changed(track_monitor_->result_for(slot.instance->config()), now);
    rearm(slot);
  }
}

void Daemon::state_changed(const InstanceConfig& instance, State to, std::uint8_t priority) {
  if (notifier_) notifier_->state_changed(instance, to, priority);
  status_soon();
}

std::string Daemon::status_text() const {
  std::vector<std::pair<std::string, State>> states;
  states.reserve(slots_.size());
  for (const auto& slot : slots_)
    states.emplace_back(slot.instance->name(), slot.instance->state());
  return status_summary(states);
}

void Daemon::status_soon() {
  if (!service_.enabled() || !status_timer_ || status_timer_->deadline() || shut_down_) return;
  // From the loop, after the events at hand: the summary then holds their outcome.
  TimePoint at = EventLoop::now();
  if (status_sent_at_) at = std::max(at, *status_sent_at_ + kStatusInterval);
  status_timer_->arm_at(at);
}

void Daemon::publish_status() {
  if (shut_down_) return;  // STOPPING=1 said it all; the instances going to Initialize do not
  std::string text = status_text();
  if (text == status_sent_) return;
  service_.status(text);
  status_sent_ = std::move(text);
  status_sent_at_ = EventLoop::now();
}

void Daemon::after_events(Instance& instance, std::span<const StateChanged> changes) {
  if (sync_groups_) sync_groups_->after_events(instance, changes, EventLoop::now());
}

void Daemon::build_sync_groups(TimePoint now) {
  sync_groups_.reset();
  std::vector<Instance*> instances;
  for (auto& slot : slots_)
    instances.push_back(slot.instance.get());
  sync_groups_ = std::make_unique<SyncGroups>(
      config_, instances, notifier_.get(),
      [this](Instance& moved) {
        for (auto& slot : slots_) {
          if (slot.instance.get() == &moved) rearm(slot);
        }
      },
      now);
}

void Daemon::wait_for_notifications() {
  // notify_stop and the last notify lines run before we exit, within a bound: a hanging
  // script is killed by its timeout, and the daemon does not wait longer than that.
  if (!notifier_ || !script_runner_) return;
  const TimePoint give_up = EventLoop::now() + kNotifyTimeout + std::chrono::seconds(1);
  while (!notifier_->idle() && EventLoop::now() < give_up) {
    loop_.run_once(std::chrono::milliseconds(100));
  }
}

void Daemon::create_vmac(const InstanceConfig& c, const std::string& name, int parent_ifindex) {
  const auto rfc_mac = netlink::virtual_router_mac(c.family, c.virtual_router_id).bytes;
  if (c.vmac->mac != MacAddress{} && c.vmac->mac != rfc_mac) {
    log_warning("{}: a custom VMAC address is not supported; using the RFC 9568 §7.3 one", c.name);
  }
  ownership_.add_macvlan(name, c.interface);  // write-ahead: recorded before it exists
  auto vmac = netlink::Vmac::create(
      netlink_, netlink::VmacSpec{parent_ifindex, c.virtual_router_id, c.family, name});
  if (!vmac) {
    ownership_.remove_macvlan(name);
    throw std::runtime_error(fmt::format("{}: {}", c.name, vmac.error().message));
  }
  if (c.family == Family::ipv4) {
    if (auto status = netlink::configure_vmac_arp(name, c.interface); !status) {
      log_warning("{}: {}", c.name, status.error().message);
    }
    // An IPv4 VMAC has no use for IPv6, whose multicast listener reports (all-routers, on a
    // forwarding host) would leave with the virtual MAC as source while we are Backup.
    if (auto error = write_ipv6_conf(name, "disable_ipv6", 1))
      log_warning("{}: {}", c.name, *error);
  }
  log_info("{}: created VMAC {} ({}) on {}", c.name, name, vmac->mac().to_string(), c.interface);
  device_names_[vmac->ifindex()] = name;
  vmac_names_.insert(name);
  vmacs_.push_back(std::move(vmac.value()));
}

void Daemon::remove_vmac(const std::string& name) {
  auto it = std::find_if(vmacs_.begin(), vmacs_.end(),
                         [&](const netlink::Vmac& v) { return v.name() == name; });
  if (it == vmacs_.end()) return;
  const int ifindex = it->ifindex();
  // Its sockets first: they are bound to the device.
  for (auto s = sockets_.begin(); s != sockets_.end();) {
    if (s->first.first != ifindex) {
      ++s;
      continue;
    }
    if (s->second.receives) loop_.unwatch(s->second.socket->fd());
    s = sockets_.erase(s);
  }
  if (auto status = it->remove(); !status) {
    log_error("{}", status.error().message);
  } else {
    ownership_.remove_macvlan(name);
    log_info("deleted VMAC {}", name);
  }
  vmacs_.erase(it);
  vmac_names_.erase(name);
  device_names_.erase(ifindex);
  std::erase_if(parent_covers_, [&](const auto& entry) { return entry.first.first == name; });
}

void Daemon::open_socket(int ifindex, const std::string& device, Family family,
                         std::optional<IpAddress> group, bool send_only, bool link_layer) {
  SocketKey key{ifindex, family};
  if (auto it = sockets_.find(key); it != sockets_.end()) {
    const VrrpSocket::Params& have = it->second.socket->params();
    if ((send_only || it->second.receives) && (!group || have.group == group)) return;
    // Reopened with what it had and what is asked for now: a multicast instance joins unicast
    // ones on an interface, a send-only socket must now receive, or a reload brought another
    // multicast group (whose instances all restart).
    if (!group) group = have.group;
    send_only = send_only && !it->second.receives;
    link_layer = have.link_layer;
    loop_.unwatch(it->second.socket->fd());
    sockets_.erase(it);
  }
  VrrpSocket::Params params;
  params.interface = device;
  params.ifindex = static_cast<unsigned>(ifindex);
  params.family = family;
  params.group = group;
  params.send_only = send_only;
  params.link_layer = link_layer;
  auto& state = sockets_[key];
  state.socket = std::make_unique<VrrpSocket>(params);
  state.receives = !send_only;
  if (state.receives) {
    loop_.watch(state.socket->fd(), [this, key](std::uint32_t) { on_socket_readable(key); });
  }
}

void Daemon::close_unused_sockets() {
  std::set<SocketKey> used;
  for (const auto& slot : slots_) {
    const Instance& i = *slot.instance;
    used.emplace(i.receive_ifindex(), i.family());
    used.emplace(i.transmit_ifindex(), i.family());
    if (i.config().vmac && i.config().vmac->xmit_base) used.emplace(i.ifindex(), i.family());
  }
  for (auto it = sockets_.begin(); it != sockets_.end();) {
    if (used.contains(it->first)) {
      ++it;
      continue;
    }
    if (it->second.receives) loop_.unwatch(it->second.socket->fd());
    it = sockets_.erase(it);
  }
}

std::optional<IpAddress> Daemon::query_source(const InstanceSlot& slot) const {
  const InstanceConfig& c = slot.instance->config();
  if (c.unicast_src_ip) return c.unicast_src_ip;
  if (c.mcast_src_ip) return c.mcast_src_ip;
  auto source = c.family == Family::ipv4 ? links_.primary_ipv4(slot.instance->ifindex())
                                         : links_.ipv6_link_local(slot.instance->ifindex());
  if (!source) {
    log_error("{}: {}", c.name, source.error().message);
    return std::nullopt;
  }
  return *source;
}

void Daemon::run() {
  log_notice("vrrpd running with {} instance{}", slots_.size(), slots_.size() == 1 ? "" : "s");
  try {
    loop_.run();
  } catch (...) {
    shutdown();
    throw;
  }
  shutdown();
}

void Daemon::on_signal(int signo) {
  switch (signo) {
    case SIGTERM:
    case SIGINT:
      log_notice("{}: shutting down", strsignal(signo));
      stopping_ = true;
      loop_.stop();
      break;
    case SIGHUP:
      reload();
      break;
    case SIGUSR1:
    case SIGUSR2: {
      // keepalived's /tmp/keepalived.data and .stats, in the state directory (dump.hpp).
      std::vector<const Instance*> instances;
      for (const auto& slot : slots_)
        instances.push_back(slot.instance.get());
      if (signo == SIGUSR1) {
        write_dump("SIGUSR1", dump_directory_, kDataFileName,
                   render_data(instances, EventLoop::now()));
        break;
      }
      std::vector<SocketDrops> sockets;
      for (const auto& [key, state] : sockets_)
        sockets.push_back({device_names_.at(key.first), key.second, &state.drops});
      write_dump("SIGUSR2", dump_directory_, kStatsFileName, render_stats(instances, sockets));
      log_statistics();
      break;
    }
    case SIGCHLD:
      if (script_runner_) {
        script_runner_->reap();  // reaps every child, ours or not
      } else {
        while (::waitpid(-1, nullptr, WNOHANG) > 0) {
        }
      }
      break;
    default:
      break;
  }
}

void Daemon::reload() {
  if (!loader_) {
    log_warning("SIGHUP: no configuration file to reload; keeping the running configuration");
    return;
  }
  log_notice("SIGHUP: reloading the configuration");
  // systemd: RELOADING=1 now, READY=1 again however the reload ends, its outcome in STATUS=.
  // Not before the first READY=1 (within vrrp_startup_delay): the start job is still running.
  std::string outcome = "reloaded";
  if (ready_sent_) service_.reloading();
  const OnScopeExit ready_again([this, &outcome] {
    if (!ready_sent_) return;
    status_sent_ = fmt::format("{}; {}", outcome, status_text());
    status_sent_at_ = EventLoop::now();
    service_.ready(status_sent_);
  });
  auto refuse = [&outcome](const std::string& why) {
    log_error("{}", why);
    log_error("reload refused: the running configuration stays");
    outcome = "reload refused: " + why;
  };
  Config next;
  try {
    next = loader_();  // ConfigError: "file:line:column: message"
  } catch (const std::exception& e) {
    return refuse(e.what());
  }
  for (const auto& warning : next.warnings)
    log_warning("{}", warning.to_string());
  // What needs the kernel is checked too before anything changes, as at start-up.
  std::vector<std::string> vip_devices;
  std::vector<int> parent_index;
  try {
    vip_devices = assign_vip_devices(next.instances);
    parent_index = resolve_interfaces(next.instances);
  } catch (const std::exception& e) {
    return refuse(e.what());
  }
  ReloadPlan plan = plan_reload(config_, next);
  // keepalived's naming of VMACs depends on the other instances (vrrp6.<vrid>): an instance
  // whose VMAC would get another name needs a new VMAC.
  for (auto& entry : plan.instances) {
    if (!entry.running_index || !entry.next_index) continue;
    if (entry.action != ReloadAction::unchanged && entry.action != ReloadAction::updated) continue;
    const InstanceSlot* slot = find_slot(instance_key(config_.instances[*entry.running_index]));
    if (slot && slot->instance->vip_device() != vip_devices[*entry.next_index]) {
      entry.action = ReloadAction::restarted;
      entry.changes = {"VMAC name"};
    }
  }
  try {
    apply_reload(std::move(next), std::move(plan), vip_devices, parent_index);
  } catch (const std::exception& e) {
    log_error("reload failed part way: {}", e.what());
    outcome = fmt::format("reload failed part way: {}", e.what());
  }
}

void Daemon::apply_reload(Config next, ReloadPlan plan, const std::vector<std::string>& vip_devices,
                          const std::vector<int>& parent_index) {
  const TimePoint now = EventLoop::now();
  // The sync groups point at slots about to go and at the old configuration: rebuilt below,
  // once the new slots exist and before they start.
  sync_groups_.reset();
  auto changes = [](const InstanceReload& entry) {
    return fmt::format("{}", fmt::join(entry.changes, ", "));
  };
  // The running slot of each entry (none for added ones, or for an instance an earlier reload
  // could not start).
  std::vector<InstanceSlot*> slot_of(plan.instances.size(), nullptr);
  for (std::size_t k = 0; k < plan.instances.size(); ++k) {
    if (const auto ri = plan.instances[k].running_index) {
      slot_of[k] = find_slot(instance_key(config_.instances[*ri]));
    }
  }

  // 1. Removed and restarted instances resign while the old configuration is still in force
  //    (their notify_stop runs as configured until now).
  for (std::size_t k = 0; k < plan.instances.size(); ++k) {
    const InstanceReload& entry = plan.instances[k];
    if (!slot_of[k]) continue;
    if (entry.action == ReloadAction::removed) {
      log_notice("{}: reload: removed; resigning", slot_of[k]->instance->name());
    } else if (entry.action == ReloadAction::restarted) {
      log_notice("{}: reload: restarting ({})", slot_of[k]->instance->name(), changes(entry));
    } else {
      continue;
    }
    remove_slot(*slot_of[k], now);
    slot_of[k] = nullptr;
  }

  // 2. The new configuration, and trackers built for it. The scripts and files defined alike
  //    keep their state, so no priority moves for them.
  track_monitor_->stop();
  std::unique_ptr<TrackMonitor> previous = std::move(track_monitor_);
  config_ = std::move(next);  // ScriptRunner and Notifier read config_.globals: the new values
  track_monitor_ = make_track_monitor();
  track_monitor_->carry_over(*previous, plan.kept_scripts, plan.kept_track_files);
  previous.reset();
  track_monitor_->start([this](const std::string& name) { return link_usable(name); });

  // 3. Changes in place.
  for (std::size_t k = 0; k < plan.instances.size(); ++k) {
    const InstanceReload& entry = plan.instances[k];
    if (entry.action != ReloadAction::updated || !slot_of[k]) continue;
    const InstanceConfig& c = config_.instances[*entry.next_index];
    log_notice("{}: reload: updated in place ({})", c.name, changes(entry));
    slot_of[k]->instance->reconfigure(c, config_.globals, track_monitor_->result_for(c), now);
    rearm(*slot_of[k]);
  }

  // 4. New instances, restarted ones, and any an earlier reload could not start.
  std::vector<InstanceSlot*> started;
  for (std::size_t k = 0; k < plan.instances.size(); ++k) {
    const InstanceReload& entry = plan.instances[k];
    if (entry.action == ReloadAction::removed || slot_of[k]) continue;
    const std::size_t ni = *entry.next_index;
    const InstanceConfig& c = config_.instances[ni];
    try {
      started.push_back(&add_slot(c, vip_devices[ni], parent_index[ni]));
      if (entry.action == ReloadAction::added) log_notice("{}: reload: added", c.name);
    } catch (const std::exception& e) {
      log_error("{}: reload: cannot start: {}", c.name, e.what());
    }
  }
  set_promote_secondaries();  // for new instances; those it set already stay set
  prepare_addresses();
  build_sync_groups(now);
  // Within vrrp_startup_delay nothing has started yet: start_instances() starts them all.
  const bool delayed = startup_delay_timer_ && startup_delay_timer_->deadline();
  for (InstanceSlot* slot : started) {
    slot->instance->source_changed(query_source(*slot), now);
    slot->instance->tracking_changed(track_monitor_->result_for(slot->instance->config()), now);
    if (!delayed) slot->instance->start(now);
    rearm(*slot);
  }
  close_unused_sockets();

  // The slots in the new configuration's order (statistics, dumps); splicing keeps addresses.
  std::list<InstanceSlot> ordered;
  for (const InstanceConfig& c : config_.instances) {
    const InstanceKey key = instance_key(c);
    auto it = std::find_if(slots_.begin(), slots_.end(), [&](const InstanceSlot& slot) {
      return instance_key(slot.instance->config()) == key;
    });
    if (it != slots_.end()) ordered.splice(ordered.end(), slots_, it);
  }
  ordered.splice(ordered.end(), slots_);
  slots_.splice(slots_.end(), ordered);

  // The trackers of the unchanged instances give what they gave: no priority moves.
  apply_tracking(now);
  for (const auto& keyword : plan.globals_not_applied) {
    log_warning("reload: global_defs {} changed; it takes effect when vrrpd is restarted", keyword);
  }
  log_notice("{}", reload_summary(plan));
}

void Daemon::rearm(InstanceSlot& slot) {
  slot.timer->arm_at(slot.instance->next_deadline());
}

void Daemon::on_socket_readable(const SocketKey& key) {
  SocketState& state = sockets_.at(key);
  const std::string where =
      fmt::format("{} {}", device_names_.at(key.first), family_name(key.second));
  auto socket_drop = [&](DropReason reason, std::optional<IpAddress> source, TimePoint now) {
    state.drops.count(reason);
    auto suppressed = state.drop_log.admit(reason, now);
    if (!suppressed) return;
    const std::string line =
        source
            ? format_drop(where, *source, reason, *suppressed)
            : fmt::format("{}: dropped packet: {}{}", where, to_string(reason),
                          *suppressed ? fmt::format(" ({} similar suppressed)", *suppressed) : "");
    // Adverts of groups we are not in are normal on a shared segment.
    if (reason == DropReason::vrid_not_configured) {
      log_debug("{}", line);
    } else {
      log_info("{}", line);
    }
  };

  for (int budget = kReceiveBudget; budget > 0; --budget) {
    auto received = state.socket->receive();
    if (!received) break;
    const TimePoint now = EventLoop::now();
    if (const auto* reason = std::get_if<DropReason>(&*received)) {
      socket_drop(*reason, std::nullopt, now);
      continue;
    }
    const auto& packet = std::get<ReceivedPacket>(*received);
    // A unicast advert's TTL is the instance's to judge (Instance::ttl_rejection).
    auto decoded =
        decode_advert(packet.info, packet.message,
                      packet.info.destination.is_multicast() ? TtlCheck::rfc : TtlCheck::deferred);
    if (const auto* reason = std::get_if<DropReason>(&decoded)) {
      socket_drop(*reason, packet.info.source, now);
      continue;
    }
    const auto& advert = std::get<DecodedAdvert>(decoded);
    InstanceSlot* target = nullptr;
    if (auto it = by_receive_key_.find({key.first, key.second, advert.advert.vrid});
        it != by_receive_key_.end()) {
      target = it->second;
    }
    if (!target && served_on_vmac_.contains({key.first, key.second, advert.advert.vrid})) {
      continue;  // the instance hears this one on its VMAC
    }
    if (!target) {
      socket_drop(DropReason::vrid_not_configured, packet.info.source, now);
      continue;
    }
    target->instance->receive(packet.info, advert, now);
    rearm(*target);
  }
}

void Daemon::on_kernel_events() {
  // Issue 8: most events are the echoes of our own VIP lifetime renewals, which change no
  // instance; when a read brings nothing else, no timer needs re-arming.
  bool touched = false;
  for (const auto& event : watcher_->poll()) {
    const TimePoint now = EventLoop::now();
    std::visit(Overloaded{
                   [&](const netlink::LinkChanged& e) {
                     touched = true;
                     on_link_changed(e, now);
                   },
                   [&](const netlink::AddressChanged& e) {
                     if (own_vip_echo(e)) return;
                     touched = true;
                     on_address_changed(e, now);
                   },
                   [&](const netlink::EventsLost&) {
                     touched = true;
                     log_warning("netlink events were lost; reading the kernel's state afresh");
                     resync_all(now);
                   },
               },
               event);
  }
  if (!touched) return;
  for (auto& slot : slots_)
    rearm(slot);
}

bool Daemon::own_vip_echo(const netlink::AddressChanged& change) const {
  if (!change.added) return false;
  auto known = device_names_.find(change.ifindex);
  return known != device_names_.end() && own_vips_.contains({known->second, change.prefix.address});
}

void Daemon::on_link_changed(const netlink::LinkChanged& change, TimePoint now) {
  // track_interface names any interface, not only those the instances run on.
  if (track_monitor_ &&
      track_monitor_->link_changed(change.name, !change.removed && change.up && change.running)) {
    apply_tracking(now);
  }
  auto known = device_names_.find(change.ifindex);
  if (known == device_names_.end()) return;
  if (vmac_names_.contains(known->second) && change.removed) {
    log_error("VMAC {} was deleted by someone else; its addresses are gone", known->second);
  }
  const bool usable = !change.removed && change.up && change.running;
  for (auto& slot : slots_) {
    if (slot.instance->ifindex() == change.ifindex) slot.instance->link_changed(usable, now);
  }
}

void Daemon::on_address_changed(const netlink::AddressChanged& change, TimePoint now) {
  auto known = device_names_.find(change.ifindex);
  if (known == device_names_.end()) return;
  // Issue 8: each lifetime renewal of a VIP comes back as an RTM_NEWADDR. Our own VIPs are
  // never an instance's advert source, so their events skip the source queries (a dump of the
  // interface's addresses per instance on it); only a removal is looked at below.
  const bool own_vip = own_vips_.contains({known->second, change.prefix.address});
  if (own_vip && change.added) return;
  const Family family = change.prefix.address.family();
  for (auto& slot : slots_) {
    Instance& instance = *slot.instance;
    if (!own_vip && instance.ifindex() == change.ifindex && instance.family() == family &&
        !slot.fixed_source) {
      instance.source_changed(query_source(slot), now);
    }
  }
  if (change.added) return;
  // A removal we read late may have been undone since (Backup -> Active again); only an
  // address that is really missing is restored.
  auto present = addresses_.contains(change.ifindex, change.prefix.address);
  if (present.ok() && *present) return;
  for (auto& slot : slots_)
    slot.instance->address_removed(known->second, change.prefix, now);
}

void Daemon::resync_all(TimePoint now) {
  if (track_monitor_ &&
      track_monitor_->resync_links([this](const std::string& name) { return link_usable(name); })) {
    apply_tracking(now);
  }
  for (auto& slot : slots_) {
    auto link = links_.get(slot.instance->ifindex());
    if (link.ok()) {
      slot.instance->link_changed(link->has_value() && (*link)->usable(), now);
    }
    if (!slot.fixed_source) slot.instance->source_changed(query_source(slot), now);
  }
}

void Daemon::shutdown() {
  if (shut_down_) return;
  shut_down_ = true;
  service_.stopping();
  if (status_timer_) status_timer_->cancel();
  if (slots_.empty() && vmacs_.empty()) return;  // start() failed before anything existed
  const TimePoint now = EventLoop::now();
  // RFC 9568 §6.4.3 Shutdown: each Active sends priority 0 so a Backup takes over after
  // Skew_Time rather than Active_Down_Interval, then gives its addresses back.
  if (track_monitor_) track_monitor_->stop();
  for (auto& slot : slots_) {
    slot.instance->stop(now);
    slot.timer->cancel();
  }
  wait_for_notifications();
  reset_promote_secondaries();
  if (accept_filter_installed_) {
    if (auto error = run_nft(accept_filter_removal_script())) log_warning("{}", *error);
    accept_filter_installed_ = false;
  }
  for (auto& vmac : vmacs_) {
    const std::string name = vmac.name();
    if (auto status = vmac.remove(); !status) {
      log_error("{}", status.error().message);
    } else {
      ownership_.remove_macvlan(name);
    }
  }
  vmacs_.clear();
  if (!ownership_.owned().empty()) {
    log_warning("some resources could not be released; they stay recorded for the next start");
  }
  log_notice("vrrpd stopped");
}

void Daemon::log_statistics() const {
  for (const auto& slot : slots_) {
    const Instance& i = *slot.instance;
    const auto& c = i.counters();
    log_notice(
        "{}: {} priority {} on {} ({} VRID {}), adverts sent {} received {}, send errors "
        "{}, state changes {}, VIPs restored {}, checksum form {}",
        i.name(), to_string(i.state()), i.machine().priority(), i.interface(),
        family_name(i.family()), i.vrid(), c.adverts_sent, c.adverts_received, c.send_errors,
        c.state_changes, c.addresses_restored, to_string(i.checksum_form()));
    for (std::size_t r = 0; r < kDropReasonCount; ++r) {
      const auto reason = static_cast<DropReason>(r);
      if (i.drops()[reason])
        log_notice("{}: dropped {}: {}", i.name(), to_string(reason), i.drops()[reason]);
    }
  }
  for (const auto& [key, state] : sockets_) {
    for (std::size_t r = 0; r < kDropReasonCount; ++r) {
      const auto reason = static_cast<DropReason>(r);
      if (state.drops[reason]) {
        log_notice("{} {}: dropped {}: {}", device_names_.at(key.first), family_name(key.second),
                   to_string(reason), state.drops[reason]);
      }
    }
  }
}

}  // namespace vrrp::daemon
