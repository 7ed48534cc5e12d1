// The SIGUSR1 and SIGUSR2 files (issue 4 "Reload and signals", issue 5's counters): what each
// renderer prints for instances driven through real events, and the atomic 0644 writer.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <system_error>
#include <vector>

#include "vrrp/codec.hpp"
#include "vrrp/daemon/dump.hpp"
#include "vrrp/daemon/instance.hpp"

using namespace std::chrono_literals;
using namespace vrrp;
using vrrp::daemon::Instance;
using vrrp::daemon::InstanceHost;
using vrrp::daemon::InstancePlacement;
using vrrp::daemon::render_data;
using vrrp::daemon::render_stats;
using vrrp::daemon::SocketDrops;

namespace {

class QuietHost : public InstanceHost {
 public:
  int send_advert(Family, int, std::span<const std::uint8_t>, const IpAddress&, const IpAddress&) {
    return 0;
  }
  // Both forms of add_address: InstanceHost gains a lifetime (issue 8); whichever it declares
  // is overridden. No `override` on any member, so the unused one is not an error.
  std::optional<std::string> add_address(const std::string&, const VirtualAddress&) {
    return std::nullopt;
  }
  std::optional<std::string> add_address(const std::string&, const VirtualAddress&,
                                         std::chrono::seconds) {
    return std::nullopt;
  }
  std::optional<std::string> remove_address(const std::string&, const IpPrefix&) {
    return std::nullopt;
  }
  void announce(const std::string&, std::span<const IpAddress>, std::uint32_t) {}
};

InstanceConfig config(const char* name = "VI_1", ChecksumMode mode = ChecksumMode::automatic) {
  InstanceConfig c;
  c.name = name;
  c.interface = "eth0";
  c.virtual_router_id = 51;
  c.priority = 100;
  c.version = Version::v3;
  c.advert_interval = Centiseconds{100};
  VirtualAddress vip;
  vip.prefix = *IpPrefix::parse("192.0.2.100/24");
  c.virtual_addresses = {vip};
  c.checksum = mode;
  return c;
}

InstancePlacement placement(const char* vip_device = "eth0") {
  InstancePlacement p;
  p.ifindex = p.rx_ifindex = p.tx_ifindex = 2;
  p.vip_device = vip_device;
  p.source = IpAddress::v4(192, 0, 2, 1);
  return p;
}

struct Incoming {
  std::vector<std::uint8_t> bytes;
  PacketInfo info;
  DecodedAdvert decoded;
};

Incoming advert(ChecksumForm form, IpAddress source, std::uint8_t priority) {
  static const std::vector<IpAddress> addresses{IpAddress::v4(192, 0, 2, 100)};
  Incoming in;
  EncodeRequest r;
  r.vrid = 51;
  r.priority = priority;
  r.addresses = addresses;
  r.checksum_form = form;
  r.source = source;
  r.destination = IpAddress::v4(224, 0, 0, 18);
  in.bytes = encode_advert(r);
  in.info = PacketInfo{Family::ipv4, source, r.destination, 255};
  auto d = decode_advert(in.info, in.bytes);
  REQUIRE(std::holds_alternative<DecodedAdvert>(d));
  in.decoded = std::get<DecodedAdvert>(d);
  return in;
}

void run_until(Instance& instance, TimePoint until) {
  while (auto deadline = instance.next_deadline()) {
    if (*deadline > until) break;
    instance.on_timer(*deadline);
  }
}

bool has_line(const std::string& text, const std::string& line) {
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) {
    if (l == line) return true;
  }
  return false;
}

const TimePoint t0{1000s};

// A directory of its own under the build's temporary directory, removed afterwards.
struct TempDir {
  std::filesystem::path path;
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "vrrpd-dump-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    path = pattern;
  }
  ~TempDir() { std::filesystem::remove_all(path); }
};

}  // namespace

TEST_CASE("SIGUSR1 data: a Backup just started, every field in order", "[dump]") {
  QuietHost host;
  Instance instance(config(), GlobalDefs{}, placement(), host);
  instance.start(t0);
  const Instance* list[] = {&instance};
  // RFC 9568 §6.1 for P=100, I=100 cs: Skew_Time 0.609375 s, Active_Down_Interval 3.609375 s.
  CHECK(render_data(list, t0 + 1s) ==
        "# vrrpd data (SIGUSR1): 1 instance\n"
        "instance VI_1\n"
        "  interface: eth0\n"
        "  family: IPv4\n"
        "  virtual_router_id: 51\n"
        "  version: 3\n"
        "  state: Backup\n"
        "  priority: 100\n"
        "  configured_priority: 100\n"
        "  owner: no\n"
        "  active_address: none\n"
        "  source_address: 192.0.2.1\n"
        "  link: up\n"
        "  mode: multicast\n"
        "  advert_interval: 100 cs\n"
        "  active_adver_interval: 100 cs\n"
        "  skew_time: 0.609375 s\n"
        "  active_down_interval: 3.609375 s\n"
        "  next_timer_in: 2.609375 s\n"
        "  preempt: yes\n"
        "  preempt_delay: 0.000000 s\n"
        "  accept_mode: yes\n"
        "  vip: 192.0.2.100/24 dev eth0\n"
        "  vmac: none\n"
        "  fault: no\n"
        "  checksum_mode: auto\n"
        "  checksum_form: rfc5798\n");
}

