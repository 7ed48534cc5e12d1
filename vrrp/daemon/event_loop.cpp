#include "vrrp/daemon/event_loop.hpp"

#include <signal.h>
#include <sys/signalfd.h>
#include <sys/timerfd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <ctime>

#include "vrrp/daemon/system_error.hpp"

namespace vrrp::daemon {

namespace {

timespec to_timespec(TimePoint t) {
  const auto ns = std::max<std::int64_t>(t.time_since_epoch().count(), 1);  // 0 would disarm
  return timespec{static_cast<time_t>(ns / 1'000'000'000), static_cast<long>(ns % 1'000'000'000)};
}

}  // namespace

EventLoop::EventLoop()
    : epoll_(::epoll_create1(EPOLL_CLOEXEC)),
      timerfd_(::timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC)) {
  if (!epoll_) throw_errno("epoll_create1");
  if (!timerfd_) throw_errno("timerfd_create");
  watch(timerfd_.get(), [this](std::uint32_t) {
    std::uint64_t expirations = 0;
    // Drain the counter; which timers are due is decided from the clock, not from it.
    [[maybe_unused]] auto n = ::read(timerfd_.get(), &expirations, sizeof expirations);
    armed_at_.reset();
    fire_due_timers();
  });
}

EventLoop::~EventLoop() {
  // Timers that outlive the loop must not call back into it.
  for (const auto& key : timers_)
    std::get<Timer*>(key)->key_.reset();
}

TimePoint EventLoop::now() {
  timespec ts{};
  ::clock_gettime(CLOCK_MONOTONIC, &ts);
  return TimePoint{Duration{static_cast<std::int64_t>(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec}};
}

void EventLoop::watch(int fd, FdCallback callback, std::uint32_t events) {
  epoll_event ev{};
  ev.events = events;
  ev.data.fd = fd;
  const bool known = watches_.contains(fd);
  if (::epoll_ctl(epoll_.get(), known ? EPOLL_CTL_MOD : EPOLL_CTL_ADD, fd, &ev) != 0)
    throw_errno("epoll_ctl");
  watches_[fd] = std::make_shared<FdCallback>(std::move(callback));
}

void EventLoop::unwatch(int fd) {
  if (watches_.erase(fd) > 0) ::epoll_ctl(epoll_.get(), EPOLL_CTL_DEL, fd, nullptr);
}

void EventLoop::handle_signals(std::initializer_list<int> signals, SignalCallback callback) {
  sigset_t set;
  sigemptyset(&set);
  for (int s : signals)
    sigaddset(&set, s);
  if (::sigprocmask(SIG_BLOCK, &set, nullptr) != 0) throw_errno("sigprocmask");
  const int fd = ::signalfd(signalfd_ ? signalfd_.get() : -1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
  if (fd < 0) throw_errno("signalfd");
  if (!signalfd_) {
    signalfd_.reset(fd);
    watch(fd, [this](std::uint32_t) { read_signals(); });
  }
  on_signal_ = std::move(callback);
}

void EventLoop::read_signals() {
  signalfd_siginfo info{};
  while (::read(signalfd_.get(), &info, sizeof info) == static_cast<ssize_t>(sizeof info)) {
    if (on_signal_) on_signal_(static_cast<int>(info.ssi_signo));
  }
}

void EventLoop::run() {
  running_ = true;
  while (running_)
    run_once();
}

void EventLoop::run_once(std::optional<Duration> max_wait) {
  arm_timerfd();
  int timeout_ms = -1;
  if (max_wait) {
    timeout_ms = static_cast<int>(
        std::max<std::int64_t>(0, std::chrono::ceil<std::chrono::milliseconds>(*max_wait).count()));
  }
  std::array<epoll_event, 32> events{};
  const int n =
      ::epoll_wait(epoll_.get(), events.data(), static_cast<int>(events.size()), timeout_ms);
  if (n < 0) {
    if (errno == EINTR) return;
    throw_errno("epoll_wait");
  }
  for (int i = 0; i < n; ++i) {
    // Look the callback up now: an earlier callback in this round may have removed it.
    auto it = watches_.find(events[i].data.fd);
    if (it == watches_.end()) continue;
    auto callback = it->second;  // keeps it alive if the callback unwatches itself
    (*callback)(events[i].events);
  }
}

void EventLoop::schedule(Timer& timer, TimePoint deadline) {
  cancel(timer);
  TimerKey key{deadline, next_sequence_++, &timer};
  timers_.insert(key);
  timer.key_ = key;
}

void EventLoop::cancel(Timer& timer) {
  if (timer.key_) {
    timers_.erase(*timer.key_);
    timer.key_.reset();
  }
}

void EventLoop::fire_due_timers() {
  const TimePoint t = now();
  // One at a time from the front: a callback may cancel or re-arm any timer, itself included.
  while (!timers_.empty() && std::get<TimePoint>(*timers_.begin()) <= t) {
    Timer* timer = std::get<Timer*>(*timers_.begin());
    timers_.erase(timers_.begin());
    timer->key_.reset();
    timer->callback_();
  }
}

void EventLoop::arm_timerfd() {
  std::optional<TimePoint> earliest;
  if (!timers_.empty()) earliest = std::get<TimePoint>(*timers_.begin());
  if (earliest == armed_at_) return;
  itimerspec spec{};
  if (earliest) spec.it_value = to_timespec(*earliest);
  if (::timerfd_settime(timerfd_.get(), TFD_TIMER_ABSTIME, &spec, nullptr) != 0)
    throw_errno("timerfd_settime");
  armed_at_ = earliest;
}

Timer::Timer(EventLoop& loop, std::function<void()> callback)
    : loop_(loop), callback_(std::move(callback)) {}

Timer::~Timer() {
  cancel();
}

void Timer::arm_at(TimePoint deadline) {
  loop_.schedule(*this, deadline);
}

void Timer::arm_at(std::optional<TimePoint> deadline) {
  if (deadline) {
    arm_at(*deadline);
  } else {
    cancel();
  }
}

void Timer::cancel() {
  if (key_) loop_.cancel(*this);
}

std::optional<TimePoint> Timer::deadline() const {
  if (!key_) return std::nullopt;
  return std::get<TimePoint>(*key_);
}

}  // namespace vrrp::daemon
