// keepalived.conf's lexical rules: comments, quoting, escapes, braces, $NAME definitions and
// substitution, @id conditional lines (keepalived.conf(5), "Quoted strings", "Parameter
// substitution", "Conditional configuration").
#include <catch2/catch.hpp>

#include <vector>

#include "tests/unit/config/helpers.hpp"
#include "vrrp/config_lexer.hpp"

using namespace vrrp;

namespace {

struct Lexed {
  std::vector<Token> tokens;  // without the final end_of_file
};

Lexed lex(std::string text, std::string config_id = "", std::string file = "/etc/k/a.conf") {
  Definitions definitions;
  Lexer lexer(std::move(text), std::move(file), definitions, std::move(config_id));
  Lexed out;
  for (Token t = lexer.next(); t.kind != TokenKind::end_of_file; t = lexer.next()) {
    out.tokens.push_back(std::move(t));
  }
  return out;
}

// The words and braces, with "\n" for each end of line.
std::vector<std::string> texts(const Lexed& l) {
  std::vector<std::string> out;
  for (const Token& t : l.tokens)
    out.push_back(t.kind == TokenKind::end_of_line ? "\n" : t.text);
  return out;
}

using V = std::vector<std::string>;

std::string lex_error(std::string text) {
  try {
    lex(std::move(text));
  } catch (const ConfigError& e) {
    return e.what();
  }
  FAIL_CHECK("no error");
  return "";
}

}  // namespace

TEST_CASE("config lexer: words, braces and line ends", "[config][lexer]") {
  CHECK(texts(lex("vrrp_instance VI_1 {\n  state MASTER\n}\n")) ==
        V{"vrrp_instance", "VI_1", "{", "\n", "state", "MASTER", "\n", "}", "\n"});
  // Braces need no blanks around them.
  CHECK(texts(lex("a{b}c")) == V{"a", "{", "b", "}", "c", "\n"});
  // Blank lines and comment-only lines give nothing.
  CHECK(texts(lex("\n   \n# only a comment\n\t! another\n")).empty());
  // CRLF files read like LF files; a BOM is skipped.
  CHECK(texts(lex("\xef\xbb\xbfpriority 100\r\n")) == V{"priority", "100", "\n"});
}

TEST_CASE("config lexer: tokens carry file, line and column", "[config][lexer]") {
  Lexed l = lex("global_defs {\n\trouter_id  r1\n}");
  REQUIRE(l.tokens.size() >= 5);
  CHECK(l.tokens[0].where == SourceLocation{"/etc/k/a.conf", 1, 1});
  CHECK(l.tokens[1].where == SourceLocation{"/etc/k/a.conf", 1, 13});  // {
  CHECK(l.tokens[3].where == SourceLocation{"/etc/k/a.conf", 2, 2});   // router_id (tab = 1)
  CHECK(l.tokens[4].where == SourceLocation{"/etc/k/a.conf", 2, 13});  // r1
}

TEST_CASE("config lexer: # and ! start comments anywhere outside quotes", "[config][lexer]") {
  CHECK(texts(lex("priority 100 # the backup\n")) == V{"priority", "100", "\n"});
  CHECK(texts(lex("priority 100! owner\n")) == V{"priority", "100", "\n"});
  CHECK(texts(lex("auth_pass ab#cd\n")) == V{"auth_pass", "ab", "\n"});
  CHECK(texts(lex("notify \"/bin/x #1 !2\" # c\n")) == V{"notify", "/bin/x #1 !2", "\n"});
  CHECK(texts(lex("notify '/bin/x #1'\n")) == V{"notify", "/bin/x #1", "\n"});
}

