// The error messages not covered beside their keyword's other tests: each once, with its
// exact file:line:column.
#include <catch2/catch.hpp>

#include "tests/unit/config/fake_files.hpp"
#include "tests/unit/config/helpers.hpp"

using namespace vrrp;
using vrrp::test::error_of;
using vrrp::test::FakeFiles;
using vrrp::test::instance;

TEST_CASE("config errors: includes nested too deep", "[config][errors]") {
  FakeFiles files;
  // a0 includes a1 includes ... a40: no loop by name, but deeper than any real setup.
  for (int i = 0; i < 40; ++i) {
    files.add("/etc/vrrpd/a" + std::to_string(i) + ".conf",
              "include a" + std::to_string(i + 1) + ".conf\n");
  }
  CHECK(error_of("include a0.conf\n", files) ==
        "/etc/vrrpd/a30.conf:1:9: include: includes nested more than 32 deep");
}

TEST_CASE("config errors: a name list holding a block", "[config][errors]") {
  CHECK(error_of("global_defs {\n notification_email {\n  a@example.com { x }\n }\n}\n") ==
        "/etc/vrrpd/vrrpd.conf:3:17: notification_email: expected names, got a { } block");
}

TEST_CASE("config errors: use_vmac group without a value", "[config][errors]") {
  CHECK(error_of(instance("use_vmac v group\n")) ==
        "/etc/vrrpd/vrrpd.conf:7:1: use_vmac: expected a link group after group, got nothing");
}

TEST_CASE("config errors: virtual_routes option values", "[config][errors]") {
  const auto route = [](const std::string& line) {
    return error_of(instance("virtual_routes {\n" + line + "\n}\n"));
  };
  CHECK(route("198.51.100.0/24 { x }") ==
        "/etc/vrrpd/vrrpd.conf:8:17: virtual_routes: unexpected { } block");
  CHECK(route("198.51.100.0/24 dev this_is_too_long_a_name") ==
        "/etc/vrrpd/vrrpd.conf:8:21: virtual_routes: dev: expected an interface name of 1-15 "
        "characters, got \"this_is_too_long_a_name\"");
  CHECK(route("198.51.100.0/24 scope far") ==
        "/etc/vrrpd/vrrpd.conf:8:23: virtual_routes: scope: expected global, site, link, host "
        "or nowhere, got \"far\"");
  CHECK(route("198.51.100.0/24 metric -1") ==
        "/etc/vrrpd/vrrpd.conf:8:24: virtual_routes: metric: expected an integer 0-4294967295, "
        "got \"-1\"");
}

TEST_CASE("config errors: tracker lists", "[config][errors]") {
  CHECK(error_of(instance("track_interface {\n  eth1 { x }\n}\n")) ==
        "/etc/vrrpd/vrrpd.conf:8:8: track_interface: unexpected { } block");
  CHECK(error_of(instance("track_interface {\n  an_interface_name_too_long\n}\n")) ==
        "/etc/vrrpd/vrrpd.conf:8:3: track_interface: expected an interface name of 1-15 "
        "characters, got \"an_interface_name_too_long\"");
  CHECK(error_of(instance("track_file {\n  tf weight 255\n}\n")) ==
        "/etc/vrrpd/vrrpd.conf:8:13: track_file: weight: expected an integer from -254 to 254, "
        "got \"255\"");
}

TEST_CASE("config errors: track_file block weight", "[config][errors]") {
  CHECK(error_of("track_file tf {\n file /x\n weight 1 upside\n}\n") ==
        "/etc/vrrpd/vrrpd.conf:3:11: weight: expected reverse, got \"upside\"");
  CHECK(error_of("track_file tf {\n file /x\n weight 2147483648\n}\n") ==
        "/etc/vrrpd/vrrpd.conf:3:9: weight: expected an integer from -2147483647 to 2147483647, "
        "got \"2147483648\"");
}

TEST_CASE("config errors: a sync group defined twice", "[config][errors]") {
  CHECK(error_of(instance("") + "vrrp_sync_group G {\n group { VI_1 }\n}\n"
                                "vrrp_sync_group G {\n group { VI_1 }\n}\n") ==
        "/etc/vrrpd/vrrpd.conf:11:17: vrrp_sync_group G: defined twice (first at "
        "/etc/vrrpd/vrrpd.conf:8:17)");
}
