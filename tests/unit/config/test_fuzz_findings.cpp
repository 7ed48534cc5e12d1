// The parser bugs found while fuzzing it, each reproduced here (the inputs are in
// tests/fuzz/regressions/config/ and tools/check replays them through fuzz_config):
// - blocks are read recursively, so their depth is bounded: a file of nested braces is refused
//   with a ConfigError instead of overflowing the stack (nested-braces-stack-overflow.conf;
//   seen reviewing the reader's recursion, then crashed the fuzz_config build);
// - a $NAME definition that names itself and is a few dozen bytes long grew the line by that
//   much at each of 10000 substitutions, rescanning it each time: seconds to minutes before the
//   error (self-definition-grows-line.conf; a timeout libFuzzer found);
// - a multi-line $NAME value that names itself on one of its lines was expanded without end,
//   each of its lines starting a fresh substitution budget (multi-line-self-definition.conf;
//   seen reading the code around the previous one).
#include <catch2/catch.hpp>

#include <chrono>
#include <string>

#include "tests/unit/config/fake_files.hpp"
#include "tests/unit/config/helpers.hpp"
#include "vrrp/config_syntax.hpp"

using namespace vrrp;
using vrrp::test::FakeFiles;
using vrrp::test::kPath;

namespace {

// `depth` blocks, each opened by a statement "a" and all closed at the end, on one line.
std::string nested(int depth, bool closed = true) {
  std::string text;
  for (int i = 0; i < depth; ++i)
    text += "a{";
  if (closed) text += std::string(static_cast<std::size_t>(depth), '}');
  return text + "\n";
}

std::vector<Statement> read(const std::string& text) {
  FakeFiles none;
  std::vector<ConfigWarning> warnings;
  return read_statements_text(text, kPath, none, warnings);
}

int depth_of(const std::vector<Statement>& statements) {
  int depth = 0;
  const std::vector<Statement>* level = &statements;
  while (!level->empty() && level->front().has_block) {
    ++depth;
    level = &level->front().block;
  }
  return depth;
}

}  // namespace

TEST_CASE("config syntax: blocks nested 64 deep are read", "[config][syntax]") {
  const auto statements = read(nested(64));
  REQUIRE(statements.size() == 1);
  CHECK(depth_of(statements) == 64);
}

TEST_CASE("config syntax: a block nested 65 deep is refused at its brace", "[config][syntax]") {
  try {
    read(nested(65));
    FAIL("no ConfigError for 65 nested blocks");
  } catch (const ConfigError& e) {
    CHECK(e.file() == kPath);
    CHECK(e.line() == 1);
    CHECK(e.column() == 2 * 65);  // the 65th '{'
    CHECK(e.message() == "blocks nested more than 64 deep");
  }
}

TEST_CASE("config syntax: 100000 nested braces are a ConfigError, not a stack overflow",
          "[config][syntax]") {
  // The fuzzer's input was 2000 unclosed levels; far deeper here, and through parse_config_text.
  CHECK_THROWS_AS(read(nested(100000, false)), ConfigError);
  CHECK(vrrp::test::error_of(nested(100000, false)) ==
        std::string(kPath) + ":1:130: blocks nested more than 64 deep");
}

namespace {

std::string read_error(const std::string& text) {
  try {
    read(text);
  } catch (const ConfigError& e) {
    return e.what();
  }
  return "no ConfigError";
}

}  // namespace

TEST_CASE("config lexer: a definition that names itself stops at 16384 bytes of line",
          "[config][lexer]") {
  // The fuzzer's shape: a value of some length that names itself with ${...}.
  const std::string text = "$IFACE=eth0 192.0.2.100/24 dev ${IFACE}\ninterface $IFACE\n";
  const auto t0 = std::chrono::steady_clock::now();
  CHECK(read_error(text) == std::string(kPath) +
                                ":2:11: $IFACE: substitution makes the line longer than 16384 "
                                "bytes (does a definition use itself?)");
  // Before the bound this took seconds (10000 rescans of a line growing to 340 kB).
  CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(2));
}

TEST_CASE("config lexer: substitution may make a line of up to 16384 bytes", "[config][lexer]") {
  // The other side: a long value that does not name itself is substituted in full.
  const std::string value(16384 - std::string("a ").size(), 'x');
  const auto statements = read("$LONG=" + value + "\na $LONG\n");
  REQUIRE(statements.size() == 1);
  REQUIRE(statements[0].words.size() == 2);
  CHECK(statements[0].words[1].text == value);
  // One byte more is refused.
  CHECK(read_error("$LONG=" + value + "y\na $LONG\n") ==
        std::string(kPath) +
            ":2:3: $LONG: substitution makes the line longer than 16384 bytes (does a "
            "definition use itself?)");
}

TEST_CASE("config lexer: a multi-line value that names itself is a ConfigError, not a hang",
          "[config][lexer]") {
  CHECK(read_error("$A=x \\\n${A}\n$A\n") ==
        std::string(kPath) + ":3:1: $A: substitution does not end (does a definition use itself?)");
}

TEST_CASE("config lexer: a multi-line value's lines are substituted", "[config][lexer]") {
  // The other side: a multi-line value whose lines use another definition still expands.
  const auto statements = read("$B=192.0.2.1\n$A=a ${B} \\\nb ${B}\n$A\n");
  REQUIRE(statements.size() == 2);
  CHECK(statements[0].words[1].text == "192.0.2.1");
  CHECK(statements[1].words[1].text == "192.0.2.1");
}
