// The files SIGUSR1 and SIGUSR2 write into the state directory (issue 4 "Reload and signals",
// issue 5's counters): keepalived's /tmp/keepalived.data and /tmp/keepalived.stats, but in
// vrrpd's own directory (nothing under /tmp, where another user could plant a symlink). The
// renderers are pure text functions of the instances, so their format is unit-tested; the
// writer replaces a file atomically (temporary file and rename), mode 0644.
//
// Format: a comment line, then per instance an "instance NAME" line and "  key: value" lines;
// vrrpd.stats also has a "socket DEVICE FAMILY" block per receiving socket. Keys are stable
// (scripts grep them); vrrpd.conf(5) and vrrpd(8) name them.
#pragma once

#include <iosfwd>
#include <span>
#include <string>
#include <string_view>

#include "vrrp/daemon/instance.hpp"
#include "vrrp/drop_reason.hpp"
#include "vrrp/ip_address.hpp"
#include "vrrp/time.hpp"

namespace vrrp::daemon {

inline constexpr std::string_view kDataFileName = "vrrpd.data";    // SIGUSR1
inline constexpr std::string_view kStatsFileName = "vrrpd.stats";  // SIGUSR2

// What one receiving socket dropped before any instance saw the packet.
struct SocketDrops {
  std::string device;
  Family family = Family::ipv4;
  const DropCounters* drops = nullptr;
};

// SIGUSR1: each instance's state, priorities, the Active's address, timers (relative to
// `now`), VIPs, VMAC, trackers, and the checksum mode and form in use.
void render_data(std::ostream& out, std::span<const Instance* const> instances, TimePoint now);
// SIGUSR2: every counter of each instance (sent, received, per checksum form, per peer, drops
// per reason, zeros included) and every socket's drops per reason.
void render_stats(std::ostream& out, std::span<const Instance* const> instances,
                  std::span<const SocketDrops> sockets);

std::string render_data(std::span<const Instance* const> instances, TimePoint now);
std::string render_stats(std::span<const Instance* const> instances,
                         std::span<const SocketDrops> sockets);

// Writes `text` to `directory`/`name` through "`name`.tmp" and rename(2), so a reader sees the
// old file or the new one, never half of one; mode 0644 whatever the umask. Returns the path.
// Throws std::system_error naming the file.
std::string write_file_atomically(const std::string& directory, std::string_view name,
                                  std::string_view text);

// The signal handler's part: writes the file and logs "SIGUSR1: wrote PATH" (or why it could
// not, at LOG_ERR). `signal_name` is "SIGUSR1" or "SIGUSR2".
void write_dump(std::string_view signal_name, const std::string& directory, std::string_view name,
                std::string_view text);

}  // namespace vrrp::daemon
