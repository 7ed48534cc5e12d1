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
#include <vector>

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
// The same for a sync group: `GROUP "G1" MASTER 0`.
std::string notify_fifo_group_line(std::string_view group, State state);

class Notifier {
 public:
  // `globals` and `runner` must outlive the notifier.
  Notifier(ScriptRunner& runner, const GlobalDefs& globals);

  void state_changed(const InstanceConfig& instance, State to, std::uint8_t priority);

  // A vrrp_sync_group entered `to` (Initialize: it stopped): its notify_* script, then its
  // `notify` with `GROUP name STATE 0` appended (keepalived gives a group priority 0), and the
  // FIFO line `GROUP "name" STATE 0`. In order per group, like an instance's.
  void group_changed(const SyncGroupConfig& group, State to);

  // No script queued or running.
  bool idle() const;

 private:
  struct Queue {
    std::deque<ScriptRequest> pending;
    bool busy = false;
  };
  void start_next(const std::string& instance);
  void enqueue(const std::string& queue_key, const std::string& name,
               const std::optional<NotifyScript>& specific, std::string_view which,
               const std::optional<NotifyScript>& notify, std::vector<std::string> notify_args);
  void write_fifo(const NotifyFifo& fifo, const std::string& line);

  ScriptRunner& runner_;
  const GlobalDefs& globals_;
  std::map<std::string, Queue> queues_;  // by instance name; a group's by "GROUP name"
};

}  // namespace vrrp::daemon
