// JSON text for vrrpdump --json: strings escaped per RFC 8259 §7.
#pragma once

#include <string>
#include <string_view>

namespace vrrp::dump {

// `text` as a JSON string, quotes included: '"' and '\' escaped, control characters as \n, \t,
// \r, \b, \f or \u00XX, and bytes that are not valid UTF-8 as \u00XX of the byte (so binary
// data such as a v2 password reads back byte for byte as Latin-1 code points).
std::string json_string(std::string_view text);

}  // namespace vrrp::dump
