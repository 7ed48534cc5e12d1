// vrrp_prober: measures what a client of a virtual IP sees during a failover.
//
//   vrrp_prober serve --port P --name NAME
//     UDP echo on every address of the host (IPv4 and IPv6). Each reply carries NAME, so the
//     client knows which router answered, and leaves from the address the probe was sent to
//     (the VIP), as a real service behind a VIP would.
//
//   vrrp_prober probe --target ADDR --port P [--interval-us 1000] [--duration-ms N] [--json]
//                     [--live]
//     Sends one datagram per interval carrying a sequence number and a timestamp, records every
//     reply, and prints the longest outage (the longest gap between consecutive replies), the
//     number of lost probes and the timeline of responders. --duration-ms 0 (the default) runs
//     until SIGINT or SIGTERM. --live narrates silences, resumptions and responder changes on
//     stderr as they happen (for tools/demo).
//
// Plain C++ and system headers only: it is a test tool, not part of vrrpd.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cinttypes>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace {

// ---- small utilities -----------------------------------------------------------------------

volatile sig_atomic_t g_stop = 0;
void on_signal(int) {
  g_stop = 1;
}

void install_signal_handlers() {
  struct sigaction sa {};
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
}

// A file descriptor that closes itself.
class Fd {
 public:
  explicit Fd(int fd = -1) : fd_(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  Fd(Fd&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
  ~Fd() {
    if (fd_ >= 0) close(fd_);
  }
  int get() const { return fd_; }
  bool valid() const { return fd_ >= 0; }

 private:
  int fd_;
};

std::int64_t clock_ns(clockid_t id) {
  timespec ts{};
  clock_gettime(id, &ts);
  return std::int64_t{ts.tv_sec} * 1'000'000'000 + ts.tv_nsec;
}
std::int64_t mono_ns() {
  return clock_ns(CLOCK_MONOTONIC);
}

[[noreturn]] void die(const std::string& what) {
  std::fprintf(stderr, "vrrp_prober: %s\n", what.c_str());
  std::exit(2);
}

[[noreturn]] void die_errno(const std::string& what) {
  die(what + ": " + std::strerror(errno));
}

// ---- the probe datagram --------------------------------------------------------------------
// 4-byte magic, 8-byte sequence number, 8-byte send time (ns, monotonic), all big-endian.
// A reply is the same 20 bytes followed by the responder's name.

constexpr char kMagic[4] = {'V', 'P', 'R', '1'};
constexpr std::size_t kHeaderSize = 20;

void put_u64(std::uint8_t* out, std::uint64_t v) {
  for (int i = 7; i >= 0; --i) {
    out[i] = static_cast<std::uint8_t>(v & 0xff);
    v >>= 8;
  }
}

std::uint64_t get_u64(const std::uint8_t* in) {
  std::uint64_t v = 0;
  for (int i = 0; i < 8; ++i)
    v = (v << 8) | in[i];
  return v;
}

struct ProbeHeader {
  std::uint64_t seq;
  std::int64_t sent_ns;
};

std::optional<ProbeHeader> parse_header(const std::uint8_t* buf, std::size_t len) {
  if (len < kHeaderSize || std::memcmp(buf, kMagic, sizeof kMagic) != 0) return std::nullopt;
  return ProbeHeader{get_u64(buf + 4), static_cast<std::int64_t>(get_u64(buf + 12))};
}

// ---- command line --------------------------------------------------------------------------

struct Options {
  std::string mode;
  std::string name = "unnamed";
  std::string target;
  int port = 7000;
  long interval_us = 1000;
  long duration_ms = 0;
  bool json = false;
  bool live = false;
};

[[noreturn]] void usage() {
  std::fprintf(stderr,
               "usage: vrrp_prober serve --port P --name NAME\n"
               "       vrrp_prober probe --target ADDR --port P [--interval-us US]\n"
               "                         [--duration-ms MS] [--json] [--live]\n");
  std::exit(2);
}

long parse_number(const char* text, long min, long max) {
  char* end = nullptr;
  errno = 0;
  long v = std::strtol(text, &end, 10);
  if (errno != 0 || end == text || *end != '\0' || v < min || v > max) usage();
  return v;
}

Options parse_options(int argc, char** argv) {
  if (argc < 2) usage();
  Options o;
  o.mode = argv[1];
  if (o.mode != "serve" && o.mode != "probe") usage();
  for (int i = 2; i < argc; ++i) {
    std::string a = argv[i];
    auto value = [&]() -> const char* {
      if (i + 1 >= argc) usage();
      return argv[++i];
    };
    if (a == "--port") {
      o.port = static_cast<int>(parse_number(value(), 1, 65535));
    } else if (a == "--name") {
      o.name = value();
    } else if (a == "--target") {
      o.target = value();
    } else if (a == "--interval-us") {
      o.interval_us = parse_number(value(), 10, 10'000'000);
    } else if (a == "--duration-ms") {
      o.duration_ms = parse_number(value(), 0, 86'400'000);
    } else if (a == "--json") {
      o.json = true;
    } else if (a == "--live") {
      o.live = true;
    } else {
      usage();
    }
  }
  if (o.mode == "probe" && o.target.empty()) usage();
  return o;
}

// ---- serve ---------------------------------------------------------------------------------

Fd open_server_socket(int family, int port) {
  Fd s(socket(family, SOCK_DGRAM | SOCK_CLOEXEC, 0));
  if (!s.valid()) die_errno("socket");
  int on = 1;
  setsockopt(s.get(), SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
  if (family == AF_INET) {
    // The destination of each probe, so the reply leaves from the VIP it was sent to.
    if (setsockopt(s.get(), IPPROTO_IP, IP_PKTINFO, &on, sizeof on) < 0) die_errno("IP_PKTINFO");
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<std::uint16_t>(port));
    a.sin_addr.s_addr = htonl(INADDR_ANY);
    if (bind(s.get(), reinterpret_cast<sockaddr*>(&a), sizeof a) < 0) die_errno("bind IPv4");
  } else {
    // IPv4 has its own socket; this one takes IPv6 only.
    setsockopt(s.get(), IPPROTO_IPV6, IPV6_V6ONLY, &on, sizeof on);
    if (setsockopt(s.get(), IPPROTO_IPV6, IPV6_RECVPKTINFO, &on, sizeof on) < 0) {
      die_errno("IPV6_RECVPKTINFO");
    }
    sockaddr_in6 a{};
    a.sin6_family = AF_INET6;
    a.sin6_port = htons(static_cast<std::uint16_t>(port));
    a.sin6_addr = in6addr_any;
    if (bind(s.get(), reinterpret_cast<sockaddr*>(&a), sizeof a) < 0) die_errno("bind IPv6");
  }
  return s;
}

// Reads one datagram and answers it from the address it was sent to.
void answer_one(int fd, const std::string& name) {
  std::uint8_t buf[2048];
  sockaddr_storage peer{};
  alignas(cmsghdr) char control[256];
  iovec iov{buf, sizeof buf};
  msghdr msg{};
  msg.msg_name = &peer;
  msg.msg_namelen = sizeof peer;
  msg.msg_iov = &iov;
  msg.msg_iovlen = 1;
  msg.msg_control = control;
  msg.msg_controllen = sizeof control;
  ssize_t n = recvmsg(fd, &msg, MSG_DONTWAIT);
  if (n < 0 || !parse_header(buf, static_cast<std::size_t>(n))) return;

  std::optional<in_pktinfo> dst4;
  std::optional<in6_pktinfo> dst6;
  for (cmsghdr* c = CMSG_FIRSTHDR(&msg); c != nullptr; c = CMSG_NXTHDR(&msg, c)) {
    if (c->cmsg_level == IPPROTO_IP && c->cmsg_type == IP_PKTINFO) {
      in_pktinfo info{};
      std::memcpy(&info, CMSG_DATA(c), sizeof info);
      dst4 = info;
    } else if (c->cmsg_level == IPPROTO_IPV6 && c->cmsg_type == IPV6_PKTINFO) {
      in6_pktinfo info{};
      std::memcpy(&info, CMSG_DATA(c), sizeof info);
      dst6 = info;
    }
  }

  std::vector<std::uint8_t> reply(buf, buf + kHeaderSize);
  reply.insert(reply.end(), name.begin(), name.end());
  iovec out_iov{reply.data(), reply.size()};
  alignas(cmsghdr) char out_control[CMSG_SPACE(sizeof(in6_pktinfo))] = {};
  msghdr out{};
  out.msg_name = &peer;
  out.msg_namelen = msg.msg_namelen;
  out.msg_iov = &out_iov;
  out.msg_iovlen = 1;
  if (dst4) {
    out.msg_control = out_control;
    out.msg_controllen = CMSG_SPACE(sizeof(in_pktinfo));
    cmsghdr* c = CMSG_FIRSTHDR(&out);
    c->cmsg_level = IPPROTO_IP;
    c->cmsg_type = IP_PKTINFO;
    c->cmsg_len = CMSG_LEN(sizeof(in_pktinfo));
    in_pktinfo info{};
    info.ipi_spec_dst = dst4->ipi_addr;  // the header's destination: the VIP
    std::memcpy(CMSG_DATA(c), &info, sizeof info);
  } else if (dst6) {
    out.msg_control = out_control;
    out.msg_controllen = CMSG_SPACE(sizeof(in6_pktinfo));
    cmsghdr* c = CMSG_FIRSTHDR(&out);
    c->cmsg_level = IPPROTO_IPV6;
    c->cmsg_type = IPV6_PKTINFO;
    c->cmsg_len = CMSG_LEN(sizeof(in6_pktinfo));
    in6_pktinfo info{};
    info.ipi6_addr = dst6->ipi6_addr;
    std::memcpy(CMSG_DATA(c), &info, sizeof info);
  }
  // A failure here (the VIP left this host a moment ago) is a lost reply, which is the truth.
  sendmsg(fd, &out, MSG_DONTWAIT);
}

int serve(const Options& o) {
  Fd s4 = open_server_socket(AF_INET, o.port);
  Fd s6 = open_server_socket(AF_INET6, o.port);
  std::fprintf(stderr, "vrrp_prober: serving as %s on port %d\n", o.name.c_str(), o.port);
  pollfd fds[2] = {{s4.get(), POLLIN, 0}, {s6.get(), POLLIN, 0}};
  while (!g_stop) {
    int n = poll(fds, 2, 500);
    if (n < 0) {
      if (errno == EINTR) continue;
      die_errno("poll");
    }
    for (const pollfd& p : fds) {
      if (p.revents & POLLIN) answer_one(p.fd, o.name);
    }
  }
  return 0;
}

// ---- probe ---------------------------------------------------------------------------------

struct Reply {
  std::uint64_t seq;
  std::int64_t recv_ns;  // monotonic, relative to the start of the run
  std::string responder;
};

struct Target {
  sockaddr_storage addr{};
  socklen_t len = 0;
  int family = AF_UNSPEC;
};

Target parse_target(const std::string& text, int port) {
  Target t;
  sockaddr_in a4{};
  sockaddr_in6 a6{};
  if (inet_pton(AF_INET, text.c_str(), &a4.sin_addr) == 1) {
    a4.sin_family = AF_INET;
    a4.sin_port = htons(static_cast<std::uint16_t>(port));
    std::memcpy(&t.addr, &a4, sizeof a4);
    t.len = sizeof a4;
    t.family = AF_INET;
  } else if (inet_pton(AF_INET6, text.c_str(), &a6.sin6_addr) == 1) {
    a6.sin6_family = AF_INET6;
    a6.sin6_port = htons(static_cast<std::uint16_t>(port));
    std::memcpy(&t.addr, &a6, sizeof a6);
    t.len = sizeof a6;
    t.family = AF_INET6;
  } else {
    die("not an IPv4 or IPv6 address: " + text);
  }
  return t;
}

double ms(std::int64_t ns) {
  return static_cast<double>(ns) / 1e6;
}

// Narrates, as they happen, what a person watching the client would want to know.
class LiveNarrator {
 public:
  LiveNarrator(bool enabled, std::int64_t silence_ns)
      : enabled_(enabled), silence_ns_(silence_ns) {}

  void on_reply(std::int64_t now, const std::string& responder) {
    if (!enabled_) return;
    if (last_ns_ < 0) {
      say(now, "first reply, from " + responder);
    } else if (silent_) {
      char text[200];
      std::snprintf(text, sizeof text, "replies resumed, from %s%s%s, after an outage of %.1f ms",
                    responder.c_str(), responder != last_responder_ ? " (was " : "",
                    responder != last_responder_ ? (last_responder_ + ")").c_str() : "",
                    ms(now - last_ns_));
      say(now, text);
    } else if (responder != last_responder_) {
      say(now, "now answered by " + responder + " (was " + last_responder_ + ")");
    }
    silent_ = false;
    last_ns_ = now;
    last_responder_ = responder;
  }

  void on_tick(std::int64_t now) {
    if (!enabled_ || silent_ || last_ns_ < 0 || now - last_ns_ < silence_ns_) return;
    silent_ = true;
    say(now, "no reply for " + std::to_string(silence_ns_ / 1'000'000) + " ms (last from " +
                 last_responder_ + ")");
  }

 private:
  void say(std::int64_t now, const std::string& text) {
    // On stderr, so the summary on stdout stays machine-readable.
    std::fprintf(stderr, "[prober %8.3f s] %s\n", static_cast<double>(now) / 1e9, text.c_str());
  }

  bool enabled_;
  std::int64_t silence_ns_;
  std::int64_t last_ns_ = -1;
  std::string last_responder_;
  bool silent_ = false;
};

void receive_all(int fd, std::int64_t start, std::vector<Reply>& replies, LiveNarrator& live) {
  for (;;) {
    std::uint8_t buf[2048];
    ssize_t n = recv(fd, buf, sizeof buf, MSG_DONTWAIT);
    if (n < 0) return;  // EAGAIN, or an ICMP error reported on the socket: nothing to record
    auto header = parse_header(buf, static_cast<std::size_t>(n));
    if (!header) continue;
    std::int64_t now = mono_ns() - start;
    std::string responder(reinterpret_cast<const char*>(buf) + kHeaderSize,
                          static_cast<std::size_t>(n) - kHeaderSize);
    live.on_reply(now, responder);
    replies.push_back({header->seq, now, std::move(responder)});
  }
}

struct Segment {
  std::int64_t from_ns;
  std::int64_t to_ns;
  std::string responder;
  std::size_t replies;
};

struct Summary {
  std::uint64_t sent = 0;
  std::uint64_t send_errors = 0;
  std::size_t received = 0;  // distinct sequence numbers answered
  std::size_t duplicates = 0;
  std::uint64_t longest_loss_run = 0;  // consecutive unanswered probes
  std::int64_t outage_ns = 0;          // longest gap between consecutive replies
  std::int64_t outage_from_ns = 0;
  std::int64_t outage_to_ns = 0;
  std::int64_t first_reply_ns = -1;
  std::int64_t last_reply_ns = -1;
  std::int64_t run_ns = 0;
  std::vector<Segment> timeline;
};

Summary summarize(std::vector<Reply> replies, std::uint64_t sent, std::uint64_t send_errors,
                  std::int64_t run_ns) {
  Summary s;
  s.sent = sent;
  s.send_errors = send_errors;
  s.run_ns = run_ns;
  std::sort(replies.begin(), replies.end(),
            [](const Reply& a, const Reply& b) { return a.recv_ns < b.recv_ns; });
  std::set<std::uint64_t> answered;
  for (const Reply& r : replies) {
    if (!answered.insert(r.seq).second) ++s.duplicates;
  }
  s.received = answered.size();

  std::uint64_t expected = 0;
  for (std::uint64_t seq : answered) {
    s.longest_loss_run = std::max(s.longest_loss_run, seq - expected);
    expected = seq + 1;
  }
  s.longest_loss_run = std::max(s.longest_loss_run, sent - std::min(sent, expected));

  if (replies.empty()) {
    s.outage_ns = run_ns;
    s.outage_to_ns = run_ns;
    return s;
  }
  s.first_reply_ns = replies.front().recv_ns;
  s.last_reply_ns = replies.back().recv_ns;
  for (std::size_t i = 1; i < replies.size(); ++i) {
    std::int64_t gap = replies[i].recv_ns - replies[i - 1].recv_ns;
    if (gap > s.outage_ns) {
      s.outage_ns = gap;
      s.outage_from_ns = replies[i - 1].recv_ns;
      s.outage_to_ns = replies[i].recv_ns;
    }
  }
  for (const Reply& r : replies) {
    if (s.timeline.empty() || s.timeline.back().responder != r.responder) {
      s.timeline.push_back({r.recv_ns, r.recv_ns, r.responder, 0});
    }
    s.timeline.back().to_ns = r.recv_ns;
    ++s.timeline.back().replies;
  }
  return s;
}

std::string json_string(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char esc[8];
      std::snprintf(esc, sizeof esc, "\\u%04x", c);
      out += esc;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

void print_summary(const Summary& s, double start_epoch, bool json) {
  std::uint64_t lost = s.sent - std::min<std::uint64_t>(s.sent, s.received);
  if (json) {
    std::printf("{\"start_epoch\":%.6f,\"run_ms\":%.3f,\"sent\":%" PRIu64
                ",\"send_errors\":%" PRIu64 ",\"received\":%zu,\"lost\":%" PRIu64
                ",\"duplicates\":%zu,\"longest_loss_run\":%" PRIu64
                ",\"longest_outage_ms\":%.3f,\"outage_from_ms\":%.3f,\"outage_to_ms\":%.3f,"
                "\"first_reply_ms\":%.3f,\"last_reply_ms\":%.3f,\"timeline\":[",
                start_epoch, ms(s.run_ns), s.sent, s.send_errors, s.received, lost, s.duplicates,
                s.longest_loss_run, ms(s.outage_ns), ms(s.outage_from_ns), ms(s.outage_to_ns),
                ms(s.first_reply_ns), ms(s.last_reply_ns));
    for (std::size_t i = 0; i < s.timeline.size(); ++i) {
      const Segment& g = s.timeline[i];
      std::printf("%s{\"from_ms\":%.3f,\"to_ms\":%.3f,\"responder\":%s,\"replies\":%zu}",
                  i ? "," : "", ms(g.from_ns), ms(g.to_ns), json_string(g.responder).c_str(),
                  g.replies);
    }
    std::printf("]}\n");
    return;
  }
  std::printf("start_epoch=%.6f run_ms=%.3f\n", start_epoch, ms(s.run_ns));
  std::printf("sent=%" PRIu64 " received=%zu lost=%" PRIu64 " duplicates=%zu send_errors=%" PRIu64
              " longest_loss_run=%" PRIu64 "\n",
              s.sent, s.received, lost, s.duplicates, s.send_errors, s.longest_loss_run);
  std::printf("outage_ms=%.3f outage_from_ms=%.3f outage_to_ms=%.3f\n", ms(s.outage_ns),
              ms(s.outage_from_ns), ms(s.outage_to_ns));
  std::printf("first_reply_ms=%.3f last_reply_ms=%.3f\n", ms(s.first_reply_ns),
              ms(s.last_reply_ns));
  for (const Segment& g : s.timeline) {
    std::printf("responder from_ms=%.3f to_ms=%.3f name=%s replies=%zu\n", ms(g.from_ns),
                ms(g.to_ns), g.responder.c_str(), g.replies);
  }
}

int probe(const Options& o) {
  Target target = parse_target(o.target, o.port);
  Fd s(socket(target.family, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0));
  if (!s.valid()) die_errno("socket");

  const std::int64_t interval_ns = o.interval_us * 1000;
  const std::int64_t duration_ns = o.duration_ms * 1'000'000;
  // Replies still in flight when sending stops are waited for this long.
  const std::int64_t grace_ns = 200'000'000;
  LiveNarrator live(o.live, std::max<std::int64_t>(50'000'000, 20 * interval_ns));

  const double start_epoch = static_cast<double>(clock_ns(CLOCK_REALTIME)) / 1e9;
  const std::int64_t start = mono_ns();
  std::vector<Reply> replies;
  replies.reserve(duration_ns > 0 ? static_cast<std::size_t>(duration_ns / interval_ns) + 16
                                  : 1 << 16);
  std::uint64_t sent = 0;
  std::uint64_t send_errors = 0;
  std::int64_t next_send = 0;  // relative to start
  std::int64_t stop_sending_at = -1;

  for (;;) {
    std::int64_t now = mono_ns() - start;
    if (stop_sending_at < 0 && (g_stop || (duration_ns > 0 && now >= duration_ns))) {
      stop_sending_at = now;
    }
    if (stop_sending_at >= 0 && now >= stop_sending_at + grace_ns) break;

    if (stop_sending_at < 0 && now >= next_send) {
      std::uint8_t pkt[kHeaderSize];
      std::memcpy(pkt, kMagic, sizeof kMagic);
      put_u64(pkt + 4, sent);
      put_u64(pkt + 12, static_cast<std::uint64_t>(now));
      if (sendto(s.get(), pkt, sizeof pkt, 0, reinterpret_cast<sockaddr*>(&target.addr),
                 target.len) < 0) {
        ++send_errors;  // no neighbour yet, or an ICMP error reported back: a lost probe
      }
      ++sent;
      next_send += interval_ns;
      // Never burst to catch up after a stall: a probe per interval from now on.
      if (next_send < now) next_send = now + interval_ns;
    }

    std::int64_t wait_ns = (stop_sending_at < 0 ? next_send : stop_sending_at + grace_ns) - now;
    wait_ns = std::clamp<std::int64_t>(wait_ns, 0, 10'000'000);
    timespec timeout{static_cast<time_t>(wait_ns / 1'000'000'000),
                     static_cast<long>(wait_ns % 1'000'000'000)};
    pollfd p{s.get(), POLLIN, 0};
    int n = ppoll(&p, 1, &timeout, nullptr);
    if (n < 0 && errno != EINTR) die_errno("ppoll");
    if (n > 0) receive_all(s.get(), start, replies, live);
    if (stop_sending_at < 0) live.on_tick(mono_ns() - start);
  }

  const std::int64_t run_ns = stop_sending_at;
  print_summary(summarize(std::move(replies), sent, send_errors, run_ns), start_epoch, o.json);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Options o = parse_options(argc, argv);
  install_signal_handlers();
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  return o.mode == "serve" ? serve(o) : probe(o);
}
