#include "vrrp/config_values.hpp"

#include <charconv>

namespace vrrp::config_detail {

namespace {

std::string integer_range(std::int64_t min, std::int64_t max) {
  if (min < 0) return "an integer from " + std::to_string(min) + " to " + std::to_string(max);
  return "an integer " + std::to_string(min) + "-" + std::to_string(max);
}

std::string format_seconds(Duration d) {
  const auto ns = d.count();
  std::string out = std::to_string(ns / 1'000'000'000);
  std::int64_t frac = ns % 1'000'000'000;
  if (frac == 0) return out;
  std::string digits = std::to_string(frac);
  digits.insert(0, 9 - digits.size(), '0');
  while (digits.back() == '0')
    digits.pop_back();
  return out + "." + digits;
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

}  // namespace

void fail(const SourceLocation& where, std::string message) {
  throw ConfigError(where, std::move(message));
}

std::string quoted(std::string_view text) {
  // Appended piece by piece: GCC 12 at -O3 reports a false -Wrestrict for "..." + std::string.
  std::string out;
  out.reserve(text.size() + 2);
  out += '"';
  out += text;
  out += '"';
  return out;
}

void fail_expected(const Statement& s, std::size_t index, std::string_view expected) {
  std::string message = s.name() + ": expected " + std::string(expected) + ", got ";
  if (index < s.words.size()) fail(s.words[index].where, message + quoted(s.words[index].text));
  fail(s.keyword().where, message + "nothing");
}

void expect_no_block(const Statement& s) {
  if (s.has_block) fail(s.block_open, s.name() + ": takes no { } block");
}

void expect_block(const Statement& s) {
  if (!s.has_block) {
    const SourceLocation& at = s.words.size() > 1 ? s.words[1].where : s.keyword().where;
    fail(at, s.name() + ": expected a { } block");
  }
}

void expect_args(const Statement& s, std::size_t min, std::size_t max, std::string_view expected) {
  const std::size_t n = s.words.size() - 1;
  if (n < min) fail_expected(s, s.words.size(), expected);
  if (n > max) {
    fail(s.words[max + 1].where, s.name() + ": unexpected " + quoted(s.words[max + 1].text) +
                                     " after " + std::string(expected));
  }
}

void expect_no_args(const Statement& s) {
  if (s.words.size() > 1) {
    fail(s.words[1].where, s.name() + ": takes no value, got " + quoted(s.words[1].text));
  }
}

std::optional<std::int64_t> parse_integer(std::string_view text) {
  std::int64_t value = 0;
  if (text.empty() || text.front() == '+') return std::nullopt;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || ptr != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<Duration> parse_seconds(std::string_view text) {
  const std::size_t dot = text.find('.');
  const std::string_view whole = text.substr(0, dot);
  const std::string_view frac = dot == std::string_view::npos ? "" : text.substr(dot + 1);
  if (whole.empty() && frac.empty()) return std::nullopt;
  if (dot != std::string_view::npos && frac.empty()) return std::nullopt;
  for (char c : whole) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  for (char c : frac) {
    if (c < '0' || c > '9') return std::nullopt;
  }
  if (whole.size() > 9) return std::nullopt;  // over 31 years: no keyword wants that
  std::int64_t seconds = 0;
  for (char c : whole)
    seconds = seconds * 10 + (c - '0');
  std::int64_t nanoseconds = 0;
  for (std::size_t i = 0; i < 9; ++i) {
    nanoseconds = nanoseconds * 10 + (i < frac.size() ? frac[i] - '0' : 0);
  }
  // Digits past the nanosecond are dropped: every timer here is coarser than that.
  return std::chrono::seconds(seconds) + Duration(nanoseconds);
}

std::optional<bool> parse_bool(std::string_view text) {
  for (auto t : {"on", "true", "yes"}) {
    if (equals_ignoring_case(text, t)) return true;
  }
  for (auto f : {"off", "false", "no"}) {
    if (equals_ignoring_case(text, f)) return false;
  }
  return std::nullopt;
}

std::optional<AddressScope> parse_scope(std::string_view text) {
  if (text == "global" || text == "universe") return AddressScope::global;
  if (text == "site") return AddressScope::site;
  if (text == "link") return AddressScope::link;
  if (text == "host") return AddressScope::host;
  if (text == "nowhere") return AddressScope::nowhere;
  return std::nullopt;
}

std::optional<MacAddress> parse_mac(std::string_view text) {
  MacAddress mac{};
  std::size_t pos = 0;
  for (std::size_t i = 0; i < mac.size(); ++i) {
    if (i > 0) {
      if (pos >= text.size() || text[pos] != ':') return std::nullopt;
      ++pos;
    }
    const std::size_t start = pos;
    unsigned value = 0;
    while (pos < text.size() && pos - start < 2) {
      const char c = text[pos];
      unsigned digit = 0;
      if (c >= '0' && c <= '9') {
        digit = static_cast<unsigned>(c - '0');
      } else if (c >= 'a' && c <= 'f') {
        digit = static_cast<unsigned>(c - 'a' + 10);
      } else if (c >= 'A' && c <= 'F') {
        digit = static_cast<unsigned>(c - 'A' + 10);
      } else {
        break;
      }
      value = value * 16 + digit;
      ++pos;
    }
    if (pos == start) return std::nullopt;
    mac[i] = static_cast<std::uint8_t>(value);
  }
  if (pos != text.size()) return std::nullopt;
  return mac;
}

std::int64_t integer_at(const Statement& s, std::size_t index, std::int64_t min, std::int64_t max) {
  if (index < s.words.size()) {
    auto value = parse_integer(s.words[index].text);
    if (value && *value >= min && *value <= max) return *value;
  }
  fail_expected(s, index, integer_range(min, max));
}

Duration seconds_at(const Statement& s, std::size_t index, Duration max) {
  if (index < s.words.size()) {
    auto value = parse_seconds(s.words[index].text);
    if (value && *value <= max) return *value;
  }
  fail_expected(s, index, "seconds 0-" + format_seconds(max));
}

IpAddress address_at(const Statement& s, std::size_t index) {
  if (index < s.words.size()) {
    if (auto address = IpAddress::parse(s.words[index].text)) return *address;
  }
  fail_expected(s, index, "an IPv4 or IPv6 address");
}

std::string interface_name_at(const Statement& s, std::size_t index) {
  if (index < s.words.size() && !s.words[index].text.empty() &&
      s.words[index].text.size() <= kMaxInterfaceName &&
      s.words[index].text.find_first_of("/ \t") == std::string::npos) {
    return s.words[index].text;
  }
  fail_expected(s, index, "an interface name of 1-15 characters");
}

std::int64_t single_integer(const Statement& s, std::int64_t min, std::int64_t max) {
  expect_no_block(s);
  expect_args(s, 1, 1, integer_range(min, max));
  return integer_at(s, 1, min, max);
}

Duration single_seconds(const Statement& s, Duration max) {
  expect_no_block(s);
  expect_args(s, 1, 1, "seconds 0-" + format_seconds(max));
  return seconds_at(s, 1, max);
}

bool optional_bool(const Statement& s) {
  expect_no_block(s);
  expect_args(s, 0, 1, "on|off|true|false|yes|no");
  if (s.words.size() == 1) return true;
  if (auto value = parse_bool(s.words[1].text)) return *value;
  fail_expected(s, 1, "on|off|true|false|yes|no");
}

void flag(const Statement& s) {
  expect_no_block(s);
  expect_no_args(s);
}

std::string single_word(const Statement& s, std::string_view expected) {
  expect_no_block(s);
  expect_args(s, 1, 1, expected);
  if (s.words[1].text.empty()) fail_expected(s, 1, expected);
  return s.words[1].text;
}

RunAs run_as_at(const Statement& s, std::size_t index) {
  RunAs run_as;
  run_as.user = s.words[index].text;
  if (run_as.user.empty()) fail_expected(s, index, "a user name");
  if (index + 1 < s.words.size()) {
    std::string group = s.words[index + 1].text;
    if (group.starts_with(':')) {
      run_as.set_supplementary_groups = true;
      group.erase(0, 1);
    }
    run_as.group = std::move(group);
  }
  return run_as;
}

NotifyScript notify_script(const Statement& s) {
  expect_no_block(s);
  expect_args(s, 1, 3, "a script [username [:][groupname]]");
  NotifyScript script;
  script.command = s.words[1].text;
  script.where = s.words[1].where;
  if (script.command.empty()) fail_expected(s, 1, "a script [username [:][groupname]]");
  if (s.words.size() > 2) script.run_as = run_as_at(s, 2);
  return script;
}

std::vector<Token> word_list(const Statement& s) {
  expect_block(s);
  expect_no_args(s);
  std::vector<Token> words;
  for (const Statement& line : s.block) {
    if (line.has_block) fail(line.block_open, s.name() + ": expected names, got a { } block");
    words.insert(words.end(), line.words.begin(), line.words.end());
  }
  return words;
}

std::chrono::seconds garp_seconds(const Statement& s) {
  return std::chrono::seconds(single_integer(s, 0, 86400));
}

std::chrono::seconds garp_delay(const Statement& s) {
  return std::chrono::seconds(single_integer(s, 0, 4294));
}

std::uint32_t garp_count(const Statement& s) {
  return static_cast<std::uint32_t>(single_integer(s, 0, 65535));
}

}  // namespace vrrp::config_detail
