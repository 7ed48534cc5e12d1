// `checksum` (vrrp_instance) and `vrrp_checksum` (global_defs): vrrpd's own choice of the IPv4
// VRRPv3 checksum form (issue 4; RFC 9568 §5.2.8 against the pseudo-header form of keepalived
// and FRR, NOTES Part 2.3), its default, inheritance and errors.
#include <catch2/catch.hpp>

#include <algorithm>

#include "tests/unit/config/helpers.hpp"

using namespace vrrp;
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

TEST_CASE("checksum: auto is the default, in global_defs and in the instance",
          "[config][checksum]") {
  CHECK(parse("").globals.vrrp_checksum == ChecksumMode::automatic);
  CHECK(only_instance("    version 3\n").checksum == ChecksumMode::automatic);
  CHECK(to_string(ChecksumMode::automatic) == "auto");
  CHECK(to_string(ChecksumMode::rfc9568) == "rfc9568");
  CHECK(to_string(ChecksumMode::rfc5798) == "rfc5798");
}

TEST_CASE("checksum: each of rfc9568, rfc5798 and auto is read", "[config][checksum]") {
  CHECK(only_instance("    version 3\n    checksum rfc9568\n").checksum == ChecksumMode::rfc9568);
  CHECK(only_instance("    version 3\n    checksum rfc5798\n").checksum == ChecksumMode::rfc5798);
  CHECK(only_instance("    version 3\n    checksum auto\n").checksum == ChecksumMode::automatic);
  // The last one given wins, as for every keepalived keyword.
  CHECK(only_instance("    version 3\n    checksum rfc9568\n    checksum auto\n").checksum ==
        ChecksumMode::automatic);
}

TEST_CASE("vrrp_checksum: the instances' default, overridden by their own checksum",
          "[config][checksum]") {
  CHECK(parse("global_defs {\nvrrp_checksum rfc5798\n}\n").globals.vrrp_checksum ==
        ChecksumMode::rfc5798);
  CHECK(with_globals("vrrp_checksum rfc9568\n", "    version 3\n").checksum ==
        ChecksumMode::rfc9568);
  CHECK(with_globals("vrrp_checksum rfc9568\n", "    version 3\n    checksum rfc5798\n").checksum ==
        ChecksumMode::rfc5798);
  CHECK(with_globals("vrrp_checksum rfc9568\n", "    version 3\n    checksum auto\n").checksum ==
        ChecksumMode::automatic);
  // v3_checksum_as_v2 is a separate keyword: it does not change the mode.
  const InstanceConfig c = with_globals("v3_checksum_as_v2\nvrrp_checksum rfc5798\n", "");
  CHECK(c.checksum == ChecksumMode::rfc5798);
  CHECK(c.v3_checksum_as_v2);
}

TEST_CASE("checksum: a bad or missing mode names file:line:column and the allowed values",
          "[config][checksum]") {
  CHECK(error_of(instance("    checksum md5\n")) ==
        "/etc/vrrpd/vrrpd.conf:7:14: checksum: expected rfc9568, rfc5798 or auto, got \"md5\"");
  CHECK(error_of(instance("    checksum RFC9568\n")) ==
        "/etc/vrrpd/vrrpd.conf:7:14: checksum: expected rfc9568, rfc5798 or auto, got "
        "\"RFC9568\"");
  CHECK(error_of(instance("    checksum\n")) ==
        "/etc/vrrpd/vrrpd.conf:7:5: checksum: expected rfc9568, rfc5798 or auto, got nothing");
  CHECK(error_of(instance("    checksum auto rfc9568\n")) ==
        "/etc/vrrpd/vrrpd.conf:7:19: checksum: unexpected \"rfc9568\" after rfc9568, rfc5798 or "
        "auto");
  CHECK(error_of("global_defs {\n  vrrp_checksum pseudo\n}\n") ==
        "/etc/vrrpd/vrrpd.conf:2:17: vrrp_checksum: expected rfc9568, rfc5798 or auto, got "
        "\"pseudo\"");
  CHECK(error_of("global_defs {\n  vrrp_checksum\n}\n") ==
        "/etc/vrrpd/vrrpd.conf:2:3: vrrp_checksum: expected rfc9568, rfc5798 or auto, got "
        "nothing");
}

TEST_CASE("checksum: on a VRRPv2 or IPv6 instance it is a warning, not an error",
          "[config][checksum]") {
  // Only IPv4 VRRPv3 has two forms (RFC 3768 §5.3.8; RFC 9568 §5.2.8 for IPv6).
  const Config v2 = parse(instance("    version 2\n    checksum rfc9568\n"));
  REQUIRE(v2.warnings.size() == 1);
  CHECK(v2.warnings[0].to_string() ==
        "/etc/vrrpd/vrrpd.conf:8:5: warning: checksum: applies to IPv4 VRRPv3 only; this instance "
        "has one form, ignored");
  const Config v3 = parse(instance("    version 3\n    checksum rfc9568\n"));
  CHECK(v3.warnings.empty());
  // Inherited from global_defs, nobody asked this instance: no warning.
  CHECK(parse("global_defs {\nvrrp_checksum rfc9568\n}\n" + instance("    version 2\n"))
            .warnings.empty());
}

TEST_CASE("known_keywords: checksum and vrrp_checksum are known", "[config][checksum]") {
  const auto all = known_keywords();
  CHECK(std::find(all.begin(), all.end(), "checksum") != all.end());
  CHECK(std::find(all.begin(), all.end(), "vrrp_checksum") != all.end());
}
