// Drop reasons are stats keys and metric names: each has its own counter and a stable,
// unique snake_case name.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "vrrp/advert.hpp"
#include "vrrp/drop_reason.hpp"
#include "vrrp/receive_validation.hpp"

using namespace vrrp;

namespace {
bool snake_case(std::string_view name) {
  if (name.empty() || name.front() == '_' || name.back() == '_') return false;
  for (char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}
}  // namespace

TEST_CASE("RFC 9568 §7.1: every drop reason has its own snake_case name", "[drop]") {
  std::set<std::string> names;
  for (std::size_t i = 0; i < kDropReasonCount; ++i) {
    const auto name = to_string(static_cast<DropReason>(i));
    INFO(i << " " << name);
    CHECK(snake_case(name));
    CHECK(name != "unknown");
    names.insert(std::string(name));
  }
  CHECK(names.size() == kDropReasonCount);
  CHECK(to_string(DropReason::bad_checksum) == "bad_checksum");
  CHECK(to_string(DropReason::checksum_form_refused) == "checksum_form_refused");
}

TEST_CASE("RFC 9568 §7.1: every drop reason has its own counter", "[drop]") {
  DropCounters counters;
  for (std::size_t i = 0; i < kDropReasonCount; ++i) {
    for (std::size_t n = 0; n <= i; ++n)
      counters.count(static_cast<DropReason>(i));
  }
  for (std::size_t i = 0; i < kDropReasonCount; ++i) {
    CHECK(counters[static_cast<DropReason>(i)] == i + 1);
  }
  CHECK(counters.total() == kDropReasonCount * (kDropReasonCount + 1) / 2);
}

TEST_CASE("Names of checksum forms and receive notices are stable", "[drop]") {
  CHECK(to_string(ChecksumForm::rfc9568) == "rfc9568");
  CHECK(to_string(ChecksumForm::rfc5798) == "rfc5798");
  CHECK(to_string(ChecksumForm::v2) == "v2");
  CHECK(to_string(ChecksumForm::bad) == "bad");
  CHECK(to_string(ReceiveNotice::interval_mismatch) == "interval_mismatch");
  CHECK(to_string(ReceiveNotice::address_list_mismatch) == "address_list_mismatch");
  CHECK(to_string(ReceiveNotice::owner_received_advert) == "owner_received_advert");
  CHECK(to_string(ReceiveNotice::ipv6_first_address_not_link_local) ==
        "ipv6_first_address_not_link_local");
  ReceiveNotices n = ReceiveNotice::interval_mismatch;
  n |= ReceiveNotice::owner_received_advert;
  CHECK(n.has(ReceiveNotice::interval_mismatch));
  CHECK(n.has(ReceiveNotice::owner_received_advert));
  CHECK_FALSE(n.has(ReceiveNotice::address_list_mismatch));
  CHECK_FALSE(n.empty());
  CHECK(ReceiveNotices{}.empty());
}
