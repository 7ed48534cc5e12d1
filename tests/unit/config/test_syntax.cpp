// keepalived.conf's structure: statements, { } blocks, and include with globs relative to the
// including file (keepalived.conf(5), "include").
#include <catch2/catch.hpp>

#include "tests/unit/config/fake_files.hpp"
#include "tests/unit/config/helpers.hpp"
#include "vrrp/config_syntax.hpp"

using namespace vrrp;
using vrrp::test::FakeFiles;
using vrrp::test::kPath;

namespace {

std::vector<Statement> read(std::string text, FileSource& files,
                            std::vector<ConfigWarning>& warnings) {
  return read_statements_text(std::move(text), kPath, files, warnings);
}

std::vector<Statement> read(std::string text) {
  FakeFiles none;
  std::vector<ConfigWarning> warnings;
  return read(std::move(text), none, warnings);
}

std::string read_error(std::string text, FileSource& files) {
  std::vector<ConfigWarning> warnings;
  try {
    read(std::move(text), files, warnings);
  } catch (const ConfigError& e) {
    return e.what();
  }
  FAIL_CHECK("no error");
  return "";
}

std::string read_error(std::string text) {
  FakeFiles none;
  return read_error(std::move(text), none);
}

// A two-line instance to include: parse_config_text needs complete blocks.
const char* kVi2 =
    "vrrp_instance VI_2 {\n"
    "  interface eth1\n  virtual_router_id 52\n  virtual_ipaddress { 198.51.100.1 }\n}\n";

}  // namespace

TEST_CASE("config syntax: statements own blocks, nested", "[config][syntax]") {
  auto s = read(
      "global_defs {\n  router_id r1\n}\nvrrp_instance VI_1 {\n  unicast_peer {\n"
      "    192.0.2.2\n  }\n  priority 100\n}\n");
  REQUIRE(s.size() == 2);
  CHECK(s[0].name() == "global_defs");
  CHECK(s[0].has_block);
  REQUIRE(s[0].block.size() == 1);
  CHECK(s[0].block[0].words.size() == 2);
  CHECK(s[0].block[0].words[1].text == "r1");
  CHECK(s[1].words.size() == 2);
  REQUIRE(s[1].block.size() == 2);
  CHECK(s[1].block[0].name() == "unicast_peer");
  REQUIRE(s[1].block[0].block.size() == 1);
  CHECK(s[1].block[0].block[0].name() == "192.0.2.2");
  CHECK_FALSE(s[1].block[1].has_block);
  CHECK(s[1].block_open == SourceLocation{kPath, 4, 20});
}

TEST_CASE("config syntax: a block on one line, and a brace on the next line", "[config][syntax]") {
  auto s = read("virtual_ipaddress { 192.0.2.1/24 dev eth0 }\nnext 1\n");
  REQUIRE(s.size() == 2);
  REQUIRE(s[0].block.size() == 1);
  CHECK(s[0].block[0].words.size() == 3);
  CHECK(s[1].name() == "next");
  auto allman = read("vrrp_instance VI_1\n{\n  state MASTER\n}\n");
  REQUIRE(allman.size() == 1);
  CHECK(allman[0].has_block);
  CHECK(allman[0].block.size() == 1);
  // Words after a closing brace start a new statement.
  auto after = read("a { b } c\n");
  REQUIRE(after.size() == 2);
  CHECK(after[1].name() == "c");
}

TEST_CASE("config syntax: unbalanced braces are errors", "[config][syntax]") {
  CHECK(read_error("global_defs {\n  router_id r1\n") ==
        "/etc/vrrpd/vrrpd.conf:3:1: expected '}' to close the block opened at "
        "/etc/vrrpd/vrrpd.conf:1:13, got the end of the file");
  CHECK(read_error("global_defs {\n}\n}\n") ==
        "/etc/vrrpd/vrrpd.conf:3:1: unexpected '}' (no block is open)");
  CHECK(read_error("x {\n  { y }\n}\n") ==
        "/etc/vrrpd/vrrpd.conf:2:3: expected a keyword before '{'");
}

