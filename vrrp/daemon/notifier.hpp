// keepalived's notifications of state changes: notify_master / notify_backup / notify_fault /
// notify_stop, then `notify` with `INSTANCE name STATE priority` appended, and a line on the
// notify FIFOs. Per instance the scripts run one after the other, so a script always sees the
// transitions in the order they happened, however slow the one before it was.
#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <string_view>

#include "vrrp/config.hpp"
#include "vrrp/daemon/script_runner.hpp"
#include "vrrp/state.hpp"

namespace vrrp::daemon {

// How long one notify script may run before it is killed, so the next one can start.
inline constexpr std::chrono::seconds kNotifyTimeout{10};

// keepalived's state words: MASTER, BACKUP, FAULT, and STOP for an instance that stopped.
std::string_view notify_state_word(State state);

// The notify FIFO line without its newline: `INSTANCE "VI_1" MASTER 100`.
std::string notify_fifo_line(std::string_view instance, State state, std::uint8_t priority);

class Notifier {
 public:
  // `globals` and `runner` must outlive the notifier.
  Notifier(ScriptRunner& runner, const GlobalDefs& globals);

  void state_changed(const InstanceConfig& instance, State to, std::uint8_t priority);

  // No script queued or running.
  bool idle() const;

 private:
  struct Queue {
    std::deque<ScriptRequest> pending;
    bool busy = false;
  };
  void start_next(const std::string& instance);
  void write_fifo(const NotifyFifo& fifo, const std::string& line);

  ScriptRunner& runner_;
  const GlobalDefs& globals_;
  std::map<std::string, Queue> queues_;
};

}  // namespace vrrp::daemon
