#include "vrrp/config_lexer.hpp"

#include <array>

namespace vrrp {

namespace {

// How many substitutions one line may go through. Definitions that use each other in a circle
// would otherwise never stop; real templates need a handful.
constexpr int kMaxSubstitutions = 10000;
// How long substitution may make a line. Without it a definition that names itself and is a
// few dozen bytes long makes a line of megabytes within the substitution budget, rescanned at
// every step: minutes of work before the error (found by tests/fuzz/fuzz_config).
constexpr std::size_t kMaxSubstitutedLine = 16384;

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}
bool is_name_start(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
}
bool is_name_char(char c) {
  return is_name_start(c) || (c >= '0' && c <= '9');
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front()))
    s.remove_prefix(1);
  while (!s.empty() && is_space(s.back()))
    s.remove_suffix(1);
  return s;
}

// keepalived's `#` and `!` start a comment anywhere outside quotes.
std::size_t comment_start(std::string_view text) {
  char quote = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quote) {
      if (c == '\\') {
        ++i;
      } else if (c == quote) {
        quote = 0;
      }
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '#' || c == '!') {
      return i;
    }
  }
  return text.size();
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Decodes the escape whose backslash is at text[i] (shell-like, as keepalived.conf(5) lists:
// \a \b \E \f \n \r \t \v \nnn \xXX \cC, and \C for C itself). Returns the index after it.
std::size_t decode_escape(std::string_view text, std::size_t i, std::string& out) {
  const char e = text[i + 1];
  std::size_t next = i + 2;
  switch (e) {
    case 'a':
      out += '\a';
      break;
    case 'b':
      out += '\b';
      break;
    case 'E':
      out += '\x1b';
      break;
    case 'f':
      out += '\f';
      break;
    case 'n':
      out += '\n';
      break;
    case 'r':
      out += '\r';
      break;
    case 't':
      out += '\t';
      break;
    case 'v':
      out += '\v';
      break;
    case 'x': {
      int value = 0, digits = 0;
      while (digits < 2 && next < text.size() && hex_value(text[next]) >= 0) {
        value = value * 16 + hex_value(text[next++]);
        ++digits;
      }
      out += digits ? static_cast<char>(value) : 'x';
      break;
    }
    case 'c':
      if (next < text.size()) {
        out += static_cast<char>(text[next++] & 0x1f);
      } else {
        out += 'c';
      }
      break;
    default:
      if (e >= '0' && e <= '7') {
        int value = e - '0', digits = 1;
        while (digits < 3 && next < text.size() && text[next] >= '0' && text[next] <= '7') {
          value = value * 8 + (text[next++] - '0');
          ++digits;
        }
        out += static_cast<char>(value & 0xff);
      } else {
        out += e;
      }
  }
  return next;
}

}  // namespace

const std::string* Definitions::find(std::string_view name) const {
  auto it = values_.find(name);
  return it == values_.end() ? nullptr : &it->second;
}

bool is_include_keyword(std::string_view word) {
  static constexpr std::array<std::string_view, 6> kIncludes{"include",  "includer", "includem",
                                                             "includew", "includeb", "includea"};
  for (auto k : kIncludes) {
    if (word == k) return true;
  }
  return false;
}

Lexer::Lexer(std::string text, std::string file, Definitions& definitions, std::string config_id)
    : text_(std::move(text)),
      file_(std::move(file)),
      definitions_(definitions),
      config_id_(std::move(config_id)) {
  if (text_.starts_with("\xef\xbb\xbf")) offset_ = 3;  // a UTF-8 byte order mark
  const std::size_t slash = file_.rfind('/');
  if (slash != std::string::npos) directory_ = slash == 0 ? "/" : file_.substr(0, slash);
}

Token Lexer::next() {
  while (tokens_.empty()) {
    if (!queued_lines_.empty()) {
      Line line = std::move(queued_lines_.front());
      queued_lines_.pop_front();
      process(std::move(line));
      continue;
    }
    Line line;
    if (!read_physical_line(line)) {
      Token eof;
      eof.kind = TokenKind::end_of_file;
      eof.where = SourceLocation{file_, line_number_ == 0 ? 1 : line_number_ + 1, 1};
      return eof;
    }
    process(std::move(line));
  }
  Token token = std::move(tokens_.front());
  tokens_.pop_front();
  return token;
}

