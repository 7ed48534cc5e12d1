#include "vrrp/daemon/notifier.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

#include <fmt/format.h>

#include "vrrp/daemon/log.hpp"
#include "vrrp/daemon/unique_fd.hpp"

namespace vrrp::daemon {

namespace {

// The notify_* line for `to` of an instance or a sync group (both have the same four).
template <class Notified>
std::pair<const std::optional<NotifyScript>*, std::string_view> specific_script(const Notified& n,
                                                                                State to) {
  switch (to) {
    case State::active:
      return {&n.notify_master, "notify_master"};
    case State::backup:
      return {&n.notify_backup, "notify_backup"};
    case State::fault:
      return {&n.notify_fault, "notify_fault"};
    case State::initialize:
      break;
  }
  return {&n.notify_stop, "notify_stop"};
}

}  // namespace

std::string_view notify_state_word(State state) {
  switch (state) {
    case State::active:
      return "MASTER";
    case State::backup:
      return "BACKUP";
    case State::fault:
      return "FAULT";
    case State::initialize:
      break;
  }
  return "STOP";
}

std::string notify_fifo_line(std::string_view instance, State state, std::uint8_t priority) {
  return fmt::format("INSTANCE \"{}\" {} {}", instance, notify_state_word(state), priority);
}

std::string notify_fifo_group_line(std::string_view group, State state) {
  return fmt::format("GROUP \"{}\" {} 0", group, notify_state_word(state));
}

Notifier::Notifier(ScriptRunner& runner, const GlobalDefs& globals)
    : runner_(runner), globals_(globals) {}

bool Notifier::idle() const {
  for (const auto& [name, queue] : queues_) {
    if (queue.busy || !queue.pending.empty()) return false;
  }
  return true;
}

void Notifier::state_changed(const InstanceConfig& instance, State to, std::uint8_t priority) {
  const std::string line = notify_fifo_line(instance.name, to, priority);
  if (globals_.notify_fifo) write_fifo(*globals_.notify_fifo, line);
  if (globals_.vrrp_notify_fifo) write_fifo(*globals_.vrrp_notify_fifo, line);

  const auto [specific, which] = specific_script(instance, to);
  enqueue(
      instance.name, instance.name, *specific, which, instance.notify,
      {"INSTANCE", instance.name, std::string(notify_state_word(to)), std::to_string(priority)});
}

void Notifier::group_changed(const SyncGroupConfig& group, State to) {
  const std::string line = notify_fifo_group_line(group.name, to);
  if (globals_.notify_fifo) write_fifo(*globals_.notify_fifo, line);
  if (globals_.vrrp_notify_fifo) write_fifo(*globals_.vrrp_notify_fifo, line);
  const auto [specific, which] = specific_script(group, to);
  enqueue("GROUP " + group.name, group.name, *specific, which, group.notify,
          {"GROUP", group.name, std::string(notify_state_word(to)), "0"});
}

void Notifier::enqueue(const std::string& queue_key, const std::string& name,
                       const std::optional<NotifyScript>& specific, std::string_view which,
                       const std::optional<NotifyScript>& notify,
                       std::vector<std::string> notify_args) {
  Queue& queue = queues_[queue_key];
  if (specific) {
    queue.pending.push_back(ScriptRequest{fmt::format("{} {}", name, which),
                                          specific->command,
                                          {},
                                          specific->run_as,
                                          kNotifyTimeout});
  }
  if (notify) {
    queue.pending.push_back(ScriptRequest{fmt::format("{} notify", name), notify->command,
                                          std::move(notify_args), notify->run_as, kNotifyTimeout});
  }
  if (!queue.busy) start_next(queue_key);
}

void Notifier::start_next(const std::string& instance) {
  Queue& queue = queues_[instance];
  if (queue.pending.empty()) {
    queue.busy = false;
    return;
  }
  queue.busy = true;
  ScriptRequest request = std::move(queue.pending.front());
  queue.pending.pop_front();
  runner_.run(request, [this, instance](const ScriptResult& result) {
    if (!result.success() && !result.not_run && !result.timed_out) {
      log_info("{}: notify script ended with {}", instance,
               result.exit_code ? fmt::format("exit status {}", *result.exit_code)
                                : fmt::format("signal {}", result.signal));
    }
    start_next(instance);
  });
}

void Notifier::write_fifo(const NotifyFifo& fifo, const std::string& line) {
  // Non-blocking: with no reader the open fails (ENXIO) and a full pipe drops the line rather
  // than stalling the event loop.
  UniqueFd fd(::open(fifo.path.c_str(), O_WRONLY | O_NONBLOCK | O_CLOEXEC));
  if (fd.get() < 0) {
    log_debug("notify_fifo {}: {}", fifo.path, std::strerror(errno));
    return;
  }
  const std::string text = line + "\n";
  if (::write(fd.get(), text.data(), text.size()) != static_cast<ssize_t>(text.size())) {
    log_warning("notify_fifo {}: line not written: {}", fifo.path, std::strerror(errno));
  }
}

}  // namespace vrrp::daemon