TEST_CASE("SIGUSR1 data: the Active's address, VMAC, trackers, the followed checksum form",
          "[dump]") {
  QuietHost host;
  InstanceConfig c = config();
  c.vmac = VmacConfig{"vrrp.51", {0x00, 0x00, 0x5e, 0x00, 0x01, 51}, false};
  c.track_interfaces.push_back(TrackInterface{"eth1", -150, false, {}});
  c.track_scripts.push_back(TrackScript{"chk_web", std::nullopt, true, {}});
  c.track_files.push_back(TrackFile{"maint", 10, false, {}});
  Instance instance(c, GlobalDefs{}, placement("vrrp.51"), host);
  instance.start(t0);
  // A higher peer in the RFC 9568 form: `auto` follows it, and it is the Active.
  const auto in = advert(ChecksumForm::rfc9568, IpAddress::v4(192, 0, 2, 9), 200);
  REQUIRE_FALSE(in.decoded.matches_both_ipv4_forms);
  instance.receive(in.info, in.decoded, t0 + 1s);
  const Instance* list[] = {&instance};
  const std::string text = render_data(list, t0 + 1s);
  CHECK(has_line(text, "  state: Backup"));
  CHECK(has_line(text, "  active_address: 192.0.2.9"));
  CHECK(has_line(text, "  active_priority: 200"));
  CHECK(has_line(text, "  vip: 192.0.2.100/24 dev vrrp.51"));
  CHECK(has_line(text, "  vmac: vrrp.51 00:00:5e:00:01:33"));
  CHECK(has_line(text, "  track_interface: eth1 weight -150"));
  CHECK(has_line(text, "  track_script: chk_web weight default reverse"));
  CHECK(has_line(text, "  track_file: maint weight 10"));
  CHECK(has_line(text, "  checksum_form: rfc9568 (followed a peer)"));

  // Once Active itself, the Active's address is its own.
  QuietHost host2;
  Instance alone(config("VI_2", ChecksumMode::rfc9568), GlobalDefs{}, placement(), host2);
  alone.start(t0);
  run_until(alone, t0 + 4s);
  REQUIRE(alone.state() == State::active);
  const Instance* list2[] = {&alone};
  const std::string text2 = render_data(list2, t0 + 4s);
  CHECK(has_line(text2, "instance VI_2"));
  CHECK(has_line(text2, "  state: Active"));
  CHECK(has_line(text2, "  active_address: 192.0.2.1"));
  CHECK(has_line(text2, "  checksum_mode: rfc9568"));
  CHECK(has_line(text2, "  checksum_form: rfc9568"));
}

TEST_CASE("SIGUSR2 stats: per checksum form, per peer, drops per reason, sockets", "[dump]") {
  QuietHost host;
  Instance instance(config("VI_1", ChecksumMode::rfc9568), GlobalDefs{}, placement(), host);
  instance.start(t0);
  const auto keepalived = advert(ChecksumForm::rfc5798, IpAddress::v4(192, 0, 2, 7), 200);
  const auto cisco = advert(ChecksumForm::rfc9568, IpAddress::v4(192, 0, 2, 8), 50);
  instance.receive(keepalived.info, keepalived.decoded, t0 + 1s);
  instance.receive(keepalived.info, keepalived.decoded, t0 + 2s);
  instance.receive(cisco.info, cisco.decoded, t0 + 3s);
  DropCounters socket_drops;
  socket_drops.count(DropReason::ttl_not_255);
  const Instance* list[] = {&instance};
  const SocketDrops sockets[] = {{"eth0", Family::ipv4, &socket_drops}};
  const std::string text = render_stats(list, sockets);
  CHECK(text.rfind("# vrrpd statistics (SIGUSR2): 1 instance, 1 socket\ninstance VI_1\n", 0) == 0);
  CHECK(has_line(text, "  adverts_received: 3"));
  CHECK(has_line(text, "  received_checksum_rfc9568: 1"));
  CHECK(has_line(text, "  received_checksum_rfc5798: 2"));
  CHECK(has_line(text, "  received_checksum_v2: 0"));
  CHECK(has_line(text, "  received_checksum_both_forms: 0"));
  CHECK(has_line(text, "  received_from 192.0.2.7: 2"));
  CHECK(has_line(text, "  received_from 192.0.2.8: 1"));
  CHECK(has_line(text, "  received_from other: 0"));
  CHECK(has_line(text, "  dropped_checksum_form_refused: 2"));
  CHECK(has_line(text, "  dropped_bad_checksum: 0"));  // every reason, zeros too
  CHECK(has_line(text, "  dropped_total: 2"));
  CHECK(has_line(text, "socket eth0 IPv4"));
  CHECK(has_line(text, "  dropped_ttl_not_255: 1"));
  // One line per reason in each block: 2 blocks x (reasons + total).
  std::size_t dropped_lines = 0;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);)
    dropped_lines += l.rfind("  dropped_", 0) == 0;
  CHECK(dropped_lines == 2 * (kDropReasonCount + 1));
}

