#include "vrrp/advert.hpp"

namespace vrrp {

std::string_view to_string(ChecksumForm form) {
  switch (form) {
    case ChecksumForm::rfc9568:
      return "rfc9568";
    case ChecksumForm::rfc5798:
      return "rfc5798";
    case ChecksumForm::v2:
      return "v2";
    case ChecksumForm::bad:
      return "bad";
  }
  return "unknown";
}

}  // namespace vrrp
