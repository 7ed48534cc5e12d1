// Shared helpers for the configuration parser's tests.
#pragma once

#include <catch2/catch.hpp>

#include <string>
#include <string_view>

#include "vrrp/config_parser.hpp"

namespace vrrp::test {

// The path the daemon reads by default, so messages look as users see them.
inline constexpr const char* kPath = "/etc/vrrpd/vrrpd.conf";

inline Config parse(std::string_view text) {
  return parse_config_text(text, kPath);
}

// The what() of the ConfigError that parsing `text` throws ("" and a failed check if none).
inline std::string error_of(std::string_view text) {
  try {
    parse(text);
  } catch (const ConfigError& e) {
    return e.what();
  }
  FAIL_CHECK("no ConfigError for:\n" << text);
  return "";
}

inline std::string error_of(std::string_view text, FileSource& files,
                            std::string_view name = kPath) {
  try {
    parse_config_text(text, name, files);
  } catch (const ConfigError& e) {
    return e.what();
  }
  FAIL_CHECK("no ConfigError for:\n" << text);
  return "";
}

// A valid instance VI_1 on eth0, VRID 51, VIP 192.0.2.100/24, with `body` added at the end of
// its block (from line 7 on).
inline std::string instance(std::string_view body, std::string_view name = "VI_1") {
  return "vrrp_instance " + std::string(name) +
         " {\n"                        // line 1
         "    interface eth0\n"        // line 2
         "    virtual_router_id 51\n"  // line 3
         "    virtual_ipaddress {\n"   // line 4
         "        192.0.2.100/24\n"    // line 5
         "    }\n" +                   // line 6
         std::string(body) +
         "}\n";
}

// The one instance of a configuration made with instance().
inline InstanceConfig only_instance(std::string_view body) {
  Config c = parse(instance(body));
  REQUIRE(c.instances.size() == 1);
  return c.instances.front();
}

}  // namespace vrrp::test
