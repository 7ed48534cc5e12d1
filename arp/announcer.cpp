#include "arp/announcer.hpp"

#include "arp/gratuitous_arp.hpp"
#include "arp/unsolicited_na.hpp"

namespace vrrp::arp {

std::error_code Announcer::gratuitous_arp(int ifindex, const netlink::MacAddress& mac,
                                          const IpAddress& vip) {
  if (!vip.is_v4()) return std::make_error_code(std::errc::invalid_argument);
  return socket_.send(ifindex, build_gratuitous_arp(mac, vip));
}

std::error_code Announcer::unsolicited_na(int ifindex, const netlink::MacAddress& mac,
                                          const IpAddress& source, const IpAddress& vip,
                                          bool router) {
  if (!source.is_v6() || !vip.is_v6()) return std::make_error_code(std::errc::invalid_argument);
  return socket_.send(ifindex, build_unsolicited_na(mac, source, vip, router));
}

}  // namespace vrrp::arp
