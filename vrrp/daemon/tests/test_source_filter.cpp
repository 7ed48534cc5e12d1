#include <catch2/catch.hpp>
#include <vector>

#include "vrrp/daemon/source_filter.hpp"

using vrrp::DropReason;
using vrrp::IpAddress;
using vrrp::daemon::filter_source;
using vrrp::daemon::SourceFilter;

TEST_CASE("NOTES Part 4.3: our own advert is dropped by its source before the state machine",
          "[source_filter]") {
  const auto own = IpAddress::v4(192, 0, 2, 1);
  const SourceFilter filter{own, {}};
  CHECK(filter_source(own, filter) == DropReason::own_advert);
  // A peer's advert passes, also one from a numerically adjacent address.
  CHECK(filter_source(IpAddress::v4(192, 0, 2, 2), filter) == std::nullopt);
  CHECK(filter_source(IpAddress::v4(192, 0, 2, 0), filter) == std::nullopt);
}

TEST_CASE("NOTES Part 4.3: IPv6 own advert is recognised by the link-local source",
          "[source_filter]") {
  const auto own = *IpAddress::parse("fe80::1");
  const SourceFilter filter{own, {}};
  CHECK(filter_source(*IpAddress::parse("fe80::1"), filter) == DropReason::own_advert);
  CHECK(filter_source(*IpAddress::parse("fe80::2"), filter) == std::nullopt);
  // The same bytes in another family are not ours.
  const SourceFilter v4{IpAddress::v4(0, 0, 0, 0), {}};
  CHECK(filter_source(*IpAddress::parse("::"), v4) == std::nullopt);
}

TEST_CASE("unicast_peer: only adverts from configured peers are accepted", "[source_filter]") {
  const auto own = IpAddress::v4(198, 51, 100, 1);
  const std::vector<IpAddress> peers{IpAddress::v4(198, 51, 100, 2),
                                     IpAddress::v4(198, 51, 100, 3)};
  const SourceFilter filter{own, peers};
  CHECK(filter_source(IpAddress::v4(198, 51, 100, 2), filter) == std::nullopt);
  CHECK(filter_source(IpAddress::v4(198, 51, 100, 3), filter) == std::nullopt);
  CHECK(filter_source(IpAddress::v4(198, 51, 100, 4), filter) == DropReason::not_from_unicast_peer);
  // Our own advert is counted as ours, not as a stranger's.
  CHECK(filter_source(own, filter) == DropReason::own_advert);
}
