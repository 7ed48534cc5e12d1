// Just enough of man(7) to check a page against the code: the sections and subsections, the
// .TP items (their tag lines as plain text), the highlighted words of prose lines and the
// literal .nf/.fi blocks. The pages' conventions are written at the top of each page's source.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace man_check {

// One .TP item at the outer level of a (sub)section: not inside .RS/.RE.
struct Item {
  std::string section;     // the .SH title
  std::string subsection;  // the .SS title, empty before the first .SS of the section
  std::string tag;         // the tag line as text: fonts, quotes and escapes resolved
  int line = 0;            // of the tag line, 1-based
  // The item's text after the tag, up to the next item, paragraph or (sub)section, as the
  // lines show it (see line_text), joined with blanks.
  std::string body;

  // The first blank-separated word of the tag.
  std::string first_word() const;
};

// A line that starts with .B or .BR (a highlighted word in prose).
struct Highlight {
  std::string section;
  std::string subsection;
  std::string word;  // the macro's first argument, escapes resolved
  int line = 0;
};

// The lines between .nf and .fi, escapes resolved.
struct LiteralBlock {
  std::string section;
  std::string subsection;
  std::string text;
  int line = 0;  // of the .nf
};

struct Page {
  std::string name;
  std::vector<Item> items;
  std::vector<Highlight> highlights;
  std::vector<LiteralBlock> literals;
  std::vector<std::string> section_titles;                       // .SH, in page order
  std::vector<std::pair<std::string, std::string>> subsections;  // (.SH, .SS), in page order
  std::vector<std::string> problems;  // lines the reader could not follow

  std::vector<Item> items_in(std::string_view section) const;
  std::vector<Item> items_in(std::string_view section, std::string_view subsection) const;
  // The .SS titles of a section, in page order.
  std::vector<std::string> subsections_of(std::string_view section) const;
};

// Resolves the escapes of a text line: fonts (\fB \fI \fR \fP \f(XX \f[X]) are dropped, \- is
// '-', \e is '\', \& \| \^ vanish, "\ " is a blank, \(dq \(em \(mu \(sc \(bu become their
// characters.
std::string unescape(std::string_view text);

// The text a line shows: for a macro line (".B a b", ".BR a b") its arguments, with quotes
// removed and, for the alternating-font macros (.BR .BI .IB .IR .RB .RI), run together as
// roff runs them; for a text line, the line itself. Escapes resolved.
std::string line_text(std::string_view line);

// The arguments of a macro line, quotes removed, escapes not resolved.
std::vector<std::string> macro_arguments(std::string_view line);

Page parse_page(std::string_view source, std::string name);
Page read_page(const std::string& path);  // throws std::runtime_error when it cannot be read

// The elements of `of` that are not in `in`, sorted.
std::vector<std::string> missing(const std::set<std::string>& of, const std::set<std::string>& in);

// "a, b, c" for failure messages.
std::string join(const std::vector<std::string>& words);

}  // namespace man_check
