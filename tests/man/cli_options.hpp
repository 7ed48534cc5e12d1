// The options a text names, as the agreement test reads them from `vrrpd --help` and from the
// tag lines of vrrpd.8's OPTIONS section.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace man_check {

// Every "-x" and "--long-name" in `text` that starts a word (at the start, or after a blank,
// a comma, '[' or '|'); a value after '=' or a blank is not part of it.
std::set<std::string> options_in(std::string_view text);

// The option lines of a --help text, one set per line: the lines whose first non-blank
// character is '-', up to the first run of two blanks (where the description starts).
std::vector<std::set<std::string>> help_option_groups(std::string_view help);

}  // namespace man_check
