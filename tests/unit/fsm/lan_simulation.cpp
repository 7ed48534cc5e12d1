#include "lan_simulation.hpp"

#include <algorithm>

namespace fsm_test {

std::size_t Lan::add(MachineConfig config) {
  StateMachine machine(config);
  nodes_.push_back(Node{std::move(config), std::move(machine)});
  return nodes_.size() - 1;
}

void Lan::start(std::size_t i) {
  nodes_.at(i).machine.startup(now_, out_);
  apply(i);
}

void Lan::shutdown(std::size_t i) {
  nodes_.at(i).machine.shutdown(now_, out_);
  apply(i);
}

void Lan::crash(std::size_t i) {
  nodes_.at(i).crashed = true;
  nodes_.at(i).bound = false;  // its addresses die with it
}

void Lan::restart(std::size_t i) {
  Node& node = nodes_.at(i);
  node.machine = StateMachine(node.config);
  node.crashed = false;
  node.bound = false;
  start(i);
}

void Lan::raise_fault(std::size_t i) {
  nodes_.at(i).machine.fault_raised(now_, out_);
  apply(i);
}

void Lan::clear_fault(std::size_t i) {
  nodes_.at(i).machine.fault_cleared(now_, out_);
  apply(i);
}

void Lan::set_priority(std::size_t i, std::uint8_t priority) {
  nodes_.at(i).machine.set_effective_priority(priority, now_, out_);
  apply(i);
}

void Lan::apply(std::size_t i) {
  Node& node = nodes_.at(i);
  for (const Action& action : out_) {
    if (const auto* send = std::get_if<vrrp::SendAdvert>(&action)) {
      sent_.push_back(Sent{now_, i, send->priority});
      const vrrp::AdvertEvent event{node.config.primary_address, send->priority,
                                    node.config.advert_interval, node.config.version};
      for (std::size_t j = 0; j < nodes_.size(); ++j) {
        if (j == i) continue;  // the I/O layer filters our own adverts
        if (nodes_[j].config.vrid != node.config.vrid) continue;
        if (route_by_family_ && nodes_[j].config.family != node.config.family) continue;
        in_flight_.push_back(Delivery{now_ + latency_, seq_++, j, event});
      }
    } else if (std::holds_alternative<vrrp::BindAddresses>(action)) {
      CHECK_FALSE(node.bound);  // never bound twice
      node.bound = true;
    } else if (std::holds_alternative<vrrp::UnbindAddresses>(action)) {
      CHECK(node.bound);  // never released without holding
      node.bound = false;
    } else if (const auto* change = std::get_if<vrrp::StateChanged>(&action)) {
      changes_.push_back(Change{now_, i, *change});
    }
  }
  out_.clear();
}

void Lan::run_until(TimePoint until) {
  for (int guard = 0; guard < 10'000'000; ++guard) {
    // The earliest delivery (send order breaks ties) ...
    auto delivery = std::min_element(in_flight_.begin(), in_flight_.end(),
                                     [](const Delivery& a, const Delivery& b) {
                                       return a.at != b.at ? a.at < b.at : a.seq < b.seq;
                                     });
    // ... and the earliest timer of a live machine.
    std::size_t timer_node = nodes_.size();
    TimePoint timer_at = TimePoint::max();
    for (std::size_t i = 0; i < nodes_.size(); ++i) {
      if (nodes_[i].crashed) continue;
      const auto d = nodes_[i].machine.next_deadline();
      if (d && *d < timer_at) {
        timer_at = *d;
        timer_node = i;
      }
    }
    const TimePoint delivery_at = delivery == in_flight_.end() ? TimePoint::max() : delivery->at;

    if (delivery_at <= timer_at && delivery_at <= until && delivery != in_flight_.end()) {
      const Delivery d = *delivery;
      in_flight_.erase(delivery);
      now_ = d.at;
      if (!nodes_[d.to].crashed) {
        nodes_[d.to].machine.advert_received(d.advert, now_, out_);
        apply(d.to);
      }
    } else if (timer_node < nodes_.size() && timer_at <= until) {
      now_ = timer_at;
      nodes_[timer_node].machine.timer_expired(now_, out_);
      apply(timer_node);
    } else {
      now_ = until;
      return;
    }
  }
  FAIL("Lan::run_until: no progress");
}

std::vector<std::size_t> Lan::holders() const {
  std::vector<std::size_t> found;
  for (std::size_t i = 0; i < nodes_.size(); ++i) {
    if (nodes_[i].bound && !nodes_[i].crashed) found.push_back(i);
  }
  return found;
}

std::vector<std::size_t> Lan::in_state(State state) const {
  std::vector<std::size_t> found;
  for (std::size_t i = 0; i < nodes_.size(); ++i) {
    if (!nodes_[i].crashed && nodes_[i].machine.state() == state) found.push_back(i);
  }
  return found;
}

std::optional<Lan::Change> Lan::last_change(std::size_t i) const {
  for (auto it = changes_.rbegin(); it != changes_.rend(); ++it) {
    if (it->node == i) return *it;
  }
  return std::nullopt;
}

std::optional<Lan::Sent> Lan::last_sent_by(std::size_t i, TimePoint t) const {
  std::optional<Sent> found;
  for (const Sent& s : sent_) {
    if (s.from == i && s.at <= t) found = s;
  }
  return found;
}

}  // namespace fsm_test
