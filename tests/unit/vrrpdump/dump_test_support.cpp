#include "dump_test_support.hpp"

#include <stdexcept>

#include "tools/vrrpdump/capture.hpp"
#include "vrrp/checksum.hpp"

namespace vrrp::dump::test {

std::string fixture(std::string_view name) {
  return std::string(VRRPD_FIXTURES_DIR) + "/" + std::string(name);
}

Run run_file(std::string_view name, OutputMode mode, bool summary) {
  Capture capture = Capture::open_file(fixture(name));
  Dumper dumper(capture.link_type(), mode, summary);
  Run run;
  Frame frame;
  while (capture.next(frame) == Capture::Next::frame) {
    Inspection packet;
    const auto before = dumper.vrrp_packets();
    run.output += dumper.frame(frame.time_us, frame.bytes, &packet);
    if (dumper.vrrp_packets() != before) run.packets.push_back(std::move(packet));
  }
  run.frames = dumper.frames();
  run.summary = dumper.finish(0);
  return run;
}

IpAddress ip(std::string_view text) {
  const auto a = IpAddress::parse(text);
  if (!a) throw std::invalid_argument("bad address in a test: " + std::string(text));
  return *a;
}

std::vector<std::uint8_t> ipv4_packet(const IpAddress& source, const IpAddress& destination,
                                      std::uint8_t ttl, const std::vector<std::uint8_t>& payload) {
  const std::size_t total = 20 + payload.size();
  std::vector<std::uint8_t> p = {0x45,
                                 0xC0,
                                 static_cast<std::uint8_t>(total >> 8),
                                 static_cast<std::uint8_t>(total & 0xFF),
                                 0,
                                 0,
                                 0,
                                 0,
                                 ttl,
                                 112,
                                 0,
                                 0};
  p.insert(p.end(), source.bytes().begin(), source.bytes().end());
  p.insert(p.end(), destination.bytes().begin(), destination.bytes().end());
  ChecksumAccumulator sum;
  sum.add(std::span<const std::uint8_t>(p.data(), 20));
  const std::uint16_t checksum = sum.finish();
  p[10] = static_cast<std::uint8_t>(checksum >> 8);
  p[11] = static_cast<std::uint8_t>(checksum & 0xFF);
  p.insert(p.end(), payload.begin(), payload.end());
  return p;
}

std::vector<std::uint8_t> ipv4_advert(const EncodeRequest& request, std::uint8_t ttl) {
  const auto message = encode_advert(request);
  if (message.empty()) throw std::invalid_argument("invalid advert in a test");
  return ipv4_packet(request.source, request.destination, ttl, message);
}

// ---- JSON ----------------------------------------------------------------------------------

namespace {

class Reader {
 public:
  explicit Reader(std::string_view text) : s_(text) {}

  Json document() {
    Json v = value();
    blanks();
    if (i_ != s_.size()) fail("trailing text");
    return v;
  }

 private:
  [[noreturn]] void fail(const std::string& what) {
    throw std::runtime_error("JSON: " + what + " at offset " + std::to_string(i_));
  }
  void blanks() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\n' || s_[i_] == '\r'))
      ++i_;
  }
  bool take(std::string_view word) {
    if (s_.substr(i_, word.size()) != word) return false;
    i_ += word.size();
    return true;
  }
  Json value() {
    blanks();
    if (i_ >= s_.size()) fail("end of text");
    Json v;
    const char c = s_[i_];
    if (c == '{') {
      v.kind = Json::Kind::object;
      ++i_;
      blanks();
      if (take("}")) return v;
      while (true) {
        blanks();
        if (i_ >= s_.size() || s_[i_] != '"') fail("a member name");
        std::string key = string();
        blanks();
        if (!take(":")) fail("':'");
        v.members.emplace_back(std::move(key), value());
        blanks();
        if (take("}")) return v;
        if (!take(",")) fail("',' or '}'");
      }
    }
    if (c == '[') {
      v.kind = Json::Kind::array;
      ++i_;
      blanks();
      if (take("]")) return v;
      while (true) {
        v.items.push_back(value());
        blanks();
        if (take("]")) return v;
        if (!take(",")) fail("',' or ']'");
      }
    }
    if (c == '"') {
      v.kind = Json::Kind::string;
      v.text = string();
      return v;
    }
    if (take("null")) return v;
    if (take("true")) {
      v.kind = Json::Kind::boolean;
      v.boolean = true;
      return v;
    }
    if (take("false")) {
      v.kind = Json::Kind::boolean;
      return v;
    }
    // RFC 8259 §6 number: -? int frac? exp?
    const std::size_t start = i_;
    if (s_[i_] == '-') ++i_;
    if (i_ >= s_.size() || !isdigit(static_cast<unsigned char>(s_[i_]))) fail("a value");
    if (s_[i_] == '0') {
      ++i_;
    } else {
      while (i_ < s_.size() && isdigit(static_cast<unsigned char>(s_[i_])))
        ++i_;
    }
    if (i_ < s_.size() && s_[i_] == '.') {
      ++i_;
      if (i_ >= s_.size() || !isdigit(static_cast<unsigned char>(s_[i_]))) fail("a fraction");
      while (i_ < s_.size() && isdigit(static_cast<unsigned char>(s_[i_])))
        ++i_;
    }
    if (i_ < s_.size() && (s_[i_] == 'e' || s_[i_] == 'E')) {
      ++i_;
      if (i_ < s_.size() && (s_[i_] == '+' || s_[i_] == '-')) ++i_;
      if (i_ >= s_.size() || !isdigit(static_cast<unsigned char>(s_[i_]))) fail("an exponent");
      while (i_ < s_.size() && isdigit(static_cast<unsigned char>(s_[i_])))
        ++i_;
    }
    v.kind = Json::Kind::number;
    v.number = std::stod(std::string(s_.substr(start, i_ - start)));
    return v;
  }
  std::string string() {
    ++i_;  // the opening quote
    std::string out;
    while (true) {
      if (i_ >= s_.size()) fail("an unterminated string");
      const auto c = static_cast<unsigned char>(s_[i_++]);
      if (c == '"') return out;
      if (c < 0x20) fail("a raw control character in a string");
      if (c != '\\') {
        out += static_cast<char>(c);
        continue;
      }
      if (i_ >= s_.size()) fail("an escape");
      const char e = s_[i_++];
      switch (e) {
        case '"':
        case '\\':
        case '/':
          out += e;
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        case 'u': {
          if (i_ + 4 > s_.size()) fail("a \\u escape");
          const unsigned long code = std::stoul(std::string(s_.substr(i_, 4)), nullptr, 16);
          i_ += 4;
          if (code >= 0x100) fail("a \\u escape above 0xff (not produced by vrrpdump)");
          out += static_cast<char>(code);
          break;
        }
        default:
          fail("an unknown escape");
      }
    }
  }

  std::string_view s_;
  std::size_t i_ = 0;
};

}  // namespace

const Json& Json::operator[](std::string_view key) const {
  for (const auto& [k, v] : members)
    if (k == key) return v;
  throw std::out_of_range("JSON: no member " + std::string(key));
}

bool Json::has(std::string_view key) const {
  for (const auto& [k, v] : members)
    if (k == key) return true;
  return false;
}

std::vector<std::string> Json::keys() const {
  std::vector<std::string> out;
  for (const auto& [k, v] : members)
    out.push_back(k);
  return out;
}

Json parse_json(std::string_view text) {
  return Reader(text).document();
}

}  // namespace vrrp::dump::test
