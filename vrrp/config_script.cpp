// vrrp_script NAME { ... }: a check run on an interval whose result moves priorities.
#include <array>

#include "vrrp/config_blocks.hpp"

namespace vrrp::config_detail {

namespace {

using std::chrono::seconds;

constexpr Duration kMaxInterval = seconds(86400);

// keepalived splits a script line at unquoted blanks and groups single-quoted words; several
// words after `script` are re-joined so that splitting gives them back.
std::string join_command(const Statement& s) {
  std::string command;
  for (std::size_t i = 1; i < s.words.size(); ++i) {
    const std::string& w = s.words[i].text;
    if (i > 1) command += ' ';
    const bool needs_quotes = s.words.size() > 2 && w.find_first_of(" \t'") != std::string::npos;
    command += needs_quotes ? "'" + w + "'" : w;
  }
  return command;
}

// A timer with millisecond resolution, as keepalived reads these, greater than zero.
Duration positive_seconds(const Statement& s) {
  const Duration d = single_seconds(s, kMaxInterval);
  if (d < std::chrono::milliseconds(1)) fail_expected(s, 1, "seconds 0.001-86400");
  return d;
}

constexpr auto kHandlers = std::to_array<KeywordHandler<ScriptConfig>>({
    {"script",
     [](const Statement& s, ScriptConfig& c, ParseContext&) {
       expect_no_block(s);
       expect_args(s, 1, 4096, "a command");
       c.command = join_command(s);
       if (c.command.empty()) fail_expected(s, 1, "a command");
     }},
    {"interval",
     [](const Statement& s, ScriptConfig& c, ParseContext&) { c.interval = positive_seconds(s); }},
    {"timeout",
     [](const Statement& s, ScriptConfig& c, ParseContext&) { c.timeout = positive_seconds(s); }},
    {"weight",
     [](const Statement& s, ScriptConfig& c, ParseContext&) {
       expect_no_block(s);
       expect_args(s, 1, 2, "an integer from -253 to 253 [reverse]");
       c.weight = static_cast<int>(integer_at(s, 1, -253, 253));
       if (s.words.size() == 3) {
         if (s.words[2].text != "reverse") fail_expected(s, 2, "reverse");
         c.weight_reverse = true;
       }
     }},
    {"rise",
     [](const Statement& s, ScriptConfig& c, ParseContext&) {
       c.rise = static_cast<std::uint32_t>(single_integer(s, 1, 65535));
     }},
    {"fall",
     [](const Statement& s, ScriptConfig& c, ParseContext&) {
       c.fall = static_cast<std::uint32_t>(single_integer(s, 1, 65535));
     }},
    {"user",
     [](const Statement& s, ScriptConfig& c, ParseContext&) {
       expect_no_block(s);
       expect_args(s, 1, 2, "username [[:]groupname]");
       c.run_as = run_as_at(s, 1);
     }},
    {"init_fail",
     [](const Statement& s, ScriptConfig& c, ParseContext&) {
       flag(s);
       c.init_fail = true;
     }},
});

}  // namespace

ScriptConfig parse_script(const Statement& s, ParseContext& ctx) {
  if (s.words.size() != 2) fail_expected(s, s.words.size() > 2 ? 2 : 1, "one script name");
  expect_block(s);
  ScriptConfig script;
  script.name = s.words[1].text;
  script.where = s.words[1].where;
  bool timeout_given = false;
  for (const Statement& line : s.block)
    timeout_given |= line.name() == "timeout";
  parse_keywords<ScriptConfig>(s, "vrrp_script", "vrrp_script " + script.name, kHandlers, script,
                               ctx);
  if (script.command.empty())
    fail(script.where, "vrrp_script " + script.name + ": script is missing");
  if (!timeout_given) script.timeout = script.interval;  // keepalived: timeout defaults to interval
  return script;
}

std::vector<std::string_view> script_keywords() {
  return names_of<ScriptConfig>(kHandlers);
}

}  // namespace vrrp::config_detail
