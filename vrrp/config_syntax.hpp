// keepalived.conf's structure, before any keyword means anything: statements (a keyword and its
// arguments, up to the end of the line) that may own a `{ ... }` block of statements. Includes
// are followed here, so an included file's statements sit where the include line was, also
// inside a block.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "vrrp/config_error.hpp"
#include "vrrp/config_lexer.hpp"
#include "vrrp/file_source.hpp"

namespace vrrp {

struct Statement {
  std::vector<Token> words;  // words[0] is the keyword; all are TokenKind::word
  bool has_block = false;
  std::vector<Statement> block;
  SourceLocation block_open;  // the `{`

  const Token& keyword() const { return words.front(); }
  const std::string& name() const { return words.front().text; }
  std::span<const Token> args() const { return std::span<const Token>(words).subspan(1); }
};

struct SyntaxOptions {
  std::string config_id;  // for `@id` lines
};

// Reads `path` and what it includes. Missing files behind a plain `include` are warnings (as in
// keepalived); includer/includem/includew/includeb/includea make them errors.
std::vector<Statement> read_statements(const std::string& path, FileSource& files,
                                       std::vector<ConfigWarning>& warnings,
                                       const SyntaxOptions& options = {});

// The same for text in memory; `name` stands for the file in locations and is the base of
// relative includes.
std::vector<Statement> read_statements_text(std::string text, const std::string& name,
                                            FileSource& files, std::vector<ConfigWarning>& warnings,
                                            const SyntaxOptions& options = {});

}  // namespace vrrp
