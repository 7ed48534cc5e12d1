#include "vrrp/daemon/track_monitor.hpp"

#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "vrrp/daemon/log.hpp"

namespace vrrp::daemon {

namespace {

// track_file is polled: keepalived watches the files with inotify; once a second is the
// granularity this daemon gives (documented in vrrpd.conf(5)).
constexpr auto kFilePollInterval = std::chrono::seconds(1);

std::optional<long long> read_track_file(const std::string& path) {
  std::ifstream in(path);
  if (!in) return std::nullopt;
  std::stringstream text;
  text << in.rdbuf();
  return parse_track_file_value(text.str());
}

}  // namespace

std::optional<long long> parse_track_file_value(const std::string& text) {
  std::size_t i = 0;
  while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i])))
    ++i;
  bool negative = false;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) negative = text[i++] == '-';
  if (i >= text.size() || !std::isdigit(static_cast<unsigned char>(text[i]))) return std::nullopt;
  long long value = 0;
  constexpr long long kCap = 1'000'000'000'000LL;  // beyond any weight's reach; no overflow
  for (; i < text.size() && std::isdigit(static_cast<unsigned char>(text[i])); ++i) {
    if (value < kCap) value = value * 10 + (text[i] - '0');
  }
  return negative ? -value : value;
}

TrackMonitor::TrackMonitor(EventLoop& loop, ScriptRunner& runner, const Config& config,
                           Changed changed)
    : loop_(loop), runner_(runner), config_(config), changed_(std::move(changed)) {}

void TrackMonitor::carry_over(const TrackMonitor& previous, const std::set<std::string>& scripts,
                              const std::set<std::string>& files) {
  for (const auto& [name, script] : previous.scripts_) {
    if (scripts.contains(name)) carried_scripts_.emplace(name, script.tracker);
  }
  for (const auto& [name, file] : previous.files_) {
    if (files.contains(name)) carried_files_.emplace(name, file.value);
  }
}

void TrackMonitor::start(const LinkQuery& link_usable) {
  for (const InstanceConfig& instance : config_.instances) {
    // Its own trackers and its sync group's, by keepalived's rule (vrrp/sync_group_tracking.hpp).
    const MemberTrackers trackers = trackers_for(config_, instance);
    for (const std::string& line : trackers.ignored)
      log_warning("{}: {}", instance.name, line);
    for (const TrackScript& t : trackers.scripts) {
      const ScriptConfig* sc = config_.find_script(t.name);
      if (!sc || scripts_.contains(t.name)) continue;
      auto carried = carried_scripts_.find(t.name);
      scripts_.emplace(t.name, Script{sc,
                                      carried != carried_scripts_.end()
                                          ? carried->second
                                          : ScriptTracker(sc->rise, sc->fall, sc->init_fail),
                                      nullptr, false});
    }
    for (const TrackFile& t : trackers.files) {
      for (const TrackFileConfig& fc : config_.track_files) {
        if (fc.name == t.name) files_.emplace(t.name, File{&fc, std::nullopt});
      }
    }
    for (const TrackInterface& t : trackers.interfaces) {
      links_[t.name] = link_usable(t.name).value_or(false);
    }
  }
  for (auto& [name, file] : files_) {
    const TrackFileConfig& fc = *file.config;
    if (auto carried = carried_files_.find(name); carried != carried_files_.end()) {
      file.value = carried->second;  // polled on as before; init_file was done at the start
      continue;
    }
    if (fc.init_value) {
      std::ifstream existing(fc.path);
      if (!existing || fc.init_overwrite) {
        std::ofstream out(fc.path, std::ios::trunc);
        out << *fc.init_value << '\n';
        if (!out)
          log_warning("track_file {}: cannot write {}: {}", name, fc.path, std::strerror(errno));
      }
    }
    file.value = read_track_file(fc.path);
  }
  if (!files_.empty()) {
    file_timer_ = std::make_unique<Timer>(loop_, [this] { poll_files(); });
    file_timer_->arm_at(EventLoop::now() + kFilePollInterval);
  }
  for (auto& [name, script] : scripts_) {
    Script* s = &script;
    s->timer = std::make_unique<Timer>(loop_, [this, s] { run_script(*s); });
    s->timer->arm_at(carried_scripts_.contains(name) ? EventLoop::now() + s->config->interval
                                                     : EventLoop::now());
  }
}

