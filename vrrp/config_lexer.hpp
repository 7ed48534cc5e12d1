// keepalived.conf's words: one file's text in, tokens out. The lexer does what keepalived does to
// a line before the keyword parser sees it, in keepalived's order: strip `#`/`!` comments
// (outside quotes), apply `@id` conditional lines, record `$NAME=value` definitions, substitute
// `$NAME` / `${NAME}`, then split into words and braces with shell-like quoting.
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "vrrp/config_error.hpp"

namespace vrrp {

enum class TokenKind : std::uint8_t { word, open_brace, close_brace, end_of_line, end_of_file };

struct Token {
  TokenKind kind = TokenKind::end_of_file;
  std::string text;     // a word's text: quotes removed, escapes resolved
  bool quoted = false;  // some part of the word was quoted ("{" quoted is a word, not a brace)
  SourceLocation where;

  bool is_word(std::string_view w) const { return kind == TokenKind::word && text == w; }
};

// $NAME=value definitions. One table serves a file and everything it includes, in reading
// order, as in keepalived.
class Definitions {
 public:
  void define(std::string name, std::string value) { values_[std::move(name)] = std::move(value); }
  const std::string* find(std::string_view name) const;

 private:
  std::map<std::string, std::string, std::less<>> values_;
};

// The words that include other files. Their argument is one glob pattern, in which braces are
// part of the pattern (csh brace expansion) rather than blocks.
bool is_include_keyword(std::string_view word);

class Lexer {
 public:
  // `file` names the text in locations; its directory is ${_PWD}. `config_id` is what `@id`
  // conditional lines are compared with (keepalived's -i; empty matches no `@id` line).
  Lexer(std::string text, std::string file, Definitions& definitions, std::string config_id);

  // The next token; end_of_line after each line that had words, end_of_file at the end (and
  // on every call after). Throws ConfigError on an unterminated quote or runaway substitution.
  Token next();

  const std::string& file() const { return file_; }

 private:
  // A line being processed: its text and, for each byte, the column it came from (text that a
  // substitution produced points at the `$` that produced it).
  struct Line {
    std::string text;
    std::vector<int> columns;
    int number = 0;
    int end_column = 1;
    // Substitutions already made on the file line this came from: the lines of a multi-line
    // value share its budget, so a value that names itself on one of its lines still stops.
    int substitutions = 0;
  };

  bool read_physical_line(Line& out);
  void process(Line line);
  bool apply_condition(Line& line) const;
  bool define_if_definition(const Line& line);
  bool substitute(Line& line, std::deque<Line>& expanded_lines);
  void tokenize(const Line& line);
  SourceLocation at(const Line& line, std::size_t index) const;

  std::string text_;
  std::size_t offset_ = 0;
  int line_number_ = 0;
  std::string file_;
  std::string directory_;
  Definitions& definitions_;
  std::string config_id_;
  std::deque<Line> queued_lines_;  // lines produced by multi-line definitions
  std::deque<Token> tokens_;
};

}  // namespace vrrp