bool Lexer::read_physical_line(Line& out) {
  if (offset_ >= text_.size()) return false;
  std::size_t end = text_.find('\n', offset_);
  if (end == std::string::npos) end = text_.size();
  std::string_view raw(text_.data() + offset_, end - offset_);
  offset_ = end + 1;
  ++line_number_;
  if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
  raw = raw.substr(0, comment_start(raw));
  out.text.assign(raw);
  out.columns.resize(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i)
    out.columns[i] = static_cast<int>(i) + 1;
  out.number = line_number_;
  out.end_column = static_cast<int>(raw.size()) + 1;
  return true;
}

void Lexer::process(Line line) {
  if (!apply_condition(line)) return;
  if (define_if_definition(line)) return;
  std::deque<Line> expanded;
  if (substitute(line, expanded)) {
    // A multi-line value: each of its lines is a line of the file again (it may define, use
    // or test), in order, before the next line of the file.
    while (!expanded.empty()) {
      queued_lines_.push_front(std::move(expanded.back()));
      expanded.pop_back();
    }
    return;
  }
  if (!apply_condition(line)) return;  // a substitution may produce `@id` ($IF_MAIN=@main)
  tokenize(line);
}

// `@id rest` keeps `rest` only when id is the config id; `@^id rest` only when it is not.
bool Lexer::apply_condition(Line& line) const {
  std::size_t i = 0;
  while (i < line.text.size() && is_space(line.text[i]))
    ++i;
  if (i >= line.text.size() || line.text[i] != '@') return true;
  const bool negate = i + 1 < line.text.size() && line.text[i + 1] == '^';
  const std::size_t start = i + 1 + (negate ? 1 : 0);
  std::size_t end = start;
  while (end < line.text.size() && !is_space(line.text[end]))
    ++end;
  const bool match = std::string_view(line.text).substr(start, end - start) == config_id_;
  if (match == negate) return false;
  line.text.erase(0, end);
  line.columns.erase(line.columns.begin(), line.columns.begin() + static_cast<long>(end));
  return true;
}

// `$NAME=value`: only whitespace before the `$`, nothing between the name and `=`. A value
// ending in `\` continues on the next lines (blank lines inside are skipped) up to a line
// without one; the value keeps those line breaks.
bool Lexer::define_if_definition(const Line& line) {
  const std::string_view text = line.text;
  std::size_t i = 0;
  while (i < text.size() && is_space(text[i]))
    ++i;
  if (i + 1 >= text.size() || text[i] != '$' || !is_name_start(text[i + 1])) return false;
  std::size_t end = i + 1;
  while (end < text.size() && is_name_char(text[end]))
    ++end;
  if (end >= text.size() || text[end] != '=') return false;
  std::string name(text.substr(i + 1, end - i - 1));
  std::string_view first = trim(text.substr(end + 1));
  if (!first.ends_with('\\')) {
    definitions_.define(std::move(name), std::string(first));
    return true;
  }
  std::string value(trim(first.substr(0, first.size() - 1)));
  Line more;
  while (read_physical_line(more)) {
    std::string_view part = trim(more.text);
    if (part.empty()) continue;
    const bool continues = part.ends_with('\\');
    if (continues) part = trim(part.substr(0, part.size() - 1));
    if (!value.empty()) value += '\n';
    value += part;
    if (!continues) break;
  }
  definitions_.define(std::move(name), std::move(value));
  return true;
}

