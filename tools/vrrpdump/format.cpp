#include "tools/vrrpdump/format.hpp"

#include <fmt/format.h>

#include "tools/vrrpdump/json.hpp"

namespace vrrp::dump {
namespace {

// Days since 1970-01-01 to a civil date (H. Hinnant's algorithm, proleptic Gregorian).
void civil_from_days(std::int64_t z, std::int64_t& y, unsigned& m, unsigned& d) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y = static_cast<std::int64_t>(yoe) + era * 400 + (m <= 2);
}

std::string address_or_unknown(const std::optional<IpAddress>& a) {
  return a ? a->to_string() : "?";
}

std::string addresses_text(const std::vector<IpAddress>& list, std::string_view separator) {
  std::string out;
  for (const IpAddress& a : list) {
    if (!out.empty()) out += separator;
    out += a.to_string();
  }
  return out;
}

std::string notices_text(ReceiveNotices notices) {
  std::string out;
  for (ReceiveNotice n :
       {ReceiveNotice::interval_mismatch, ReceiveNotice::address_list_mismatch,
        ReceiveNotice::owner_received_advert, ReceiveNotice::ipv6_first_address_not_link_local}) {
    if (!notices.has(n)) continue;
    if (!out.empty()) out += ',';
    out += to_string(n);
  }
  return out;
}

std::string verdict_text(const Inspection& p) {
  return p.drop ? std::string(to_string(*p.drop)) : "ok";
}

std::string checksum_text(const Inspection& p) {
  return p.checksum_form ? std::string(to_string(*p.checksum_form)) : "-";
}

// The interval a raw header carries, for packets the core did not decode.
Centiseconds raw_interval(const RawHeader& h) {
  if (h.version == 2) return Centiseconds(100 * h.byte5);
  return Centiseconds((h.byte4 & 0x0F) << 8 | h.byte5);
}

std::string auth_bytes_text(const std::array<std::uint8_t, kV2AuthDataSize>& data) {
  std::string out;
  for (std::uint8_t b : data) {
    if (b == 0) break;
    if (b > 0x20 && b < 0x7F && b != '\\') {
      out += static_cast<char>(b);
    } else {
      out += fmt::format("\\x{:02x}", b);
    }
  }
  return out;
}

std::string json_or_null(const std::optional<std::string>& s) {
  return s ? json_string(*s) : "null";
}

template <typename T>
std::string number_or_null(const std::optional<T>& v) {
  return v ? fmt::format("{}", *v) : "null";
}

std::string_view auth_type_name(AuthType type) {
  switch (type) {
    case AuthType::none:
      return "none";
    case AuthType::simple_text:
      return "simple";
    case AuthType::ip_ah:
      return "ah";
  }
  return "";
}

}  // namespace

std::string format_time(std::int64_t time_us) {
  std::int64_t seconds = time_us / 1000000;
  std::int64_t micros = time_us % 1000000;
  if (micros < 0) {
    micros += 1000000;
    --seconds;
  }
  std::int64_t days = seconds / 86400;
  std::int64_t rest = seconds % 86400;
  if (rest < 0) {
    rest += 86400;
    --days;
  }
  std::int64_t year = 0;
  unsigned month = 0, day = 0;
  civil_from_days(days, year, month, day);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:06}Z", year, month, day, rest / 3600,
                     rest / 60 % 60, rest % 60, micros);
}

std::string format_interval(Version version, Centiseconds interval) {
  if (version == Version::v2) {
    if (interval.count() % 100 == 0) return fmt::format("{}s", interval.count() / 100);
  }
  return fmt::format("{}cs", interval.count());
}

std::string format_auth(AuthType type, const std::array<std::uint8_t, kV2AuthDataSize>& data) {
  switch (type) {
    case AuthType::none:
      return "none";
    case AuthType::simple_text:
      return "simple:" + auth_bytes_text(data);
    case AuthType::ip_ah:
      return "ah";
  }
  return fmt::format("type{}", static_cast<int>(type));
}

std::string format_line(const Inspection& p) {
  std::string line = fmt::format("{} {} > {}", format_time(p.time_us), address_or_unknown(p.source),
                                 address_or_unknown(p.destination));
  if (p.advert) {
    const AdvertFields& a = *p.advert;
    line += fmt::format(" vrrpv{} vrid={} prio={} intvl={} addrs={}", static_cast<int>(a.version),
                        a.vrid, a.priority, format_interval(a.version, a.interval),
                        addresses_text(a.addresses, ","));
    if (a.version == Version::v2) line += " auth=" + format_auth(a.auth_type, a.auth_data);
  } else if (p.header) {
    const RawHeader& h = *p.header;
    line +=
        fmt::format(" vrrpv{} vrid={} prio={} intvl={} addrs=?", h.version, h.vrid, h.priority,
                    format_interval(h.version == 2 ? Version::v2 : Version::v3, raw_interval(h)));
  } else {
    line += " vrrp";
  }
  line += fmt::format(" ttl={} sum={} verdict={}", p.ttl ? std::to_string(*p.ttl) : "?",
                      checksum_text(p), verdict_text(p));
  if (!p.notices.empty()) line += " notices=" + notices_text(p.notices);
  return line;
}

