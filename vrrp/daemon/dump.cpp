#include "vrrp/daemon/dump.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <ostream>
#include <sstream>
#include <system_error>

#include <fmt/format.h>

#include "vrrp/daemon/log.hpp"
#include "vrrp/daemon/system_error.hpp"
#include "vrrp/daemon/unique_fd.hpp"

namespace vrrp::daemon {

namespace {

std::string_view yes_no(bool value) {
  return value ? "yes" : "no";
}

// Seconds with the precision the protocol has (1/25600 s fits in 6 decimals, rounded).
template <typename Rep, typename Period>
std::string seconds(std::chrono::duration<Rep, Period> d) {
  return fmt::format("{:.6f} s", std::chrono::duration<double>(d).count());
}

std::string mac_text(const MacAddress& mac) {
  return fmt::format("{:02x}:{:02x}:{:02x}:{:02x}:{:02x}:{:02x}", mac[0], mac[1], mac[2], mac[3],
                     mac[4], mac[5]);
}

std::string weight_text(std::optional<int> weight, bool reverse) {
  std::string text = weight ? fmt::format("weight {}", *weight) : "weight default";
  if (reverse) text += " reverse";
  return text;
}

void render_vips(std::ostream& out, std::string_view key, const std::vector<VirtualAddress>& vips,
                 const Instance& instance) {
  for (const VirtualAddress& vip : vips) {
    out << "  " << key << ": " << vip.prefix.to_string() << " dev "
        << (vip.device.empty() ? instance.vip_device() : vip.device) << '\n';
  }
}

void render_instance_data(std::ostream& out, const Instance& i, TimePoint now) {
  const InstanceConfig& c = i.config();
  const StateMachine& m = i.machine();
  out << "instance " << i.name() << '\n';
  out << "  interface: " << i.interface() << '\n';
  out << "  family: " << to_string(i.family()) << '\n';
  out << "  virtual_router_id: " << int{i.vrid()} << '\n';
  out << "  version: " << (c.version == Version::v2 ? 2 : 3) << '\n';
  out << "  state: " << to_string(i.state()) << '\n';
  out << "  priority: " << int{m.priority()} << '\n';  // effective, RFC 9568 §6.1 Priority
  out << "  configured_priority: " << int{c.priority} << '\n';
  out << "  owner: " << yes_no(m.is_owner()) << '\n';
  if (const auto active = m.active_address()) {
    out << "  active_address: " << active->to_string() << '\n';
    out << "  active_priority: " << int{m.active_priority()} << '\n';
  } else {
    out << "  active_address: none\n";
  }
  const auto& source = i.placement().source;
  out << "  source_address: " << (source ? source->to_string() : std::string("none")) << '\n';
  out << "  link: " << (i.placement().link_usable ? "up" : "down") << '\n';
  out << "  mode: " << (c.is_unicast() ? "unicast" : "multicast") << '\n';
  for (const UnicastPeer& peer : c.unicast_peers)
    out << "  unicast_peer: " << peer.address.to_string() << '\n';
  // RFC 9568 §6.1 timers.
  out << "  advert_interval: " << c.advert_interval.count() << " cs\n";
  out << "  active_adver_interval: " << m.active_adver_interval().count() << " cs\n";
  out << "  skew_time: " << seconds(m.skew_time()) << '\n';
  out << "  active_down_interval: " << seconds(m.active_down_interval()) << '\n';
  if (const auto deadline = i.next_deadline()) {
    out << "  next_timer_in: " << seconds(*deadline > now ? *deadline - now : Duration{0}) << '\n';
  } else {
    out << "  next_timer_in: none\n";
  }
  out << "  preempt: " << yes_no(c.preempt) << '\n';
  out << "  preempt_delay: " << seconds(c.preempt_delay) << '\n';
  out << "  accept_mode: " << yes_no(c.accept_mode) << '\n';
  render_vips(out, "vip", c.virtual_addresses, i);
  render_vips(out, "vip_excluded", c.virtual_addresses_excluded, i);
  if (c.vmac) {
    out << "  vmac: " << i.vip_device() << ' ' << mac_text(c.vmac->mac)
        << (c.vmac->xmit_base ? " xmit_base" : "") << '\n';
  } else {
    out << "  vmac: none\n";
  }
  for (const TrackInterface& t : c.track_interfaces) {
    out << "  track_interface: " << t.name << ' ' << weight_text(t.weight, t.reverse) << '\n';
  }
  for (const TrackScript& t : c.track_scripts)
    out << "  track_script: " << t.name << ' ' << weight_text(t.weight, t.reverse) << '\n';
  for (const TrackFile& t : c.track_files)
    out << "  track_file: " << t.name << ' ' << weight_text(t.weight, t.reverse) << '\n';
  out << "  fault: " << yes_no(m.fault()) << '\n';
  // Issue 4: the mode as configured and the form adverts leave with now.
  out << "  checksum_mode: " << to_string(c.checksum) << '\n';
  out << "  checksum_form: " << to_string(i.checksum_form())
      << (i.checksum_form_switched() ? " (followed a peer)" : "") << '\n';
}

void render_drops(std::ostream& out, const DropCounters& drops) {
  for (std::size_t r = 0; r < kDropReasonCount; ++r) {
    const auto reason = static_cast<DropReason>(r);
    out << "  dropped_" << to_string(reason) << ": " << drops[reason] << '\n';
  }
  out << "  dropped_total: " << drops.total() << '\n';
}

void render_instance_stats(std::ostream& out, const Instance& i) {
  const InstanceCounters& c = i.counters();
  out << "instance " << i.name() << '\n';
  out << "  state: " << to_string(i.state()) << '\n';
  out << "  adverts_sent: " << c.adverts_sent << '\n';
  out << "  send_errors: " << c.send_errors << '\n';
  out << "  adverts_received: " << c.adverts_received << '\n';
  out << "  received_checksum_rfc9568: " << c.checksum_rfc9568 << '\n';
  out << "  received_checksum_rfc5798: " << c.checksum_rfc5798 << '\n';
  out << "  received_checksum_v2: " << c.checksum_v2 << '\n';
  out << "  received_checksum_both_forms: " << c.checksum_both_forms << '\n';
  for (const auto& [peer, count] : c.peers.peers())
    out << "  received_from " << peer.to_string() << ": " << count << '\n';
  out << "  received_from other: " << c.peers.other() << '\n';
  out << "  state_changes: " << c.state_changes << '\n';
  out << "  addresses_restored: " << c.addresses_restored << '\n';
  render_drops(out, i.drops());
}

}  // namespace

void render_data(std::ostream& out, std::span<const Instance* const> instances, TimePoint now) {
  out << "# vrrpd data (SIGUSR1): " << instances.size() << " instance"
      << (instances.size() == 1 ? "" : "s") << '\n';
  for (const Instance* instance : instances)
    render_instance_data(out, *instance, now);
}

void render_stats(std::ostream& out, std::span<const Instance* const> instances,
                  std::span<const SocketDrops> sockets) {
  out << "# vrrpd statistics (SIGUSR2): " << instances.size() << " instance"
      << (instances.size() == 1 ? "" : "s") << ", " << sockets.size() << " socket"
      << (sockets.size() == 1 ? "" : "s") << '\n';
  for (const Instance* instance : instances)
    render_instance_stats(out, *instance);
  for (const SocketDrops& socket : sockets) {
    out << "socket " << socket.device << ' ' << to_string(socket.family) << '\n';
    if (socket.drops) render_drops(out, *socket.drops);
  }
}

std::string render_data(std::span<const Instance* const> instances, TimePoint now) {
  std::ostringstream out;
  render_data(out, instances, now);
  return out.str();
}

std::string render_stats(std::span<const Instance* const> instances,
                         std::span<const SocketDrops> sockets) {
  std::ostringstream out;
  render_stats(out, instances, sockets);
  return out.str();
}

std::string write_file_atomically(const std::string& directory, std::string_view name,
                                  std::string_view text) {
  const std::string path = fmt::format("{}/{}", directory, name);
  const std::string temp = path + ".tmp";
  // O_NOFOLLOW: the state directory is root's, but a stale symlink must not redirect a write.
  UniqueFd fd(::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0644));
  if (!fd) throw_errno(fmt::format("cannot write {}", temp));
  // The umask may have taken bits away; the file is for any user to read.
  if (::fchmod(fd.get(), 0644) != 0) throw_errno(fmt::format("cannot chmod {}", temp));
  std::string_view rest = text;
  while (!rest.empty()) {
    const ssize_t n = ::write(fd.get(), rest.data(), rest.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      const int error = errno;
      ::unlink(temp.c_str());
      throw_errno(fmt::format("cannot write {}", temp), error);
    }
    rest.remove_prefix(static_cast<std::size_t>(n));
  }
  fd.reset();
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    const int error = errno;
    ::unlink(temp.c_str());
    throw_errno(fmt::format("cannot rename {} to {}", temp, path), error);
  }
  return path;
}

void write_dump(std::string_view signal_name, const std::string& directory, std::string_view name,
                std::string_view text) {
  try {
    const std::string path = write_file_atomically(directory, name, text);
    log_notice("{}: wrote {}", signal_name, path);
  } catch (const std::system_error& e) {
    log_error("{}: {}", signal_name, e.what());
  }
}

}  // namespace vrrp::daemon
