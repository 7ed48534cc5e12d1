// RFC 9568 §6.1 and RFC 3768 §6.1: Skew_Time and Active_Down_Interval.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <numeric>

#include "fsm_test_support.hpp"
#include "vrrp/timers.hpp"

using namespace fsm_test;
using vrrp::Version;

namespace {

// An exact fraction of a second, reduced, computed here without the library's units.
struct Seconds {
  std::int64_t num;
  std::int64_t den;
};
Seconds reduce(std::int64_t num, std::int64_t den) {
  const std::int64_t g = std::gcd(num, den);
  return {num / g, den / g};
}
bool operator==(Seconds a, Seconds b) {
  return a.num == b.num && a.den == b.den;
}

// What the library returned, as seconds: count x period.
Seconds as_seconds(ProtocolInterval d) {
  using P = ProtocolInterval::period;
  return reduce(d.count() * P::num, P::den);
}

// The RFC 9568 §6.1 text evaluated as a fraction of centiseconds, then / 100 for seconds:
//   Skew_Time = ((256 - Priority) * Active_Adver_Interval) / 256 cs
Seconds rfc9568_skew(std::int64_t p, std::int64_t i_cs) {
  return reduce((256 - p) * i_cs, 256 * 100);
}
//   Active_Down_Interval = 3 * Active_Adver_Interval + Skew_Time = (768 I + (256 - P) I) / 256 cs
Seconds rfc9568_down(std::int64_t p, std::int64_t i_cs) {
  return reduce(3 * i_cs * 256 + (256 - p) * i_cs, 256 * 100);
}
// RFC 3768 §6.1: Skew_Time = (256 - Priority) / 256 s; Master_Down_Interval = 3 I + Skew_Time.
Seconds rfc3768_skew(std::int64_t p) {
  return reduce(256 - p, 256);
}
Seconds rfc3768_down(std::int64_t p, std::int64_t i_s) {
  return reduce(3 * i_s * 256 + 256 - p, 256);
}

double as_cs(ProtocolInterval d) {
  return std::chrono::duration<double, std::centi>(d).count();
}

}  // namespace

TEST_CASE("RFC 9568 §6.1: timer table, Skew_Time and Active_Down_Interval exact for P x I",
          "[timers][rfc9568-6.1]") {
  for (std::int64_t p : {1, 100, 200, 254}) {
    for (std::int64_t i : {1, 100, 4095}) {
      INFO("P=" << p << " I=" << i << " cs");
      const auto skew = vrrp::skew_time(Version::v3, static_cast<std::uint8_t>(p), Centiseconds{i});
      const auto down =
          vrrp::active_down_interval(Version::v3, static_cast<std::uint8_t>(p), Centiseconds{i});
      CHECK(as_seconds(skew) == rfc9568_skew(p, i));
      CHECK(as_seconds(down) == rfc9568_down(p, i));
      // Never truncated to zero: even P=254, I=1 cs has a skew of 2/256 cs.
      CHECK(skew > ProtocolInterval::zero());
    }
  }
}

TEST_CASE("RFC 9568 §6.1: a single-unit error in Skew_Time is visible to the exact comparison",
          "[timers][rfc9568-6.1]") {
  // The comparison above must be able to fail: one 1/256 cs off is a different fraction, and
  // the RFC 5798-era integer division (skew in whole cs) would not match either.
  const auto skew = vrrp::skew_time(Version::v3, 100, Centiseconds{100});
  CHECK_FALSE(as_seconds(skew + ProtocolInterval{1}) == rfc9568_skew(100, 100));
  CHECK_FALSE(as_seconds(ProtocolInterval{Centiseconds{(156 * 100) / 256}}) ==
              rfc9568_skew(100, 100));
}

TEST_CASE("RFC 9568 §6.1: NOTES 3.F item 54 table (2 decimals of a centisecond)",
          "[timers][rfc9568-6.1]") {
  struct Row {
    std::uint8_t p;
    std::int64_t i;
    double skew;
    double down;
  };
  for (const Row& row :
       {Row{100, 100, 60.94, 360.94}, Row{254, 100, 0.78, 300.78}, Row{1, 100, 99.61, 399.61},
        Row{200, 100, 21.88, 321.88}, Row{150, 5, 2.07, 17.07}}) {
    INFO("P=" << int(row.p) << " I=" << row.i);
    // The table is rounded to 0.01 cs; the exact value is within half of that.
    CHECK(std::abs(as_cs(vrrp::skew_time(Version::v3, row.p, Centiseconds{row.i})) - row.skew) <=
          0.005);
    CHECK(std::abs(as_cs(vrrp::active_down_interval(Version::v3, row.p, Centiseconds{row.i})) -
                   row.down) <= 0.005);
  }
  // And the exact values behind the first row (NOTES 1.2).
  CHECK(as_cs(vrrp::skew_time(Version::v3, 100, Centiseconds{100})) == 60.9375);
  CHECK(as_cs(vrrp::active_down_interval(Version::v3, 100, Centiseconds{100})) == 360.9375);
}

TEST_CASE("RFC 9568 §6.1: the owner (255) still has a skew of I/256", "[timers][rfc9568-6.1]") {
  // (256 - 255) x 100 / 256 = 0.390625 cs: the formula has no special case for the owner
  // (who never runs Active_Down_Timer unless it lost a tie-break to another owner).
  CHECK(as_cs(vrrp::skew_time(Version::v3, 255, Centiseconds{100})) == 0.390625);
  CHECK(as_cs(vrrp::active_down_interval(Version::v3, 255, Centiseconds{100})) == 300.390625);
}

TEST_CASE("RFC 3768 §6.1: v2 Skew_Time is (256-P)/256 s whatever the interval",
          "[timers][rfc3768-6.1]") {
  for (std::int64_t p : {1, 100, 200, 254}) {
    for (std::int64_t i_s : {1, 3, 255}) {
      INFO("P=" << p << " I=" << i_s << " s");
      const Centiseconds interval{i_s * 100};
      CHECK(as_seconds(vrrp::skew_time(Version::v2, static_cast<std::uint8_t>(p), interval)) ==
            rfc3768_skew(p));
      CHECK(as_seconds(vrrp::active_down_interval(Version::v2, static_cast<std::uint8_t>(p),
                                                  interval)) == rfc3768_down(p, i_s));
    }
  }
  // Where the two versions differ: with I = 3 s the v3 skew triples, the v2 one does not.
  CHECK(vrrp::skew_time(Version::v2, 100, Centiseconds{300}) ==
        vrrp::skew_time(Version::v2, 100, Centiseconds{100}));
  CHECK(vrrp::skew_time(Version::v3, 100, Centiseconds{300}) ==
        3 * vrrp::skew_time(Version::v3, 100, Centiseconds{100}));
}

TEST_CASE("RFC 9568 §6.1: deadlines land on the exact nanosecond, never early",
          "[timers][rfc9568-6.1]") {
  // 360.9375 cs is a whole number of ns; P=254, I=1 (2/256 cs = 78125 ns) as well; 1/256 cs
  // is 39062.5 ns and must round up.
  CHECK(vrrp::deadline_after(kT0, vrrp::active_down_interval(Version::v3, 100, Centiseconds{100})) -
            kT0 ==
        Duration{3'609'375'000});
  CHECK(vrrp::deadline_after(kT0, vrrp::skew_time(Version::v3, 254, Centiseconds{1})) - kT0 ==
        Duration{78'125});
  CHECK(vrrp::deadline_after(kT0, ProtocolInterval{1}) - kT0 == Duration{39'063});
}