TEST_CASE("dump files: written atomically, mode 0644 whatever the umask, replaced", "[dump]") {
  using vrrp::daemon::write_file_atomically;
  TempDir dir;
  const mode_t old_umask = ::umask(077);
  const std::string path = write_file_atomically(dir.path.string(), "vrrpd.stats", "one\n");
  ::umask(old_umask);
  CHECK(path == (dir.path / "vrrpd.stats").string());
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  CHECK((st.st_mode & 07777) == 0644);
  write_file_atomically(dir.path.string(), "vrrpd.stats", "two\n");
  std::ifstream file(path);
  std::string content((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  CHECK(content == "two\n");
  CHECK_FALSE(std::filesystem::exists(dir.path / "vrrpd.stats.tmp"));
  // A directory that is not there: an error naming the file, nothing thrown past the caller.
  CHECK_THROWS_AS(write_file_atomically((dir.path / "missing").string(), "vrrpd.data", "x"),
                  std::system_error);
  CHECK_NOTHROW(
      vrrp::daemon::write_dump("SIGUSR1", (dir.path / "missing").string(), "vrrpd.data", "x"));
}

TEST_CASE("dump files: every key the renderers print is documented in vrrpd.8 FILES", "[dump]") {
  // The man page is the contract: a key added to a renderer without a word in vrrpd(8) fails.
  const auto page_path =
      std::filesystem::path(__FILE__).parent_path().parent_path().parent_path().parent_path() /
      "man" / "vrrpd.8";
  std::ifstream in(page_path);
  REQUIRE(in.good());
  const std::string page((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());

  QuietHost host;
  InstanceConfig c = config();
  c.vmac = VmacConfig{"vrrp.51", {0x00, 0x00, 0x5e, 0x00, 0x01, 51}, false};
  c.unicast_peers.push_back(UnicastPeer{IpAddress::v4(192, 0, 2, 2), std::nullopt, std::nullopt});
  VirtualAddress excluded;
  excluded.prefix = *IpPrefix::parse("198.51.100.1/32");
  c.virtual_addresses_excluded = {excluded};
  c.track_interfaces.push_back(TrackInterface{"eth1", -150, false, {}});
  c.track_scripts.push_back(TrackScript{"chk", 5, false, {}});
  c.track_files.push_back(TrackFile{"f", 1, false, {}});
  Instance instance(c, GlobalDefs{}, placement("vrrp.51"), host);
  instance.start(t0);
  const auto in_advert = advert(ChecksumForm::rfc5798, IpAddress::v4(192, 0, 2, 2), 200);
  instance.receive(in_advert.info, in_advert.decoded, t0 + 1s);
  DropCounters drops;
  const Instance* list[] = {&instance};
  const SocketDrops sockets[] = {{"eth0", Family::ipv4, &drops}};
  const std::string text = render_data(list, t0 + 1s) + render_stats(list, sockets);

  std::set<std::string> keys;
  std::istringstream lines(text);
  for (std::string l; std::getline(lines, l);) {
    if (l.rfind("  ", 0) != 0) continue;
    std::string key = l.substr(2, l.find_first_of(" :", 2) - 2);
    if (key.rfind("dropped_", 0) == 0 && key != "dropped_total") continue;  // one per reason
    keys.insert(key);
  }
  CHECK(keys.count("active_priority") == 1);  // the lines with optional parts were rendered
  CHECK(keys.count("unicast_peer") == 1);
  for (const std::string& key : keys) {
    INFO("key " << key << " is not in man/vrrpd.8 (FILES)");
    const bool documented = page.find(".B " + key) != std::string::npos ||
                            page.find(".BR " + key) != std::string::npos ||
                            page.find(".BI " + key) != std::string::npos ||
                            page.find(".BI \"" + key) != std::string::npos;
    CHECK(documented);
  }
}
