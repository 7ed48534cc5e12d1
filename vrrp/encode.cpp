// encode_advert: RFC 9568 §5.1-§5.2 (VRRPv3) and RFC 3768 §5.1, §5.3 (VRRPv2).
#include <algorithm>
#include <optional>

#include "vrrp/checksum.hpp"
#include "vrrp/codec.hpp"

namespace vrrp {
namespace {

constexpr std::size_t kMaxAddresses = 255;  // an 8-bit count

// The family of a valid request, or nothing.
std::optional<Family> request_family(const EncodeRequest& request) {
  const auto& addresses = request.addresses;
  if (addresses.empty() || addresses.size() > kMaxAddresses) return std::nullopt;  // §5.2.5
  if (request.vrid == 0) return std::nullopt;                                      // §5.2.3: 1-255
  const Family family = addresses.front().family();
  // §5.2.9: one family, the IP header's.
  for (const IpAddress& address : addresses) {
    if (address.family() != family) return std::nullopt;
  }
  if (request.source.family() != family || request.destination.family() != family) {
    return std::nullopt;
  }
  const auto interval = request.interval.count();
  if (request.version == Version::v3) {
    if (interval < 1 || interval > kMaxAdvertInterval) return std::nullopt;  // §5.2.7, EID 8301
    const bool form_ok = request.checksum_form == ChecksumForm::rfc9568 ||
                         (family == Family::ipv4 && request.checksum_form == ChecksumForm::rfc5798);
    if (!form_ok) return std::nullopt;
    return family;
  }
  if (request.version != Version::v2 || family != Family::ipv4) return std::nullopt;
  // RFC 3768 §5.3.7: Adver Int is 8 bits of whole seconds.
  if (interval % 100 != 0 || interval < 100 || interval > 255 * 100) return std::nullopt;
  if (request.auth_type != AuthType::none && request.auth_type != AuthType::simple_text) {
    return std::nullopt;  // IP AH (type 2) is not implemented
  }
  if (request.checksum_form != ChecksumForm::rfc9568 && request.checksum_form != ChecksumForm::v2) {
    return std::nullopt;
  }
  return family;
}

std::size_t size_for(const EncodeRequest& request, Family family) {
  return kHeaderSize + request.addresses.size() * address_size(family) +
         (request.version == Version::v2 ? kV2AuthDataSize : 0);
}

}  // namespace

std::size_t encoded_size(const EncodeRequest& request) {
  const auto family = request_family(request);
  return family ? size_for(request, *family) : 0;
}

std::size_t encode_advert(const EncodeRequest& request, std::span<std::uint8_t> out) {
  const auto family = request_family(request);
  if (!family) return 0;
  const std::size_t size = size_for(request, *family);
  if (out.size() < size) return 0;

  const bool v2 = request.version == Version::v2;
  const auto interval = request.interval.count();
  out[0] = static_cast<std::uint8_t>(static_cast<std::uint8_t>(request.version) << 4 |
                                     kTypeAdvertisement);  // §5.2.1, §5.2.2
  out[1] = request.vrid;
  out[2] = request.priority;
  out[3] = static_cast<std::uint8_t>(request.addresses.size());
  if (v2) {
    out[4] = static_cast<std::uint8_t>(request.auth_type);
    out[5] = static_cast<std::uint8_t>(interval / 100);
  } else {
    out[4] = static_cast<std::uint8_t>(interval >> 8);  // Reserve (high nibble) is zero, §5.2.6
    out[5] = static_cast<std::uint8_t>(interval & 0xFF);
  }
  out[6] = 0;
  out[7] = 0;
  std::size_t pos = kHeaderSize;
  for (const IpAddress& address : request.addresses) {
    const auto bytes = address.bytes();
    std::copy(bytes.begin(), bytes.end(), out.begin() + static_cast<std::ptrdiff_t>(pos));
    pos += bytes.size();
  }
  if (v2) {
    // RFC 3768 §5.3.6.1: zero for type 0; RFC 2338 §5.3.6.1: the password for type 1.
    for (std::size_t i = 0; i < kV2AuthDataSize; ++i) {
      out[pos + i] = request.auth_type == AuthType::simple_text ? request.auth_data[i] : 0;
    }
    pos += kV2AuthDataSize;
  }
  const ChecksumForm form = v2 ? ChecksumForm::v2 : request.checksum_form;
  const std::uint16_t checksum =
      vrrp_checksum(form, request.source, request.destination, out.first(size));
  out[kChecksumOffset] = static_cast<std::uint8_t>(checksum >> 8);
  out[kChecksumOffset + 1] = static_cast<std::uint8_t>(checksum & 0xFF);
  return size;
}

std::vector<std::uint8_t> encode_advert(const EncodeRequest& request) {
  std::vector<std::uint8_t> out(encoded_size(request));
  if (!out.empty()) encode_advert(request, out);
  return out;
}

}  // namespace vrrp
