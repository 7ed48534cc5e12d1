// The checker's own reading of roff and --help, on small texts, so that the agreement tests
// cannot pass by reading nothing: a page that lacks an option, or documents one too many, is
// reported.
#include <catch2/catch.hpp>

#include "cli_options.hpp"
#include "roff.hpp"

using namespace man_check;

namespace {

constexpr std::string_view kHelp =
    "Usage: vrrpd [OPTION]...\n"
    "\n"
    "  -f, --use-file=FILE      configuration file (default x)\n"
    "  -S, --log-facility=F     syslog facility: 0-7 (local0-7), local0-7\n"
    "                           (default daemon)\n"
    "      --state-dir=DIR      where vrrpd records what it owns\n";

constexpr std::string_view kPage =
    ".TH T 8\n"
    ".SH OPTIONS\n"
    ".TP\n"
    "\\fB\\-f\\fR \\fIfile\\fR, \\fB\\-\\-use\\-file\\fR=\\fIfile\\fR\n"
    "Read \\fIfile\\fR; see\n"
    ".RS\n"
    ".TP\n"
    ".B \\-x\n"
    "inside .RS: prose, not an item\n"
    ".RE\n"
    ".TP\n"
    ".BR \\-\\-state\\-dir =\\fIdir\\fR\n"
    "The directory.\n"
    ".SH \"EXIT STATUS\"\n"
    ".\\\" a comment between .TP and its tag is skipped\n"
    ".TP\n"
    ".\\\" here\n"
    ".B 0\n"
    "Fine.\n"
    ".SS \"Drop reasons\"\n"
    ".TP\n"
    ".B \"active down timer expired\"\n"
    ".SH EXAMPLES\n"
    ".nf\n"
    "a \\e b \\-c\n"
    ".fi\n";

std::set<std::string> all(const std::vector<std::set<std::string>>& groups) {
  std::set<std::string> out;
  for (const auto& g : groups)
    out.insert(g.begin(), g.end());
  return out;
}

}  // namespace

TEST_CASE("checker: escapes and fonts are resolved", "[man][checker]") {
  CHECK(unescape("\\fB\\-\\-use\\-file\\fR=\\fIfile\\fP") == "--use-file=file");
  CHECK(unescape("a\\&.b\\e\\(dqc\\(dq") == "a.b\\\"c\"");
  CHECK(unescape("\\f(CWx\\f[R]y") == "xy");
  CHECK(line_text(".BR \\-\\-state\\-dir =\\fIdir\\fR") == "--state-dir=dir");
  CHECK(line_text(".B \"two words\" three") == "two words three");
  CHECK(line_text(".BI \"pid file \" file \": vrrpd\"") == "pid file file: vrrpd");
}

TEST_CASE("checker: options are found in --help lines and in tag lines", "[man][checker]") {
  const auto groups = help_option_groups(kHelp);
  REQUIRE(groups.size() == 3);
  CHECK(groups[0] == std::set<std::string>{"-f", "--use-file"});
  // "0-7" in the description is not an option.
  CHECK(groups[1] == std::set<std::string>{"-S", "--log-facility"});
  CHECK(groups[2] == std::set<std::string>{"--state-dir"});
  CHECK(options_in("-f file, --use-file=file") == std::set<std::string>{"-f", "--use-file"});
  CHECK(options_in("[-nlD] [--state-dir=dir]") == std::set<std::string>{"-nlD", "--state-dir"});
}

TEST_CASE("checker: .TP items outside .RS, with their sections", "[man][checker]") {
  const Page p = parse_page(kPage, "t.8");
  CHECK(p.problems.empty());
  const auto options = p.items_in("OPTIONS");
  REQUIRE(options.size() == 2);
  CHECK(options[0].tag == "-f file, --use-file=file");
  CHECK(options[0].first_word() == "-f");
  // The .RS block is prose of the item (its own .TP tags are not items, and are skipped).
  CHECK(options[0].body == "Read file; see inside .RS: prose, not an item");
  CHECK(options[1].tag == "--state-dir=dir");
  CHECK(options[1].body == "The directory.");
  const auto exit = p.items_in("EXIT STATUS");
  REQUIRE(exit.size() == 2);
  CHECK(exit[0].tag == "0");
  CHECK(exit[0].subsection.empty());
  CHECK(exit[1].subsection == "Drop reasons");
  CHECK(exit[1].tag == "active down timer expired");
  REQUIRE(p.literals.size() == 1);
  CHECK(p.literals[0].text == "a \\ b -c\n");
}

TEST_CASE("checker: an option missing from the page, or only in the page, is reported",
          "[man][checker]") {
  const Page p = parse_page(kPage, "t.8");
  std::set<std::string> documented;
  for (const Item& i : p.items_in("OPTIONS")) {
    const auto o = options_in(i.tag);
    documented.insert(o.begin(), o.end());
  }
  const auto help = all(help_option_groups(kHelp));
  CHECK(missing(help, documented) == std::vector<std::string>{"--log-facility", "-S"});
  CHECK(missing(documented, help).empty());

  const auto fewer = all(help_option_groups("  -f, --use-file=FILE  file\n"));
  CHECK(missing(documented, fewer) == std::vector<std::string>{"--state-dir"});
}

TEST_CASE("checker: a .TP without a tag line and an unclosed .nf are problems", "[man][checker]") {
  CHECK(parse_page(".SH A\n.TP\n.PP\ntext\n", "t").problems.size() == 1);
  CHECK(parse_page(".SH A\n.nf\nx\n", "t").problems.size() == 1);
  CHECK(parse_page(".SH A\n.nf\n.B x\n.fi\n", "t").problems.size() == 1);
}
