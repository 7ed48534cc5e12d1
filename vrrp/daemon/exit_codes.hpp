// vrrpd's exit statuses, keepalived's numbering where the meaning is the same (keepalived's
// daemon.h: 3 fatal, 4 config, 5 config test) so scripts written for keepalived read them alike.
#pragma once

namespace vrrp::daemon {

enum class ExitCode : int {
  ok = 0,               // ran and stopped on SIGTERM/SIGINT; -t found nothing; -h, -v
  usage = 1,            // a bad command line
  internal = 2,         // an unexpected error inside vrrpd (a bug)
  fatal = 3,            // start-up failed: pid file, state directory, sockets, netlink,
                        // a missing interface, or the daemon died before it was ready
  config = 4,           // the configuration has an error (also with -t), or cannot be read
  config_warnings = 5,  // -t only: the configuration is usable but has warnings
};

}  // namespace vrrp::daemon