TEST_CASE("config include: a relative path is relative to the including file",
          "[config][include]") {
  FakeFiles files;
  files.add("/etc/vrrpd/instances.conf", kVi2);
  Config c = parse_config_text("include instances.conf\n", kPath, files);
  REQUIRE(c.instances.size() == 1);
  CHECK(c.instances[0].name == "VI_2");
  CHECK(files.globs == std::vector<std::string>{"/etc/vrrpd/instances.conf"});
  CHECK(c.instances[0].where == SourceLocation{"/etc/vrrpd/instances.conf", 1, 15});
}

TEST_CASE("config include: globs, read in sorted order, nested, from the file's own directory",
          "[config][include]") {
  FakeFiles files;
  files.add("/etc/vrrpd/vrrpd.conf", "global_defs { router_id top }\ninclude conf.d/*.conf\n")
      .add("/etc/vrrpd/conf.d/20-b.conf", "include ../more/vi3.conf\n")
      .add("/etc/vrrpd/conf.d/10-a.conf", kVi2)
      .add("/etc/vrrpd/conf.d/readme.txt", "not config\n")
      .add("/etc/vrrpd/more/vi3.conf",
           "vrrp_instance VI_3 {\n interface eth2\n virtual_router_id 3\n"
           " virtual_ipaddress { 203.0.113.3 }\n}\n");
  Config c = parse_config("/etc/vrrpd/vrrpd.conf", files);
  REQUIRE(c.instances.size() == 2);
  CHECK(c.instances[0].name == "VI_2");
  CHECK(c.instances[1].name == "VI_3");
  CHECK(c.globals.router_id == "top");
  CHECK(files.globs ==
        std::vector<std::string>{"/etc/vrrpd/conf.d/*.conf", "/etc/vrrpd/conf.d/../more/vi3.conf"});
  CHECK(c.warnings.empty());
}

TEST_CASE("config include: brace patterns and absolute paths", "[config][include]") {
  FakeFiles files;
  files.add("/srv/a.conf", kVi2).add("/srv/b.conf", "global_defs { router_id b }\n");
  Config c = parse_config_text("include /srv/{b,a}.conf\n", kPath, files);
  CHECK(c.instances.size() == 1);
  CHECK(c.globals.router_id == "b");
}

TEST_CASE("config include: an included file can fill a block", "[config][include]") {
  FakeFiles files;
  files.add("/etc/vrrpd/vips.conf", "192.0.2.10/24\n192.0.2.11/24 dev eth0\n");
  Config c = parse_config_text(
      "vrrp_instance VI_1 {\n interface eth0\n virtual_router_id 1\n virtual_ipaddress {\n"
      "  include vips.conf\n  192.0.2.12/24\n }\n}\n",
      kPath, files);
  REQUIRE(c.instances.size() == 1);
  REQUIRE(c.instances[0].virtual_addresses.size() == 3);
  CHECK(c.instances[0].virtual_addresses[1].device == "eth0");
  CHECK(c.instances[0].virtual_addresses[2].prefix.to_string() == "192.0.2.12/24");
}

TEST_CASE("config include: $NAME definitions carry across included files", "[config][include]") {
  FakeFiles files;
  files.add("/etc/vrrpd/defs.conf", "$VRID=42\n$IF=eth3\n");
  Config c = parse_config_text(
      "include defs.conf\nvrrp_instance VI_1 {\n interface $IF\n virtual_router_id ${VRID}\n"
      " virtual_ipaddress { 192.0.2.1 }\n}\n",
      kPath, files);
  REQUIRE(c.instances.size() == 1);
  CHECK(c.instances[0].virtual_router_id == 42);
  CHECK(c.instances[0].interface == "eth3");
}

