// vrrpdump's per-packet output: the one-line form, the -v block and the --json object. The
// formats are documented in man/vrrpdump.8 (OUTPUT, JSON OUTPUT); change both together.
#pragma once

#include <cstdint>
#include <string>

#include "tools/vrrpdump/inspect.hpp"

namespace vrrp::dump {

// RFC 3339 UTC with microseconds: "2026-11-25T18:56:22.123456Z".
std::string format_time(std::int64_t time_us);

// "100cs" for v3, "1s" for v2 (whose field is whole seconds).
std::string format_interval(Version version, Centiseconds interval);

// "none", "simple:TEXT" (the 8 bytes up to the first NUL, with non-printable bytes and '\' as
// \xHH), "ah" or "typeN". v2 only.
std::string format_auth(AuthType type, const std::array<std::uint8_t, kV2AuthDataSize>& data);

// One line, no newline:
// TIME SRC > DST vrrpvV vrid=N prio=N intvl=I addrs=A,B [auth=X] ttl=T sum=F verdict=V
// [notices=N,M]
std::string format_line(const Inspection& packet);

// The line, then the full decode as indented lines; ends with a newline.
std::string format_verbose(const Inspection& packet);

// One JSON object, no newline; every key always present (null when unknown).
std::string format_json(const Inspection& packet);

}  // namespace vrrp::dump
