#include "fsm_test_support.hpp"

#include <sstream>

namespace fsm_test {

namespace {
template <class... Ts>
struct overloaded : Ts... {
  using Ts::operator()...;
};
template <class... Ts>
overloaded(Ts...) -> overloaded<Ts...>;
}  // namespace

std::string describe(const Action& action) {
  return std::visit(
      overloaded{
          [](const vrrp::SendAdvert& a) { return "Send(" + std::to_string(a.priority) + ")"; },
          [](const vrrp::BindAddresses&) { return std::string("Bind"); },
          [](const vrrp::UnbindAddresses&) { return std::string("Unbind"); },
          [](const vrrp::AnnounceAddresses& a) {
            return std::string(a.trigger == vrrp::AnnounceTrigger::became_active
                                   ? "Announce"
                                   : "Announce(lower priority)");
          },
          [](const vrrp::StateChanged& s) {
            return "State(" + std::string(vrrp::to_string(s.from)) + "->" +
                   std::string(vrrp::to_string(s.to)) + ": " +
                   std::string(vrrp::to_string(s.reason)) + ", p=" + std::to_string(s.priority) +
                   ")";
          },
          [](const vrrp::Notice& n) {
            std::string text = "Notice(" + std::string(vrrp::to_string(n.kind)) + ", " +
                               n.peer.to_string() + ", " + std::to_string(n.peer_priority);
            if (n.interval.count() != 0) text += ", " + std::to_string(n.interval.count()) + "cs";
            return text + ")";
          },
      },
      action);
}

std::string describe(const std::vector<Action>& actions) {
  std::string text;
  for (const auto& a : actions) {
    if (!text.empty()) text += ", ";
    text += describe(a);
  }
  return text;
}

std::string describe_without_notices(const std::vector<Action>& actions) {
  std::vector<Action> kept;
  for (const auto& a : actions) {
    if (!std::holds_alternative<vrrp::Notice>(a)) kept.push_back(a);
  }
  return describe(kept);
}

TimePoint run_until(StateMachine& machine, TimePoint until, std::vector<Action>& out) {
  for (int guard = 0; guard < 1'000'000; ++guard) {
    const auto deadline = machine.next_deadline();
    if (!deadline || *deadline > until) return until;
    machine.timer_expired(*deadline, out);
  }
  FAIL("run_until: the machine keeps re-arming without advancing");
  return until;
}

}  // namespace fsm_test