// Replaces `${NAME}` anywhere and `$NAME` followed by whitespace or the end of the line, when
// NAME is defined (an undefined one stays as written, as in keepalived). The replacement is
// scanned again, so definitions may use definitions; the value in force is the one at the
// time of use. Returns true when a multi-line value split the line into `expanded`.
bool Lexer::substitute(Line& line, std::deque<Line>& expanded) {
  int substitutions = line.substitutions;
  std::size_t i = 0;
  while (i < line.text.size()) {
    if (line.text[i] != '$') {
      ++i;
      continue;
    }
    std::string_view name;
    std::size_t end = 0;
    if (i + 1 < line.text.size() && line.text[i + 1] == '{') {
      const std::size_t close = line.text.find('}', i + 2);
      if (close == std::string::npos) {
        ++i;
        continue;
      }
      name = std::string_view(line.text).substr(i + 2, close - i - 2);
      end = close + 1;
    } else {
      end = i + 1;
      if (end < line.text.size() && is_name_start(line.text[end])) {
        while (end < line.text.size() && is_name_char(line.text[end]))
          ++end;
      }
      name = std::string_view(line.text).substr(i + 1, end - i - 1);
      if (end < line.text.size() && !is_space(line.text[end])) name = {};
    }
    std::string value;
    if (name == "_PWD") {
      value = directory_;
    } else if (name == "_HASH") {
      value = "#";
    } else if (name == "_BANG") {
      value = "!";
    } else if (const std::string* defined = name.empty() ? nullptr : definitions_.find(name)) {
      value = *defined;
    } else {
      ++i;
      continue;
    }
    if (++substitutions > kMaxSubstitutions) {
      throw ConfigError(at(line, i), "$" + std::string(name) +
                                         ": substitution does not end (does a definition use "
                                         "itself?)");
    }
    const std::size_t grown = line.text.size() - (end - i) + value.size();
    if (grown > kMaxSubstitutedLine && grown > line.text.size()) {
      throw ConfigError(at(line, i), "$" + std::string(name) +
                                         ": substitution makes the line longer than " +
                                         std::to_string(kMaxSubstitutedLine) +
                                         " bytes (does a definition use itself?)");
    }
    const int column = line.columns[i];
    if (value.find('\n') != std::string::npos) {
      std::string head = line.text.substr(0, i);
      std::vector<int> head_columns(line.columns.begin(),
                                    line.columns.begin() + static_cast<long>(i));
      std::size_t pos = 0;
      while (true) {
        const std::size_t nl = value.find('\n', pos);
        Line part;
        part.number = line.number;
        part.end_column = line.end_column;
        part.substitutions = substitutions;
        part.text =
            head + value.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
        part.columns = head_columns;
        part.columns.resize(part.text.size(), column);
        head.clear();
        head_columns.clear();
        if (nl == std::string::npos) {
          part.text += line.text.substr(end);
          part.columns.insert(part.columns.end(), line.columns.begin() + static_cast<long>(end),
                              line.columns.end());
          expanded.push_back(std::move(part));
          break;
        }
        expanded.push_back(std::move(part));
        pos = nl + 1;
      }
      return true;
    }
    line.text.replace(i, end - i, value);
    line.columns.erase(line.columns.begin() + static_cast<long>(i),
                       line.columns.begin() + static_cast<long>(end));
    line.columns.insert(line.columns.begin() + static_cast<long>(i), value.size(), column);
  }
  return false;
}

// Words are separated by whitespace; `{` and `}` outside quotes are tokens of their own
// (except on an include line, where they belong to the glob pattern). `"` and `'` quote,
// shell-like: `ab"c d"e` is the one word `abc de`.
void Lexer::tokenize(const Line& line) {
  const std::string_view text = line.text;
  bool first_word = true;
  bool include_line = false;
  bool any = false;
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (is_space(c)) {
      ++i;
      continue;
    }
    any = true;
    if ((c == '{' || c == '}') && !include_line) {
      Token brace;
      brace.kind = c == '{' ? TokenKind::open_brace : TokenKind::close_brace;
      brace.text = std::string(1, c);
      brace.where = at(line, i);
      tokens_.push_back(std::move(brace));
      ++i;
      first_word = false;
      continue;
    }
    Token word;
    word.kind = TokenKind::word;
    word.where = at(line, i);
    while (i < text.size()) {
      const char w = text[i];
      if (is_space(w) || ((w == '{' || w == '}') && !include_line)) break;
      if (w != '"' && w != '\'') {
        word.text += w;
        ++i;
        continue;
      }
      const std::size_t opening = i++;
      word.quoted = true;
      while (true) {
        if (i >= text.size()) {
          throw ConfigError(at(line, opening),
                            std::string("unterminated quoted string (no closing ") + w + ")");
        }
        if (text[i] == w) {
          ++i;
          break;
        }
        if (text[i] == '\\' && i + 1 < text.size()) {
          i = decode_escape(text, i, word.text);
        } else {
          word.text += text[i++];
        }
      }
    }
    if (first_word && !word.quoted && is_include_keyword(word.text)) include_line = true;
    first_word = false;
    tokens_.push_back(std::move(word));
  }
  if (any) {
    Token eol;
    eol.kind = TokenKind::end_of_line;
    eol.where = SourceLocation{file_, line.number, line.end_column};
    tokens_.push_back(std::move(eol));
  }
}

SourceLocation Lexer::at(const Line& line, std::size_t index) const {
  const int column = index < line.columns.size() ? line.columns[index] : line.end_column;
  return SourceLocation{file_, line.number, column};
}

}  // namespace vrrp
