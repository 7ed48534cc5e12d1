// Helpers for vrrpdump's tests: run a fixture capture through the real reader and Dumper,
// build IPv4 packets around encoded adverts, and a small JSON reader to check --json's shape.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "tools/vrrpdump/dumper.hpp"
#include "tools/vrrpdump/inspect.hpp"
#include "vrrp/codec.hpp"

namespace vrrp::dump::test {

struct Run {
  std::vector<Inspection> packets;  // the VRRP packets, in order
  std::string output;               // what vrrpdump printed
  std::uint64_t frames = 0;         // every frame of the file
  std::string summary;              // Dumper::finish in --summary mode (summary runs only)
};

// VRRPD_FIXTURES_DIR/<name>
std::string fixture(std::string_view name);
// Reads a fixture with Capture::open_file and Dumper, as vrrpdump -r does.
Run run_file(std::string_view name, OutputMode mode = OutputMode::line, bool summary = false);

IpAddress ip(std::string_view text);

// An IPv4 packet (20-byte header, right header checksum) with protocol 112 around `payload`.
std::vector<std::uint8_t> ipv4_packet(const IpAddress& source, const IpAddress& destination,
                                      std::uint8_t ttl, const std::vector<std::uint8_t>& payload);
// An IPv4 VRRP packet: encode_advert(request) in the request's checksum form.
std::vector<std::uint8_t> ipv4_advert(const EncodeRequest& request, std::uint8_t ttl = 255);

// Minimal JSON (RFC 8259) reader: enough to check that a line is one well-formed value and to
// look into it.
struct Json {
  enum class Kind { null, boolean, number, string, array, object } kind = Kind::null;
  bool boolean = false;
  double number = 0;
  std::string text;  // string value (escapes resolved; \u00XX below 0x100 as that byte)
  std::vector<Json> items;
  std::vector<std::pair<std::string, Json>> members;  // in order

  const Json& operator[](std::string_view key) const;  // throws if absent
  bool has(std::string_view key) const;
  std::vector<std::string> keys() const;
};
// Throws std::runtime_error on malformed input or trailing text.
Json parse_json(std::string_view text);

}  // namespace vrrp::dump::test
