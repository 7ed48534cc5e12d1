#include <catch2/catch.hpp>

#include <vector>

#include "vrrp/tracking.hpp"

using vrrp::combine_trackers;
using vrrp::FileTracker;
using vrrp::ScriptTracker;
using vrrp::StatusTracker;

namespace {

vrrp::TrackingResult statuses_only(std::vector<StatusTracker> statuses) {
  return combine_trackers(statuses, {});
}
vrrp::TrackingResult files_only(std::vector<FileTracker> files) {
  return combine_trackers({}, files);
}

}  // namespace

TEST_CASE("keepalived vrrp_script: without init_fail the first result decides at once") {
  ScriptTracker up_first(3, 3, false);
  CHECK(up_first.up());
  CHECK_FALSE(up_first.record(true));
  CHECK(up_first.up());

  ScriptTracker down_first(3, 3, false);
  CHECK(down_first.record(false));
  CHECK_FALSE(down_first.up());
}

TEST_CASE("keepalived vrrp_script: init_fail starts down and needs rise successes") {
  ScriptTracker t(2, 1, true);
  CHECK_FALSE(t.up());
  CHECK_FALSE(t.record(true));
  CHECK_FALSE(t.up());
  CHECK(t.record(true));
  CHECK(t.up());
}

TEST_CASE("keepalived vrrp_script: fall consecutive failures take it down, not fewer") {
  ScriptTracker t(1, 3, false);
  t.record(true);
  CHECK_FALSE(t.record(false));
  CHECK_FALSE(t.record(false));
  CHECK(t.up());
  CHECK(t.record(false));
  CHECK_FALSE(t.up());
}

TEST_CASE("keepalived vrrp_script: a success between failures restarts the fall count") {
  ScriptTracker t(1, 2, false);
  t.record(true);
  CHECK_FALSE(t.record(false));
  CHECK_FALSE(t.record(true));
  CHECK_FALSE(t.record(false));
  CHECK(t.up());
  CHECK(t.record(false));
  CHECK_FALSE(t.up());
}

TEST_CASE("keepalived vrrp_script: a failure between successes restarts the rise count") {
  ScriptTracker t(2, 1, true);
  CHECK_FALSE(t.record(true));
  CHECK_FALSE(t.record(false));
  CHECK_FALSE(t.record(true));
  CHECK_FALSE(t.up());
  CHECK(t.record(true));
  CHECK(t.up());
}

TEST_CASE("keepalived weight > 0: added while up, nothing while down") {
  CHECK(statuses_only({{10, false, true}}).total_weight == 10);
  CHECK(statuses_only({{10, false, false}}).total_weight == 0);
  CHECK_FALSE(statuses_only({{10, false, false}}).fault);
}

TEST_CASE("keepalived weight < 0: subtracted while down, nothing while up") {
  CHECK(statuses_only({{-20, false, false}}).total_weight == -20);
  CHECK(statuses_only({{-20, false, true}}).total_weight == 0);
}

TEST_CASE("keepalived weight 0: down means Fault, up does not") {
  CHECK(statuses_only({{0, false, false}}).fault);
  CHECK_FALSE(statuses_only({{0, false, true}}).fault);
  CHECK(statuses_only({{0, false, false}}).total_weight == 0);
}

TEST_CASE("keepalived reverse: the weight's direction is reversed") {
  CHECK(statuses_only({{10, true, true}}).total_weight == -10);
  CHECK(statuses_only({{10, true, false}}).total_weight == 0);
  CHECK(statuses_only({{-10, true, false}}).total_weight == 10);
  CHECK(statuses_only({{-10, true, true}}).total_weight == 0);
  // Weight 0 reversed: up is the failure.
  CHECK(statuses_only({{0, true, true}}).fault);
  CHECK_FALSE(statuses_only({{0, true, false}}).fault);
}

TEST_CASE("keepalived trackers: weights add up, one weight-0 failure is a Fault") {
  auto r = statuses_only({{10, false, true}, {-3, false, false}, {5, false, false}});
  CHECK(r.total_weight == 7);
  CHECK_FALSE(r.fault);
  r = statuses_only({{10, false, true}, {0, false, false}});
  CHECK(r.fault);
}

TEST_CASE("keepalived track_file: the value times the weight") {
  CHECK(files_only({{2, false, 5}}).total_weight == 10);
  CHECK(files_only({{2, false, -5}}).total_weight == -10);
  CHECK(files_only({{2, true, 5}}).total_weight == -10);
  CHECK(files_only({{1, false, 0}}).total_weight == 0);
  CHECK_FALSE(files_only({{2, false, 5}}).fault);
}

TEST_CASE("keepalived track_file: an unreadable file counts as 0") {
  auto r = files_only({{7, false, std::nullopt}});
  CHECK(r.total_weight == 0);
  CHECK_FALSE(r.fault);
}

TEST_CASE("keepalived track_file: weight 0, a non-zero value is a Fault, zero is not") {
  CHECK(files_only({{0, false, 1}}).fault);
  CHECK(files_only({{0, false, -1}}).fault);
  CHECK_FALSE(files_only({{0, false, 0}}).fault);
}

TEST_CASE("keepalived track_file: a product below -253 is a Fault, -253 is a weight") {
  auto r = files_only({{1, false, -254}});
  CHECK(r.fault);
  CHECK(r.total_weight == 0);
  r = files_only({{1, false, -253}});
  CHECK_FALSE(r.fault);
  CHECK(r.total_weight == -253);
  CHECK(files_only({{254, false, -1}}).fault);  // -254
}

TEST_CASE("keepalived track_file: huge values do not overflow") {
  auto r = files_only({{254, false, 9'000'000'000'000'000'000LL}});
  CHECK_FALSE(r.fault);
  CHECK(r.total_weight > 254);
  CHECK(files_only({{254, false, -9'000'000'000'000'000'000LL}}).fault);
}
