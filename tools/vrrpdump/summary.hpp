// vrrpdump --summary: per (family, VRID), what a Backup watching the wire would conclude.
//
// Only adverts the daemon would accept count (inspect()'s verdict ok); dropped packets are only
// counted. For each group:
// - the current advertisers: sources whose last advert had a non-zero priority and is younger
//   than their Active_Down_Interval (RFC 9568 §6.1: 3 x interval + Skew_Time, from the
//   advert's own priority and interval; RFC 3768 §6.1 for v2);
// - the Active: the current advertiser with the highest priority, ties to the higher address
//   (RFC 9568 §6.4.3);
// - a transition: the Active changes to another source (the first Active is not one; a
//   priority-0 resignation followed by another source is one);
// - a gap: two successive adverts of the group further apart than the Active_Down_Interval of
//   the earlier one's sender: long enough for a Backup to have taken over (possible failover);
// - an overlap: an advert from one source while another non-zero-priority source advertised
//   within one advert interval (the larger of the two) before; while every advert of either
//   keeps finding the other that close, it is one overlap. One that lasts an
//   Active_Down_Interval (of the lower priority, larger interval) is a split brain: neither
//   router yields, as a working pair would within that time.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "tools/vrrpdump/inspect.hpp"
#include "vrrp/advert.hpp"
#include "vrrp/ip_address.hpp"
#include "vrrp/time.hpp"

namespace vrrp::dump {

struct SourceRecord {
  IpAddress address;
  Version version = Version::v3;
  std::uint8_t priority = 0;  // of its last advert
  Centiseconds interval{0};   // of its last advert
  std::int64_t first_us = 0;
  std::int64_t last_us = 0;
  std::uint64_t adverts = 0;
};

struct Gap {
  std::int64_t from_us = 0;   // the last advert before
  std::int64_t to_us = 0;     // the first advert after
  std::int64_t limit_us = 0;  // the Active_Down_Interval it exceeded
  IpAddress before;           // sender of the advert before
  IpAddress after;            // sender of the advert after
};

struct Overlap {
  IpAddress first;  // the source that advertised first
  IpAddress second;
  std::int64_t from_us = 0;    // the earlier of the two adverts that started it
  std::int64_t to_us = 0;      // the last advert that still found the other within an interval
  std::int64_t window_us = 0;  // how long it has to last to be a split brain
  bool split_brain = false;
};

struct GroupSummary {
  Family family = Family::ipv4;
  std::uint8_t vrid = 0;
  std::set<Version> versions;
  std::uint64_t adverts = 0;  // accepted
  std::uint64_t dropped = 0;  // packets of this VRID the daemon would drop
  std::int64_t first_us = 0;
  std::int64_t last_us = 0;
  std::vector<SourceRecord> sources;     // in order of first advert
  std::optional<IpAddress> active;       // as of the last advert (see Summary::finish)
  std::optional<IpAddress> last_active;  // the last Active ever seen (for transitions)
  std::uint64_t transitions = 0;
  std::vector<Gap> gaps;
  std::vector<Overlap> overlaps;
  // Bookkeeping for add(): the sender of the last advert, the overlap still going on.
  IpAddress last_sender;
  std::optional<std::size_t> open_overlap;

  const SourceRecord* source(const IpAddress& a) const;
  std::size_t split_brains() const;
};

class Summary {
 public:
  void add(const Inspection& packet);
  // Settles the Active as of `end_us` (the end of the capture): an Active whose adverts
  // stopped longer than its Active_Down_Interval before is no longer current.
  void finish(std::int64_t end_us);

  const std::map<std::pair<Family, std::uint8_t>, GroupSummary>& groups() const { return groups_; }
  std::uint64_t unattributed_drops() const { return unattributed_drops_; }
  std::uint64_t packets() const { return packets_; }

 private:
  void update_active(GroupSummary& g, std::int64_t now_us);

  std::map<std::pair<Family, std::uint8_t>, GroupSummary> groups_;
  std::uint64_t unattributed_drops_ = 0;  // no family or VRID readable
  std::uint64_t packets_ = 0;
};

// Text: per group a key=value line, then indented source, gap and overlap lines.
std::string format_summary(const Summary& summary);
// JSON: one object per group, one per line.
std::string format_summary_json(const Summary& summary);

// RFC 9568 §6.1 / RFC 3768 §6.1 Active_Down_Interval in microseconds, rounded up.
std::int64_t active_down_interval_us(Version version, std::uint8_t priority, Centiseconds interval);

}  // namespace vrrp::dump
