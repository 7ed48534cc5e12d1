// Random corruption (RFC 9568 §7.1 "MUST verify the VRRP checksum"; RFC 3768 §7.1): flipped
// bits, replaced bytes, multi-byte damage and truncation of many random adverts of every kind.
// A corrupted packet must be dropped. The one exception is the mathematics of a 16-bit sum: a
// change that leaves the sum right (possible for multi-byte damage, and for a damaged count or
// version that moves the end of the message, since bytes after the message are accepted and
// not summed, NOTES 4.6). Every acceptance is checked against the independent reference sum,
// and such blind spots must stay rare.
#include <catch2/catch.hpp>

#include <random>
#include <vector>

#include "codec_test_support.hpp"
#include "vrrp/codec.hpp"

using namespace vrrp;
using namespace vrrp::test;

namespace {

struct Sample {
  PacketInfo info;
  std::vector<std::uint8_t> bytes;
  ChecksumForm form = ChecksumForm::rfc9568;
};

Sample random_advert(std::mt19937& rng, int kind) {
  std::uniform_int_distribution<int> byte(0, 255);
  const bool v6 = kind == 2;
  const Family family = v6 ? Family::ipv6 : Family::ipv4;
  const std::size_t count = std::uniform_int_distribution<std::size_t>(1, 12)(rng);
  std::vector<IpAddress> addresses;
  for (std::size_t i = 0; i < count; ++i) {
    std::uint8_t raw[16];
    for (auto& b : raw)
      b = static_cast<std::uint8_t>(byte(rng));
    if (v6 && i == 0) raw[0] = 0xfe, raw[1] = 0x80;
    addresses.push_back(IpAddress::from_bytes(family, {raw, address_size(family)}));
  }
  std::uint8_t src[16];
  for (auto& b : src)
    b = static_cast<std::uint8_t>(byte(rng));
  Sample s;
  s.info.family = family;
  s.info.source = IpAddress::from_bytes(family, {src, address_size(family)});
  s.info.destination = v6 ? ip("ff02::12") : ip("224.0.0.18");
  s.info.ttl = 255;

  EncodeRequest r;
  r.vrid = static_cast<std::uint8_t>(byte(rng) % 255 + 1);
  r.priority = static_cast<std::uint8_t>(byte(rng));
  r.addresses = addresses;
  r.source = s.info.source;
  r.destination = s.info.destination;
  switch (kind) {
    case 0:
      r.checksum_form = ChecksumForm::rfc9568;
      break;
    case 1:
      r.checksum_form = ChecksumForm::rfc5798;
      break;
    case 2:
      break;
    default:
      r.version = Version::v2;
      r.auth_type = kind == 3 ? AuthType::none : AuthType::simple_text;
      for (auto& b : r.auth_data)
        b = static_cast<std::uint8_t>(byte(rng));
      break;
  }
  r.interval = r.version == Version::v2 ? Centiseconds(100 * (byte(rng) % 255 + 1))
                                        : Centiseconds(byte(rng) * 16 % 4095 + 1);
  s.bytes = encode_advert(r);
  s.form = r.version == Version::v2 ? ChecksumForm::v2 : r.checksum_form;
  REQUIRE_FALSE(s.bytes.empty());
  return s;
}

enum class Outcome { dropped, same_form, other_form };

// Whether the decoder accepted `bytes`, and in which form. An acceptance must be one the
// reference sum confirms.
Outcome decode_corrupted(const Sample& s, const std::vector<std::uint8_t>& bytes) {
  const auto result = decode_advert(s.info, bytes);
  if (drop_of(result)) return Outcome::dropped;
  const auto& d = std::get<DecodedAdvert>(result);
  // Fields come from the bytes as they are now.
  REQUIRE(d.advert.vrid == bytes[1]);
  REQUIRE(d.advert.priority == bytes[2]);
  REQUIRE(d.advert.addresses.size() == bytes[3]);
  const std::size_t extent =
      8 + bytes[3] * address_size(s.info.family) + (d.advert.version == Version::v2 ? 8 : 0);
  REQUIRE(extent <= bytes.size());
  const std::vector<std::uint8_t> message(bytes.begin(), bytes.begin() + static_cast<long>(extent));
  const bool confirmed =
      reference_verifies(d.checksum_form, s.info.source, s.info.destination, message) ||
      reference_verifies(d.checksum_form, s.info.source, s.info.destination, bytes);
  REQUIRE(confirmed);
  return d.checksum_form == s.form ? Outcome::same_form : Outcome::other_form;
}

// A single changed byte is always caught by one 16-bit sum (RFC 1071). It can pass only by
// moving the end of the message (the count, or the version: v2 has 8 more bytes), or by
// passing in the other IPv4 form: when the pseudo-header happens to sum to the change, which
// accepting both forms (NOTES 4.2) allows.
bool explainable(std::size_t position, Outcome outcome) {
  return position == 0 || position == 3 || outcome == Outcome::other_form;
}

}  // namespace

TEST_CASE("RFC 9568 §7.1: every single-bit flip of random adverts is dropped", "[corruption]") {
  std::mt19937 rng(0xB17F11B);
  std::size_t flips = 0, blind = 0;
  for (int round = 0; round < 400; ++round) {
    const Sample s = random_advert(rng, round % 5);
    for (std::size_t i = 0; i < s.bytes.size(); ++i) {
      for (int bit = 0; bit < 8; ++bit) {
        auto bytes = s.bytes;
        bytes[i] ^= static_cast<std::uint8_t>(1 << bit);
        ++flips;
        INFO("round " << round << " byte " << i << " bit " << bit);
        const Outcome outcome = decode_corrupted(s, bytes);
        if (outcome != Outcome::dropped) {
          REQUIRE(explainable(i, outcome));
          ++blind;
        }
      }
    }
  }
  INFO(blind << " of " << flips << " flips undetectable by the sum");
  CHECK(blind * 10000 <= flips);
}

