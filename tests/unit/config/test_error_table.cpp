// Every error message of the parser, triggered once each from a table, with its exact
// "file:line:column: message"; and a test that fails when a place in vrrp/config*.cpp that
// throws a message (fail(), fail_expected(), throw ConfigError) has no row here whose message
// holds that place's text, so a new message needs a row.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "tests/unit/config/fake_files.hpp"
#include "tests/unit/config/helpers.hpp"

using namespace vrrp;
using vrrp::test::FakeFiles;
using vrrp::test::kPath;

namespace {

struct ErrorCase {
  std::string name;
  std::string config;                                      // read as /etc/vrrpd/vrrpd.conf
  std::vector<std::pair<std::string, std::string>> files;  // beside it, for includes
  std::string expected;                                    // ConfigError::what()
};

std::vector<ErrorCase> table() {
  std::vector<ErrorCase> t = {
      {"unterminated quote",
       "vrrp_instance VI_1 {\n"
       "    interface eth0\n"
       "    virtual_router_id 51\n"
       "    virtual_ipaddress {\n"
       "        192.0.2.100/24\n"
       "    }\n"
       "notify_master \"/bin/x.sh\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:7:15: unterminated quoted string (no closing \")"},
      {"definition that uses itself",
       "$A=x$A\n"
       "global_defs {\n"
       " router_id $A\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:3:12: $A: substitution does not end (does a definition use itself?)"},
      {"definition that uses itself and grows the line past 16384 bytes",
       "$A=" + std::string(100, 'x') +
           "${A}\n"
           "global_defs {\n"
           " router_id $A\n"
           "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:3:12: $A: substitution makes the line longer than 16384 bytes "
       "(does a definition use itself?)"},
      {"blocks nested too deep",
       [] {
         std::string text;
         for (int i = 0; i < 65; ++i)
           text += "a {\n";
         return text;
       }(),
       {},
       "/etc/vrrpd/vrrpd.conf:65:3: blocks nested more than 64 deep"},
      {"missing closing brace",
       "vrrp_instance VI_1 {\n"
       "    interface eth0\n"
       "    virtual_router_id 51\n"
       "    virtual_ipaddress {\n"
       "        192.0.2.100/24\n"
       "    \n",
       {},
       "/etc/vrrpd/vrrpd.conf:7:1: expected '}' to close the block opened at "
       "/etc/vrrpd/vrrpd.conf:4:23, got the end of the file"},
      {"closing brace with no block open",
       "vrrp_instance VI_1 {\n"
       "    interface eth0\n"
       "    virtual_router_id 51\n"
       "    virtual_ipaddress {\n"
       "        192.0.2.100/24\n"
       "    }\n"
       "}\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:8:1: unexpected '}' (no block is open)"},
      {"a block with no keyword",
       "{\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:1:1: expected a keyword before '{'"},
      {"include without a pattern",
       "include\n",
       {},
       "/etc/vrrpd/vrrpd.conf:1:1: include: expected one file name or glob pattern"},
      {"include of itself",
       "include vrrpd.conf\n",
       {{"/etc/vrrpd/vrrpd.conf", "include vrrpd.conf\n"}},
       "/etc/vrrpd/vrrpd.conf:1:9: include: \"/etc/vrrpd/vrrpd.conf\" includes itself"},
      {"unknown top-level keyword",
       "vrrp_instanc VI_1 {\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:1:1: unknown keyword \"vrrp_instanc\" (expected global_defs, "
       "vrrp_instance, vrrp_script, vrrp_sync_group, track_file or include)"},
      {"unknown keyword in a block",
       "vrrp_instance VI_1 {\n"
       "    interface eth0\n"
       "    virtual_router_id 51\n"
       "    virtual_ipaddress {\n"
       "        192.0.2.100/24\n"
       "    }\n"
       "frobnicate\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:7:1: vrrp_instance VI_1: unknown keyword \"frobnicate\""},
      {"a block where none is taken",
       "vrrp_instance VI_1 {\n"
       "    interface eth0\n"
       "    virtual_router_id 51\n"
       "    virtual_ipaddress {\n"
       "        192.0.2.100/24\n"
       "    }\n"
       "priority { 100 }\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:7:10: priority: takes no { } block"},
      {"a block is needed",
       "vrrp_instance VI_1 {\n"
       "    interface eth0\n"
       "    virtual_router_id 51\n"
       "    virtual_ipaddress {\n"
       "        192.0.2.100/24\n"
       "    }\n"
       "track_interface eth1\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:7:17: track_interface: expected a { } block"},
      {"a word too many",
       "vrrp_instance VI_1 {\n"
       "    interface eth0\n"
       "    virtual_router_id 51\n"
       "    virtual_ipaddress {\n"
       "        192.0.2.100/24\n"
       "    }\n"
       "priority 100 200\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:7:14: priority: unexpected \"200\" after an integer 1-255"},
      {"a flag with a value",
       "vrrp_instance VI_1 {\n"
       "    interface eth0\n"
       "    virtual_router_id 51\n"
       "    virtual_ipaddress {\n"
       "        192.0.2.100/24\n"
       "    }\n"
       "nopreempt yes\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:7:11: nopreempt: takes no value, got \"yes\""},
      {"integer out of range",
       "vrrp_instance VI_1 {\n"
       "    interface eth0\n"
       "    virtual_router_id 51\n"
       "    virtual_ipaddress {\n"
       "        192.0.2.100/24\n"
       "    }\n"
       "priority 256\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:7:10: priority: expected an integer 1-255, got \"256\""},
      {"a value missing",
       "vrrp_instance VI_1 {\n"
       "    interface eth0\n"
       "    virtual_router_id 51\n"
       "    virtual_ipaddress {\n"
       "        192.0.2.100/24\n"
       "    }\n"
       "priority\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:7:1: priority: expected an integer 1-255, got nothing"},
      {"seconds",
       "vrrp_instance VI_1 {\n"
       "    interface eth0\n"
       "    virtual_router_id 51\n"
       "    virtual_ipaddress {\n"
       "        192.0.2.100/24\n"
       "    }\n"
       "preempt_delay soon\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:7:15: preempt_delay: expected seconds 0-1000, got \"soon\""},
      {"an address",
       "vrrp_instance VI_1 {\n"
       "    interface eth0\n"
       "    virtual_router_id 51\n"
       "    virtual_ipaddress {\n"
       "        192.0.2.100/24\n"
       "    }\n"
       "mcast_src_ip nowhere\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:7:14: mcast_src_ip: expected an IPv4 or IPv6 address, got "
       "\"nowhere\""},
      {"an interface name",
       "vrrp_instance VI_1 {\n"
       "    interface eth0\n"
       "    virtual_router_id 51\n"
       "    virtual_ipaddress {\n"
       "        192.0.2.100/24\n"
       "    }\n"
       "interface an_interface_too_long\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:7:11: interface: expected an interface name of 1-15 characters, got "
       "\"an_interface_too_long\""},
      {"a boolean",
       "vrrp_instance VI_1 {\n"
       "    interface eth0\n"
       "    virtual_router_id 51\n"
       "    virtual_ipaddress {\n"
       "        192.0.2.100/24\n"
       "    }\n"
       "smtp_alert maybe\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:7:12: smtp_alert: expected on|off|true|false|yes|no, got \"maybe\""},
      {"a user name",
       "global_defs {\n"
       "script_user \"\"\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:2:13: script_user: expected a user name, got \"\""},
      {"a notify script",
       "vrrp_instance VI_1 {\n"
       "    interface eth0\n"
       "    virtual_router_id 51\n"
       "    virtual_ipaddress {\n"
       "        192.0.2.100/24\n"
       "    }\n"
       "notify_master \"\"\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:7:15: notify_master: expected a script [username [:][groupname]], "
       "got \"\""},
      {"a name list with a block",
       "global_defs {\n"
       "notification_email {\n"
       " a@example.com { x }\n"
       "}\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:3:16: notification_email: expected names, got a { } block"},
      {"notify_fifo without a path",
       "global_defs {\n"
       "notify_fifo\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:2:1: notify_fifo: expected a FIFO path [username [groupname]], got "
       "nothing"},
      {"instance without a name",
       "vrrp_instance {\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:1:1: vrrp_instance: expected one instance name, got nothing"},
      {"instance with two names",
       "vrrp_instance A B {\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:1:17: vrrp_instance: expected one instance name, got \"B\""},
      {"state",
       "vrrp_instance VI_1 {\n"
       "    interface eth0\n"
       "    virtual_router_id 51\n"
       "    virtual_ipaddress {\n"
       "        192.0.2.100/24\n"
       "    }\n"
       "state ACTIVE\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:7:7: state: expected MASTER or BACKUP, got \"ACTIVE\""},
      {"use_vmac group without a value",
       "vrrp_instance VI_1 {\n"
       "    interface eth0\n"
       "    virtual_router_id 51\n"
       "    virtual_ipaddress {\n"
       "        192.0.2.100/24\n"
       "    }\n"
       "use_vmac v group\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:7:1: use_vmac: expected a link group after group, got nothing"},
      {"use_vmac multicast MAC",
       "vrrp_instance VI_1 {\n"
       "    interface eth0\n"
       "    virtual_router_id 51\n"
       "    virtual_ipaddress {\n"
       "        192.0.2.100/24\n"
       "    }\n"
       "use_vmac 01:00:5e:00:01:01\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:7:10: use_vmac: expected a unicast MAC address, got "
       "\"01:00:5e:00:01:01\""},
      {"auth_type",
       "vrrp_instance VI_1 {\n"
       "    interface eth0\n"
       "    virtual_router_id 51\n"
       "    virtual_ipaddress {\n"
       "        192.0.2.100/24\n"
       "    }\n"
       "version 2\n"
       "authentication {\n"
       " auth_type MD5\n"
       "}\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:9:12: auth_type: expected PASS or AH, got \"MD5\""},
      {"auth_pass empty",
       "vrrp_instance VI_1 {\n"
       "    interface eth0\n"
       "    virtual_router_id 51\n"
       "    virtual_ipaddress {\n"
       "        192.0.2.100/24\n"
       "    }\n"
       "version 2\n"
       "authentication {\n"
       " auth_type PASS\n"
       " auth_pass \"\"\n"
       "}\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:10:12: auth_pass: expected 1-8 characters, got none"},
      {"auth_pass too long",
       "vrrp_instance VI_1 {\n"
       "    interface eth0\n"
       "    virtual_router_id 51\n"
       "    virtual_ipaddress {\n"
       "        192.0.2.100/24\n"
       "    }\n"
       "version 2\n"
       "authentication {\n"
       " auth_type PASS\n"
       " auth_pass 123456789\n"
       "}\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:10:12: auth_pass: expected at most 8 characters, got 9"},
      {"auth_type missing",
       "vrrp_instance VI_1 {\n"
       "    interface eth0\n"
       "    virtual_router_id 51\n"
       "    virtual_ipaddress {\n"
       "        192.0.2.100/24\n"
       "    }\n"
       "version 2\n"
       "authentication {\n"
       " auth_pass secret\n"
       "}\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:8:1: authentication: auth_type is missing (expected PASS or AH)"},
      {"auth_pass missing",
       "vrrp_instance VI_1 {\n"
       "    interface eth0\n"
       "    virtual_router_id 51\n"
       "    virtual_ipaddress {\n"
       "        192.0.2.100/24\n"
       "    }\n"
       "version 2\n"
       "authentication {\n"
       " auth_type PASS\n"
       "}\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:8:1: authentication: auth_pass is missing (auth_type PASS needs "
       "one)"},
      {"unicast_peer address",
       "vrrp_instance VI_1 {\n"
       "    interface eth0\n"
       "    virtual_router_id 51\n"
       "    virtual_ipaddress {\n"
       "        192.0.2.100/24\n"
       "    }\n"
       "unicast_peer {\n"
       " 192.0.2.300\n"
       "}\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:8:2: unicast_peer: expected an IPv4 or IPv6 address, got "
       "\"192.0.2.300\""},
      {"unicast_peer option",
       "vrrp_instance VI_1 {\n"
       "    interface eth0\n"
       "    virtual_router_id 51\n"
       "    virtual_ipaddress {\n"
       "        192.0.2.100/24\n"
       "    }\n"
       "unicast_peer {\n"
       " 192.0.2.12 ttl 5\n"
       "}\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:8:13: unicast_peer: expected min_ttl or max_ttl, got \"ttl\""},
      {"unicast_peer ttl missing",
       "vrrp_instance VI_1 {\n"
       "    interface eth0\n"
       "    virtual_router_id 51\n"
       "    virtual_ipaddress {\n"
       "        192.0.2.100/24\n"
       "    }\n"
       "unicast_peer {\n"
       " 192.0.2.12 min_ttl\n"
       "}\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:8:13: unicast_peer: min_ttl: expected an integer 0-255, got nothing"},
      {"unicast_peer ttl range",
       "vrrp_instance VI_1 {\n"
       "    interface eth0\n"
       "    virtual_router_id 51\n"
       "    virtual_ipaddress {\n"
       "        192.0.2.100/24\n"
       "    }\n"
       "unicast_peer {\n"
       " 192.0.2.12 max_ttl 256\n"
       "}\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:8:21: unicast_peer: max_ttl: expected an integer 0-255, got \"256\""},
      {"unicast_peer twice",
       "vrrp_instance VI_1 {\n"
       "    interface eth0\n"
       "    virtual_router_id 51\n"
       "    virtual_ipaddress {\n"
       "        192.0.2.100/24\n"
       "    }\n"
       "unicast_peer {\n"
       " 192.0.2.12\n"
       " 192.0.2.12\n"
       "}\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:9:2: unicast_peer: \"192.0.2.12\" is listed twice"},
      {"virtual_router_id missing",
       "vrrp_instance VI_1 {\n"
       "    interface eth0\n"
       "    virtual_ipaddress {\n"
       "        192.0.2.100/24\n"
       "    }\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:1:15: vrrp_instance VI_1: virtual_router_id is missing (expected an "
       "integer 1-255)"},
      {"virtual_ipaddress missing",
       "vrrp_instance VI_1 {\n"
       "    interface eth0\n"
       "    virtual_router_id 51\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:1:15: vrrp_instance VI_1: virtual_ipaddress is missing or empty (at "
       "least one address, RFC 9568 §5.2.5)"},
      {"interface missing",
       "vrrp_instance VI_1 {\n"
       "    virtual_router_id 51\n"
       "    virtual_ipaddress {\n"
       "        192.0.2.100/24\n"
       "    }\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:1:15: vrrp_instance VI_1: interface is missing (needed unless "
       "unicast_peer is set)"},
      {"a VIP of the other family",
       "vrrp_instance VI_1 {\n"
       "    interface eth0\n"
       "    virtual_router_id 51\n"
       "    virtual_ipaddress {\n"
       "        192.0.2.100/24\n"
       "    }\n"
       "virtual_ipaddress {\n"
       "2001:db8::1/64\n"
       "}\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:8:1: virtual_ipaddress: 2001:db8::1 is IPv6 but vrrp_instance VI_1 "
       "is IPv4 (from its first address); an instance advertises one family (RFC 9568 §5.2.9), put "
       "the other in virtual_ipaddress_excluded or in a second instance"},
      {"unicast_src_ip of the other family",
       "vrrp_instance VI_1 {\n"
       "    interface eth0\n"
       "    virtual_router_id 51\n"
       "    virtual_ipaddress {\n"
       "        192.0.2.100/24\n"
       "    }\n"
       "unicast_src_ip 2001:db8::1\n"
       "unicast_peer {\n"
       " 192.0.2.12\n"
       "}\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:7:16: unicast_src_ip: expected an IPv4 address (vrrp_instance VI_1 "
       "is IPv4 (from its first address)), got \"2001:db8::1\""},
      {"unicast_peer of the other family",
       "vrrp_instance VI_1 {\n"
       "    interface eth0\n"
       "    virtual_router_id 51\n"
       "    virtual_ipaddress {\n"
       "        192.0.2.100/24\n"
       "    }\n"
       "unicast_peer {\n"
       " 2001:db8::12\n"
       "}\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:8:2: unicast_peer: expected an IPv4 address (vrrp_instance VI_1 is "
       "IPv4 (from its first address)), got \"2001:db8::12\""},
      {"version 2 for IPv6",
       "vrrp_instance V6 {\n"
       "    interface eth0\n"
       "    virtual_router_id 51\n"
       "    virtual_ipaddress {\n"
       "        fe80::1/64\n"
       "    }\n"
       "    version 2\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:7:13: version: expected 3 for an IPv6 instance (VRRPv2 is IPv4 only, "
       "RFC 3768), got \"2\""},
      {"advert_int VRRPv2",
       "vrrp_instance VI_1 {\n"
       "    interface eth0\n"
       "    virtual_router_id 51\n"
       "    virtual_ipaddress {\n"
       "        192.0.2.100/24\n"
       "    }\n"
       "version 2\n"
       "advert_int 256\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:8:12: advert_int: expected whole seconds 1-255 (VRRPv2), got "
       "\"256\""},
      {"advert_int VRRPv3",
       "vrrp_instance VI_1 {\n"
       "    interface eth0\n"
       "    virtual_router_id 51\n"
       "    virtual_ipaddress {\n"
       "        192.0.2.100/24\n"
       "    }\n"
       "version 3\n"
       "advert_int 41\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:8:12: advert_int: expected 0.01-40.95 seconds in steps of 0.01 "
       "(VRRPv3), got \"41\""},
      {"strict: unicast_peer",
       "vrrp_instance VI_1 {\n"
       "    interface eth0\n"
       "    virtual_router_id 51\n"
       "    virtual_ipaddress {\n"
       "        192.0.2.100/24\n"
       "    }\n"
       "strict_mode\n"
       "version 3\n"
       "unicast_peer {\n"
       " 192.0.2.12\n"
       "}\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:10:2: unicast_peer: not allowed in strict mode (vrrp_strict or "
       "strict_mode)"},
      {"strict: authentication",
       "vrrp_instance VI_1 {\n"
       "    interface eth0\n"
       "    virtual_router_id 51\n"
       "    virtual_ipaddress {\n"
       "        192.0.2.100/24\n"
       "    }\n"
       "strict_mode\n"
       "version 2\n"
       "authentication {\n"
       " auth_type PASS\n"
       " auth_pass x\n"
       "}\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:9:1: authentication: not allowed in strict mode (vrrp_strict or "
       "strict_mode)"},
      {"strict: preempt_delay",
       "vrrp_instance VI_1 {\n"
       "    interface eth0\n"
       "    virtual_router_id 51\n"
       "    virtual_ipaddress {\n"
       "        192.0.2.100/24\n"
       "    }\n"
       "strict_mode\n"
       "version 3\n"
       "preempt_delay 5\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:9:1: preempt_delay: not allowed in strict mode (vrrp_strict or "
       "strict_mode)"},
      {"strict: accept with VRRPv2",
       "vrrp_instance VI_1 {\n"
       "    interface eth0\n"
       "    virtual_router_id 51\n"
       "    virtual_ipaddress {\n"
       "        192.0.2.100/24\n"
       "    }\n"
       "strict_mode\n"
       "version 2\n"
       "accept\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:9:1: accept: not allowed with VRRPv2 (RFC 3768 has no Accept_Mode) "
       "in strict mode (vrrp_strict or strict_mode)"},
      {"strict: state MASTER",
       "vrrp_instance VI_1 {\n"
       "    interface eth0\n"
       "    virtual_router_id 51\n"
       "    virtual_ipaddress {\n"
       "        192.0.2.100/24\n"
       "    }\n"
       "strict_mode\n"
       "version 3\n"
       "state MASTER\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:9:7: state: MASTER needs priority 255 (the address owner) in strict "
       "mode (vrrp_strict or strict_mode)"},
      {"strict: no_virtual_ipaddress",
       "vrrp_instance NV {\n"
       "    interface eth0\n"
       "    virtual_router_id 51\n"
       "    strict_mode\n"
       "    version 3\n"
       "    no_virtual_ipaddress\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:1:15: vrrp_instance NV: no_virtual_ipaddress: not allowed in strict "
       "mode (vrrp_strict or strict_mode)"},
      {"strict: IPv6 first address",
       "vrrp_instance V6 {\n"
       "    interface eth0\n"
       "    virtual_router_id 51\n"
       "    strict_mode\n"
       "    virtual_ipaddress {\n"
       "        2001:db8::1/64\n"
       "    }\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:6:9: virtual_ipaddress: the first IPv6 address of vrrp_instance V6 "
       "should be link-local (RFC 9568 §5.2.9); required in strict mode"},
      {"VIP address",
       "vrrp_instance VI_1 {\n"
       "    interface eth0\n"
       "    virtual_router_id 51\n"
       "    virtual_ipaddress {\n"
       "        192.0.2.100/24\n"
       "    }\n"
       "virtual_ipaddress {\n"
       "192.0.2.300/24\n"
       "}\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:8:1: virtual_ipaddress: expected an address[/prefix length], got "
       "\"192.0.2.300/24\""},
      {"VIP line with a block",
       "vrrp_instance VI_1 {\n"
       "    interface eth0\n"
       "    virtual_router_id 51\n"
       "    virtual_ipaddress {\n"
       "        192.0.2.100/24\n"
       "    }\n"
       "virtual_ipaddress {\n"
       "192.0.2.101/24 { x }\n"
       "}\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:8:16: virtual_ipaddress: unexpected { } block"},
      {"VIP option value missing",
       "vrrp_instance VI_1 {\n"
       "    interface eth0\n"
       "    virtual_router_id 51\n"
       "    virtual_ipaddress {\n"
       "        192.0.2.100/24\n"
       "    }\n"
       "virtual_ipaddress {\n"
       "192.0.2.101/24 dev\n"
       "}\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:8:16: virtual_ipaddress: dev: expected an interface name of 1-15 "
       "characters, got nothing"},
      {"VIP brd on IPv6",
       "vrrp_instance VI_1 {\n"
       "    interface eth0\n"
       "    virtual_router_id 51\n"
       "    virtual_ipaddress {\n"
       "        192.0.2.100/24\n"
       "    }\n"
       "virtual_ipaddress_excluded {\n"
       " 2001:db8::5/64 brd +\n"
       "}\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:8:17: virtual_ipaddress_excluded: brd: IPv6 addresses have no "
       "broadcast"},
      {"VIP unknown option",
       "vrrp_instance VI_1 {\n"
       "    interface eth0\n"
       "    virtual_router_id 51\n"
       "    virtual_ipaddress {\n"
       "        192.0.2.100/24\n"
       "    }\n"
       "virtual_ipaddress {\n"
       "192.0.2.101/24 frob\n"
       "}\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:8:16: virtual_ipaddress: unknown option \"frob\" (expected brd, dev, "
       "scope, label, peer, home, -nodad, noprefixroute, autojoin or no_track)"},
      {"route with a block",
       "vrrp_instance VI_1 {\n"
       "    interface eth0\n"
       "    virtual_router_id 51\n"
       "    virtual_ipaddress {\n"
       "        192.0.2.100/24\n"
       "    }\n"
       "virtual_routes {\n"
       "198.51.100.0/24 { x }\n"
       "}\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:8:17: virtual_routes: unexpected { } block"},
      {"route destination",
       "vrrp_instance VI_1 {\n"
       "    interface eth0\n"
       "    virtual_router_id 51\n"
       "    virtual_ipaddress {\n"
       "        192.0.2.100/24\n"
       "    }\n"
       "virtual_routes {\n"
       "198.51.100.0/33 via 192.0.2.1\n"
       "}\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:8:1: virtual_routes: expected a destination prefix or default, got "
       "\"198.51.100.0/33\""},
      {"route unsupported word",
       "vrrp_instance VI_1 {\n"
       "    interface eth0\n"
       "    virtual_router_id 51\n"
       "    virtual_ipaddress {\n"
       "        192.0.2.100/24\n"
       "    }\n"
       "virtual_routes {\n"
       "198.51.100.0/24 proto static\n"
       "}\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:8:17: virtual_routes: \"proto\" is not supported by vrrpd (expected "
       "src, to, via, gw, dev, scope, table, metric, onlink, no_track, blackhole, unreachable or "
       "prohibit)"},
      {"route without destination",
       "vrrp_instance VI_1 {\n"
       "    interface eth0\n"
       "    virtual_router_id 51\n"
       "    virtual_ipaddress {\n"
       "        192.0.2.100/24\n"
       "    }\n"
       "virtual_routes {\n"
       "via 192.0.2.1\n"
       "}\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:8:1: virtual_routes: expected a destination prefix or default, got "
       "nothing"},
      {"route families",
       "vrrp_instance VI_1 {\n"
       "    interface eth0\n"
       "    virtual_router_id 51\n"
       "    virtual_ipaddress {\n"
       "        192.0.2.100/24\n"
       "    }\n"
       "virtual_routes {\n"
       "2001:db8::/64 via 192.0.2.1\n"
       "}\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:8:1: virtual_routes: via 192.0.2.1 and the destination 2001:db8::/64 "
       "are of different families"},
      {"route option value missing",
       "vrrp_instance VI_1 {\n"
       "    interface eth0\n"
       "    virtual_router_id 51\n"
       "    virtual_ipaddress {\n"
       "        192.0.2.100/24\n"
       "    }\n"
       "virtual_routes {\n"
       "198.51.100.0/24 via\n"
       "}\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:8:17: virtual_routes: via: expected an IPv4 or IPv6 address, got "
       "nothing"},
      {"tracker line with a block",
       "vrrp_instance VI_1 {\n"
       "    interface eth0\n"
       "    virtual_router_id 51\n"
       "    virtual_ipaddress {\n"
       "        192.0.2.100/24\n"
       "    }\n"
       "track_interface {\n"
       " eth1 { x }\n"
       "}\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:8:7: track_interface: unexpected { } block"},
      {"tracker weight missing",
       "vrrp_instance VI_1 {\n"
       "    interface eth0\n"
       "    virtual_router_id 51\n"
       "    virtual_ipaddress {\n"
       "        192.0.2.100/24\n"
       "    }\n"
       "track_interface {\n"
       " eth1 weight\n"
       "}\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:8:7: track_interface: weight: expected an integer from -253 to 253, "
       "got nothing"},
      {"tracker unknown word",
       "vrrp_instance VI_1 {\n"
       "    interface eth0\n"
       "    virtual_router_id 51\n"
       "    virtual_ipaddress {\n"
       "        192.0.2.100/24\n"
       "    }\n"
       "track_interface {\n"
       " eth1 heavy\n"
       "}\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:8:7: track_interface: expected weight or reverse after \"eth1\", got "
       "\"heavy\""},
      {"tracker listed twice",
       "vrrp_instance VI_1 {\n"
       "    interface eth0\n"
       "    virtual_router_id 51\n"
       "    virtual_ipaddress {\n"
       "        192.0.2.100/24\n"
       "    }\n"
       "track_interface {\n"
       " eth1\n"
       " eth1\n"
       "}\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:9:2: track_interface: \"eth1\" is listed twice"},
      {"track_interface name",
       "vrrp_instance VI_1 {\n"
       "    interface eth0\n"
       "    virtual_router_id 51\n"
       "    virtual_ipaddress {\n"
       "        192.0.2.100/24\n"
       "    }\n"
       "track_interface {\n"
       " an_interface_too_long\n"
       "}\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:8:2: track_interface: expected an interface name of 1-15 characters, "
       "got \"an_interface_too_long\""},
      {"track_script of no vrrp_script",
       "vrrp_instance VI_1 {\n"
       "    interface eth0\n"
       "    virtual_router_id 51\n"
       "    virtual_ipaddress {\n"
       "        192.0.2.100/24\n"
       "    }\n"
       "track_script {\n"
       " chk\n"
       "}\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:8:2: track_script: no vrrp_script named \"chk\""},
      {"vrrp_script interval",
       "vrrp_script chk {\n"
       " script /bin/true\n"
       " interval 0\n"
       "}\n"
       "vrrp_instance VI_1 {\n"
       "    interface eth0\n"
       "    virtual_router_id 51\n"
       "    virtual_ipaddress {\n"
       "        192.0.2.100/24\n"
       "    }\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:3:11: interval: expected seconds 0.001-86400, got \"0\""},
      {"vrrp_script empty command",
       "vrrp_script chk {\n"
       " script \"\"\n"
       "}\n"
       "vrrp_instance VI_1 {\n"
       "    interface eth0\n"
       "    virtual_router_id 51\n"
       "    virtual_ipaddress {\n"
       "        192.0.2.100/24\n"
       "    }\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:2:9: script: expected a command, got \"\""},
      {"vrrp_script weight suffix",
       "vrrp_script chk {\n"
       " script /bin/true\n"
       " weight 5 upside\n"
       "}\n"
       "vrrp_instance VI_1 {\n"
       "    interface eth0\n"
       "    virtual_router_id 51\n"
       "    virtual_ipaddress {\n"
       "        192.0.2.100/24\n"
       "    }\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:3:11: weight: expected reverse, got \"upside\""},
      {"vrrp_script without a name",
       "vrrp_script {\n"
       " script /bin/true\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:1:1: vrrp_script: expected one script name, got nothing"},
      {"vrrp_script without script",
       "vrrp_script chk {\n"
       " interval 2\n"
       "}\n"
       "vrrp_instance VI_1 {\n"
       "    interface eth0\n"
       "    virtual_router_id 51\n"
       "    virtual_ipaddress {\n"
       "        192.0.2.100/24\n"
       "    }\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:1:13: vrrp_script chk: script is missing"},
      {"vrrp_script defined twice",
       "vrrp_script chk {\n"
       " script /bin/true\n"
       "}\n"
       "vrrp_script chk {\n"
       " script /bin/false\n"
       "}\n"
       "vrrp_instance VI_1 {\n"
       "    interface eth0\n"
       "    virtual_router_id 51\n"
       "    virtual_ipaddress {\n"
       "        192.0.2.100/24\n"
       "    }\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:4:13: vrrp_script chk: defined twice (first at "
       "/etc/vrrpd/vrrpd.conf:1:13)"},
      {"track_file weight suffix",
       "track_file tf {\n"
       " file /run/tf\n"
       " weight 1 upside\n"
       "}\n"
       "vrrp_instance VI_1 {\n"
       "    interface eth0\n"
       "    virtual_router_id 51\n"
       "    virtual_ipaddress {\n"
       "        192.0.2.100/24\n"
       "    }\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:3:11: weight: expected reverse, got \"upside\""},
      {"track_file init_file suffix",
       "track_file tf {\n"
       " file /run/tf\n"
       " init_file 1 always\n"
       "}\n"
       "vrrp_instance VI_1 {\n"
       "    interface eth0\n"
       "    virtual_router_id 51\n"
       "    virtual_ipaddress {\n"
       "        192.0.2.100/24\n"
       "    }\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:3:14: init_file: expected overwrite, got \"always\""},
      {"track_file without a name",
       "track_file {\n"
       " file /run/tf\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:1:1: track_file: expected one track_file name, got nothing"},
      {"track_file without file",
       "track_file tf {\n"
       " weight 1\n"
       "}\n"
       "vrrp_instance VI_1 {\n"
       "    interface eth0\n"
       "    virtual_router_id 51\n"
       "    virtual_ipaddress {\n"
       "        192.0.2.100/24\n"
       "    }\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:1:12: track_file tf: file is missing"},
      {"sync group member twice",
       "vrrp_instance VI_1 {\n"
       "    interface eth0\n"
       "    virtual_router_id 51\n"
       "    virtual_ipaddress {\n"
       "        192.0.2.100/24\n"
       "    }\n"
       "}\n"
       "vrrp_sync_group G {\n"
       " group {\n"
       "  VI_1 VI_1\n"
       " }\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:10:8: group: \"VI_1\" is listed twice"},
      {"sync group without a name",
       "vrrp_instance VI_1 {\n"
       "    interface eth0\n"
       "    virtual_router_id 51\n"
       "    virtual_ipaddress {\n"
       "        192.0.2.100/24\n"
       "    }\n"
       "}\n"
       "vrrp_sync_group {\n"
       " group {\n"
       "  VI_1\n"
       " }\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:8:1: vrrp_sync_group: expected one group name, got nothing"},
      {"sync group empty",
       "vrrp_instance VI_1 {\n"
       "    interface eth0\n"
       "    virtual_router_id 51\n"
       "    virtual_ipaddress {\n"
       "        192.0.2.100/24\n"
       "    }\n"
       "}\n"
       "vrrp_sync_group G {\n"
       " group {\n"
       " }\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:8:17: vrrp_sync_group G: group { } is missing or empty"},
      {"sync group unknown member",
       "vrrp_instance VI_1 {\n"
       "    interface eth0\n"
       "    virtual_router_id 51\n"
       "    virtual_ipaddress {\n"
       "        192.0.2.100/24\n"
       "    }\n"
       "}\n"
       "vrrp_sync_group G {\n"
       " group {\n"
       "  VI_9\n"
       " }\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:10:3: group: no vrrp_instance named \"VI_9\""},
      {"instance in two sync groups",
       "vrrp_instance VI_1 {\n"
       "    interface eth0\n"
       "    virtual_router_id 51\n"
       "    virtual_ipaddress {\n"
       "        192.0.2.100/24\n"
       "    }\n"
       "}\n"
       "vrrp_sync_group G {\n"
       " group {\n"
       "  VI_1\n"
       " }\n"
       "}\n"
       "vrrp_sync_group H {\n"
       " group {\n"
       "  VI_1\n"
       " }\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:15:3: group: vrrp_instance VI_1 is already in vrrp_sync_group G"},
      {"duplicate VRID",
       "vrrp_instance VI_1 {\n"
       "    interface eth0\n"
       "    virtual_router_id 51\n"
       "    virtual_ipaddress {\n"
       "        192.0.2.100/24\n"
       "    }\n"
       "}\n"
       "vrrp_instance VI_2 {\n"
       "    interface eth0\n"
       "    virtual_router_id 51\n"
       "    virtual_ipaddress {\n"
       "        192.0.2.100/24\n"
       "    }\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:10:23: virtual_router_id: 51 on eth0 (IPv4) is already used by "
       "vrrp_instance VI_1 (/etc/vrrpd/vrrpd.conf:1:15)"},
      {"duplicate VRID without an interface",
       "vrrp_instance U1 {\n"
       "    virtual_router_id 51\n"
       "    unicast_peer {\n"
       "        192.0.2.12\n"
       "    }\n"
       "    virtual_ipaddress {\n"
       "        192.0.2.100/24\n"
       "    }\n"
       "}\n"
       "vrrp_instance U2 {\n"
       "    virtual_router_id 51\n"
       "    unicast_peer {\n"
       "        192.0.2.12\n"
       "    }\n"
       "    virtual_ipaddress {\n"
       "        192.0.2.100/24\n"
       "    }\n"
       "}\n",
       {},
       "/etc/vrrpd/vrrpd.conf:11:23: virtual_router_id: 51 on no interface (IPv4) is already used "
       "by vrrp_instance U1 (/etc/vrrpd/vrrpd.conf:1:15)"},
  };
  // Includes nested deeper than 32: a0 includes a1 includes ... a40, no loop by name.
  ErrorCase deep{"includes nested too deep",
                 "include a0.conf\n",
                 {},
                 "/etc/vrrpd/a30.conf:1:9: include: includes nested more than 32 deep"};
  for (int i = 0; i < 40; ++i) {
    deep.files.emplace_back("/etc/vrrpd/a" + std::to_string(i) + ".conf",
                            "include a" + std::to_string(i + 1) + ".conf\n");
  }
  t.push_back(deep);
  // 256 virtual addresses: one more than Count IPvX Addr holds.
  std::string addresses;
  for (int i = 0; i < 128; ++i) {
    addresses +=
        " 198.51.100." + std::to_string(i) + "/32\n 203.0.113." + std::to_string(i) + "/32\n";
  }
  t.push_back({"more than 255 addresses",
               test::instance("virtual_ipaddress {\n" + addresses + "}\n"),
               {},
               "/etc/vrrpd/vrrpd.conf:262:2: virtual_ipaddress: more than 255 addresses (Count "
               "IPvX Addr is 8 bits, RFC 9568 §5.2.5)"});
  return t;
}

// The what() of parsing the case, or "" when it parses.
std::string what_of(const ErrorCase& e) {
  FakeFiles files;
  for (const auto& [path, text] : e.files)
    files.add(path, text);
  try {
    parse_config_text(e.config, kPath, files);
  } catch (const ConfigError& error) {
    return error.what();
  }
  return "";
}

// The configuration file itself cannot be read.
std::string unreadable_file_message() {
  FakeFiles files;
  try {
    parse_config("/etc/vrrpd/missing.conf", files);
  } catch (const ConfigError& error) {
    return error.what();
  }
  return "";
}

std::filesystem::path source_dir() {
  // tests/unit/config/test_error_table.cpp -> the repository's vrrp/
  return std::filesystem::path(__FILE__).parent_path().parent_path().parent_path().parent_path() /
         "vrrp";
}

std::string unescape(const std::string& literal) {
  std::string out;
  for (std::size_t i = 0; i < literal.size(); ++i) {
    if (literal[i] == '\\' && i + 1 < literal.size()) {
      const char c = literal[++i];
      out += c == 'n' ? '\n' : c;
    } else {
      out += literal[i];
    }
  }
  return out;
}

// A place in the parser's sources that throws a message, and the text it puts in it.
struct ThrowSite {
  std::string where;                   // file:line
  std::vector<std::string> fragments;  // its string literals, in order
};

// Every fail(...), fail_expected(...) and throw ConfigError(...) statement of
// vrrp/config*.{cpp,hpp} with the string literals it holds (literals of 3 characters or
// fewer, such as ", got ", say nothing about which message it is and are left out). A
// statement without literals passes on a message made elsewhere and is not a message of its
// own.
std::vector<ThrowSite> throw_sites() {
  std::vector<ThrowSite> sites;
  const std::regex call(R"((^|[^A-Za-z0-9_])(fail|fail_expected|throw ConfigError)\s*\()");
  const std::regex literal(R"re("((?:[^"\\]|\\.)*)")re");
  for (const auto& entry : std::filesystem::directory_iterator(source_dir())) {
    const std::string name = entry.path().filename();
    if (!name.starts_with("config") ||
        (entry.path().extension() != ".cpp" && entry.path().extension() != ".hpp")) {
      continue;
    }
    std::ifstream in(entry.path());
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string text = buffer.str();
    for (auto it = std::sregex_iterator(text.begin(), text.end(), call);
         it != std::sregex_iterator(); ++it) {
      const std::size_t start = static_cast<std::size_t>(it->position(2));
      const std::size_t line_start = text.rfind('\n', start) + 1;
      const std::string before = text.substr(line_start, start - line_start);
      if (before.find("void") != std::string::npos || before.find("//") != std::string::npos) {
        continue;  // the declaration or definition of fail itself, or a comment
      }
      const std::size_t end = text.find(';', start);
      const std::string statement = text.substr(start, end - start);
      ThrowSite site{
          name + ":" +
              std::to_string(
                  std::count(text.begin(), text.begin() + static_cast<long>(start), '\n') + 1),
          {}};
      for (auto l = std::sregex_iterator(statement.begin(), statement.end(), literal);
           l != std::sregex_iterator(); ++l) {
        const std::string fragment = unescape((*l)[1]);
        if (fragment.size() > 3) site.fragments.push_back(fragment);
      }
      if (!site.fragments.empty()) sites.push_back(site);
    }
  }
  return sites;
}

bool holds_in_order(const std::string& message, const std::vector<std::string>& fragments) {
  std::size_t pos = 0;
  for (const std::string& f : fragments) {
    pos = message.find(f, pos);
    if (pos == std::string::npos) return false;
    pos += f.size();
  }
  return true;
}

}  // namespace

TEST_CASE("error table: each message with its file:line:column", "[config][errors]") {
  for (const ErrorCase& e : table()) {
    INFO(e.name << ":\n" << e.config);
    CHECK(what_of(e) == e.expected);
  }
  CHECK(unreadable_file_message() == "/etc/vrrpd/missing.conf: cannot read the configuration file");
}

TEST_CASE("error table: every message the parser's sources throw has a row", "[config][errors]") {
  std::vector<std::string> messages;
  for (const ErrorCase& e : table())
    messages.push_back(what_of(e));
  messages.push_back(unreadable_file_message());

  const std::vector<ThrowSite> sites = throw_sites();
  // The scan finds the parser's messages (a broken scan must not pass by finding none).
  CHECK(sites.size() >= 60);
  for (const ThrowSite& site : sites) {
    std::string text;
    for (const auto& f : site.fragments)
      text += "[" + f + "]";
    INFO(site.where << " throws a message with " << text
                    << ": add a row that triggers it to the error table");
    CHECK(std::any_of(messages.begin(), messages.end(),
                      [&](const std::string& m) { return holds_in_order(m, site.fragments); }));
  }
}
