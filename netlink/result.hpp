// Results of kernel operations as values: the daemon's event loop logs a failed VIP add and
// carries on, so these calls never throw once their object exists (STYLE.md §7). Only the
// constructors of socket-owning classes throw, at start-up.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace vrrp::netlink {

// What failed, in words fit for a log line: the operation, its object and the kernel's reason,
// e.g. "add 192.0.2.100/24 on ifindex 3: Invalid input data or parameter".
struct Error {
  std::string message;
};

// Success, or an Error. [[nodiscard]]: a kernel change that failed must be looked at.
class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(Error error) : error_(std::move(error)) {}  // NOLINT: implicit on purpose

  bool ok() const { return !error_.has_value(); }
  explicit operator bool() const { return ok(); }
  // Only when !ok().
  const Error& error() const { return *error_; }

 private:
  std::optional<Error> error_;
};

// A value, or an Error.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::in_place_index<0>, std::move(value)) {}      // NOLINT
  Result(Error error) : state_(std::in_place_index<1>, std::move(error)) {}  // NOLINT

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }

  // Only when ok().
  T& value() { return std::get<0>(state_); }
  const T& value() const { return std::get<0>(state_); }
  T& operator*() { return value(); }
  const T& operator*() const { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  // Only when !ok().
  const Error& error() const { return std::get<1>(state_); }

 private:
  std::variant<T, Error> state_;
};

}  // namespace vrrp::netlink
