// The configuration as typed values: what the VRRP parts of a keepalived.conf say, after the
// parser has checked every value and filled in keepalived's defaults. Nothing here needs the
// text any more; SourceLocations are kept so later messages can point at the file.
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "vrrp/advert.hpp"
#include "vrrp/config_error.hpp"
#include "vrrp/ip_address.hpp"
#include "vrrp/time.hpp"

namespace vrrp {

using MacAddress = std::array<std::uint8_t, 6>;

// ip-address(8) scopes, valued as the kernel's RT_SCOPE_* so netlink can pass them through.
enum class AddressScope : std::uint8_t {
  global = 0,
  site = 200,
  link = 253,
  host = 254,
  nowhere = 255,
};

// keepalived's `state MASTER|BACKUP`: only a hint for the first moments after start-up
// (RFC 9568 §6.4.1: the owner, priority 255, goes Active at once; everyone else waits).
enum class InitialState : std::uint8_t { backup, master };

// Which IPv4 VRRPv3 checksum form an instance sends and accepts: vrrpd's `checksum` keyword
// (global default `vrrp_checksum`). RFC 9568 §5.2.8 sums the message alone; keepalived and FRR
// add an IPv4 pseudo-header by default (NOTES Part 2.3). IPv6 and VRRPv2 have one form each.
enum class ChecksumMode : std::uint8_t {
  automatic,  // "auto": accept both; send keepalived's form (RFC 9568's under
              // v3_checksum_as_v2), then the form of the first peer heard using the other, once
  rfc9568,    // send and accept only the message-only form; the other is dropped
  rfc5798,    // send and accept only the form with the IPv4 pseudo-header
};

// Who a script runs as: `username [:][groupname]` (keepalived's syntax). An empty group means
// the user's primary group; set_supplementary_groups is the ':' prefix.
struct RunAs {
  std::string user;
  std::string group;
  bool set_supplementary_groups = false;
  friend bool operator==(const RunAs&, const RunAs&) = default;
};

// A notify_* line: the command as written (quotes removed once; the runner splits it into
// arguments with keepalived's rules) and an optional user.
struct NotifyScript {
  std::string command;
  std::optional<RunAs> run_as;
  SourceLocation where;
  friend bool operator==(const NotifyScript&, const NotifyScript&) = default;
};

// A FIFO that receives notify lines (`notify_fifo FIFO [username [groupname]]`).
struct NotifyFifo {
  std::string path;
  std::optional<RunAs> run_as;
};

// Gratuitous ARP / unsolicited NA timing (keepalived's vrrp_garp_* and garp_* keywords).
struct GarpSettings {
  std::chrono::seconds master_delay{5};      // second burst after becoming Active; 0: none
  std::uint32_t master_repeat = 5;           // messages per burst on becoming Active
  std::chrono::seconds lower_prio_delay{5};  // second burst after a lower-priority advert
  std::uint32_t lower_prio_repeat = 5;       // burst size after a lower-priority advert
  std::chrono::seconds master_refresh{0};    // periodic refresh while Active; 0: none
  std::uint32_t master_refresh_repeat = 1;   // messages per refresh
  friend bool operator==(const GarpSettings&, const GarpSettings&) = default;
};

struct SmtpServer {
  std::string host;  // an address or a name, as written
  std::uint16_t port = 25;
};

struct GlobalDefs {
  std::string router_id;  // empty: the daemon uses the host name, as keepalived does
  // keepalived's default, 2, so that a config without vrrp_version speaks the same protocol as
  // the keepalived it replaces (a v3 node beside a v2 keepalived would be a second Active).
  // IPv6 instances always use 3 (RFC 3768 is IPv4 only).
  Version vrrp_version = Version::v2;
  IpAddress vrrp_mcast_group4 = IpAddress::v4(224, 0, 0, 18);   // RFC 9568 §5.1.1.2
  IpAddress vrrp_mcast_group6 = *IpAddress::parse("ff02::12");  // RFC 9568 §5.1.2.2
  GarpSettings garp;
  Duration vrrp_garp_interval{0};  // between gratuitous ARPs on one interface
  Duration vrrp_gna_interval{0};   // between unsolicited NAs on one interface
  bool vrrp_strict = false;
  bool vrrp_skip_check_adv_addr = false;
  bool vrrp_check_unicast_src = false;
  bool vrrp_lower_prio_no_advert = false;  // true under vrrp_strict unless set
  bool vrrp_higher_prio_send_advert = false;
  bool v3_checksum_as_v2 = false;  // send the RFC 9568 IPv4 checksum (no pseudo-header)
  ChecksumMode vrrp_checksum = ChecksumMode::automatic;  // the instances' default `checksum`
  Duration vrrp_startup_delay{0};
  // vrrpd's vrrp_vip_lifetime (issue 8): the instances' default vip_lifetime; unset: each
  // instance's automatic default (vrrp/vip_lifetime.hpp). 0: forever.
  std::optional<std::chrono::seconds> vrrp_vip_lifetime;
  std::optional<RunAs> script_user;
  bool enable_script_security = false;
  std::optional<NotifyFifo> notify_fifo;
  std::optional<NotifyFifo> vrrp_notify_fifo;
  // Mail settings are parsed so keepalived configurations load; vrrpd sends no mail.
  std::vector<std::string> notification_email;
  std::string notification_email_from;
  std::optional<SmtpServer> smtp_server;
  std::chrono::seconds smtp_connect_timeout{30};
  std::string smtp_helo_name;
  bool smtp_alert = false;
};

// One line of virtual_ipaddress / virtual_ipaddress_excluded:
// <addr>[/<len>] [brd <addr>|+|-] [dev <if>] [scope <scope>] [label <label>] ...
struct VirtualAddress {
  IpPrefix prefix;  // no "/len": /32 or /128
  std::optional<IpAddress> broadcast;
  std::string device;  // empty: the instance's interface (or its VMAC)
  AddressScope scope = AddressScope::global;
  std::string label;
  std::optional<IpAddress> peer;
  bool home = false;   // IPv6 home address (mobility)
  bool nodad = false;  // -nodad: no duplicate address detection
  bool noprefixroute = false;
  bool autojoin = false;
  bool no_track = false;  // removal by someone else is not a fault
  SourceLocation where;
  friend bool operator==(const VirtualAddress&, const VirtualAddress&) = default;
};

// One line of virtual_routes, the common `ip route` forms.
struct VirtualRoute {
  enum class Type : std::uint8_t { unicast, blackhole, unreachable, prohibit };
  Type type = Type::unicast;
  IpPrefix destination;
  std::optional<IpAddress> source;   // src
  std::optional<IpAddress> gateway;  // via / gw
  std::string device;
  std::optional<std::uint32_t> table;  // main is 254
  std::optional<std::uint32_t> metric;
  std::optional<AddressScope> scope;
  bool onlink = false;
  bool no_track = false;
  SourceLocation where;
  friend bool operator==(const VirtualRoute&, const VirtualRoute&) = default;
};

struct UnicastPeer {
  IpAddress address;
  std::optional<std::uint8_t> min_ttl;
  std::optional<std::uint8_t> max_ttl;
  friend bool operator==(const UnicastPeer&, const UnicastPeer&) = default;
};

// use_vmac [[name] <ifname>] [MAC]: a macvlan carrying the virtual MAC (RFC 9568 §7.3).
struct VmacConfig {
  std::string interface_name;  // default vrrp.<vrid>
  MacAddress mac{};            // default 00:00:5e:00:01:<vrid> (IPv4), 00:00:5e:00:02:<vrid> (IPv6)
  bool xmit_base = false;      // vmac_xmit_base: adverts leave from the parent interface
  friend bool operator==(const VmacConfig&, const VmacConfig&) = default;
};

struct Authentication {
  AuthType type = AuthType::none;  // PASS is simple_text, AH is ip_ah
  std::string password;            // PASS: at most 8 bytes (RFC 3768 §5.3.10 Authentication Data)
  friend bool operator==(const Authentication&, const Authentication&) = default;
};

// A tracker reference: `name [weight N] [reverse|noreverse]`.
struct TrackInterface {
  std::string name;
  int weight = 0;  // 0: down means Fault
  bool reverse = false;
  SourceLocation where;
  friend bool operator==(const TrackInterface&, const TrackInterface&) = default;
};
struct TrackScript {
  std::string name;
  std::optional<int> weight;  // unset: the vrrp_script's own weight
  bool reverse = false;
  SourceLocation where;
  friend bool operator==(const TrackScript&, const TrackScript&) = default;
};
struct TrackFile {
  std::string name;
  std::optional<int> weight;  // unset: the track_file block's weight
  bool reverse = false;
  SourceLocation where;
  friend bool operator==(const TrackFile&, const TrackFile&) = default;
};

struct InstanceConfig {
  std::string name;
  SourceLocation where;  // the name in `vrrp_instance NAME {`
  InitialState state = InitialState::backup;
  std::string interface;
  std::uint8_t virtual_router_id = 0;  // 1-255, required
  std::uint8_t priority = 100;         // 1-255; 255 is the address owner
  Centiseconds advert_interval{100};   // v2: whole seconds; v3: 1-4095 cs
  Version version = Version::v3;
  Family family = Family::ipv4;                            // from the VIPs (or native_ipv6)
  std::vector<VirtualAddress> virtual_addresses;           // sent in adverts, in this order
  std::vector<VirtualAddress> virtual_addresses_excluded;  // bound, never advertised
  std::vector<VirtualRoute> virtual_routes;
  bool preempt = true;
  Duration preempt_delay{0};
  bool accept_mode = true;  // RFC 9568 §6.1 Accept_Mode; keepalived: on unless strict
  std::optional<VmacConfig> vmac;
  std::optional<IpAddress> unicast_src_ip;
  std::vector<UnicastPeer> unicast_peers;  // empty: multicast
  std::optional<IpAddress> mcast_src_ip;
  Authentication authentication;  // VRRPv2 only
  bool dont_track_primary = false;
  std::vector<TrackInterface> track_interfaces;
  std::vector<TrackScript> track_scripts;
  std::vector<TrackFile> track_files;
  std::optional<NotifyScript> notify_master;
  std::optional<NotifyScript> notify_backup;
  std::optional<NotifyScript> notify_fault;
  std::optional<NotifyScript> notify_stop;
  std::optional<NotifyScript> notify;  // gets INSTANCE name state priority appended
  bool smtp_alert = false;
  GarpSettings garp;  // the instance's values, defaulting to global_defs'
  bool lower_prio_no_advert = false;
  bool higher_prio_send_advert = false;
  bool v3_checksum_as_v2 = false;
  // The instance's `checksum`, else global_defs' vrrp_checksum. A fixed mode overrides
  // v3_checksum_as_v2, which only picks the form `auto` starts with.
  ChecksumMode checksum = ChecksumMode::automatic;
  bool promote_secondaries = false;
  bool skip_check_adv_addr = false;
  bool check_unicast_src = false;
  bool strict_mode = false;
  // vrrpd's vip_lifetime (issue 8): the kernel lifetime the VIPs are bound with while Active,
  // renewed every third of it; 0 binds them forever. Resolved: the instance's value, else
  // global_defs' vrrp_vip_lifetime, else default_vip_lifetime(advert_interval).
  std::chrono::seconds vip_lifetime{0};

