// virtual_routes lines, the common `ip route` forms:
//   [blackhole|unreachable|prohibit] [src <addr>] [to] <prefix>|default [via|gw <addr>]
//   [dev <if>] [scope <scope>] [table <n>|main|local|default] [metric <n>] [onlink] [no_track]
//   [inet6]
// Anything else keepalived accepts (nexthop lists, mtu, realms, ...) is refused by name: the
// daemon could not install the route it describes.
#include <array>

#include "vrrp/config_blocks.hpp"

namespace vrrp::config_detail {

namespace {

constexpr std::array<std::string_view, 17> kOptions{
    "blackhole",  "unreachable", "prohibit", "src",   "to",     "via",
    "gw",         "dev",         "scope",    "table", "metric", "priority",
    "preference", "onlink",      "no_track", "inet6", "default"};

// rtnetlink's reserved table ids (RT_TABLE_DEFAULT, RT_TABLE_MAIN, RT_TABLE_LOCAL).
std::optional<std::uint32_t> table_id(std::string_view text) {
  if (text == "default") return 253;
  if (text == "main") return 254;
  if (text == "local") return 255;
  auto n = parse_integer(text);
  if (n && *n >= 1 && *n <= 0xffffffffLL) return static_cast<std::uint32_t>(*n);
  return std::nullopt;
}

class RouteParser {
 public:
  explicit RouteParser(const Statement& line) : line_(line) {}

  VirtualRoute parse() {
    if (line_.has_block) fail(line_.block_open, "virtual_routes: unexpected { } block");
    VirtualRoute r;
    r.where = line_.keyword().where;
    bool is_default = false;
    bool inet6 = false;
    std::optional<SourceLocation> destination_at;
    for (i_ = 0; i_ < line_.words.size(); ++i_) {
      const Token& word = line_.words[i_];
      option_ = word.text;
      if (i_ == 0 &&
          (word.text == "blackhole" || word.text == "unreachable" || word.text == "prohibit")) {
        r.type = word.text == "blackhole"     ? VirtualRoute::Type::blackhole
                 : word.text == "unreachable" ? VirtualRoute::Type::unreachable
                                              : VirtualRoute::Type::prohibit;
      } else if (word.text == "src") {
        r.source = address("an IPv4 or IPv6 address");
      } else if (word.text == "via" || word.text == "gw") {
        r.gateway = address("an IPv4 or IPv6 address");
      } else if (word.text == "dev") {
        const Token& v = value("an interface name of 1-15 characters");
        if (v.text.empty() || v.text.size() > kMaxInterfaceName) {
          bad_value("an interface name of 1-15 characters");
        }
        r.device = v.text;
      } else if (word.text == "scope") {
        auto scope = parse_scope(value("global, site, link, host or nowhere").text);
        if (!scope) bad_value("global, site, link, host or nowhere");
        r.scope = *scope;
      } else if (word.text == "table") {
        auto id = table_id(value("a table number 1-4294967295, main, local or default").text);
        if (!id) bad_value("a table number 1-4294967295, main, local or default");
        r.table = *id;
      } else if (word.text == "metric" || word.text == "priority" || word.text == "preference") {
        auto n = parse_integer(value("an integer 0-4294967295").text);
        if (!n || *n < 0 || *n > 0xffffffffLL) bad_value("an integer 0-4294967295");
        r.metric = static_cast<std::uint32_t>(*n);
      } else if (word.text == "onlink") {
        r.onlink = true;
      } else if (word.text == "no_track") {
        r.no_track = true;
      } else if (word.text == "inet6") {
        inet6 = true;
      } else if (!destination_at && (word.text == "to" || looks_like_destination(word.text))) {
        if (word.text == "to") value("a destination prefix or default");
        const Token& d = line_.words[i_];
        destination_at = d.where;
        if (d.text == "default") {
          is_default = true;
        } else if (auto p = IpPrefix::parse(d.text)) {
          r.destination = *p;
        } else {
          fail(d.where,
               "virtual_routes: expected a destination prefix or default, got " + quoted(d.text));
        }
      } else {
        fail(word.where, "virtual_routes: " + quoted(word.text) +
                             " is not supported by vrrpd (expected src, to, via, gw, dev, "
                             "scope, table, metric, onlink, no_track, blackhole, unreachable "
                             "or prohibit)");
      }
    }
    if (!destination_at) {
      fail(r.where, "virtual_routes: expected a destination prefix or default, got nothing");
    }
    if (is_default) {
      const bool v6 = inet6 || (r.gateway && r.gateway->is_v6()) || (r.source && r.source->is_v6());
      r.destination = *IpPrefix::parse(v6 ? "::/0" : "0.0.0.0/0");
    }
    const Family family = r.destination.address.family();
    for (const auto& [address, name] : {std::pair{r.gateway, "via"}, std::pair{r.source, "src"}}) {
      if (address && address->family() != family) {
        fail(*destination_at, std::string("virtual_routes: ") + name + " " + address->to_string() +
                                  " and the destination " + r.destination.to_string() +
                                  " are of different families");
      }
    }
    return r;
  }

 private:
  static bool looks_like_destination(std::string_view w) {
    return w == "default" || w.find_first_of(".:") != std::string_view::npos;
  }

  [[noreturn]] void bad_value(std::string_view expected) {
    const std::string message =
        "virtual_routes: " + option_ + ": expected " + std::string(expected) + ", got ";
    if (i_ < line_.words.size())
      fail(line_.words[i_].where, message + quoted(line_.words[i_].text));
    fail(line_.words[i_ - 1].where, message + "nothing");
  }

  const Token& value(std::string_view expected) {
    ++i_;
    if (i_ >= line_.words.size()) bad_value(expected);
    return line_.words[i_];
  }

  IpAddress address(std::string_view expected) {
    auto a = IpAddress::parse(value(expected).text);
    if (!a) bad_value(expected);
    return *a;
  }

  const Statement& line_;
  std::size_t i_ = 0;
  std::string option_;
};

}  // namespace

std::vector<VirtualRoute> parse_virtual_routes(const Statement& s, ParseContext&) {
  expect_block(s);
  expect_no_args(s);
  std::vector<VirtualRoute> routes;
  for (const Statement& line : s.block)
    routes.push_back(RouteParser(line).parse());
  return routes;
}

std::vector<std::string_view> virtual_route_options() {
  return {kOptions.begin(), kOptions.end()};
}

}  // namespace vrrp::config_detail
