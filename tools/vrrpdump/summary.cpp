#include "tools/vrrpdump/summary.hpp"

#include <algorithm>
#include <chrono>

#include <fmt/format.h>

#include "tools/vrrpdump/format.hpp"
#include "tools/vrrpdump/json.hpp"
#include "vrrp/timers.hpp"

namespace vrrp::dump {
namespace {

std::int64_t to_us(Centiseconds interval) {
  return std::chrono::duration_cast<std::chrono::microseconds>(interval).count();
}

bool is_current(const SourceRecord& s, std::int64_t now_us) {
  return s.priority != kResignPriority &&
         now_us - s.last_us <= active_down_interval_us(s.version, s.priority, s.interval);
}

std::string seconds_text(std::int64_t us) {
  return fmt::format("{}.{:06}s", us / 1000000, us % 1000000);
}

std::string versions_text(const std::set<Version>& versions, std::string_view separator) {
  std::string out;
  for (Version v : versions) {
    if (!out.empty()) out += separator;
    out += std::to_string(static_cast<int>(v));
  }
  return out;
}

}  // namespace

std::int64_t active_down_interval_us(Version version, std::uint8_t priority,
                                     Centiseconds interval) {
  return std::chrono::ceil<std::chrono::microseconds>(
             active_down_interval(version, priority, interval))
      .count();
}

const SourceRecord* GroupSummary::source(const IpAddress& a) const {
  for (const SourceRecord& s : sources)
    if (s.address == a) return &s;
  return nullptr;
}

std::size_t GroupSummary::split_brains() const {
  return static_cast<std::size_t>(std::count_if(overlaps.begin(), overlaps.end(),
                                                [](const Overlap& o) { return o.split_brain; }));
}

void Summary::add(const Inspection& p) {
  ++packets_;
  const auto vrid = p.vrid();
  if (!p.family || !vrid) {
    ++unattributed_drops_;
    return;
  }
  auto [it, created] = groups_.try_emplace({*p.family, *vrid});
  GroupSummary& g = it->second;
  if (created) {
    g.family = *p.family;
    g.vrid = *vrid;
  }
  if (!p.accepted() || !p.advert || !p.source) {
    ++g.dropped;
    return;
  }
  const AdvertFields& a = *p.advert;
  const IpAddress& sender = *p.source;
  const std::int64_t t = p.time_us;

  // A gap: longer than the Active_Down_Interval of the previous advert's sender.
  if (g.adverts > 0) {
    const SourceRecord* previous = g.source(g.last_sender);
    const std::int64_t limit =
        active_down_interval_us(previous->version, previous->priority, previous->interval);
    if (t - g.last_us > limit) g.gaps.push_back({g.last_us, t, limit, g.last_sender, sender});
  } else {
    g.first_us = t;
  }

  // Overlaps: another advertising source heard within one interval before this advert.
  const SourceRecord* other = nullptr;
  if (a.priority != kResignPriority) {
    for (const SourceRecord& s : g.sources) {
      if (s.address == sender || s.priority == kResignPriority) continue;
      const std::int64_t within = to_us(std::max(s.interval, a.interval));
      if (t - s.last_us > within) continue;
      if (other == nullptr || s.last_us > other->last_us) other = &s;
    }
  }
  if (other == nullptr) {
    g.open_overlap.reset();
  } else {
    Overlap* open = g.open_overlap ? &g.overlaps[*g.open_overlap] : nullptr;
    const bool same_pair =
        open != nullptr && ((open->first == sender && open->second == other->address) ||
                            (open->second == sender && open->first == other->address));
    if (!same_pair) {
      Overlap o;
      o.first = other->address;
      o.second = sender;
      o.from_us = other->last_us;
      o.window_us = active_down_interval_us(a.version, std::min(a.priority, other->priority),
                                            std::max(a.interval, other->interval));
      g.overlaps.push_back(o);
      g.open_overlap = g.overlaps.size() - 1;
      open = &g.overlaps.back();
    }
    open->to_us = t;
    if (open->to_us - open->from_us >= open->window_us) open->split_brain = true;
  }

  // The sender's record.
  auto rec = std::find_if(g.sources.begin(), g.sources.end(),
                          [&](const SourceRecord& s) { return s.address == sender; });
  if (rec == g.sources.end()) {
    g.sources.push_back(SourceRecord{sender, a.version, 0, Centiseconds(0), t, t, 0});
    rec = g.sources.end() - 1;
  }
  rec->version = a.version;
  rec->priority = a.priority;
  rec->interval = a.interval;
  rec->last_us = t;
  ++rec->adverts;

  g.versions.insert(a.version);
  ++g.adverts;
  g.last_us = t;
  g.last_sender = sender;
  update_active(g, t);
}

void Summary::update_active(GroupSummary& g, std::int64_t now_us) {
  const SourceRecord* best = nullptr;
  for (const SourceRecord& s : g.sources) {
    if (!is_current(s, now_us)) continue;
    // RFC 9568 §6.4.3: higher priority wins; equal priority, the higher primary address.
    if (best == nullptr || s.priority > best->priority ||
        (s.priority == best->priority && s.address > best->address)) {
      best = &s;
    }
  }
  if (best == nullptr) {
    g.active.reset();
    return;
  }
  g.active = best->address;
  if (g.last_active && *g.last_active != best->address) ++g.transitions;
  g.last_active = best->address;
}

void Summary::finish(std::int64_t end_us) {
  for (auto& [key, g] : groups_) {
    if (g.adverts > 0) update_active(g, std::max(end_us, g.last_us));
    g.open_overlap.reset();
  }
}

std::string format_summary(const Summary& summary) {
  std::string out;
  for (const auto& [key, g] : summary.groups()) {
    const SourceRecord* active = g.active ? g.source(*g.active) : nullptr;
    out += fmt::format(
        "{} vrid={} versions={} active={} prio={} intvl={} adverts={} dropped={} sources={} "
        "transitions={} gaps={} overlaps={} split_brain={}\n",
        to_string(g.family), g.vrid, g.versions.empty() ? "-" : versions_text(g.versions, ","),
        active ? active->address.to_string() : "none",
        active ? std::to_string(active->priority) : "-",
        active ? format_interval(active->version, active->interval) : "-", g.adverts, g.dropped,
        g.sources.size(), g.transitions, g.gaps.size(), g.overlaps.size(), g.split_brains());
    for (const SourceRecord& s : g.sources) {
      out += fmt::format("  source {} vrrpv{} prio={} intvl={} adverts={} first={} last={}\n",
                         s.address.to_string(), static_cast<int>(s.version), s.priority,
                         format_interval(s.version, s.interval), s.adverts, format_time(s.first_us),
                         format_time(s.last_us));
    }
    for (const Gap& gap : g.gaps) {
      out += fmt::format("  gap from={} to={} length={} limit={} before={} after={}\n",
                         format_time(gap.from_us), format_time(gap.to_us),
                         seconds_text(gap.to_us - gap.from_us), seconds_text(gap.limit_us),
                         gap.before.to_string(), gap.after.to_string());
    }
    for (const Overlap& o : g.overlaps) {
      out += fmt::format("  {} {} {} from={} to={} length={} window={}\n",
                         o.split_brain ? "split_brain" : "overlap", o.first.to_string(),
                         o.second.to_string(), format_time(o.from_us), format_time(o.to_us),
                         seconds_text(o.to_us - o.from_us), seconds_text(o.window_us));
    }
  }
  if (summary.unattributed_drops() > 0) {
    out += fmt::format("unattributed dropped={}\n", summary.unattributed_drops());
  }
  return out;
}

std::string format_summary_json(const Summary& summary) {
  std::string out;
  for (const auto& [key, g] : summary.groups()) {
    const SourceRecord* active = g.active ? g.source(*g.active) : nullptr;
    std::string sources;
    for (const SourceRecord& s : g.sources) {
      if (!sources.empty()) sources += ',';
      sources += fmt::format(
          "{{\"address\":{},\"version\":{},\"priority\":{},\"interval_cs\":{},\"adverts\":{},"
          "\"first\":{},\"last\":{}}}",
          json_string(s.address.to_string()), static_cast<int>(s.version), s.priority,
          s.interval.count(), s.adverts, json_string(format_time(s.first_us)),
          json_string(format_time(s.last_us)));
    }
    std::string gaps;
    for (const Gap& gap : g.gaps) {
      if (!gaps.empty()) gaps += ',';
      gaps += fmt::format(
          "{{\"from\":{},\"to\":{},\"length_us\":{},\"limit_us\":{},\"before\":{},\"after\":{}}}",
          json_string(format_time(gap.from_us)), json_string(format_time(gap.to_us)),
          gap.to_us - gap.from_us, gap.limit_us, json_string(gap.before.to_string()),
          json_string(gap.after.to_string()));
    }
    std::string overlaps;
    for (const Overlap& o : g.overlaps) {
      if (!overlaps.empty()) overlaps += ',';
      overlaps += fmt::format(
          "{{\"first\":{},\"second\":{},\"from\":{},\"to\":{},\"length_us\":{},\"window_us\":{},"
          "\"split_brain\":{}}}",
          json_string(o.first.to_string()), json_string(o.second.to_string()),
          json_string(format_time(o.from_us)), json_string(format_time(o.to_us)),
          o.to_us - o.from_us, o.window_us, o.split_brain);
    }
    out += fmt::format(
        "{{\"family\":{},\"vrid\":{},\"versions\":[{}],\"active\":{},\"active_priority\":{},"
        "\"active_interval_cs\":{},\"adverts\":{},\"dropped\":{},\"transitions\":{},"
        "\"split_brains\":{},\"first\":{},\"last\":{},\"sources\":[{}],\"gaps\":[{}],"
        "\"overlaps\":[{}]}}\n",
        json_string(to_string(g.family)), g.vrid, versions_text(g.versions, ","),
        active ? json_string(active->address.to_string()) : "null",
        active ? std::to_string(active->priority) : "null",
        active ? std::to_string(active->interval.count()) : "null", g.adverts, g.dropped,
        g.transitions, g.split_brains(), g.adverts ? json_string(format_time(g.first_us)) : "null",
        g.adverts ? json_string(format_time(g.last_us)) : "null", sources, gaps, overlaps);
  }
  return out;
}

}  // namespace vrrp::dump