TEST_CASE("config lexer: quoted strings, shell-like", "[config][lexer]") {
  // keepalived.conf(5): 'abcd" efg h jkl "mnop' is one string, quotes removed.
  CHECK(texts(lex("x abcd\" efg h jkl \"mnop\n")) == V{"x", "abcd efg h jkl mnop", "\n"});
  CHECK(texts(lex("x abcd \"efg h jkl\" mnop\n")) == V{"x", "abcd", "efg h jkl", "mnop", "\n"});
  // The other quote character is plain text inside a quoted string.
  CHECK(texts(lex("x \"it's\" 'say \"hi\"'\n")) == V{"x", "it's", "say \"hi\"", "\n"});
  // A quoted brace is a word, not a block.
  Lexed l = lex("x \"{\" '}'\n");
  REQUIRE(l.tokens.size() == 4);
  CHECK(l.tokens[1].kind == TokenKind::word);
  CHECK(l.tokens[1].quoted);
  CHECK(l.tokens[2].kind == TokenKind::word);
  CHECK_FALSE(l.tokens[0].quoted);
  // An empty quoted string is a word.
  CHECK(texts(lex("x \"\"\n")) == V{"x", "", "\n"});
}

TEST_CASE("config lexer: escapes inside quotes", "[config][lexer]") {
  CHECK(texts(lex(R"(x "a\tb\nc")")) == V{"x", "a\tb\nc", "\n"});
  CHECK(texts(lex(R"(x "\x41\102\cA\E\\\"q")")) == V{"x", "AB\x01\x1b\\\"q", "\n"});
  CHECK(texts(lex(R"(x "\a\b\f\r\v\zz")")) == V{"x", "\a\b\f\r\vzz", "\n"});
  // Outside quotes a backslash is an ordinary character.
  CHECK(texts(lex(R"(x a\tb)")) == V{"x", "a\\tb", "\n"});
}

TEST_CASE("config lexer: an unterminated quote is an error at the quote", "[config][lexer]") {
  CHECK(lex_error("notify_master \"/bin/x.sh arg\n") ==
        "/etc/k/a.conf:1:15: unterminated quoted string (no closing \")");
  CHECK(lex_error("\n  x 'abc\n") ==
        "/etc/k/a.conf:2:5: unterminated quoted string (no closing ')");
}

TEST_CASE("config lexer: $NAME=value definitions and $NAME / ${NAME} use", "[config][lexer]") {
  CHECK(texts(lex("$IF=eth0\ninterface $IF\n")) == V{"interface", "eth0", "\n"});
  CHECK(texts(lex("$NET=192.0.2\n${NET}.100/24\n")) == V{"192.0.2.100/24", "\n"});
  // $NAME must be followed by a blank or the end of the line; ${NAME} need not.
  CHECK(texts(lex("$N=1\nx $N.5 ${N}.5\n")) == V{"x", "$N.5", "1.5", "\n"});
  // An undefined name stays as written (keepalived: existing '$' in scripts are untouched).
  CHECK(texts(lex("notify \"/bin/x $HOME ${UNSET}\"\n")) ==
        V{"notify", "/bin/x $HOME ${UNSET}", "\n"});
  // Substitution works inside quotes.
  CHECK(texts(lex("$U=root\nnotify \"/bin/x ${U}\"\n")) == V{"notify", "/bin/x root", "\n"});
  // Empty values are allowed; leading blanks before $ are allowed, none before '='.
  CHECK(texts(lex("  $E=\nx ${E}y\n")) == V{"x", "y", "\n"});
  CHECK(texts(lex("$A =1\n")) == V{"$A", "=1", "\n"});
  // The value may hold words and braces; they are tokens after substitution.
  CHECK(texts(lex("$VIPS=192.0.2.1 { x }\n$VIPS\n")) == V{"192.0.2.1", "{", "x", "}", "\n"});
}

TEST_CASE("config lexer: substitution is recursive and late-bound", "[config][lexer]") {
  // keepalived.conf(5)'s example: the value in force at the time of use counts.
  CHECK(texts(lex("$ADDRESS_BASE=10.2.${ADDRESS_BASE_SUB}\n"
                  "$ADDRESS_BASE_SUB=0\n"
                  "${ADDRESS_BASE}.100/32\n"
                  "$ADDRESS_BASE_SUB=10\n"
                  "${ADDRESS_BASE}.100/32\n")) == V{"10.2.0.100/32", "\n", "10.2.10.100/32", "\n"});
}

