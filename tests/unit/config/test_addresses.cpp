// virtual_ipaddress, virtual_ipaddress_excluded and virtual_routes lines.
#include <catch2/catch.hpp>

#include "tests/unit/config/helpers.hpp"

using namespace vrrp;
using vrrp::test::error_of;
using vrrp::test::parse;

namespace {

// An instance whose virtual_ipaddress block holds `lines` (from line 5 on).
std::string with_vips(const std::string& lines) {
  return "vrrp_instance VI_1 {\n"
         "    interface eth0\n"
         "    virtual_router_id 51\n"
         "    virtual_ipaddress {\n" +
         lines + "    }\n}\n";
}

std::vector<VirtualAddress> vips(const std::string& lines) {
  Config c = parse(with_vips(lines));
  REQUIRE(c.instances.size() == 1);
  return c.instances[0].virtual_addresses;
}

// An instance whose virtual_routes block holds `lines` (from line 8 on).
std::string with_routes(const std::string& lines) {
  return vrrp::test::instance("virtual_routes {\n" + lines + "}\n");
}

std::vector<VirtualRoute> routes(const std::string& lines) {
  Config c = parse(with_routes(lines));
  REQUIRE(c.instances.size() == 1);
  return c.instances[0].virtual_routes;
}

}  // namespace

TEST_CASE("virtual_ipaddress: address and prefix", "[config][addresses]") {
  auto v = vips("        192.0.2.100/24\n        192.0.2.101\n");
  REQUIRE(v.size() == 2);
  CHECK(v[0].prefix.to_string() == "192.0.2.100/24");
  CHECK(v[1].prefix.to_string() == "192.0.2.101/32");  // no "/len": a host prefix
  CHECK(v[0].where == SourceLocation{"/etc/vrrpd/vrrpd.conf", 5, 9});
  CHECK(v[0].device.empty());
  CHECK(v[0].scope == AddressScope::global);
  CHECK(v[0].label.empty());
  CHECK_FALSE(v[0].broadcast);
  CHECK_FALSE(v[0].peer);
  CHECK_FALSE(v[0].home);
  CHECK_FALSE(v[0].nodad);
  CHECK_FALSE(v[0].noprefixroute);
  CHECK_FALSE(v[0].autojoin);
  CHECK_FALSE(v[0].no_track);
  CHECK(error_of(with_vips("        192.0.2.100/33\n")) ==
        "/etc/vrrpd/vrrpd.conf:5:9: virtual_ipaddress: expected an address[/prefix length], got "
        "\"192.0.2.100/33\"");
  CHECK(error_of(with_vips("        www.example.com\n")) ==
        "/etc/vrrpd/vrrpd.conf:5:9: virtual_ipaddress: expected an address[/prefix length], got "
        "\"www.example.com\"");
}

TEST_CASE("virtual_ipaddress: options", "[config][addresses]") {
  auto v = vips(
      "192.0.2.100/24 brd 192.0.2.255 dev eth1 scope link label eth1:vip\n"
      "192.0.2.101/24 brd + peer 192.0.2.1 home -nodad noprefixroute autojoin no_track\n"
      "192.0.2.102/25 brd - scope host\n"
      "192.0.2.103/24 scope site\n192.0.2.104/24 scope nowhere\n192.0.2.105 scope global\n");
  REQUIRE(v.size() == 6);
  CHECK(v[0].broadcast->to_string() == "192.0.2.255");
  CHECK(v[0].device == "eth1");
  CHECK(v[0].scope == AddressScope::link);
  CHECK(v[0].label == "eth1:vip");
  CHECK(v[1].broadcast->to_string() == "192.0.2.255");  // brd +: host bits set
  CHECK(v[1].peer->to_string() == "192.0.2.1");
  CHECK(v[1].home);
  CHECK(v[1].nodad);
  CHECK(v[1].noprefixroute);
  CHECK(v[1].autojoin);
  CHECK(v[1].no_track);
  CHECK(v[2].broadcast->to_string() == "192.0.2.0");  // brd -: host bits cleared
  CHECK(v[2].scope == AddressScope::host);
  CHECK(v[3].scope == AddressScope::site);
  CHECK(v[4].scope == AddressScope::nowhere);
  CHECK(v[5].scope == AddressScope::global);
  CHECK(vips("192.0.2.1/20 brd +\n")[0].broadcast->to_string() == "192.0.15.255");
}

