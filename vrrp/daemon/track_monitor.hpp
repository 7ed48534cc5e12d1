// The run-time side of tracking: runs each vrrp_script on its interval (through the
// ScriptRunner) and counts its results with rise/fall, follows the tracked interfaces' link
// state, and polls the track_files once a second. What an instance makes of it comes from the
// core's combine_trackers().
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "vrrp/config.hpp"
#include "vrrp/daemon/event_loop.hpp"
#include "vrrp/daemon/script_runner.hpp"
#include "vrrp/sync_group_tracking.hpp"
#include "vrrp/tracking.hpp"

namespace vrrp::daemon {

class TrackMonitor {
 public:
  // Called after any tracked thing changed, so the daemon recomputes the instances'
  // priorities and faults.
  using Changed = std::function<void()>;
  // The link state of an interface by name; nullopt when it does not exist.
  using LinkQuery = std::function<std::optional<bool>(const std::string&)>;

  // `config` and `runner` must outlive the monitor.
  TrackMonitor(EventLoop& loop, ScriptRunner& runner, const Config& config, Changed changed);

  // A configuration reload: the vrrp_scripts named in `scripts` and the track_files named in
  // `files` are defined alike in `previous`'s configuration and in this one, so their state
  // so far (a script's rise/fall count and result, a file's last value) is taken over: the
  // instances that track them keep their priority. Such a script next runs one interval from
  // now, and such a file's init_file is not written again. Call before start().
  void carry_over(const TrackMonitor& previous, const std::set<std::string>& scripts,
                  const std::set<std::string>& files);

  // Reads the interfaces' and files' current state, writes init_file values and starts the
  // scripts' timers (the first run is due at once).
  void start(const LinkQuery& link_usable);

  // At shutdown: no check starts any more and no result is reported (the instances have
  // stopped; a late result must not move them).
  void stop();

  // A link event: true when `name` is tracked and its state changed.
  bool link_changed(const std::string& name, bool usable);
  // After lost netlink events: reads every tracked interface's state afresh. True when any
  // changed.
  bool resync_links(const LinkQuery& link_usable);

  // The trackers `instance` names, with their current state.
  TrackingResult result_for(const InstanceConfig& instance) const;

 private:
  struct Script {
    const ScriptConfig* config = nullptr;
    ScriptTracker tracker;
    std::unique_ptr<Timer> timer;
    bool running = false;
  };
  struct File {
    const TrackFileConfig* config = nullptr;
    std::optional<long long> value;
  };

  void run_script(Script& script);
  void poll_files();

  EventLoop& loop_;
  ScriptRunner& runner_;
  const Config& config_;
  Changed changed_;
  std::map<std::string, Script> scripts_;  // by vrrp_script name: only the tracked ones
  std::map<std::string, File> files_;      // by track_file name: only the tracked ones
  std::map<std::string, bool> links_;      // tracked interface -> up and running
  std::unique_ptr<Timer> file_timer_;
  bool stopped_ = false;
  // Taken over from the monitor of the configuration before a reload (carry_over).
  std::map<std::string, ScriptTracker> carried_scripts_;
  std::map<std::string, std::optional<long long>> carried_files_;
  // A script still running when its monitor is replaced by a reload reports to nobody: its
  // callback holds this token weakly.
  std::shared_ptr<int> alive_ = std::make_shared<int>(0);
};

// The number at the start of a track_file's text, as keepalived reads it (strtol: leading
// blanks, an optional sign, digits; anything else is 0). nullopt when the text has no number.
std::optional<long long> parse_track_file_value(const std::string& text);

}  // namespace vrrp::daemon
