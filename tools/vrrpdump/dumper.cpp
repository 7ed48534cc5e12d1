#include "tools/vrrpdump/dumper.hpp"

#include <algorithm>

#include "tools/vrrpdump/format.hpp"
#include "tools/vrrpdump/link_layer.hpp"

namespace vrrp::dump {

std::string Dumper::frame(std::int64_t time_us, std::span<const std::uint8_t> bytes,
                          Inspection* inspected) {
  ++frames_;
  last_time_us_ = std::max(last_time_us_, time_us);
  const LinkResult link = find_ip(link_type_, bytes);
  if (link.status != LinkStatus::ip || link.ip_offset > bytes.size()) return {};
  const auto ip = bytes.subspan(link.ip_offset);
  if (!is_vrrp_protocol(ip)) return {};
  ++vrrp_packets_;
  Inspection packet = inspect(static_cast<std::size_t>(frames_), time_us, ip, groups_);
  summary_.add(packet);
  std::string out;
  if (!summary_mode_) {
    switch (mode_) {
      case OutputMode::line:
        out = format_line(packet) + '\n';
        break;
      case OutputMode::verbose:
        out = format_verbose(packet);
        break;
      case OutputMode::json:
        out = format_json(packet) + '\n';
        break;
    }
  }
  if (inspected != nullptr) *inspected = std::move(packet);
  return out;
}

std::string Dumper::finish(std::int64_t end_us) {
  if (!summary_mode_) return {};
  summary_.finish(std::max(end_us, last_time_us_));
  return mode_ == OutputMode::json ? format_summary_json(summary_) : format_summary(summary_);
}

}  // namespace vrrp::dump
