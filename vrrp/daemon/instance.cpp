#include "vrrp/daemon/instance.hpp"
#include "vrrp/daemon/overloaded.hpp"

#include <algorithm>
#include <cstring>
#include <map>
#include <type_traits>

#include <fmt/format.h>

#include "vrrp/daemon/instance_config.hpp"
#include "vrrp/daemon/log.hpp"
#include "vrrp/daemon/log_lines.hpp"
#include "vrrp/daemon/source_filter.hpp"
#include "vrrp/priority.hpp"
#include "vrrp/reload_plan.hpp"
#include "vrrp/vip_lifetime.hpp"

namespace vrrp::daemon {

namespace {

// The state machine needs an address of the instance's family from the start; until the
// interface has one the instance sits in Fault and this placeholder is never sent.
IpAddress unspecified(Family family) {
  return family == Family::ipv4 ? IpAddress{} : *IpAddress::parse("::");
}

}  // namespace

Instance::Instance(const InstanceConfig& config, const GlobalDefs& globals,
                   InstancePlacement placement, InstanceHost& host)
    : config_(config),
      placement_(std::move(placement)),
      host_(host),
      advertised_(advertised_addresses(config_)),
      destinations_(advert_destinations(config_, globals)),
      receiver_(receiver_config_for(config_, globals, advertised_)),
      machine_(
          machine_config_for(config_, placement_.source.value_or(unspecified(config_.family)))),
      schedule_(config_.garp),
      checksum_form_(initial_checksum_form(config_, globals)) {
  for (const auto& peer : config_.unicast_peers)
    unicast_peers_.push_back(peer.address);
}

void Instance::start(TimePoint now) {
  started_ = true;
  if (!placement_.source) {
    log_warning("{}: no {} address on {} to send adverts from; waiting in Fault", name(),
                config_.family == Family::ipv4 ? "IPv4" : "IPv6 link-local", interface());
  }
  if (!placement_.link_usable) log_warning("{}: {} is down", name(), interface());
  if (tracking_fault_) log_warning("{}: a tracker with weight 0 is failing; Fault", name());
  // A fault raised in Initialize is remembered: startup() then goes to Fault.
  update_fault(now);
  machine_.startup(now, actions_);
  perform(now);
}

void Instance::stop(TimePoint now) {
  machine_.shutdown(now, actions_);
  perform(now);
  // Whatever the state machine did, nothing of ours stays bound after a stop.
  if (bound_) unbind_addresses();
}

void Instance::receive(const PacketInfo& info, const DecodedAdvert& decoded, TimePoint now) {
  check_lifetime(now);  // first: an advert read after a long stop meets the state we are in now
  ++counters_.adverts_received;
  // keepalived compares a unicast advert's source with the peers only with check_unicast_src
  // (vrrp_check_unicast_src, or a peer's min_ttl / max_ttl); without it any source is heard.
  const std::span<const IpAddress> peers = config_.check_unicast_src
                                               ? std::span<const IpAddress>(unicast_peers_)
                                               : std::span<const IpAddress>();
  const SourceFilter filter{placement_.source.value_or(unspecified(config_.family)), peers};
  auto rejected = filter_source(info.source, filter);
  if (!rejected) rejected = ttl_rejection(info);
  if (rejected != DropReason::own_advert) count_received(info, decoded);  // ours is no peer
  if (rejected) {
    drop(*rejected, info.source, now);
    return;
  }
  receiver_.local_priority = machine_.priority();
  // keepalived's skip_check_adv_addr: the address list of an advert from the sender of the last
  // accepted one is not compared again.
  receiver_.check_address_list = !(config_.skip_check_adv_addr && last_sender_ == info.source);
  const auto verdict = validate_for_receiver(decoded, receiver_);
  if (const auto* reason = std::get_if<DropReason>(&verdict)) {
    // A fixed `checksum` mode refusing the other form: the line names both forms, since this
    // is the failure a user has to recognise (issue 5).
    drop(*reason, info.source, now,
         *reason == DropReason::checksum_form_refused
             ? format_checksum_refused(decoded.checksum_form, config_.checksum)
             : std::string());
    return;
  }
  log_receive_notices(std::get<ReceiveNotices>(verdict), info.source, now);
  last_sender_ = info.source;
  follow_peer_checksum(info, decoded);

  const Advert& advert = decoded.advert;
  machine_.advert_received(
      AdvertEvent{info.source, advert.priority, advert.max_advert_interval, advert.version}, now,
      actions_);
  perform(now);
}

// RFC 9568 §7.1's TTL 255 is checked when a multicast advert is decoded. A unicast one arrives
// unchecked (TtlCheck::deferred, see daemon.cpp): a multicast instance still requires 255; a
// unicast one accepts any TTL, as keepalived does (peers may be routed), unless
// check_unicast_src is on, and then the TTL must be within the range of the peer it came from
// (min_ttl, default 0, to max_ttl, default 255).
std::optional<DropReason> Instance::ttl_rejection(const PacketInfo& info) const {
  if (info.destination.is_multicast()) return std::nullopt;
  if (!config_.is_unicast()) {
    if (info.ttl == kRequiredTtl) return std::nullopt;
    return DropReason::ttl_not_255;
  }
  if (!config_.check_unicast_src) return std::nullopt;
  for (const UnicastPeer& peer : config_.unicast_peers) {
    if (peer.address != info.source) continue;
    if (info.ttl < peer.min_ttl.value_or(0) || info.ttl > peer.max_ttl.value_or(255)) {
      return DropReason::ttl_outside_peer_range;
    }
  }
  return std::nullopt;
}

std::optional<TimePoint> Instance::next_deadline() const {
  std::optional<TimePoint> earliest;
  for (const auto& deadline : {machine_.next_deadline(), schedule_.next_deadline(), renew_at_}) {
    if (deadline && (!earliest || *deadline < *earliest)) earliest = deadline;
  }
  return earliest;
}

void Instance::on_timer(TimePoint now) {
  // Before the state machine's timer: after a stop longer than the lifetime, the overdue
  // Adver_Timer must not send one more advert as Active for addresses we no longer hold.
  check_lifetime(now);
  if (renew_at_ && *renew_at_ <= now) renew_addresses(now);
  if (const auto deadline = machine_.next_deadline(); deadline && *deadline <= now) {
    machine_.timer_expired(now, actions_);
    perform(now);
  }
  if (const auto deadline = schedule_.next_deadline(); deadline && *deadline <= now) {
    announce(schedule_.take_due(now));
  }
}

void Instance::link_changed(bool usable, TimePoint now) {
  if (usable == placement_.link_usable) return;
  placement_.link_usable = usable;
  log_warning("{}: {} is {}", name(), interface(), usable ? "up" : "down");
  update_fault(now);
}

void Instance::source_changed(std::optional<IpAddress> source, TimePoint now) {
  if (source == placement_.source) return;
  if (source && source->family() != config_.family) return;
  if (source) {
    if (started_) log_info("{}: adverts now sent from {}", name(), source->to_string());
    machine_.set_primary_address(*source);
  } else {
    log_warning("{}: {} lost its {} address", name(), interface(),
                config_.family == Family::ipv4 ? "IPv4" : "IPv6 link-local");
  }
  placement_.source = source;
  update_fault(now);
}

void Instance::address_removed(const std::string& device, const IpPrefix& prefix, TimePoint now) {
  // A removal by the kernel because the lifetime ran out is no one else's doing: restoring the
  // VIP would make a second Active after a stop (issue 8).
  if (check_lifetime(now) || !bound_) return;
  for (const VirtualAddress* vip : bound_set()) {
    if (vip->prefix.address != prefix.address || device_for(*vip) != device) continue;
    ++counters_.addresses_restored;
    if (auto error = host_.add_address(device, *vip, config_.vip_lifetime)) {
      log_error("{}: {} was removed from {} while Active; restoring it failed: {}", name(),
                vip->prefix.to_string(), device, *error);
    } else {
      log_warning("{}: {} was removed from {} while Active; restored", name(),
                  vip->prefix.to_string(), device);
    }
  }
}

void Instance::reconfigure(const InstanceConfig& config, const GlobalDefs& globals,
                           const TrackingResult& tracking, TimePoint now) {
  // What we hold under the old configuration, to release what the new one drops.
  std::vector<std::pair<std::string, VirtualAddress>> held;
  std::vector<std::pair<std::string, VirtualRoute>> held_routes;
  if (bound_) {
    for (const VirtualAddress* vip : bound_set())
      held.emplace_back(device_for(*vip), *vip);
    for (const VirtualRoute& route : config_.virtual_routes)
      held_routes.emplace_back(route_device(route), route);
  }
  const bool garp_changed = !(config.garp == config_.garp);
  config_ = config;
  advertised_ = advertised_addresses(config_);  // receiver_ views it: rebuilt below
  destinations_ = advert_destinations(config_, globals);
  unicast_peers_.clear();
  for (const auto& peer : config_.unicast_peers)
    unicast_peers_.push_back(peer.address);
  receiver_ = receiver_config_for(config_, globals, advertised_);
  if (!checksum_form_switched_) checksum_form_ = initial_checksum_form(config_, globals);
  machine_.reconfigure(machine_config_for(config_, machine_.config().primary_address), now,
                       actions_);
  perform(now);

  if (bound_) {
    auto contains = [](const auto& list, const std::string& device, const auto& item) {
      return std::any_of(list.begin(), list.end(), [&](const auto& entry) {
        if (entry.first != device) return false;
        if constexpr (std::is_same_v<std::decay_t<decltype(item)>, VirtualRoute>) {
          return same_route(entry.second, item);
        } else {
          return same_address(entry.second, item);
        }
      });
    };
    std::vector<std::pair<std::string, VirtualAddress>> wanted;
    for (const VirtualAddress* vip : bound_set())
      wanted.emplace_back(device_for(*vip), *vip);
    std::vector<std::pair<std::string, VirtualRoute>> wanted_routes;
    for (const VirtualRoute& route : config_.virtual_routes)
      wanted_routes.emplace_back(route_device(route), route);
    // Routes go before the addresses (a route's src may be one of them), as on leaving Active.
    for (const auto& [device, route] : held_routes) {
      if (contains(wanted_routes, device, route)) continue;
      if (auto error = host_.remove_route(device, route)) {
        log_error("{}: cannot remove route {}: {}", name(), route.destination.to_string(), *error);
      } else {
        log_notice("{}: reload: removed route {}", name(), route.destination.to_string());
      }
    }
    for (const auto& [device, vip] : held) {
      if (contains(wanted, device, vip)) continue;
      if (auto error = host_.remove_address(device, vip.prefix)) {
        log_error("{}: cannot remove {} from {}: {}", name(), vip.prefix.to_string(), device,
                  *error);
      } else {
        log_notice("{}: reload: released {} from {}", name(), vip.prefix.to_string(), device);
      }
    }
    std::map<std::string, std::vector<IpAddress>> added;
    for (const auto& [device, vip] : wanted) {
      if (contains(held, device, vip)) continue;
      added[device].push_back(vip.prefix.address);
      log_notice("{}: reload: bound {} on {}", name(), vip.prefix.to_string(), device);
    }
    bool routes_added = false;
    for (const auto& [device, route] : wanted_routes) {
      if (contains(held_routes, device, route)) continue;
      routes_added = true;
      log_notice("{}: reload: installed route {}", name(), route.destination.to_string());
    }
    if (!added.empty() || routes_added) {
      // Binding is idempotent: what we hold already stays as it is. Then the routes, after the
      // addresses. RFC 9568 §6.4.2 announces every address an Active takes on: the new ones
      // are announced as on becoming Active. (A new vip_lifetime takes effect at the next
      // renewal, see check_lifetime.)
      bind_addresses(now);
      for (const auto& [device, addresses] : added)
        host_.announce(device, addresses, config_.garp.master_repeat);
    }
  }
  if (garp_changed) {
    // The new timing from now on; an Active starts it with a burst, as on becoming Active.
    schedule_ = AnnounceSchedule(config_.garp);
    if (bound_) {
      schedule_.start(now);
      announce(schedule_.take_due(now));
    }
  }
  tracking_changed(tracking, now);
}

void Instance::tracking_changed(const TrackingResult& tracking, TimePoint now) {
  const std::uint8_t priority = effective_priority(config_.priority, tracking.total_weight);
  if (priority != machine_.priority()) {
    if (started_) {
      log_notice("{}: priority {} (configured {}, tracking weight {:+})", name(), priority,
                 config_.priority, tracking.total_weight);
    }
    machine_.set_effective_priority(priority, now, actions_);
    perform(now);
  }
  if (tracking.fault != tracking_fault_) {
    tracking_fault_ = tracking.fault;
    if (started_) {
      log_warning("{}: {}", name(),
                  tracking_fault_ ? "a tracker with weight 0 failed: Fault"
                                  : "no tracker with weight 0 is failing any more");
    }
    if (started_) update_fault(now);
  }
}

void Instance::update_fault(TimePoint now) {
  // Fault while any fault source holds: the link, the source address, a weight-0 tracker.
  // keepalived's dont_track_primary: the state of the instance's own interface is no fault
  // source (track_interface can still watch it, with a weight).
  const bool link_fault = !placement_.link_usable && !config_.dont_track_primary;
  const bool fault = link_fault || !placement_.source || tracking_fault_;
  if (fault == machine_.fault()) return;
  if (fault) {
    machine_.fault_raised(now, actions_);
  } else {
    machine_.fault_cleared(now, actions_);
  }
  perform(now);
}

void Instance::perform(TimePoint now) {
  // Handlers never call back into the machine, so the buffer is stable while we walk it.
  for (const Action& action : actions_) {
    std::visit(Overloaded{
                   [&](const SendAdvert& a) { send_advert(a.priority, now); },
                   [&](const BindAddresses&) { bind_addresses(now); },
                   [&](const UnbindAddresses&) {
                     schedule_.stop();
                     unbind_addresses();
                   },
                   [&](const AnnounceAddresses& a) {
                     if (a.trigger == AnnounceTrigger::became_active) {
                       schedule_.start(now);
                     } else {
                       schedule_.lower_priority_heard(now);  // garp_lower_prio_*
                     }
                     announce(schedule_.take_due(now));
                   },
                   [&](const StateChanged& change) {
                     ++counters_.state_changes;
                     log_notice("{}", format_state_change(name(), change, sync_group_));
                     host_.state_changed(config_, change.to, change.priority);
                     changes_.push_back(change);
                   },
                   [&](const Notice& notice) { log_fsm_notice(notice, now); },
               },
               action);
  }
  actions_.clear();
  // After the batch, not inside it: the sync group may call this instance (and others) again.
  std::vector<StateChanged> changes;
  changes.swap(changes_);
  host_.after_events(*this, changes);
}

void Instance::join_sync_group(std::string group, TimePoint now) {
  sync_group_ = std::move(group);
  machine_.set_sync_group_member(!sync_group_.empty());
  if (sync_group_.empty()) set_group_fault(false, now);
}

void Instance::set_group_fault(bool fault, TimePoint now) {
  if (fault == machine_.group_fault()) return;
  if (fault) {
    machine_.group_fault_raised(now, actions_);
  } else {
    machine_.group_fault_cleared(now, actions_);
  }
  perform(now);
}

void Instance::force_active(TimePoint now) {
  machine_.force_active(now, actions_);
  perform(now);
}

void Instance::force_backup(TimePoint now) {
  machine_.force_backup(now, actions_);
  perform(now);
}

void Instance::send_advert(std::uint8_t priority, TimePoint now) {
  // Fault: nothing to send from, or no link to send on (the priority-0 advert on the way into
  // Fault cannot leave a link that is down).
  if (!placement_.source || !placement_.link_usable) return;
  for (const IpAddress& destination : destinations_) {
    EncodeRequest request;
    request.version = config_.version;
    request.vrid = config_.virtual_router_id;
    request.priority = priority;
    request.interval = config_.advert_interval;
    request.auth_type = receiver_.auth_type;
    request.auth_data = receiver_.auth_data;
    request.addresses = advertised_;
    request.checksum_form = checksum_form_;
    request.source = *placement_.source;
    request.destination = destination;
    const std::size_t size = encode_advert(request, tx_buffer_);
    if (size == 0) {
      log_error("{}: cannot encode an advert (check the virtual addresses)", name());
      return;
    }
    const int error = host_.send_advert(config_.family, placement_.tx_ifindex,
                                        {tx_buffer_.data(), size}, *placement_.source, destination);
    if (error == 0) {
      ++counters_.adverts_sent;
    } else {
      ++counters_.send_errors;
      if (auto suppressed = send_error_log_.admit(now)) {
        log_warning("{}: cannot send advert to {}: {}{}", name(), destination.to_string(),
                    std::strerror(error),
                    *suppressed ? fmt::format(" ({} similar suppressed)", *suppressed) : "");
      }
    }
  }
}

std::vector<const VirtualAddress*> Instance::bound_set() const {
  std::vector<const VirtualAddress*> out;
  for (const auto& vip : config_.virtual_addresses)
    out.push_back(&vip);
  for (const auto& vip : config_.virtual_addresses_excluded)
    out.push_back(&vip);
  return out;
}

const std::string& Instance::device_for(const VirtualAddress& vip) const {
  return vip.device.empty() ? placement_.vip_device : vip.device;
}

void Instance::bind_addresses(TimePoint now) {
  bound_ = true;
  for (const VirtualAddress* vip : bound_set()) {
    if (auto error = host_.add_address(device_for(*vip), *vip, config_.vip_lifetime)) {
      log_error("{}: cannot add {} to {}: {}", name(), vip->prefix.to_string(), device_for(*vip),
                *error);
    }
  }
  install_routes(false);
  schedule_renewal(now);
}

// Issue 8: the same request as the bind. The kernel updates the existing address in place
// (its lifetimes only: no delete, no new route, no duplicate address detection) and reports
// one RTM_NEWADDR, which the daemon recognises as one of ours and does not act on.
void Instance::renew_addresses(TimePoint now) {
  ++counters_.lifetime_renewals;
  for (const VirtualAddress* vip : bound_set()) {
    if (auto error = host_.add_address(device_for(*vip), *vip, config_.vip_lifetime)) {
      if (auto suppressed = renew_error_log_.admit(now)) {
        log_error("{}: cannot renew the lifetime of {} on {}: {}{}", name(),
                  vip->prefix.to_string(), device_for(*vip), *error,
                  *suppressed ? fmt::format(" ({} similar suppressed)", *suppressed) : "");
      }
    }
  }
  install_routes(true);
  schedule_renewal(now);
}

// After a bind or a renewal with config_.vip_lifetime. A reload may change vip_lifetime while
// Active: the VIPs keep the lifetime they were last given until the next renewal (none when
// that was 0: then the new value applies from the next bind).
void Instance::schedule_renewal(TimePoint now) {
  renewed_at_ = now;
  bound_lifetime_ = config_.vip_lifetime;
  renew_at_.reset();
  if (bound_lifetime_ > kVipLifetimeForever) renew_at_ = now + vip_renewal_period(bound_lifetime_);
}

// virtual_routes (issue 4): installed after the VIPs (a route's src may be one of them) and
// removed before them. On a renewal only IPv6 routes are added again, to renew their expiry
// (issue 8): re-adding an IPv4 route would replace it and flush the route cache for nothing.
void Instance::install_routes(bool renewal) {
  for (const VirtualRoute& route : config_.virtual_routes) {
    if (renewal && !route.destination.address.is_v6()) continue;
    if (auto error = host_.add_route(route_device(route), route, config_.vip_lifetime)) {
      log_error("{}: cannot install route {}: {}", name(), route.destination.to_string(), *error);
    }
  }
}

void Instance::remove_routes() {
  for (const VirtualRoute& route : config_.virtual_routes) {
    if (auto error = host_.remove_route(route_device(route), route)) {
      log_error("{}: cannot remove route {}: {}", name(), route.destination.to_string(), *error);
    }
  }
}

std::string Instance::route_device(const VirtualRoute& route) const {
  if (!route.device.empty()) return route.device;
  // keepalived: a unicast route with neither dev nor via goes out of the instance's interface
  // (its VIP device).
  if (!route.gateway && route.type == VirtualRoute::Type::unicast) return placement_.vip_device;
  return {};
}

// Issue 8: whether the VIPs' lifetime ran out since the last renewal. That happens only when
// the daemon did not run for two thirds of the lifetime or more (SIGSTOP, a stalled host, a
// suspended VM): the kernel has removed the VIPs, and a peer has most likely taken over. The
// instance then leaves Active as a router that just started would enter (see
// StateMachine::addresses_lost) instead of restoring them, so there is no second Active.
bool Instance::check_lifetime(TimePoint now) {
  if (!bound_ || !renew_at_ || bound_lifetime_ <= kVipLifetimeForever) return false;
  // The kernel deletes an address whose age, counted from its own timestamp of our request
  // (a little after renewed_at_), reaches the lifetime less 20 ms (ADDRCONF_TIMER_FUZZ_MINUS).
  constexpr auto kKernelEarly = std::chrono::milliseconds(50);
  const TimePoint expiry = renewed_at_ + bound_lifetime_ - kKernelEarly;
  if (now < expiry) return false;
  ++counters_.addresses_expired;
  const Duration behind = now - expiry - kKernelEarly;  // past the kernel's own expiry
  const auto late = std::chrono::duration_cast<std::chrono::milliseconds>(
      behind > Duration{0} ? behind : Duration{0});
  log_warning(
      "{}: the lifetime of our addresses ({} s) ran out {} ms ago, while vrrpd was "
      "stopped or stalled; the kernel has removed them: leaving Active",
      name(), bound_lifetime_.count(), late.count());
  machine_.addresses_lost(now, actions_);
  perform(now);
  return true;
}

void Instance::unbind_addresses() {
  bound_ = false;
  renew_at_.reset();
  remove_routes();
  for (const VirtualAddress* vip : bound_set()) {
    if (auto error = host_.remove_address(device_for(*vip), vip->prefix)) {
      log_error("{}: cannot remove {} from {}: {}", name(), vip->prefix.to_string(),
                device_for(*vip), *error);
    }
  }
}

void Instance::announce(std::uint32_t count) {
  if (count == 0 || !bound_) return;
  // One call per device, so the host looks each device's MAC up once per burst.
  std::map<std::string, std::vector<IpAddress>> by_device;
  for (const VirtualAddress* vip : bound_set()) {
    by_device[device_for(*vip)].push_back(vip->prefix.address);
  }
  for (const auto& [device, addresses] : by_device)
    host_.announce(device, addresses, count);
}

void Instance::count_received(const PacketInfo& info, const DecodedAdvert& decoded) {
  if (decoded.matches_both_ipv4_forms) {
    ++counters_.checksum_both_forms;
  } else if (decoded.checksum_form == ChecksumForm::rfc9568) {
    ++counters_.checksum_rfc9568;
  } else if (decoded.checksum_form == ChecksumForm::rfc5798) {
    ++counters_.checksum_rfc5798;
  } else if (decoded.checksum_form == ChecksumForm::v2) {
    ++counters_.checksum_v2;
  }
  counters_.peers.count(info.source);
}

void Instance::drop(DropReason reason, const IpAddress& source, TimePoint now,
                    std::string_view detail) {
  drops_.count(reason);
  if (auto suppressed = drop_log_.admit(reason, now)) {
    const std::string line = format_drop(name(), source, reason, *suppressed, detail);
    // Our own adverts coming back is a property of the network, not news every few seconds.
    if (reason == DropReason::own_advert) {
      log_debug("{}", line);
    } else {
      log_info("{}", line);
    }
  }
}

void Instance::log_fsm_notice(const Notice& notice, TimePoint now) {
  auto suppressed = notice_log_.admit(notice.kind, now);
  if (!suppressed) return;
  std::string line = fmt::format("{}: {} (peer {}, priority {}", name(), to_string(notice.kind),
                                 notice.peer.to_string(), notice.peer_priority);
  if (notice.kind == NoticeKind::interval_learned) {
    line += fmt::format(", interval {} cs", notice.interval.count());
  }
  line += ")";
  if (*suppressed) line += fmt::format(" ({} similar suppressed)", *suppressed);
  log_info("{}", line);
}

void Instance::log_receive_notices(ReceiveNotices notices, const IpAddress& source, TimePoint now) {
  for (ReceiveNotice notice :
       {ReceiveNotice::interval_mismatch, ReceiveNotice::address_list_mismatch,
        ReceiveNotice::owner_received_advert, ReceiveNotice::ipv6_first_address_not_link_local}) {
    if (!notices.has(notice)) continue;
    if (auto suppressed = receive_notice_log_.admit(static_cast<std::uint8_t>(notice), now)) {
      log_info("{}: advert from {}: {}{}", name(), source.to_string(), to_string(notice),
               *suppressed ? fmt::format(" ({} similar suppressed)", *suppressed) : "");
    }
  }
}

void Instance::follow_peer_checksum(const PacketInfo& info, const DecodedAdvert& decoded) {
  // Issue 4's `auto`: keepalived's IPv4 VRRPv3 form first, then the form a peer uses, once.
  // Peers that sum one way drop the other way's adverts as bad checksums, so following the
  // first peer that differs is what makes a mixed group converge.
  // A fixed mode (`checksum rfc9568|rfc5798`) never switches.
  if (config_.checksum != ChecksumMode::automatic || checksum_form_switched_ ||
      config_.version != Version::v3 || config_.family != Family::ipv4 ||
      decoded.matches_both_ipv4_forms || decoded.checksum_form == checksum_form_) {
    return;
  }
  checksum_form_switched_ = true;
  checksum_form_ = decoded.checksum_form;
  log_notice("{}: peer {} uses the {} IPv4 checksum; sending that form from now on", name(),
             info.source.to_string(), to_string(checksum_form_));
}

}  // namespace vrrp::daemon
