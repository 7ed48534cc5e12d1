// virtual_ipaddress / virtual_ipaddress_excluded lines, keepalived's `ip address add` subset:
//   <addr>[/<len>] [brd <addr>|+|-] [dev <if>] [scope <scope>] [label <label>] [peer <addr>]
//                  [home] [-nodad] [noprefixroute] [autojoin] [no_track]
#include <algorithm>
#include <array>

#include "vrrp/config_blocks.hpp"

namespace vrrp::config_detail {

namespace {

constexpr std::array<std::string_view, 10> kOptions{
    "brd",  "dev",    "scope",         "label",    "peer",
    "home", "-nodad", "noprefixroute", "autojoin", "no_track"};
// keepalived options that vrrpd reads past with a warning.
constexpr std::array<std::string_view, 2> kUnhandledFlags{"use_vmac", "mngtmpaddr"};
constexpr std::array<std::string_view, 2> kUnhandledWithValue{"preferred_lft", "track_group"};

class LineParser {
 public:
  LineParser(const Statement& owner, const Statement& line, ParseContext& ctx)
      : owner_(owner), line_(line), ctx_(ctx) {}

  VirtualAddress parse() {
    expect_no_block_here();
    VirtualAddress a;
    a.where = line_.keyword().where;
    auto prefix = IpPrefix::parse(line_.name());
    if (!prefix) {
      fail(a.where,
           owner_.name() + ": expected an address[/prefix length], got " + quoted(line_.name()));
    }
    a.prefix = *prefix;
    for (i_ = 1; i_ < line_.words.size(); ++i_)
      option(a);
    return a;
  }

 private:
  void expect_no_block_here() {
    if (line_.has_block) fail(line_.block_open, owner_.name() + ": unexpected { } block");
  }

  [[noreturn]] void bad_value(std::string_view expected) {
    const std::string message =
        owner_.name() + ": " + option_name_ + ": expected " + std::string(expected) + ", got ";
    if (i_ < line_.words.size()) fail(line_.words[i_].where, message + quoted(value_text()));
    fail(line_.words[i_ - 1].where, message + "nothing");
  }

  const std::string& value_text() const { return line_.words[i_].text; }

  // Moves to the option's value; fails with `expected` when there is none.
  const Token& value(std::string_view expected) {
    ++i_;
    if (i_ >= line_.words.size()) bad_value(expected);
    return line_.words[i_];
  }

  void option(VirtualAddress& a) {
    const Token& word = line_.words[i_];
    option_name_ = word.text;
    const bool v4 = a.prefix.address.is_v4();
    if (word.text == "brd") {
      const char* expected = "an IPv4 address, + or -";
      const Token& v = value(expected);
      if (!v4) fail(word.where, owner_.name() + ": brd: IPv6 addresses have no broadcast");
      if (v.text == "+" || v.text == "-") {
        a.broadcast = host_bits(a.prefix, v.text == "+");
      } else if (auto b = IpAddress::parse(v.text); b && b->is_v4()) {
        a.broadcast = *b;
      } else {
        bad_value(expected);
      }
    } else if (word.text == "dev") {
      const Token& v = value("an interface name of 1-15 characters");
      if (v.text.empty() || v.text.size() > kMaxInterfaceName) {
        bad_value("an interface name of 1-15 characters");
      }
      a.device = v.text;
    } else if (word.text == "scope") {
      const char* expected = "global, site, link, host or nowhere";
      auto scope = parse_scope(value(expected).text);
      if (!scope) bad_value(expected);
      a.scope = *scope;
    } else if (word.text == "label") {
      const Token& v = value("a label of 1-15 characters");
      if (v.text.empty() || v.text.size() > kMaxInterfaceName) {
        bad_value("a label of 1-15 characters");
      }
      if (v4) {
        a.label = v.text;
      } else {
        ctx_.warn(word.where, owner_.name() +
                                  ": label: ignored for an IPv6 address (the kernel "
                                  "keeps labels for IPv4 only)");
      }
    } else if (word.text == "peer") {
      const char* expected = v4 ? "an IPv4 address" : "an IPv6 address";
      auto peer = IpAddress::parse(value(expected).text);
      if (!peer || peer->family() != a.prefix.address.family()) bad_value(expected);
      a.peer = *peer;
    } else if (word.text == "home") {
      a.home = true;
    } else if (word.text == "-nodad") {
      a.nodad = true;
    } else if (word.text == "noprefixroute") {
      a.noprefixroute = true;
    } else if (word.text == "autojoin") {
      a.autojoin = true;
    } else if (word.text == "no_track") {
      a.no_track = true;
    } else if (is_one_of(word.text, kUnhandledFlags)) {
      ctx_.warn(word.where, owner_.name() + ": " + word.text + " is not handled by vrrpd, ignored");
    } else if (is_one_of(word.text, kUnhandledWithValue)) {
      value("a value");
      ctx_.warn(word.where, owner_.name() + ": " + word.text + " is not handled by vrrpd, ignored");
    } else {
      fail(word.where, owner_.name() + ": unknown option " + quoted(word.text) +
                           " (expected brd, dev, scope, label, peer, home, -nodad, "
                           "noprefixroute, autojoin or no_track)");
    }
  }

  template <std::size_t N>
  static bool is_one_of(std::string_view w, const std::array<std::string_view, N>& set) {
    for (auto s : set) {
      if (s == w) return true;
    }
    return false;
  }

  // keepalived's `brd +` sets the host bits of the address, `brd -` clears them.
  static IpAddress host_bits(const IpPrefix& prefix, bool set) {
    std::array<std::uint8_t, 4> bytes{};
    const auto in = prefix.address.bytes();
    for (std::size_t i = 0; i < 4; ++i) {
      const int network_bits =
          std::clamp(static_cast<int>(prefix.length) - static_cast<int>(i) * 8, 0, 8);
      const auto host_mask = static_cast<std::uint8_t>(0xffu >> network_bits);
      bytes[i] = set ? static_cast<std::uint8_t>(in[i] | host_mask)
                     : static_cast<std::uint8_t>(in[i] & ~host_mask);
    }
    return IpAddress::from_bytes(Family::ipv4, bytes);
  }

  const Statement& owner_;
  const Statement& line_;
  ParseContext& ctx_;
  std::size_t i_ = 1;
  std::string option_name_;
};

}  // namespace

std::vector<VirtualAddress> parse_virtual_addresses(const Statement& s, ParseContext& ctx) {
  expect_block(s);
  expect_no_args(s);
  std::vector<VirtualAddress> addresses;
  for (const Statement& line : s.block)
    addresses.push_back(LineParser(s, line, ctx).parse());
  return addresses;
}

std::vector<std::string_view> virtual_address_options() {
  return {kOptions.begin(), kOptions.end()};
}

}  // namespace vrrp::config_detail
