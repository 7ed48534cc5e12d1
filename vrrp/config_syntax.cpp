#include "vrrp/config_syntax.hpp"

#include <algorithm>
#include <memory>
#include <optional>

namespace vrrp {

namespace {

// An include chain deeper than this is a loop in all but name.
constexpr std::size_t kMaxIncludeDepth = 32;
// keepalived's deepest block is three levels down (vrrp_sync_group { group { } }); blocks are
// read recursively, so a bound keeps a file of nested braces from overflowing the stack
// (2000 nested "a{" crashed the fuzz_config build: tests/fuzz/regressions/config).
constexpr std::size_t kMaxBlockDepth = 64;

// What an include variant checks (keepalived.conf(5), include_check).
struct IncludeChecks {
  bool readable = false;        // a match that cannot be read is an error
  bool match = false;           // no match for a pattern without wildcards is an error
  bool wildcard_match = false;  // no match at all is an error
};

IncludeChecks checks_for(std::string_view keyword) {
  if (keyword == "includer") return {true, false, false};
  if (keyword == "includem") return {true, true, false};
  if (keyword == "includew" || keyword == "includeb") return {true, false, true};
  if (keyword == "includea") return {true, true, true};
  return {};
}

bool has_wildcard(std::string_view pattern) {
  return pattern.find_first_of("*?[{") != std::string_view::npos;
}

std::string directory_of(const std::string& file) {
  const std::size_t slash = file.rfind('/');
  if (slash == std::string::npos) return {};
  return slash == 0 ? "/" : file.substr(0, slash);
}

// The tokens of the file being read and of the files it includes, as one stream.
class TokenStream {
 public:
  TokenStream(FileSource& files, std::vector<ConfigWarning>& warnings, SyntaxOptions options)
      : files_(files), warnings_(warnings), options_(std::move(options)) {}

  void push(std::string text, std::string name, std::vector<std::string> includers = {}) {
    Frame frame;
    frame.chain = std::move(includers);
    frame.chain.push_back(name);
    frame.lexer =
        std::make_unique<Lexer>(std::move(text), std::move(name), definitions_, options_.config_id);
    frames_.push_back(std::move(frame));
  }

  Token next() {
    if (pushed_back_) {
      Token t = std::move(*pushed_back_);
      pushed_back_.reset();
      return t;
    }
    while (true) {
      Token t = frames_.back().lexer->next();
      if (t.kind != TokenKind::end_of_file || frames_.size() == 1) return t;
      // The end of an included file ends its last line; reading goes on in the includer.
      frames_.pop_back();
      t.kind = TokenKind::end_of_line;
      return t;
    }
  }

  void push_back(Token t) { pushed_back_ = std::move(t); }

  void include(const Statement& s) {
    const Token& keyword = s.keyword();
    if (s.words.size() != 2 || s.has_block) {
      throw ConfigError(keyword.where, keyword.text + ": expected one file name or glob pattern");
    }
    const Token& pattern_token = s.words[1];
    const IncludeChecks checks = checks_for(keyword.text);
    const Frame& includer = frames_.back();
    std::string pattern = pattern_token.text;
    if (!pattern.starts_with('/')) {
      // keepalived: relative to the directory of the file that includes it.
      const std::string dir = directory_of(includer.lexer->file());
      if (!dir.empty()) pattern = (dir == "/" ? dir : dir + "/") + pattern;
    }
    const std::vector<std::string> matches = files_.glob(pattern);
    if (matches.empty()) {
      const bool error = checks.wildcard_match || (checks.match && !has_wildcard(pattern));
      std::string message = keyword.text + ": no file matches \"" + pattern + "\"";
      if (error) throw ConfigError(pattern_token.where, message);
      warnings_.push_back({pattern_token.where, message});
      return;
    }
    std::vector<std::pair<std::string, std::string>> texts;
    for (const std::string& path : matches) {
      if (std::find(includer.chain.begin(), includer.chain.end(), path) != includer.chain.end()) {
        throw ConfigError(pattern_token.where, keyword.text + ": \"" + path + "\" includes itself");
      }
      std::optional<std::string> text = files_.read(path);
      if (!text) {
        std::string message = keyword.text + ": cannot read \"" + path + "\"";
        if (checks.readable) throw ConfigError(pattern_token.where, message);
        warnings_.push_back({pattern_token.where, message});
        continue;
      }
      texts.emplace_back(std::move(*text), path);
    }
    if (includer.chain.size() + 1 > kMaxIncludeDepth) {
      throw ConfigError(pattern_token.where, keyword.text + ": includes nested more than " +
                                                 std::to_string(kMaxIncludeDepth) + " deep");
    }
    // Stacked in reverse, so the first match is on top and is read first.
    const std::vector<std::string> chain = includer.chain;
    for (auto it = texts.rbegin(); it != texts.rend(); ++it) {
      push(std::move(it->first), it->second, chain);
    }
  }

