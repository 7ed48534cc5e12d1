// The usual std::visit helper: one visitor from several lambdas.
#pragma once

namespace vrrp::daemon {

template <typename... Ts>
struct Overloaded : Ts... {
  using Ts::operator()...;
};
template <typename... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

}  // namespace vrrp::daemon
