#include "vrrp/daemon/notifier.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <fmt/format.h>

#include "vrrp/daemon/log.hpp"
#include "vrrp/daemon/unique_fd.hpp"

namespace vrrp::daemon {

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

  const std::optional<NotifyScript>* specific = nullptr;
  std::string_view which;
  switch (to) {
    case State::active:
      specific = &instance.notify_master, which = "notify_master";
      break;
    case State::backup:
      specific = &instance.notify_backup, which = "notify_backup";
      break;
    case State::fault:
      specific = &instance.notify_fault, which = "notify_fault";
      break;
    case State::initialize:
      specific = &instance.notify_stop, which = "notify_stop";
      break;
  }
  Queue& queue = queues_[instance.name];
  if (specific && *specific) {
    queue.pending.push_back(ScriptRequest{fmt::format("{} {}", instance.name, which),
                                          (*specific)->command,
                                          {},
                                          (*specific)->run_as,
                                          kNotifyTimeout});
  }
  if (instance.notify) {
    queue.pending.push_back(ScriptRequest{
        fmt::format("{} notify", instance.name),
        instance.notify->command,
        {"INSTANCE", instance.name, std::string(notify_state_word(to)), std::to_string(priority)},
        instance.notify->run_as,
        kNotifyTimeout});
  }
  if (!queue.busy) start_next(instance.name);
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