 private:
  FileSource& files_;
  std::vector<ConfigWarning>& warnings_;
  SyntaxOptions options_;
  Definitions definitions_;
  struct Frame {
    std::unique_ptr<Lexer> lexer;
    std::vector<std::string> chain;  // the includers, outermost first, then this file
  };
  std::vector<Frame> frames_;
  std::optional<Token> pushed_back_;
};

class StatementReader {
 public:
  explicit StatementReader(TokenStream& tokens) : tokens_(tokens) {}

  // Statements up to the end of input (top level) or up to the `}` closing `open`.
  std::vector<Statement> read_block(const SourceLocation* open) {
    std::vector<Statement> statements;
    while (true) {
      Token t = tokens_.next();
      switch (t.kind) {
        case TokenKind::end_of_line:
          continue;
        case TokenKind::end_of_file:
          if (open) {
            throw ConfigError(t.where, "expected '}' to close the block opened at " +
                                           open->to_string() + ", got the end of the file");
          }
          return statements;
        case TokenKind::close_brace:
          if (!open) throw ConfigError(t.where, "unexpected '}' (no block is open)");
          return statements;
        case TokenKind::open_brace:
          throw ConfigError(t.where, "expected a keyword before '{'");
        case TokenKind::word:
          break;
      }
      Statement s;
      s.words.push_back(std::move(t));
      if (read_statement(s)) statements.push_back(std::move(s));
    }
  }

 private:
  // The rest of a statement whose keyword is in s.words. Returns false for an include line
  // (which has been followed instead).
  bool read_statement(Statement& s) {
    while (true) {
      Token t = tokens_.next();
      if (t.kind == TokenKind::word) {
        s.words.push_back(std::move(t));
        continue;
      }
      if (t.kind == TokenKind::open_brace) {
        open_block(s, t.where);
        return true;
      }
      if (t.kind == TokenKind::end_of_line && !s.keyword().quoted && is_include_keyword(s.name())) {
        tokens_.include(s);
        return false;
      }
      if (t.kind == TokenKind::end_of_line) {
        // A `{` alone on the next line opens this statement's block (Allman style).
        Token after = tokens_.next();
        while (after.kind == TokenKind::end_of_line)
          after = tokens_.next();
        if (after.kind == TokenKind::open_brace) {
          open_block(s, after.where);
        } else {
          tokens_.push_back(std::move(after));
        }
        return true;
      }
      tokens_.push_back(std::move(t));  // `}` or the end: they belong to the enclosing block
      return true;
    }
  }

  void open_block(Statement& s, const SourceLocation& where) {
    if (depth_ >= kMaxBlockDepth) {
      throw ConfigError(where,
                        "blocks nested more than " + std::to_string(kMaxBlockDepth) + " deep");
    }
    s.has_block = true;
    s.block_open = where;
    ++depth_;
    s.block = read_block(&s.block_open);
    --depth_;
  }

  TokenStream& tokens_;
  std::size_t depth_ = 0;
};

}  // namespace

std::vector<Statement> read_statements_text(std::string text, const std::string& name,
                                            FileSource& files, std::vector<ConfigWarning>& warnings,
                                            const SyntaxOptions& options) {
  TokenStream tokens(files, warnings, options);
  tokens.push(std::move(text), name);
  StatementReader reader(tokens);
  return reader.read_block(nullptr);
}

std::vector<Statement> read_statements(const std::string& path, FileSource& files,
                                       std::vector<ConfigWarning>& warnings,
                                       const SyntaxOptions& options) {
  std::optional<std::string> text = files.read(path);
  if (!text) throw ConfigError(SourceLocation{path, 0, 0}, "cannot read the configuration file");
  return read_statements_text(std::move(*text), path, files, warnings, options);
}

}  // namespace vrrp
