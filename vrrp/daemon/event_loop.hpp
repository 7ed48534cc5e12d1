// The daemon's one event loop: epoll over every descriptor, one timerfd armed at the earliest
// deadline of all timers, and a signalfd. Single-threaded: every callback runs on this loop, so
// nothing in the daemon needs a lock, and no instance has a thread of its own.
#pragma once

#include <sys/epoll.h>

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <tuple>

#include "vrrp/daemon/unique_fd.hpp"
#include "vrrp/time.hpp"

namespace vrrp::daemon {

class Timer;

class EventLoop {
 public:
  using FdCallback = std::function<void(std::uint32_t events)>;
  using SignalCallback = std::function<void(int signo)>;

  EventLoop();
  ~EventLoop();
  EventLoop(const EventLoop&) = delete;
  EventLoop& operator=(const EventLoop&) = delete;

  // CLOCK_MONOTONIC, the clock the timerfd runs on (steady_clock is CLOCK_MONOTONIC on Linux).
  static TimePoint now();

  // Calls `callback` whenever `fd` is ready for `events`. The loop does not own `fd`.
  void watch(int fd, FdCallback callback, std::uint32_t events = EPOLLIN);
  void unwatch(int fd);

  // Blocks `signals` for the process and delivers them through a signalfd to `callback`.
  // Call before any child process is started.
  void handle_signals(std::initializer_list<int> signals, SignalCallback callback);

  // Runs until stop() is called from a callback.
  void run();
  void stop() { running_ = false; }

  // Runs one round: waits at most until the earliest timer (or `max_wait`, if given) and
  // dispatches what is ready. For tests and for bounded waits during shutdown.
  void run_once(std::optional<Duration> max_wait = std::nullopt);

 private:
  friend class Timer;
  using TimerKey = std::tuple<TimePoint, std::uint64_t, Timer*>;

  void schedule(Timer& timer, TimePoint deadline);
  void cancel(Timer& timer);
  void fire_due_timers();
  void arm_timerfd();
  void read_signals();

  UniqueFd epoll_;
  UniqueFd timerfd_;
  UniqueFd signalfd_;
  SignalCallback on_signal_;
  std::map<int, std::shared_ptr<FdCallback>> watches_;
  std::set<TimerKey> timers_;
  std::uint64_t next_sequence_ = 0;
  std::optional<TimePoint> armed_at_;
  bool running_ = false;
};

// A one-shot timer on a loop. Cancelled when destroyed; arm again from its callback to repeat.
class Timer {
 public:
  Timer(EventLoop& loop, std::function<void()> callback);
  ~Timer();
  Timer(const Timer&) = delete;
  Timer& operator=(const Timer&) = delete;

  void arm_at(TimePoint deadline);
  // Arms at `deadline`, or cancels when there is none.
  void arm_at(std::optional<TimePoint> deadline);
  void cancel();
  std::optional<TimePoint> deadline() const;

 private:
  friend class EventLoop;
  EventLoop& loop_;
  std::function<void()> callback_;
  std::optional<EventLoop::TimerKey> key_;
};

}  // namespace vrrp::daemon
