// Checks that need the whole block or the whole file: family, version, advert interval,
// strict mode, and the rules across instances.
#include <catch2/catch.hpp>

#include "tests/unit/config/helpers.hpp"

using namespace vrrp;
using vrrp::test::error_of;
using vrrp::test::instance;
using vrrp::test::only_instance;
using vrrp::test::parse;

namespace {

// An instance with the given VIP lines (line 5 on) and extra lines after the VIP block.
std::string v6_instance(const std::string& vips, const std::string& body = "") {
  return "vrrp_instance V6 {\n"
         "    interface eth0\n"
         "    virtual_router_id 7\n"
         "    virtual_ipaddress {\n" +
         vips + "    }\n" + body + "}\n";
}

}  // namespace

TEST_CASE("config semantics: virtual_router_id has no default", "[config][semantics]") {
  CHECK(error_of("vrrp_instance VI_9 {\n interface eth0\n virtual_ipaddress { 192.0.2.1 }\n}\n") ==
        "/etc/vrrpd/vrrpd.conf:1:15: vrrp_instance VI_9: virtual_router_id is missing (expected "
        "an integer 1-255)");
}

TEST_CASE("RFC 9568 §5.2.5: at least one virtual address", "[config][semantics]") {
  CHECK(error_of("vrrp_instance VI_1 {\n interface eth0\n virtual_router_id 1\n}\n") ==
        "/etc/vrrpd/vrrpd.conf:1:15: vrrp_instance VI_1: virtual_ipaddress is missing or empty "
        "(at least one address, RFC 9568 §5.2.5)");
  CHECK(error_of("vrrp_instance VI_1 {\n interface eth0\n virtual_router_id 1\n"
                 " virtual_ipaddress {\n }\n}\n") ==
        "/etc/vrrpd/vrrpd.conf:1:15: vrrp_instance VI_1: virtual_ipaddress is missing or empty "
        "(at least one address, RFC 9568 §5.2.5)");
  std::string many;
  for (int i = 0; i < 256; ++i)
    many += "10.0." + std::to_string(i) + ".1\n";
  CHECK(
      error_of("vrrp_instance VI_1 {\ninterface eth0\nvirtual_router_id 1\nvirtual_ipaddress {\n" +
               many + "}\n}\n") ==
      "/etc/vrrpd/vrrpd.conf:260:1: virtual_ipaddress: more than 255 addresses (Count IPvX "
      "Addr is 8 bits, RFC 9568 §5.2.5)");
  many.pop_back();
  CHECK_NOTHROW(
      parse("vrrp_instance VI_1 {\ninterface eth0\nvirtual_router_id 1\n"
            "virtual_ipaddress {\n" +
            many.substr(0, many.rfind('\n')) + "\n}\n}\n"));
}

TEST_CASE("config semantics: the interface is needed unless unicast", "[config][semantics]") {
  CHECK(error_of(
            "vrrp_instance VI_1 {\n virtual_router_id 1\n virtual_ipaddress { 192.0.2.1 }\n}\n") ==
        "/etc/vrrpd/vrrpd.conf:1:15: vrrp_instance VI_1: interface is missing (needed unless "
        "unicast_peer is set)");
  Config c = parse(
      "vrrp_instance VI_1 {\n virtual_router_id 1\n virtual_ipaddress { 192.0.2.1 }\n"
      " unicast_peer {\n  192.0.2.2\n }\n}\n");
  CHECK(c.instances[0].interface.empty());
}

