#include "roff.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <stdexcept>

namespace man_check {

namespace {

// The special characters the pages use, by their \(xx names.
std::string special_character(std::string_view name) {
  if (name == "dq") return "\"";
  if (name == "em") return "\u2014";
  if (name == "mu") return "\u00d7";
  if (name == "sc") return "\u00a7";
  if (name == "bu") return "\u2022";
  return "\\(" + std::string(name);
}

bool is_blank(char c) {
  return c == ' ' || c == '\t';
}

std::string trim(std::string_view s) {
  while (!s.empty() && is_blank(s.front()))
    s.remove_prefix(1);
  while (!s.empty() && is_blank(s.back()))
    s.remove_suffix(1);
  return std::string(s);
}

std::vector<std::string> split_lines(std::string_view text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    lines.emplace_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

// ".SH" -> "SH"; "" for a text line.
std::string macro_name(std::string_view line) {
  if (line.empty() || (line[0] != '.' && line[0] != '\'')) return {};
  std::size_t end = 1;
  while (end < line.size() && !is_blank(line[end]))
    ++end;
  return std::string(line.substr(1, end - 1));
}

bool is_comment(std::string_view line) {
  return line.starts_with(".\\\"") || line.starts_with("'\\\"") || line.starts_with("\\\"");
}

bool is_alternating(std::string_view macro) {
  return macro == "BR" || macro == "BI" || macro == "IB" || macro == "IR" || macro == "RB" ||
         macro == "RI";
}

}  // namespace

std::string Item::first_word() const {
  const std::string t = trim(tag);
  const std::size_t end = t.find_first_of(" \t");
  return t.substr(0, end);
}

std::vector<Item> Page::items_in(std::string_view section) const {
  std::vector<Item> out;
  for (const Item& i : items) {
    if (i.section == section) out.push_back(i);
  }
  return out;
}

std::vector<Item> Page::items_in(std::string_view section, std::string_view subsection) const {
  std::vector<Item> out;
  for (const Item& i : items) {
    if (i.section == section && i.subsection == subsection) out.push_back(i);
  }
  return out;
}

std::vector<std::string> Page::subsections_of(std::string_view section) const {
  std::vector<std::string> out;
  for (const auto& [sh, ss] : subsections) {
    if (sh == section) out.push_back(ss);
  }
  return out;
}

std::string unescape(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\\' || i + 1 >= text.size()) {
      out += text[i];
      continue;
    }
    const char e = text[++i];
    switch (e) {
      case 'f':  // a font change: \fB, \f(XX, \f[XX]
        if (i + 1 < text.size() && text[i + 1] == '(') {
          i += 3;
        } else if (i + 1 < text.size() && text[i + 1] == '[') {
          const std::size_t close = text.find(']', i);
          i = close == std::string_view::npos ? text.size() : close;
        } else {
          ++i;
        }
        break;
      case '(':
        if (i + 2 < text.size()) {
          out += special_character(text.substr(i + 1, 2));
          i += 2;
        }
        break;
      case '-':
        out += '-';
        break;
      case 'e':
      case '\\':
        out += '\\';
        break;
      case ' ':
        out += ' ';
        break;
      case '&':
      case '|':
      case '^':
        break;
      default:
        out += '\\';
        out += e;
    }
  }
  return out;
}