TEST_CASE("config lexer: substituted words point at the $ that produced them", "[config][lexer]") {
  Lexed l = lex("$P=300\n  priority ${P} x\n");
  REQUIRE(l.tokens.size() == 4);
  CHECK(l.tokens[1].text == "300");
  CHECK(l.tokens[1].where == SourceLocation{"/etc/k/a.conf", 2, 12});
  CHECK(l.tokens[2].where == SourceLocation{"/etc/k/a.conf", 2, 17});
}

TEST_CASE("config lexer: a definition that uses itself is an error", "[config][lexer]") {
  CHECK(lex_error("$A=x${A}\n\n  y ${A}\n") ==
        "/etc/k/a.conf:3:5: $A: substitution does not end (does a definition use itself?)");
}

TEST_CASE("config lexer: multi-line definitions", "[config][lexer]") {
  const char* text =
      "$INSTANCE= \\\n"
      "  vrrp_instance VI_${NUM} { \\\n"
      "\n"
      "    interface eth0.${NUM} \\\n"
      "  }\n"
      "$NUM=0\n"
      "$INSTANCE\n"
      "$NUM=1\n"
      "$INSTANCE\n";
  CHECK(texts(lex(text)) == V{"vrrp_instance", "VI_0", "{", "\n", "interface", "eth0.0", "\n", "}",
                              "\n", "vrrp_instance", "VI_1", "{", "\n", "interface", "eth0.1", "\n",
                              "}", "\n"});
  // Lines of a multi-line value may define and use again (keepalived's nested example).
  CHECK(texts(lex("$RS=rs ${N}\n$VS= \\\n  $N=1 \\\n  $RS \\\n  $N=2 \\\n  $RS\n$VS\n")) ==
        V{"rs", "1", "\n", "rs", "2", "\n"});
}

TEST_CASE("config lexer: predefined ${_PWD}, ${_HASH}, ${_BANG}", "[config][lexer]") {
  CHECK(texts(lex("script ${_PWD}/chk.sh\n")) == V{"script", "/etc/k/chk.sh", "\n"});
  CHECK(texts(lex("x a${_HASH}b${_BANG}c\n")) == V{"x", "a#b!c", "\n"});
}

TEST_CASE("config lexer: @id conditional lines", "[config][lexer]") {
  const char* text =
      "@main   router_id main_router\n"
      "@backup router_id backup_router\n"
      "@^main  peer 1\n";
  CHECK(texts(lex(text, "main")) == V{"router_id", "main_router", "\n"});
  CHECK(texts(lex(text, "backup")) == V{"router_id", "backup_router", "\n", "peer", "1", "\n"});
  CHECK(texts(lex(text, "")) == V{"peer", "1", "\n"});
  // A conditional definition, and a substitution that produces a condition.
  CHECK(texts(lex("@main $P=240\n@backup $P=200\npriority $P\n", "backup")) ==
        V{"priority", "200", "\n"});
  CHECK(texts(lex("$IF_MAIN=@main\n$IF_MAIN priority 240\n", "main")) ==
        V{"priority", "240", "\n"});
  CHECK(texts(lex("$IF_MAIN=@main\n$IF_MAIN priority 240\n", "other")).empty());
}

TEST_CASE("config lexer: on an include line braces belong to the pattern", "[config][lexer]") {
  CHECK(texts(lex("include /etc/{a,b}.conf\n")) == V{"include", "/etc/{a,b}.conf", "\n"});
  CHECK(texts(lex("includea conf.d/{x}\n")) == V{"includea", "conf.d/{x}", "\n"});
  // Only as the first word, unquoted.
  CHECK(texts(lex("x include {a}\n")) == V{"x", "include", "{", "a", "}", "\n"});
}