void TrackMonitor::stop() {
  stopped_ = true;
  if (file_timer_) file_timer_->cancel();
  for (auto& [name, script] : scripts_) {
    if (script.timer) script.timer->cancel();
  }
}

void TrackMonitor::run_script(Script& script) {
  const ScriptConfig& sc = *script.config;
  // keepalived starts a check every interval; one still running is not started twice.
  script.timer->arm_at(EventLoop::now() + sc.interval);
  if (script.running) return;
  script.running = true;
  ScriptRequest request;
  request.name = fmt::format("vrrp_script {}", sc.name);
  request.command = sc.command;
  request.run_as = sc.run_as;
  request.timeout = sc.timeout;
  Script* s = &script;
  runner_.run(request, [this, s, alive = std::weak_ptr<int>(alive_)](const ScriptResult& result) {
    if (alive.expired()) return;  // this monitor was replaced by a reload
    s->running = false;
    if (stopped_ || !s->tracker.record(result.success())) return;
    if (s->tracker.up()) {
      log_notice("VRRP_Script({}) succeeded", s->config->name);
    } else {
      log_notice("VRRP_Script({}) failed ({})", s->config->name,
                 result.timed_out   ? std::string("timed out")
                 : result.not_run   ? std::string("not run")
                 : result.exit_code ? fmt::format("exit status {}", *result.exit_code)
                                    : fmt::format("signal {}", result.signal));
    }
    changed_();
  });
}

void TrackMonitor::poll_files() {
  file_timer_->arm_at(EventLoop::now() + kFilePollInterval);
  bool any = false;
  for (auto& [name, file] : files_) {
    const auto value = read_track_file(file.config->path);
    if (value == file.value) continue;
    file.value = value;
    log_notice("track_file {}: {} now reads {}", name, file.config->path,
               value ? std::to_string(*value) : std::string("no number (0)"));
    any = true;
  }
  if (any) changed_();
}

bool TrackMonitor::link_changed(const std::string& name, bool usable) {
  if (stopped_) return false;
  auto it = links_.find(name);
  if (it == links_.end() || it->second == usable) return false;
  it->second = usable;
  log_notice("tracked interface {} is {}", name, usable ? "up" : "down");
  return true;
}

bool TrackMonitor::resync_links(const LinkQuery& link_usable) {
  bool any = false;
  for (auto& [name, usable] : links_) {
    any = link_changed(name, link_usable(name).value_or(false)) || any;
  }
  return any;
}

TrackingResult TrackMonitor::result_for(const InstanceConfig& instance) const {
  std::vector<StatusTracker> statuses;
  std::vector<FileTracker> files;
  const MemberTrackers trackers = trackers_for(config_, instance);
  for (const TrackScript& t : trackers.scripts) {
    auto it = scripts_.find(t.name);
    if (it == scripts_.end()) continue;
    const ScriptConfig& sc = *it->second.config;
    const bool reverse = t.weight ? t.reverse : (sc.weight_reverse != t.reverse);
    statuses.push_back({t.weight.value_or(sc.weight), reverse, it->second.tracker.up()});
  }
  for (const TrackInterface& t : trackers.interfaces) {
    auto it = links_.find(t.name);
    statuses.push_back({t.weight, t.reverse, it != links_.end() && it->second});
  }
  for (const TrackFile& t : trackers.files) {
    auto it = files_.find(t.name);
    if (it == files_.end()) continue;
    const TrackFileConfig& fc = *it->second.config;
    const bool reverse = t.weight ? t.reverse : (fc.weight_reverse != t.reverse);
    files.push_back({t.weight.value_or(fc.weight), reverse, it->second.value});
  }
  return combine_trackers(statuses, files);
}

}  // namespace vrrp::daemon