TEST_CASE("config include: no match is a warning for include, an error for the checked variants",
          "[config][include]") {
  FakeFiles files;
  Config c = parse_config_text("include conf.d/*.conf\n", kPath, files);
  REQUIRE(c.warnings.size() == 1);
  CHECK(c.warnings[0].to_string() ==
        "/etc/vrrpd/vrrpd.conf:1:9: warning: include: no file matches "
        "\"/etc/vrrpd/conf.d/*.conf\"");
  // includem: an error without wildcards only; includew/includea: always.
  CHECK(parse_config_text("includem conf.d/*.conf\n", kPath, files).warnings.size() == 1);
  CHECK(read_error("includem missing.conf\n", files) ==
        "/etc/vrrpd/vrrpd.conf:1:10: includem: no file matches \"/etc/vrrpd/missing.conf\"");
  CHECK(read_error("includew conf.d/*.conf\n", files) ==
        "/etc/vrrpd/vrrpd.conf:1:10: includew: no file matches \"/etc/vrrpd/conf.d/*.conf\"");
  CHECK(read_error("  includea x.conf\n", files) ==
        "/etc/vrrpd/vrrpd.conf:1:12: includea: no file matches \"/etc/vrrpd/x.conf\"");
}

TEST_CASE("config include: an unreadable file is a warning for include, an error for includer",
          "[config][include]") {
  FakeFiles files;
  files.add_unreadable("/etc/vrrpd/secret.conf");
  Config c = parse_config_text("include secret.conf\n", kPath, files);
  REQUIRE(c.warnings.size() == 1);
  CHECK(c.warnings[0].message == "include: cannot read \"/etc/vrrpd/secret.conf\"");
  CHECK(read_error("includer secret.conf\n", files) ==
        "/etc/vrrpd/vrrpd.conf:1:10: includer: cannot read \"/etc/vrrpd/secret.conf\"");
}

TEST_CASE("config include: a file that includes itself is an error", "[config][include]") {
  FakeFiles files;
  files.add("/etc/vrrpd/vrrpd.conf", "include a.conf\n")
      .add("/etc/vrrpd/a.conf", "\n  include vrrpd.conf\n");
  try {
    parse_config("/etc/vrrpd/vrrpd.conf", files);
    FAIL("no error");
  } catch (const ConfigError& e) {
    CHECK(std::string(e.what()) ==
          "/etc/vrrpd/a.conf:2:11: include: \"/etc/vrrpd/vrrpd.conf\" includes itself");
    CHECK(e.file() == "/etc/vrrpd/a.conf");
    CHECK(e.line() == 2);
    CHECK(e.column() == 11);
    CHECK(e.message() == "include: \"/etc/vrrpd/vrrpd.conf\" includes itself");
  }
  // The same file twice side by side is not a loop.
  FakeFiles twice;
  twice.add("/etc/vrrpd/defs.conf", "$X=1\n");
  CHECK_NOTHROW(parse_config_text("include defs.conf\ninclude defs.conf\n", kPath, twice));
}

TEST_CASE("config include: the include line takes one pattern", "[config][include]") {
  CHECK(read_error("include a.conf b.conf\n") ==
        "/etc/vrrpd/vrrpd.conf:1:1: include: expected one file name or glob pattern");
  CHECK(read_error("include\n") ==
        "/etc/vrrpd/vrrpd.conf:1:1: include: expected one file name or glob pattern");
}

TEST_CASE("config include: the main file must be readable", "[config][include]") {
  FakeFiles files;
  try {
    parse_config("/etc/vrrpd/vrrpd.conf", files);
    FAIL("no error");
  } catch (const ConfigError& e) {
    CHECK(std::string(e.what()) == "/etc/vrrpd/vrrpd.conf: cannot read the configuration file");
    CHECK(e.line() == 0);
  }
}

TEST_CASE("config include: without a FileSource an include finds nothing", "[config][include]") {
  Config c = vrrp::test::parse("include other.conf\n");
  REQUIRE(c.warnings.size() == 1);
  CHECK(c.warnings[0].message == "include: no file matches \"/etc/vrrpd/other.conf\"");
}
