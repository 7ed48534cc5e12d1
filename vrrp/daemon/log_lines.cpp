#include "vrrp/daemon/log_lines.hpp"

#include <fmt/format.h>

namespace vrrp::daemon {

std::string format_state_change(std::string_view instance, const StateChanged& change,
                                std::string_view sync_group) {
  if (is_sync_group_reason(change.reason) && !sync_group.empty()) {
    return fmt::format("{}: {} -> {} (sync group {}, priority {})", instance,
                       to_string(change.from), to_string(change.to), sync_group, change.priority);
  }
  return fmt::format("{}: {} -> {} ({}, priority {})", instance, to_string(change.from),
                     to_string(change.to), to_string(change.reason), change.priority);
}

std::string format_drop(std::string_view where, const IpAddress& source, DropReason reason,
                        std::uint64_t suppressed, std::string_view detail) {
  std::string line =
      fmt::format("{}: dropped advert from {}: {}", where, source.to_string(), to_string(reason));
  if (!detail.empty()) line += fmt::format(": {}", detail);
  if (suppressed > 0) line += fmt::format(" ({} similar suppressed)", suppressed);
  return line;
}

namespace {

std::string_view rfc_name(ChecksumForm form) {
  switch (form) {
    case ChecksumForm::rfc9568:
      return "RFC 9568";
    case ChecksumForm::rfc5798:
      return "RFC 5798";
    case ChecksumForm::v2:
      return "VRRPv2";
    case ChecksumForm::bad:
      break;
  }
  return "unknown";
}

}  // namespace

std::string format_checksum_refused(ChecksumForm received, ChecksumMode mode) {
  const ChecksumForm expected =
      mode == ChecksumMode::rfc5798 ? ChecksumForm::rfc5798 : ChecksumForm::rfc9568;
  return fmt::format("checksum in {} form, expected {} (checksum {})", rfc_name(received),
                     rfc_name(expected), to_string(mode));
}

}  // namespace vrrp::daemon