TEST_CASE("RFC 9568 §5.2.9: the family comes from the addresses, one per instance",
          "[config][semantics]") {
  CHECK(parse(v6_instance("fe80::1\n2001:db8::1/64\n")).instances[0].family == Family::ipv6);
  CHECK(error_of(v6_instance("192.0.2.1\n2001:db8::1/64\n")) ==
        "/etc/vrrpd/vrrpd.conf:6:1: virtual_ipaddress: 2001:db8::1 is IPv6 but vrrp_instance V6 "
        "is IPv4 (from its first address); an instance advertises one family (RFC 9568 §5.2.9), "
        "put the other in virtual_ipaddress_excluded or in a second instance");
  // native_ipv6 forces IPv6.
  CHECK(error_of(v6_instance("192.0.2.1\n", "native_ipv6\n")) ==
        "/etc/vrrpd/vrrpd.conf:5:1: virtual_ipaddress: 192.0.2.1 is IPv4 but native_ipv6 makes "
        "vrrp_instance V6 IPv6; an instance advertises one family (RFC 9568 §5.2.9), put the "
        "other in virtual_ipaddress_excluded or in a second instance");
  CHECK(parse(v6_instance("fe80::1\n", "native_ipv6\n")).instances[0].family == Family::ipv6);
  // Unicast addresses follow the instance's family.
  CHECK(error_of(v6_instance("fe80::1\n", "unicast_src_ip 192.0.2.1\n")) ==
        "/etc/vrrpd/vrrpd.conf:7:16: unicast_src_ip: expected an IPv6 address (vrrp_instance V6 "
        "is IPv6 (from its first address)), got \"192.0.2.1\"");
  CHECK(error_of(v6_instance("fe80::1\n", "unicast_peer {\n  2001:db8::2\n  192.0.2.2\n}\n")) ==
        "/etc/vrrpd/vrrpd.conf:9:3: unicast_peer: expected an IPv6 address (vrrp_instance V6 is "
        "IPv6 (from its first address)), got \"192.0.2.2\"");
}

TEST_CASE("RFC 9568 §5.2.9: an IPv6 instance's first address should be link-local",
          "[config][semantics]") {
  Config c = parse(v6_instance("2001:db8::1/64\nfe80::1\n"));
  REQUIRE(c.warnings.size() == 1);
  CHECK(c.warnings[0].to_string() ==
        "/etc/vrrpd/vrrpd.conf:5:1: warning: virtual_ipaddress: the first IPv6 address of "
        "vrrp_instance V6 should be link-local (RFC 9568 §5.2.9); sent as configured, as "
        "keepalived does");
  // The addresses stay in the configured order, as keepalived sends them.
  CHECK(c.instances[0].virtual_addresses[0].prefix.address.to_string() == "2001:db8::1");
  CHECK(parse(v6_instance("fe80::1\n2001:db8::1/64\n")).warnings.empty());
  // Unicast has no such rule.
  CHECK(
      parse(v6_instance("2001:db8::1/64\n", "unicast_peer {\n 2001:db8::2\n}\n")).warnings.empty());
  // keepalived's strict mode makes it an error.
  CHECK(error_of(v6_instance("2001:db8::1/64\n", "strict_mode\n")) ==
        "/etc/vrrpd/vrrpd.conf:5:1: virtual_ipaddress: the first IPv6 address of vrrp_instance "
        "V6 should be link-local (RFC 9568 §5.2.9); required in strict mode");
}

TEST_CASE("config semantics: the version", "[config][semantics]") {
  // keepalived's default is VRRPv2, so a config without vrrp_version speaks what it spoke.
  CHECK(only_instance("").version == Version::v2);
  CHECK(only_instance("version 3\n").version == Version::v3);
  CHECK(only_instance("version 2\n").version == Version::v2);
  CHECK(parse("global_defs {\n vrrp_version 2\n}\n" + instance("")).instances[0].version ==
        Version::v2);
  CHECK(
      parse("global_defs {\n vrrp_version 2\n}\n" + instance("version 3\n")).instances[0].version ==
      Version::v3);
  // keepalived: IPv6 instances always use version 3 ...
  CHECK(parse("global_defs {\n vrrp_version 2\n}\n" + v6_instance("fe80::1\n"))
            .instances[0]
            .version == Version::v3);
  // ... and asking for 2 in the instance is an error here.
  CHECK(error_of(v6_instance("fe80::1\n", "  version 2\n")) ==
        "/etc/vrrpd/vrrpd.conf:7:11: version: expected 3 for an IPv6 instance (VRRPv2 is IPv4 "
        "only, RFC 3768), got \"2\"");
}