TEST_CASE("virtual_ipaddress: option errors", "[config][addresses]") {
  CHECK(error_of(with_vips("192.0.2.1 dev\n")) ==
        "/etc/vrrpd/vrrpd.conf:5:11: virtual_ipaddress: dev: expected an interface name of 1-15 "
        "characters, got nothing");
  CHECK(error_of(with_vips("192.0.2.1 scope universe2\n")) ==
        "/etc/vrrpd/vrrpd.conf:5:17: virtual_ipaddress: scope: expected global, site, link, "
        "host or nowhere, got \"universe2\"");
  CHECK(error_of(with_vips("192.0.2.1 brd 2001:db8::1\n")) ==
        "/etc/vrrpd/vrrpd.conf:5:15: virtual_ipaddress: brd: expected an IPv4 address, + or -, "
        "got \"2001:db8::1\"");
  CHECK(error_of(with_vips("192.0.2.1 label this_label_is_too_long\n")) ==
        "/etc/vrrpd/vrrpd.conf:5:17: virtual_ipaddress: label: expected a label of 1-15 "
        "characters, got \"this_label_is_too_long\"");
  CHECK(error_of(with_vips("192.0.2.1 peer fe80::1\n")) ==
        "/etc/vrrpd/vrrpd.conf:5:16: virtual_ipaddress: peer: expected an IPv4 address, got "
        "\"fe80::1\"");
  CHECK(error_of(with_vips("192.0.2.1 metric 5\n")) ==
        "/etc/vrrpd/vrrpd.conf:5:11: virtual_ipaddress: unknown option \"metric\" (expected "
        "brd, dev, scope, label, peer, home, -nodad, noprefixroute, autojoin or no_track)");
  CHECK(error_of(with_vips("fe80::1 brd +\n")) ==
        "/etc/vrrpd/vrrpd.conf:5:9: virtual_ipaddress: brd: IPv6 addresses have no broadcast");
  CHECK(error_of(with_vips("192.0.2.1 { x }\n")) ==
        "/etc/vrrpd/vrrpd.conf:5:11: virtual_ipaddress: unexpected { } block");
}

TEST_CASE("virtual_ipaddress: keepalived options vrrpd reads past warn", "[config][addresses]") {
  Config c =
      parse(with_vips("192.0.2.1 use_vmac mngtmpaddr preferred_lft forever track_group g\n"));
  REQUIRE(c.warnings.size() == 4);
  CHECK(c.warnings[0].to_string() ==
        "/etc/vrrpd/vrrpd.conf:5:11: warning: virtual_ipaddress: use_vmac is not handled by "
        "vrrpd, ignored");
  CHECK(c.warnings[2].message ==
        "virtual_ipaddress: preferred_lft is not handled by vrrpd, ignored");
  // A label on an IPv6 address is dropped with a warning: the kernel keeps IPv4 labels only.
  Config v6 = parse(with_vips("fe80::1/64 label eth0:x\n"));
  REQUIRE(v6.warnings.size() == 1);
  CHECK(v6.warnings[0].message ==
        "virtual_ipaddress: label: ignored for an IPv6 address (the kernel keeps labels for IPv4 "
        "only)");
  CHECK(v6.instances[0].virtual_addresses[0].label.empty());
}

