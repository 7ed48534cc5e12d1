#include "vrrp/ip_address.hpp"

#include <algorithm>
#include <charconv>

namespace vrrp {

std::string_view to_string(Family family) {
  return family == Family::ipv4 ? "IPv4" : "IPv6";
}

IpAddress IpAddress::v4(std::uint8_t a, std::uint8_t b, std::uint8_t c, std::uint8_t d) {
  const std::array<std::uint8_t, 4> bytes{a, b, c, d};
  return from_bytes(Family::ipv4, bytes);
}

IpAddress IpAddress::from_bytes(Family family, std::span<const std::uint8_t> bytes) {
  IpAddress address;
  address.family_ = family;
  const std::size_t n = std::min(bytes.size(), address_size(family));
  std::copy_n(bytes.begin(), n, address.bytes_.begin());
  return address;
}

namespace {

std::optional<std::array<std::uint8_t, 4>> parse_dotted_quad(std::string_view text) {
  std::array<std::uint8_t, 4> out{};
  std::size_t part = 0;
  std::size_t pos = 0;
  while (true) {
    std::size_t end = text.find('.', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view digits = text.substr(pos, end - pos);
    if (part == 4 || digits.empty() || digits.size() > 3) return std::nullopt;
    if (digits.size() > 1 && digits[0] == '0') return std::nullopt;  // no octal ambiguity
    unsigned value = 0;
    auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (ec != std::errc{} || ptr != digits.data() + digits.size() || value > 255) {
      return std::nullopt;
    }
    out[part++] = static_cast<std::uint8_t>(value);
    if (end == text.size()) break;
    pos = end + 1;
  }
  if (part != 4) return std::nullopt;
  return out;
}

// Parses colon-separated hex groups; an IPv4 tail counts as two groups.
bool parse_v6_groups(std::string_view text, std::array<std::uint16_t, 8>& groups,
                     std::size_t& count) {
  count = 0;
  if (text.empty()) return true;
  std::size_t pos = 0;
  while (true) {
    std::size_t end = text.find(':', pos);
    const std::string_view group =
        text.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
    if (end == std::string_view::npos && group.find('.') != std::string_view::npos) {
      auto quad = parse_dotted_quad(group);
      if (!quad || count + 2 > 8) return false;
      groups[count++] = static_cast<std::uint16_t>((*quad)[0] << 8 | (*quad)[1]);
      groups[count++] = static_cast<std::uint16_t>((*quad)[2] << 8 | (*quad)[3]);
      return true;
    }
    if (group.empty() || group.size() > 4 || count >= 8) return false;
    unsigned value = 0;
    auto [ptr, ec] = std::from_chars(group.data(), group.data() + group.size(), value, 16);
    if (ec != std::errc{} || ptr != group.data() + group.size()) return false;
    groups[count++] = static_cast<std::uint16_t>(value);
    if (end == std::string_view::npos) return true;
    pos = end + 1;
  }
}

std::optional<std::array<std::uint8_t, 16>> parse_v6(std::string_view text) {
  std::array<std::uint16_t, 8> head{}, tail{};
  std::size_t head_count = 0, tail_count = 0;
  const std::size_t gap = text.find("::");
  if (gap == std::string_view::npos) {
    if (!parse_v6_groups(text, head, head_count) || head_count != 8) return std::nullopt;
  } else {
    if (text.find("::", gap + 1) != std::string_view::npos) return std::nullopt;
    if (!parse_v6_groups(text.substr(0, gap), head, head_count)) return std::nullopt;
    if (!parse_v6_groups(text.substr(gap + 2), tail, tail_count)) return std::nullopt;
    if (head_count + tail_count > 7) return std::nullopt;
  }
  std::array<std::uint16_t, 8> groups{};
  std::copy_n(head.begin(), head_count, groups.begin());
  std::copy_n(tail.begin(), tail_count, groups.begin() + (8 - tail_count));
  std::array<std::uint8_t, 16> out{};
  for (std::size_t i = 0; i < 8; ++i) {
    out[2 * i] = static_cast<std::uint8_t>(groups[i] >> 8);
    out[2 * i + 1] = static_cast<std::uint8_t>(groups[i] & 0xff);
  }
  return out;
}

}  // namespace

std::optional<IpAddress> IpAddress::parse(std::string_view text) {
  if (text.find(':') != std::string_view::npos) {
    auto bytes = parse_v6(text);
    if (!bytes) return std::nullopt;
    return from_bytes(Family::ipv6, *bytes);
  }
  auto bytes = parse_dotted_quad(text);
  if (!bytes) return std::nullopt;
  return from_bytes(Family::ipv4, *bytes);
}

bool IpAddress::is_link_local() const {
  if (is_v4()) return bytes_[0] == 169 && bytes_[1] == 254;
  return bytes_[0] == 0xfe && (bytes_[1] & 0xc0) == 0x80;
}

bool IpAddress::is_multicast() const {
  if (is_v4()) return (bytes_[0] & 0xf0) == 0xe0;
  return bytes_[0] == 0xff;
}

bool IpAddress::is_unspecified() const {
  return std::all_of(bytes_.begin(), bytes_.end(), [](std::uint8_t b) { return b == 0; });
}

std::string IpAddress::to_string() const {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  if (is_v4()) {
    for (std::size_t i = 0; i < 4; ++i) {
      if (i) out += '.';
      out += std::to_string(bytes_[i]);
    }
    return out;
  }
  std::array<unsigned, 8> groups{};
  for (std::size_t i = 0; i < 8; ++i)
    groups[i] = bytes_[2 * i] << 8 | bytes_[2 * i + 1];
  // RFC 5952 §4.2: shorten the longest run of two or more zero groups, the first if tied.
  std::size_t best_start = 8, best_len = 0;
  for (std::size_t i = 0; i < 8;) {
    if (groups[i] != 0) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < 8 && groups[j] == 0)
      ++j;
    if (j - i > best_len && j - i >= 2) best_start = i, best_len = j - i;
    i = j;
  }
  for (std::size_t i = 0; i < 8; ++i) {
    if (i == best_start) {
      out += "::";
      i += best_len - 1;
      continue;
    }
    if (!out.empty() && out.back() != ':') out += ':';
    const unsigned g = groups[i];
    bool started = false;
    for (int shift = 12; shift >= 0; shift -= 4) {
      const unsigned nibble = (g >> shift) & 0xf;
      if (nibble || started || shift == 0) {
        out += kHex[nibble];
        started = true;
      }
    }
  }
  return out;
}

std::strong_ordering operator<=>(const IpAddress& a, const IpAddress& b) {
  if (auto c = a.family_ <=> b.family_; c != 0) return c;
  return std::lexicographical_compare_three_way(a.bytes_.begin(), a.bytes_.end(), b.bytes_.begin(),
                                                b.bytes_.end());
}

std::optional<IpPrefix> IpPrefix::parse(std::string_view text) {
  const std::size_t slash = text.find('/');
  auto address = IpAddress::parse(text.substr(0, slash));
  if (!address) return std::nullopt;
  const unsigned max_length = address->is_v4() ? 32 : 128;
  if (slash == std::string_view::npos) {
    return IpPrefix{*address, static_cast<std::uint8_t>(max_length)};
  }
  const std::string_view digits = text.substr(slash + 1);
  unsigned length = 0;
  auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), length);
  if (digits.empty() || ec != std::errc{} || ptr != digits.data() + digits.size() ||
      length > max_length) {
    return std::nullopt;
  }
  return IpPrefix{*address, static_cast<std::uint8_t>(length)};
}

std::string IpPrefix::to_string() const {
  return address.to_string() + "/" + std::to_string(length);
}

}  // namespace vrrp