TEST_CASE("RFC 9568 §5.2.7: VRRPv3 advert_int is 0.01 to 40.95 seconds", "[config][semantics]") {
  CHECK(only_instance("version 3\nadvert_int 0.01\n").advert_interval == Centiseconds(1));
  CHECK(only_instance("version 3\nadvert_int 40.95\n").advert_interval == Centiseconds(4095));
  CHECK(only_instance("version 3\nadvert_int 1.5\n").advert_interval == Centiseconds(150));
  CHECK(only_instance("version 3\nadvert_int 3\n").advert_interval == Centiseconds(300));
  CHECK(only_instance("version 3\nadvert_int .25\n").advert_interval == Centiseconds(25));
  for (const char* bad : {"0", "0.001", "40.96", "41", "0.015", "-1", "1s", "1,5"}) {
    INFO(bad);
    CHECK(error_of(instance(std::string("version 3\nadvert_int ") + bad + "\n")) ==
          std::string("/etc/vrrpd/vrrpd.conf:8:12: advert_int: expected 0.01-40.95 seconds in "
                      "steps of 0.01 (VRRPv3), got \"") +
              bad + "\"");
  }
}

TEST_CASE("RFC 3768 §5.3.7: VRRPv2 advert_int is whole seconds 1-255", "[config][semantics]") {
  CHECK(only_instance("version 2\nadvert_int 1\n").advert_interval == Centiseconds(100));
  CHECK(only_instance("advert_int 255\nversion 2\n").advert_interval == Centiseconds(25500));
  CHECK(only_instance("version 2\nadvert_int 2.0\n").advert_interval == Centiseconds(200));
  // keepalived rounds a fractional VRRPv2 interval up, with a warning, and runs.
  const Config rounded = parse(instance("version 2\nadvert_int 1.5\n"));
  CHECK(rounded.instances[0].advert_interval == Centiseconds(200));
  REQUIRE(rounded.warnings.size() == 1);
  CHECK(rounded.warnings[0].to_string() ==
        "/etc/vrrpd/vrrpd.conf:8:12: warning: advert_int: VRRPv2 takes whole seconds (RFC 3768 "
        "§5.3.7), \"1.5\" rounded up to 2, as keepalived does");
  CHECK(only_instance("version 2\nadvert_int 0.5\n").advert_interval == Centiseconds(100));
  for (const char* bad : {"0", "256", "-1"}) {
    INFO(bad);
    CHECK(error_of(instance(std::string("version 2\nadvert_int ") + bad + "\n")) ==
          std::string("/etc/vrrpd/vrrpd.conf:8:12: advert_int: expected whole seconds 1-255 "
                      "(VRRPv2), got \"") +
              bad + "\"");
  }
}

TEST_CASE("RFC 9568 §6.1: Accept_Mode follows keepalived's defaults", "[config][semantics]") {
  CHECK(only_instance("").accept_mode);
  CHECK_FALSE(only_instance("strict_mode\n").accept_mode);
  CHECK(only_instance("strict_mode\npriority 255\n").accept_mode);
  CHECK(only_instance("version 3\nstrict_mode\naccept\n").accept_mode);
  CHECK_FALSE(parse("global_defs {\n vrrp_strict\n}\n" + instance("")).instances[0].accept_mode);
  CHECK(parse("global_defs {\n vrrp_strict\n}\n" + instance("strict_mode off\n"))
            .instances[0]
            .accept_mode);
}

