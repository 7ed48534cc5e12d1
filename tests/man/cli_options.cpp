#include "cli_options.hpp"

#include <regex>

namespace man_check {

std::set<std::string> options_in(std::string_view text) {
  static const std::regex kOption(R"((?:^|[\s,\[|])(--?[A-Za-z0-9][A-Za-z0-9_-]*))");
  std::set<std::string> out;
  const std::string s(text);
  for (auto it = std::sregex_iterator(s.begin(), s.end(), kOption); it != std::sregex_iterator();
       ++it) {
    out.insert((*it)[1].str());
  }
  return out;
}

std::vector<std::set<std::string>> help_option_groups(std::string_view help) {
  std::vector<std::set<std::string>> groups;
  std::size_t start = 0;
  while (start < help.size()) {
    std::size_t end = help.find('\n', start);
    if (end == std::string_view::npos) end = help.size();
    std::string_view line = help.substr(start, end - start);
    start = end + 1;
    const std::size_t first = line.find_first_not_of(" \t");
    if (first == std::string_view::npos || line[first] != '-') continue;
    line.remove_prefix(first);
    const std::size_t description = line.find("  ");
    auto options = options_in(line.substr(0, description));
    if (!options.empty()) groups.push_back(std::move(options));
  }
  return groups;
}

}  // namespace man_check