TEST_CASE("virtual_ipaddress_excluded: any family, never advertised", "[config][addresses]") {
  Config c = parse(vrrp::test::instance(
      "virtual_ipaddress_excluded {\n  2001:db8::100/64 dev eth0\n  192.0.2.200/24\n}\n"));
  const InstanceConfig& i = c.instances[0];
  CHECK(i.family == Family::ipv4);
  REQUIRE(i.virtual_addresses.size() == 1);
  REQUIRE(i.virtual_addresses_excluded.size() == 2);
  CHECK(i.virtual_addresses_excluded[0].prefix.to_string() == "2001:db8::100/64");
  CHECK(i.virtual_addresses_excluded[0].device == "eth0");
}

TEST_CASE("virtual_routes: the common ip route forms", "[config][routes]") {
  auto r = routes(
      "src 192.0.2.1 to 198.51.100.0/24 via 192.0.2.254 dev eth1\n"
      "198.51.100.128/25 gw 192.0.2.254 table 100 metric 20 scope link onlink\n"
      "blackhole 203.0.113.0/24\n"
      "0.0.0.0/0 gw 192.0.2.1 table main no_track\n"
      "default via 2001:db8::1\n"
      "unreachable 203.0.113.128/25 table local priority 5\n"
      "prohibit default inet6\n");
  REQUIRE(r.size() == 7);
  CHECK(r[0].type == VirtualRoute::Type::unicast);
  CHECK(r[0].source->to_string() == "192.0.2.1");
  CHECK(r[0].destination.to_string() == "198.51.100.0/24");
  CHECK(r[0].gateway->to_string() == "192.0.2.254");
  CHECK(r[0].device == "eth1");
  CHECK_FALSE(r[0].table);
  CHECK_FALSE(r[0].metric);
  CHECK_FALSE(r[0].scope);
  CHECK(r[1].table == 100u);
  CHECK(r[1].metric == 20u);
  CHECK(r[1].scope == AddressScope::link);
  CHECK(r[1].onlink);
  CHECK(r[2].type == VirtualRoute::Type::blackhole);
  CHECK(r[2].destination.to_string() == "203.0.113.0/24");
  CHECK(r[3].destination.to_string() == "0.0.0.0/0");
  CHECK(r[3].table == 254u);
  CHECK(r[3].no_track);
  CHECK(r[4].destination.to_string() == "::/0");
  CHECK(r[5].type == VirtualRoute::Type::unreachable);
  CHECK(r[5].table == 255u);
  CHECK(r[5].metric == 5u);
  CHECK(r[6].type == VirtualRoute::Type::prohibit);
  CHECK(r[6].destination.to_string() == "::/0");
}

TEST_CASE("virtual_routes: errors", "[config][routes]") {
  CHECK(error_of(with_routes("198.51.100.0/24 mtu 1400\n")) ==
        "/etc/vrrpd/vrrpd.conf:8:17: virtual_routes: \"mtu\" is not supported by vrrpd "
        "(expected src, to, via, gw, dev, scope, table, metric, onlink, no_track, blackhole, "
        "unreachable or prohibit)");
  CHECK(error_of(with_routes("via 192.0.2.1\n")) ==
        "/etc/vrrpd/vrrpd.conf:8:1: virtual_routes: expected a destination prefix or default, "
        "got nothing");
  CHECK(error_of(with_routes("198.51.100.0/24 via 2001:db8::1\n")) ==
        "/etc/vrrpd/vrrpd.conf:8:1: virtual_routes: via 2001:db8::1 and the destination "
        "198.51.100.0/24 are of different families");
  CHECK(error_of(with_routes("198.51.100.0/24 table 0\n")) ==
        "/etc/vrrpd/vrrpd.conf:8:23: virtual_routes: table: expected a table number "
        "1-4294967295, main, local or default, got \"0\"");
  CHECK(error_of(with_routes("198.51.100.0/24 via\n")) ==
        "/etc/vrrpd/vrrpd.conf:8:17: virtual_routes: via: expected an IPv4 or IPv6 address, got "
        "nothing");
  CHECK(error_of(with_routes("to 198.51.100.0/33\n")) ==
        "/etc/vrrpd/vrrpd.conf:8:4: virtual_routes: expected a destination prefix or default, "
        "got \"198.51.100.0/33\"");
}
