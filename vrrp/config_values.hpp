// Typed values out of statements, and the one error format for a value that is wrong:
//   <keyword>: expected <what>, got "<text>"
// located at the offending word (or at the keyword when the value is missing).
// Internal to the parser.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vrrp/config.hpp"
#include "vrrp/config_syntax.hpp"

namespace vrrp::config_detail {

// Collects warnings while the blocks are read.
struct ParseContext {
  std::vector<ConfigWarning>& warnings;
  void warn(const SourceLocation& where, std::string message) {
    warnings.push_back({where, std::move(message)});
  }
};

[[noreturn]] void fail(const SourceLocation& where, std::string message);

// `"text"` for messages.
std::string quoted(std::string_view text);

// "<keyword>: expected <expected>, got "<word>"" at s.words[index], or ", got nothing" at the
// keyword when there is no such word.
[[noreturn]] void fail_expected(const Statement& s, std::size_t index, std::string_view expected);

void expect_no_block(const Statement& s);
void expect_block(const Statement& s);
// Between min and max arguments (the keyword not counted); `expected` describes them.
void expect_args(const Statement& s, std::size_t min, std::size_t max, std::string_view expected);
void expect_no_args(const Statement& s);

// Plain text parsers (nullopt when malformed).
std::optional<std::int64_t> parse_integer(std::string_view text);  // [-]digits
std::optional<Duration> parse_seconds(std::string_view text);      // digits[.digits], to ns
std::optional<bool> parse_bool(std::string_view text);             // on|off|true|false|yes|no
std::optional<AddressScope> parse_scope(std::string_view text);
std::optional<MacAddress> parse_mac(std::string_view text);

// Argument parsers: the value of s.words[index], or fail_expected.
std::int64_t integer_at(const Statement& s, std::size_t index, std::int64_t min, std::int64_t max);
Duration seconds_at(const Statement& s, std::size_t index, Duration max);
IpAddress address_at(const Statement& s, std::size_t index);
std::string interface_name_at(const Statement& s, std::size_t index);

// Whole-statement forms.
// `keyword VALUE` with an integer in [min, max].
std::int64_t single_integer(const Statement& s, std::int64_t min, std::int64_t max);
// `keyword SECONDS` with a decimal number of seconds in [0, max].
Duration single_seconds(const Statement& s, Duration max);
// `keyword [<BOOL>]`: true without a value (keepalived's convention).
bool optional_bool(const Statement& s);
// `keyword` alone: a flag.
void flag(const Statement& s);
// `keyword WORD`.
std::string single_word(const Statement& s, std::string_view expected);
// `username [:][groupname]` starting at s.words[index].
RunAs run_as_at(const Statement& s, std::size_t index);
// `keyword COMMAND [username [:][groupname]]`.
NotifyScript notify_script(const Statement& s);
// A `{ ... }` block of single words (notification_email, group): one per line or several.
std::vector<Token> word_list(const Statement& s);

// garp timing (vrrp_garp_* and garp_*): whole seconds 0-86400 and counts 0-65535. keepalived
// documents no bounds; these refuse no real configuration and catch a typo's extra digits.
std::chrono::seconds garp_seconds(const Statement& s);
// The *_delay ones: whole seconds 0-4294, keepalived 2.2.7's range (it keeps them in
// microseconds in 32 bits and refuses more: "outside range [0, 4294]").
std::chrono::seconds garp_delay(const Statement& s);
std::uint32_t garp_count(const Statement& s);

// Interface names are at most IFNAMSIZ - 1 = 15 bytes on Linux.
inline constexpr std::size_t kMaxInterfaceName = 15;

}  // namespace vrrp::config_detail