std::string format_verbose(const Inspection& p) {
  std::string out = format_line(p) + '\n';
  out += fmt::format("  frame {}: {} bytes from the IP header on", p.frame, p.ip_length);
  if (p.family) out += fmt::format(", {}", to_string(*p.family));
  out += '\n';
  if (p.source) {
    out += fmt::format("  ip: {} > {} ttl {}", p.source->to_string(),
                       address_or_unknown(p.destination), number_or_null(p.ttl));
    if (p.ttl_verdict) out += fmt::format(" ({})", to_string(*p.ttl_verdict));
    if (p.vrrp_length) out += fmt::format(", vrrp message {} bytes", p.vrrp_length);
    out += '\n';
  }
  if (p.header) {
    const RawHeader& h = *p.header;
    out += fmt::format("  vrrp header: version {} type {} vrid {} priority {} count {} ", h.version,
                       h.type, h.vrid, h.priority, h.count);
    if (h.version == 2) {
      out += fmt::format("auth type {} adver int {} s", h.byte4, h.byte5);
    } else {
      out += fmt::format("reserve {} max adver int {} cs", h.byte4 >> 4,
                         (h.byte4 & 0x0F) << 8 | h.byte5);
    }
    out += fmt::format(" checksum 0x{:04x}\n", h.checksum);
  }
  if (p.advert) {
    const AdvertFields& a = *p.advert;
    out +=
        fmt::format("  addresses ({}): {}\n", a.addresses.size(), addresses_text(a.addresses, " "));
    if (a.version == Version::v2) {
      out += fmt::format("  authentication: {}\n", format_auth(a.auth_type, a.auth_data));
    }
  }
  out += fmt::format("  checksum form: {}", checksum_text(p));
  if (p.matches_both_ipv4_forms) out += " (the rfc5798 form matches too)";
  out += '\n';
  out += fmt::format("  verdict: {}", p.drop ? "drop " + verdict_text(p) : std::string("ok"));
  if (!p.notices.empty()) out += "; notices: " + notices_text(p.notices);
  out += '\n';
  return out;
}

std::string format_json(const Inspection& p) {
  std::optional<std::string> version, auth_type, auth_data, interval_text;
  std::optional<int> vrid, priority, interval, count, type;
  std::optional<std::string> checksum;
  std::string addresses = "null";
  if (p.advert) {
    const AdvertFields& a = *p.advert;
    version = std::to_string(static_cast<int>(a.version));
    vrid = a.vrid;
    priority = a.priority;
    interval = static_cast<int>(a.interval.count());
    interval_text = format_interval(a.version, a.interval);
    count = static_cast<int>(a.addresses.size());
    type = kTypeAdvertisement;
    checksum = fmt::format("0x{:04x}", a.checksum);
    addresses = "[";
    for (std::size_t i = 0; i < a.addresses.size(); ++i) {
      if (i) addresses += ',';
      addresses += json_string(a.addresses[i].to_string());
    }
    addresses += ']';
    if (a.version == Version::v2) {
      auth_type = std::string(auth_type_name(a.auth_type));
      if (auth_type->empty()) auth_type = fmt::format("type{}", static_cast<int>(a.auth_type));
      if (a.auth_type == AuthType::simple_text) {
        std::string text;
        for (std::uint8_t b : a.auth_data) {
          if (b == 0) break;
          text += static_cast<char>(b);
        }
        auth_data = text;
      }
    }
  } else if (p.header) {
    const RawHeader& h = *p.header;
    version = std::to_string(h.version);
    vrid = h.vrid;
    priority = h.priority;
    count = h.count;
    type = h.type;
    const Centiseconds i = raw_interval(h);
    interval = static_cast<int>(i.count());
    interval_text = format_interval(h.version == 2 ? Version::v2 : Version::v3, i);
    checksum = fmt::format("0x{:04x}", h.checksum);
  }
  std::string notices = "[";
  if (!p.notices.empty()) {
    const std::string text = notices_text(p.notices);
    std::size_t start = 0;
    while (start <= text.size()) {
      const std::size_t end = std::min(text.find(',', start), text.size());
      if (start > 0) notices += ',';
      notices += json_string(text.substr(start, end - start));
      start = end + 1;
    }
  }
  notices += ']';
  std::optional<std::string> family, ttl_check, form;
  if (p.family) family = std::string(to_string(*p.family));
  if (p.ttl_verdict) ttl_check = std::string(to_string(*p.ttl_verdict));
  if (p.checksum_form) form = std::string(to_string(*p.checksum_form));
  std::optional<std::string> source, destination;
  if (p.source) source = p.source->to_string();
  if (p.destination) destination = p.destination->to_string();
  std::optional<int> ttl;
  if (p.ttl) ttl = *p.ttl;
  std::optional<std::string> drop;
  if (p.drop) drop = std::string(to_string(*p.drop));

  return fmt::format(
      "{{\"time\":{},\"timestamp_us\":{},\"frame\":{},\"family\":{},\"source\":{},"
      "\"destination\":{},\"ttl\":{},\"ttl_check\":{},\"version\":{},\"type\":{},\"vrid\":{},"
      "\"priority\":{},\"interval_cs\":{},\"interval\":{},\"address_count\":{},\"addresses\":{},"
      "\"auth_type\":{},\"auth_data\":{},\"checksum\":{},\"checksum_form\":{},"
      "\"verdict\":{},\"drop_reason\":{},\"notices\":{}}}",
      json_string(format_time(p.time_us)), p.time_us, p.frame, json_or_null(family),
      json_or_null(source), json_or_null(destination), number_or_null(ttl), json_or_null(ttl_check),
      version ? *version : "null", number_or_null(type), number_or_null(vrid),
      number_or_null(priority), number_or_null(interval), json_or_null(interval_text),
      number_or_null(count), addresses, json_or_null(auth_type), json_or_null(auth_data),
      json_or_null(checksum), json_or_null(form), json_string(p.drop ? "drop" : "ok"),
      json_or_null(drop), notices);
}

}  // namespace vrrp::dump