  bool is_unicast() const { return !unicast_peers.empty(); }
  // Field by field, locations included (see vrrp/reload_plan.hpp for the comparison a
  // reload makes).
  friend bool operator==(const InstanceConfig&, const InstanceConfig&) = default;
};

struct ScriptConfig {  // vrrp_script NAME { ... }
  std::string name;
  SourceLocation where;
  std::string command;
  Duration interval = std::chrono::seconds(1);
  Duration timeout = std::chrono::seconds(1);  // default: the interval
  int weight = 0;                              // -253..253; 0: failure means Fault
  bool weight_reverse = false;
  std::uint32_t rise = 1;
  std::uint32_t fall = 1;
  std::optional<RunAs> run_as;
  bool init_fail = false;
  friend bool operator==(const ScriptConfig&, const ScriptConfig&) = default;
};

struct TrackFileConfig {  // track_file NAME { ... } (vrrp_track_file is a synonym)
  std::string name;
  SourceLocation where;
  std::string path;
  int weight = 1;
  bool weight_reverse = false;
  std::optional<long long> init_value;  // init_file [VALUE]: written at start-up
  bool init_overwrite = false;
  friend bool operator==(const TrackFileConfig&, const TrackFileConfig&) = default;
};

struct SyncGroupConfig {  // vrrp_sync_group NAME { group { ... } ... }
  std::string name;
  SourceLocation where;
  std::vector<std::string> members;              // vrrp_instance names
  std::vector<SourceLocation> member_locations;  // parallel to members
  std::vector<TrackInterface> track_interfaces;
  std::vector<TrackScript> track_scripts;
  std::vector<TrackFile> track_files;
  std::optional<NotifyScript> notify_master;
  std::optional<NotifyScript> notify_backup;
  std::optional<NotifyScript> notify_fault;
  std::optional<NotifyScript> notify_stop;
  std::optional<NotifyScript> notify;  // gets GROUP name state priority appended
  bool smtp_alert = false;
  bool sync_group_tracking_weight = false;
  friend bool operator==(const SyncGroupConfig&, const SyncGroupConfig&) = default;
};

struct Config {
  GlobalDefs globals;
  std::vector<InstanceConfig> instances;
  std::vector<ScriptConfig> scripts;
  std::vector<SyncGroupConfig> sync_groups;
  std::vector<TrackFileConfig> track_files;
  std::vector<ConfigWarning> warnings;

  const InstanceConfig* find_instance(std::string_view name) const;
  const ScriptConfig* find_script(std::string_view name) const;
};

std::string_view to_string(AddressScope scope);
std::string_view to_string(InitialState state);
std::string_view to_string(ChecksumMode mode);  // "auto", "rfc9568", "rfc5798" as in the config

}  // namespace vrrp