TEST_CASE("RFC 9568 §7.1: every single-byte replacement of random adverts is dropped",
          "[corruption]") {
  std::mt19937 rng(0xB7E);
  std::uniform_int_distribution<int> byte(1, 255);
  std::size_t changes = 0, blind = 0;
  for (int round = 0; round < 400; ++round) {
    const Sample s = random_advert(rng, round % 5);
    for (std::size_t i = 0; i < s.bytes.size(); ++i) {
      for (int n = 0; n < 8; ++n) {
        auto bytes = s.bytes;
        bytes[i] = static_cast<std::uint8_t>(bytes[i] + byte(rng));  // never the same value
        ++changes;
        INFO("round " << round << " byte " << i);
        const Outcome outcome = decode_corrupted(s, bytes);
        if (outcome != Outcome::dropped) {
          REQUIRE(explainable(i, outcome));
          ++blind;
        }
      }
    }
  }
  INFO(blind << " of " << changes << " replacements undetectable by the sum");
  CHECK(blind * 10000 <= changes);
}

TEST_CASE("RFC 9568 §7.1: multi-byte damage is dropped unless the sum cannot see it",
          "[corruption]") {
  std::mt19937 rng(0xDA3A9E);
  std::uniform_int_distribution<int> byte(0, 255);
  std::size_t trials = 0, changed = 0, blind = 0;
  for (int round = 0; round < 20000; ++round) {
    const Sample s = random_advert(rng, round % 5);
    auto bytes = s.bytes;
    const int damage = std::uniform_int_distribution<int>(2, 8)(rng);
    for (int k = 0; k < damage; ++k) {
      const std::size_t at = std::uniform_int_distribution<std::size_t>(0, bytes.size() - 1)(rng);
      bytes[at] = static_cast<std::uint8_t>(byte(rng));
    }
    if (bytes == s.bytes) continue;
    ++changed;
    ++trials;
    if (decode_corrupted(s, bytes) != Outcome::dropped) ++blind;  // the reference agrees
  }
  INFO(blind << " of " << changed << " damaged packets undetectable by the sum");
  CHECK(changed > 19000);
  // RFC 1071's sum misses compensating changes (two bytes at the same word position moving by
  // opposite amounts), so few-byte damage slips through far more often than 1 in 65536; the
  // seeded run above misses 7 in 20000. Every miss was confirmed by the reference.
  CHECK(blind * 1000 <= trials);
}

TEST_CASE("RFC 9568 §7.1: every truncation of random adverts is dropped without over-reading",
          "[corruption]") {
  std::mt19937 rng(0x7C);
  for (int round = 0; round < 200; ++round) {
    const Sample s = random_advert(rng, round % 5);
    for (std::size_t n = 0; n < s.bytes.size(); ++n) {
      const std::vector<std::uint8_t> cut(s.bytes.begin(), s.bytes.begin() + static_cast<long>(n));
      const auto result = decode_advert(s.info, cut);
      REQUIRE(drop_of(result));
      CHECK(*drop_of(result) == DropReason::too_short);
    }
  }
}

TEST_CASE("RFC 9568 §7.1: random bytes as IP packets are parsed or dropped, never over-read",
          "[corruption]") {
  // Raw noise, and real packets with random damage anywhere in the IP header or payload and
  // random truncation. Each in an exact-size buffer, so an over-read is an ASan error.
  std::mt19937 rng(0x1F);
  std::uniform_int_distribution<int> byte(0, 255);
  std::size_t accepted = 0, dropped = 0;
  for (int round = 0; round < 20000; ++round) {
    std::vector<std::uint8_t> bytes;
    bool intact = false;
    if (round % 2 == 0) {
      bytes.resize(std::uniform_int_distribution<std::size_t>(0, 120)(rng));
      for (auto& b : bytes)
        b = static_cast<std::uint8_t>(byte(rng));
      if (!bytes.empty()) {
        bytes[0] = static_cast<std::uint8_t>((round % 4 ? 0x40 : 0x60) | (bytes[0] & 0x0F));
      }
    } else {
      const Sample s = random_advert(rng, round % 5);
      bytes = s.info.family == Family::ipv4 ? ipv4_packet(s.info, 112, s.bytes)
                                            : ipv6_packet(s.info, 112, s.bytes);
      const int damage = std::uniform_int_distribution<int>(0, 3)(rng);
      for (int k = 0; k < damage; ++k) {
        bytes[std::uniform_int_distribution<std::size_t>(0, bytes.size() - 1)(rng)] =
            static_cast<std::uint8_t>(byte(rng));
      }
      const bool truncate = byte(rng) % 2 == 0;
      if (truncate) {
        bytes.resize(std::uniform_int_distribution<std::size_t>(0, bytes.size() - 1)(rng));
      }
      intact = damage == 0 && !truncate;
    }
    bytes.shrink_to_fit();
    const auto result = decode_ip_packet(bytes);
    if (drop_of(result)) {
      REQUIRE_FALSE(intact);
      ++dropped;
    } else {
      ++accepted;
    }
  }
  CHECK(accepted > 1000);  // both paths were exercised
  CHECK(dropped > 10000);
}