TEST_CASE("config semantics: strict mode's rules", "[config][semantics]") {
  CHECK(only_instance("strict_mode\n").strict_mode);
  CHECK(only_instance("strict_mode\n").lower_prio_no_advert);
  CHECK(error_of(instance("strict_mode\nunicast_peer {\n  192.0.2.2\n}\n")) ==
        "/etc/vrrpd/vrrpd.conf:9:3: unicast_peer: not allowed in strict mode (vrrp_strict or "
        "strict_mode)");
  CHECK(error_of(instance("strict_mode\nversion 2\nauthentication {\n auth_type PASS\n"
                          " auth_pass x\n}\n")) ==
        "/etc/vrrpd/vrrpd.conf:9:1: authentication: not allowed in strict mode (vrrp_strict or "
        "strict_mode)");
  CHECK(error_of(instance("strict_mode\npreempt_delay 5\n")) ==
        "/etc/vrrpd/vrrpd.conf:8:1: preempt_delay: not allowed in strict mode (vrrp_strict or "
        "strict_mode)");
  CHECK(error_of(instance("strict_mode\nversion 2\n  no_accept\n")) ==
        "/etc/vrrpd/vrrpd.conf:9:3: no_accept: not allowed with VRRPv2 (RFC 3768 has no "
        "Accept_Mode) in strict mode (vrrp_strict or strict_mode)");
  CHECK(error_of(instance("strict_mode\nstate MASTER\n")) ==
        "/etc/vrrpd/vrrpd.conf:8:7: state: MASTER needs priority 255 (the address owner) in "
        "strict mode (vrrp_strict or strict_mode)");
  CHECK_NOTHROW(parse(instance("strict_mode\nstate MASTER\npriority 255\n")));
  CHECK(error_of("global_defs {\n vrrp_strict\n}\nvrrp_instance VI_1 {\n interface eth0\n"
                 " virtual_router_id 1\n no_virtual_ipaddress\n}\n") ==
        "/etc/vrrpd/vrrpd.conf:4:15: vrrp_instance VI_1: no_virtual_ipaddress: not allowed in "
        "strict mode (vrrp_strict or strict_mode)");
}

TEST_CASE("config semantics: authentication is VRRPv2 only", "[config][semantics]") {
  Config c = parse(instance("version 3\nauthentication {\n auth_type PASS\n auth_pass abc\n}\n"));
  CHECK(c.instances[0].authentication.type == AuthType::none);
  REQUIRE(c.warnings.size() == 1);
  CHECK(c.warnings[0].to_string() ==
        "/etc/vrrpd/vrrpd.conf:8:1: warning: authentication: VRRPv3 has no authentication (RFC "
        "9568 §5.2), ignored");
}

TEST_CASE("RFC 9568 §7.3: the IPv6 virtual MAC", "[config][semantics]") {
  Config c = parse(v6_instance("fe80::1\n", "use_vmac\n"));
  CHECK(c.instances[0].vmac->mac == MacAddress{0x00, 0x00, 0x5e, 0x00, 0x02, 7});
  CHECK(c.instances[0].vmac->interface_name == "vrrp.7");
  Config unicast = parse(instance("use_vmac\nunicast_peer {\n 192.0.2.2\n}\n"));
  REQUIRE(unicast.warnings.size() == 1);
  CHECK(unicast.warnings[0].message ==
        "vrrp_instance VI_1: use_vmac with unicast_peer needs vmac_xmit_base (keepalived's "
        "rule); adverts will leave from the VMAC");
  CHECK(parse(instance("use_vmac\nvmac_xmit_base\nunicast_peer {\n 192.0.2.2\n}\n"))
            .warnings.empty());
}

TEST_CASE("config semantics: nopreempt with state MASTER warns", "[config][semantics]") {
  Config c = parse(instance("state MASTER\n  nopreempt\n"));
  REQUIRE(c.warnings.size() == 1);
  CHECK(c.warnings[0].to_string() ==
        "/etc/vrrpd/vrrpd.conf:8:3: warning: nopreempt: has no effect with state MASTER "
        "(keepalived: the initial state must be BACKUP)");
}

TEST_CASE("config semantics: names are unique", "[config][semantics]") {
  CHECK(error_of(instance("") + instance("", "VI_1")) ==
        "/etc/vrrpd/vrrpd.conf:8:15: vrrp_instance VI_1: defined twice (first at "
        "/etc/vrrpd/vrrpd.conf:1:15)");
  CHECK(error_of("vrrp_script a {\n script x\n}\nvrrp_script a {\n script y\n}\n") ==
        "/etc/vrrpd/vrrpd.conf:4:13: vrrp_script a: defined twice (first at "
        "/etc/vrrpd/vrrpd.conf:1:13)");
  CHECK(error_of("track_file a {\n file x\n}\nvrrp_track_file a {\n file y\n}\n") ==
        "/etc/vrrpd/vrrpd.conf:4:17: track_file a: defined twice (first at "
        "/etc/vrrpd/vrrpd.conf:1:12)");
}

