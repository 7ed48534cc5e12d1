#include "vrrp/state.hpp"

namespace vrrp {

std::string_view to_string(State state) {
  switch (state) {
    case State::initialize:
      return "Initialize";
    case State::backup:
      return "Backup";
    case State::active:
      return "Active";
    case State::fault:
      return "Fault";
  }
  return "?";
}

}  // namespace vrrp