std::vector<std::string> macro_arguments(std::string_view line) {
  std::vector<std::string> args;
  std::size_t i = 1;
  while (i < line.size() && !is_blank(line[i]))
    ++i;  // the macro's name
  while (i < line.size()) {
    while (i < line.size() && is_blank(line[i]))
      ++i;
    if (i >= line.size()) break;
    std::string arg;
    if (line[i] == '"') {
      // A quoted argument; "" inside stands for one quote.
      ++i;
      while (i < line.size()) {
        if (line[i] == '"') {
          if (i + 1 < line.size() && line[i + 1] == '"') {
            arg += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        arg += line[i++];
      }
    } else {
      while (i < line.size() && !is_blank(line[i])) {
        // "\ " is part of the word.
        if (line[i] == '\\' && i + 1 < line.size()) {
          arg += line[i++];
        }
        arg += line[i++];
      }
    }
    args.push_back(std::move(arg));
  }
  return args;
}

std::string line_text(std::string_view line) {
  const std::string macro = macro_name(line);
  if (macro.empty()) return unescape(line);
  const std::vector<std::string> args = macro_arguments(line);
  std::string out;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (i > 0 && !is_alternating(macro)) out += ' ';
    out += args[i];
  }
  return unescape(out);
}

Page parse_page(std::string_view source, std::string name) {
  Page page;
  page.name = std::move(name);
  const std::vector<std::string> lines = split_lines(source);
  std::string section;
  std::string subsection;
  int depth = 0;  // .RS nesting
  bool want_tag = false;
  int tag_of = 0;  // the line of the .TP waiting for its tag
  bool literal = false;
  LiteralBlock block;
  bool in_body = false;  // the lines belong to the body of page.items.back()

  for (std::size_t n = 0; n < lines.size(); ++n) {
    const std::string& line = lines[n];
    const int number = static_cast<int>(n) + 1;
    if (is_comment(line)) continue;
    const std::string macro = macro_name(line);

    if (literal) {
      if (macro == "fi") {
        literal = false;
        page.literals.push_back(block);
      } else if (!macro.empty()) {
        page.problems.push_back(page.name + ":" + std::to_string(number) +
                                ": a macro inside .nf/.fi (write \\& before a leading dot)");
      } else {
        block.text += unescape(line) + "\n";
      }
      continue;
    }

    if (want_tag) {
      want_tag = false;
      if (macro.empty() || macro == "B" || macro == "I" || macro == "BR" || macro == "BI" ||
          macro == "IB" || macro == "IR" || macro == "RB" || macro == "RI") {
        page.items.push_back(Item{section, subsection, trim(line_text(line)), number, {}});
        in_body = true;
      } else {
        page.problems.push_back(page.name + ":" + std::to_string(tag_of) + ": .TP followed by ." +
                                macro + " instead of a tag line");
      }
      continue;
    }

    const bool paragraph = macro == "PP" || macro == "LP" || macro == "P";
    if (macro == "SH" || macro == "SS" || (macro == "TP" && depth == 0) ||
        (paragraph && depth == 0)) {
      in_body = false;
    } else if (in_body && macro != "RS" && macro != "RE") {
      const std::string text = trim(line_text(line));
      std::string& body = page.items.back().body;
      if (!body.empty() && !text.empty()) body += ' ';
      body += text;
    }

    if (macro == "SH") {
      section = line_text(line);
      subsection.clear();
      depth = 0;
      page.section_titles.push_back(section);
    } else if (macro == "SS") {
      subsection = line_text(line);
      depth = 0;
      page.subsections.emplace_back(section, subsection);
    } else if (macro == "RS") {
      ++depth;
    } else if (macro == "RE") {
      if (depth > 0) --depth;
    } else if (macro == "TP") {
      if (depth == 0) {
        want_tag = true;
        tag_of = number;
      } else {
        // A tag line inside .RS is prose for the reader: skip it.
        ++n;
      }
    } else if (macro == "nf") {
      literal = true;
      block = LiteralBlock{section, subsection, {}, number};
    } else if (macro == "B" || macro == "BR") {
      const std::vector<std::string> args = macro_arguments(line);
      if (!args.empty()) {
        page.highlights.push_back(Highlight{section, subsection, unescape(args.front()), number});
      }
    }
  }
  if (literal) page.problems.push_back(page.name + ": .nf without .fi");
  if (want_tag) page.problems.push_back(page.name + ": .TP at the end of the page");
  return page;
}

Page read_page(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return parse_page(text, path);
}

std::vector<std::string> missing(const std::set<std::string>& of, const std::set<std::string>& in) {
  std::vector<std::string> out;
  std::set_difference(of.begin(), of.end(), in.begin(), in.end(), std::back_inserter(out));
  return out;
}

std::string join(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) {
    if (!out.empty()) out += ", ";
    out += w;
  }
  return out;
}

}  // namespace man_check
