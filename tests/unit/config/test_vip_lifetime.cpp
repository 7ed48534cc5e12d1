// vip_lifetime (vrrp_instance) and vrrp_vip_lifetime (global_defs), vrrpd's own keywords for
// issue 8: the kernel lifetime of the VIPs, its automatic default and its renewal period.
#include <catch2/catch.hpp>

#include "tests/unit/config/helpers.hpp"
#include "vrrp/vip_lifetime.hpp"

using namespace vrrp;
using namespace std::chrono_literals;
using vrrp::test::error_of;
using vrrp::test::instance;
using vrrp::test::only_instance;
using vrrp::test::parse;

namespace {

InstanceConfig with_globals(const std::string& globals, const std::string& body) {
  Config c = parse("global_defs {\n" + globals + "}\n" + instance(body));
  REQUIRE(c.instances.size() == 1);
  return c.instances.front();
}

}  // namespace

TEST_CASE("issue 8: the default lifetime is 6 advert intervals, at least 3 s",
          "[config][vip_lifetime]") {
  CHECK(default_vip_lifetime(Centiseconds{100}) == 6s);
  CHECK(default_vip_lifetime(Centiseconds{300}) == 18s);
  CHECK(default_vip_lifetime(Centiseconds{150}) == 9s);
  CHECK(default_vip_lifetime(Centiseconds{25}) == 3s);  // 1.5 s, raised to the floor
  CHECK(default_vip_lifetime(Centiseconds{1}) == 3s);
  CHECK(default_vip_lifetime(Centiseconds{51}) == 4s);  // 3.06 s rounds up, not down
}

TEST_CASE("issue 8: renewals every third of the lifetime; none for forever",
          "[config][vip_lifetime]") {
  CHECK(vip_renewal_period(6s) == 2s);
  CHECK(vip_renewal_period(2s) == std::chrono::nanoseconds(666'666'666));
  CHECK(vip_renewal_period(0s) == Duration{0});
}

TEST_CASE("issue 8: an instance without vip_lifetime gets the automatic default",
          "[config][vip_lifetime]") {
  CHECK(only_instance("").vip_lifetime == 6s);  // advert_int 1
  CHECK(only_instance("    advert_int 2\n").vip_lifetime == 12s);
  CHECK(only_instance("    version 3\n    advert_int 0.1\n").vip_lifetime == 3s);
}

TEST_CASE("issue 8: vip_lifetime in the instance, 0 is forever", "[config][vip_lifetime]") {
  CHECK(only_instance("    vip_lifetime 10\n").vip_lifetime == 10s);
  CHECK(only_instance("    vip_lifetime 0\n").vip_lifetime == 0s);
  CHECK(only_instance("    vip_lifetime 2\n").vip_lifetime == 2s);
  CHECK(only_instance("    vip_lifetime 86400\n").vip_lifetime == 86400s);
}

TEST_CASE("issue 8: vrrp_vip_lifetime is the default of every instance; the instance's wins",
          "[config][vip_lifetime]") {
  CHECK(parse("").globals.vrrp_vip_lifetime == std::nullopt);
  CHECK(parse("global_defs {\n vrrp_vip_lifetime 0\n}\n").globals.vrrp_vip_lifetime == 0s);
  CHECK(with_globals("    vrrp_vip_lifetime 0\n", "").vip_lifetime == 0s);
  CHECK(with_globals("    vrrp_vip_lifetime 20\n", "    advert_int 5\n").vip_lifetime == 20s);
  CHECK(with_globals("    vrrp_vip_lifetime 0\n", "    vip_lifetime 8\n").vip_lifetime == 8s);
  CHECK(with_globals("    vrrp_vip_lifetime 8\n", "    vip_lifetime 0\n").vip_lifetime == 0s);
}

TEST_CASE("issue 8: vip_lifetime refuses 1 s, negatives, more than a day and words",
          "[config][vip_lifetime]") {
  const std::string expected = "vip_lifetime: expected 0 (forever) or 2-86400 seconds, got ";
  CHECK(error_of(instance("    vip_lifetime 1\n")) ==
        "/etc/vrrpd/vrrpd.conf:7:18: " + expected + "\"1\"");
  CHECK(error_of(instance("    vip_lifetime -5\n")) ==
        "/etc/vrrpd/vrrpd.conf:7:18: " + expected + "\"-5\"");
  CHECK(error_of(instance("    vip_lifetime 86401\n")) ==
        "/etc/vrrpd/vrrpd.conf:7:18: " + expected + "\"86401\"");
  CHECK(error_of(instance("    vip_lifetime forever\n")) ==
        "/etc/vrrpd/vrrpd.conf:7:18: " + expected + "\"forever\"");
  CHECK(error_of("global_defs {\n    vrrp_vip_lifetime 1\n}\n") ==
        "/etc/vrrpd/vrrpd.conf:2:23: vrrp_vip_lifetime: expected 0 (forever) or 2-86400 "
        "seconds, got \"1\"");
  CHECK(error_of(instance("    vip_lifetime\n")).find("vip_lifetime: expected 0 (forever)") !=
        std::string::npos);
}