TEST_CASE("RFC 9568 §6.1: one virtual router per interface, VRID and family",
          "[config][semantics]") {
  const std::string second =
      "vrrp_instance VI_2 {\n"      // line 8
      "    interface eth0\n"        // line 9
      "    virtual_router_id 51\n"  // line 10
      "    virtual_ipaddress {\n"
      "        192.0.2.200/24\n"
      "    }\n}\n";
  CHECK(error_of(instance("") + second) ==
        "/etc/vrrpd/vrrpd.conf:10:23: virtual_router_id: 51 on eth0 (IPv4) is already used by "
        "vrrp_instance VI_1 (/etc/vrrpd/vrrpd.conf:1:15)");
  // Another interface, another VRID or another family is another virtual router.
  std::string other_if = second;
  other_if.replace(other_if.find("eth0"), 4, "eth1");
  CHECK(parse(instance("") + other_if).instances.size() == 2);
  std::string other_vrid = second;
  other_vrid.replace(other_vrid.find(" 51"), 3, " 52");
  CHECK(parse(instance("") + other_vrid).instances.size() == 2);
  const std::string v6_vrid_51 =
      "vrrp_instance V6 {\n interface eth0\n virtual_router_id 51\n"
      " virtual_ipaddress {\n  fe80::51\n }\n}\n";
  CHECK(parse(instance("") + v6_vrid_51).instances.size() == 2);
  // keepalived: unicast instances with no peer in common may share a VRID.
  const std::string peers_a = "unicast_peer {\n 192.0.2.2\n}\n";
  const std::string peers_b = "unicast_peer {\n 192.0.2.3\n}\n";
  CHECK(parse(instance(peers_a) + instance(peers_b, "VI_2")).instances.size() == 2);
  CHECK_THROWS_AS(parse(instance(peers_a) + instance(peers_a, "VI_2")), ConfigError);
}

TEST_CASE("config semantics: trackers and groups name things that exist", "[config][semantics]") {
  CHECK(error_of(instance("track_script {\n  chk_nginx\n}\n")) ==
        "/etc/vrrpd/vrrpd.conf:8:3: track_script: no vrrp_script named \"chk_nginx\"");
  CHECK(error_of(instance("track_file {\n  tf\n}\n")) ==
        "/etc/vrrpd/vrrpd.conf:8:3: track_file: no track_file block named \"tf\"");
  CHECK(error_of(instance("") + "vrrp_sync_group G {\n  group {\n    VI_1\n    VI_X\n  }\n}\n") ==
        "/etc/vrrpd/vrrpd.conf:11:5: group: no vrrp_instance named \"VI_X\"");
  CHECK(error_of(instance("") + "vrrp_sync_group G {\n group { VI_1 }\n}\n"
                                "vrrp_sync_group H {\n group { VI_1 }\n}\n") ==
        "/etc/vrrpd/vrrpd.conf:12:10: group: vrrp_instance VI_1 is already in vrrp_sync_group G");
  CHECK(error_of(instance("") + "vrrp_sync_group G {\n group { VI_1 }\n track_script {\n  x\n"
                                " }\n}\n") ==
        "/etc/vrrpd/vrrpd.conf:11:3: track_script: no vrrp_script named \"x\"");
}

TEST_CASE("config semantics: top-level unknown keywords are errors", "[config][semantics]") {
  CHECK(error_of("vrrp_instanse VI_1 {\n}\n") ==
        "/etc/vrrpd/vrrpd.conf:1:1: unknown keyword \"vrrp_instanse\" (expected global_defs, "
        "vrrp_instance, vrrp_script, vrrp_sync_group, track_file or include)");
}
