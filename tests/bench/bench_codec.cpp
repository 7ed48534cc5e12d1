// The receive path of the core, per packet: decode_advert (RFC 9568 §7.1's stateless checks
// and the checksum) then validate_for_receiver (the per-instance checks), as the daemon runs
// them for every advert; and the encoder, as the daemon runs it for every advert it sends.
// One item = one packet. Target (issue 2): >= 10 M decode+validate per second, one address.
#include <benchmark/benchmark.h>

#include <array>
#include <cstdint>
#include <span>
#include <variant>

#include "fixtures.hpp"
#include "vrrp/codec.hpp"
#include "vrrp/receive_validation.hpp"

namespace vrrp::bench {
namespace {

// Decode and validate `c` once outside the timing: a benchmark of the drop path by mistake
// would report a flattering figure.
bool accepted(const ReceivedCase& c) {
  const auto decoded = decode_advert(c.info, c.message);
  const auto* advert = std::get_if<DecodedAdvert>(&decoded);
  return advert != nullptr &&
         std::holds_alternative<ReceiveNotices>(validate_for_receiver(*advert, c.receiver));
}

void run_decode_validate(benchmark::State& state, const ReceivedCase& c) {
  if (!accepted(c)) {
    state.SkipWithError("the advert is not accepted: the benchmark would time the drop path");
    return;
  }
  const std::span<const std::uint8_t> message = c.message;
  for (auto _ : state) {
    const auto decoded = decode_advert(c.info, message);
    const auto& advert = *std::get_if<DecodedAdvert>(&decoded);
    auto verdict = validate_for_receiver(advert, c.receiver);
    benchmark::DoNotOptimize(verdict);
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(message.size()));
}

void decode_validate_v3_ipv4(benchmark::State& state) {
  const auto c = v3_case(Family::ipv4, static_cast<std::size_t>(state.range(0)));
  run_decode_validate(state, c);
}
BENCHMARK(decode_validate_v3_ipv4)->Arg(1)->Arg(8)->Arg(255);

// keepalived's (and FRR's) default: the IPv4 pseudo-header in the v3 checksum (RFC 5798).
void decode_validate_v3_ipv4_rfc5798(benchmark::State& state) {
  const auto c =
      v3_case(Family::ipv4, static_cast<std::size_t>(state.range(0)), ChecksumForm::rfc5798);
  run_decode_validate(state, c);
}
BENCHMARK(decode_validate_v3_ipv4_rfc5798)->Arg(1);

// The link-local address first, then the VIPs (RFC 9568 §5.2.9); pseudo-header checksum.
void decode_validate_v3_ipv6(benchmark::State& state) {
  const auto c = v3_case(Family::ipv6, static_cast<std::size_t>(state.range(0)));
  run_decode_validate(state, c);
}
BENCHMARK(decode_validate_v3_ipv6)->Arg(2)->Arg(8);

void decode_validate_v2_ipv4(benchmark::State& state) {
  const auto c = v2_case(static_cast<std::size_t>(state.range(0)));
  run_decode_validate(state, c);
}
BENCHMARK(decode_validate_v2_ipv4)->Arg(1);

// What the daemon does with a raw IPv4 socket's bytes: the IPv4 header parsed (and its
// checksum checked), then decode and validate.
void parse_decode_validate_v3_ipv4(benchmark::State& state) {
  const auto c = v3_case(Family::ipv4, static_cast<std::size_t>(state.range(0)));
  const auto packet = with_ipv4_header(c.info, c.message);
  const auto first = decode_ip_packet(packet);
  const auto* received = std::get_if<ReceivedAdvert>(&first);
  if (received == nullptr || !std::holds_alternative<ReceiveNotices>(
                                 validate_for_receiver(received->decoded, c.receiver))) {
    state.SkipWithError("the packet is not accepted: the benchmark would time the drop path");
    return;
  }
  for (auto _ : state) {
    const auto result = decode_ip_packet(packet);
    const auto& advert = std::get_if<ReceivedAdvert>(&result)->decoded;
    auto verdict = validate_for_receiver(advert, c.receiver);
    benchmark::DoNotOptimize(verdict);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(parse_decode_validate_v3_ipv4)->Arg(1);

// A header with a wrong checksum: the cheapest garbage an attacker can send still costs a full
// checksum pass (the drop path under a flood, issue 7).
void decode_bad_checksum_v3_ipv4(benchmark::State& state) {
  auto c = v3_case(Family::ipv4, static_cast<std::size_t>(state.range(0)));
  c.message[6] ^= 0x5a;
  const auto probe = decode_advert(c.info, c.message);
  const auto* reason = std::get_if<DropReason>(&probe);
  if (reason == nullptr || *reason != DropReason::bad_checksum) {
    state.SkipWithError("the corrupted advert is not dropped as bad_checksum");
    return;
  }
  for (auto _ : state) {
    auto result = decode_advert(c.info, c.message);
    benchmark::DoNotOptimize(result);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(decode_bad_checksum_v3_ipv4)->Arg(1);

// The encoder into a caller's buffer (no allocation), as the daemon sends.
void run_encode(benchmark::State& state, const ReceivedCase& c, ChecksumForm form) {
  EncodeRequest request;
  request.version = Version::v3;
  request.vrid = kVrid;
  request.priority = 100;
  request.interval = Centiseconds{100};
  request.addresses = c.addresses;
  request.checksum_form = form;
  request.source = c.info.source;
  request.destination = c.info.destination;
  std::array<std::uint8_t, 8 + 255 * 16> buffer{};
  if (encode_advert(request, buffer) != encoded_size(request) || encoded_size(request) == 0) {
    state.SkipWithError("the encoder refused the request");
    return;
  }
  for (auto _ : state) {
    auto written = encode_advert(request, buffer);
    benchmark::DoNotOptimize(written);
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations());
}

void encode_v3_ipv4(benchmark::State& state) {
  const auto c = v3_case(Family::ipv4, static_cast<std::size_t>(state.range(0)));
  run_encode(state, c, ChecksumForm::rfc9568);
}
BENCHMARK(encode_v3_ipv4)->Arg(1)->Arg(8)->Arg(255);

void encode_v3_ipv4_rfc5798(benchmark::State& state) {
  const auto c = v3_case(Family::ipv4, static_cast<std::size_t>(state.range(0)));
  run_encode(state, c, ChecksumForm::rfc5798);
}
BENCHMARK(encode_v3_ipv4_rfc5798)->Arg(1);

void encode_v3_ipv6(benchmark::State& state) {
  const auto c = v3_case(Family::ipv6, static_cast<std::size_t>(state.range(0)));
  run_encode(state, c, ChecksumForm::rfc9568);
}
BENCHMARK(encode_v3_ipv6)->Arg(2);

}  // namespace
}  // namespace vrrp::bench
