// vrrpdump: prints the VRRP advertisements of a live capture or a pcap file with the verdict
// vrrpd would give them, or a per-group summary. See man/vrrpdump.8.
#include <signal.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "tools/vrrpdump/capture.hpp"
#include "tools/vrrpdump/dumper.hpp"
#include "tools/vrrpdump/link_layer.hpp"
#include "tools/vrrpdump/options.hpp"

namespace {

using vrrp::dump::Capture;
using vrrp::dump::ExitCode;

volatile std::sig_atomic_t g_stop = 0;
Capture* g_capture = nullptr;

void on_stop_signal(int) {
  g_stop = 1;
  if (g_capture != nullptr) g_capture->break_loop();
}

// SIGINT and SIGTERM end the capture and print the summary. Installed with sigaction even
// when the signal was inherited ignored (a background job of a non-interactive shell).
void install_signal_handlers() {
  struct sigaction action {};
  action.sa_handler = on_stop_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;  // no SA_RESTART: a blocked read returns
  sigaction(SIGINT, &action, nullptr);
  sigaction(SIGTERM, &action, nullptr);
}

void write_out(const std::string& text, bool flush) {
  if (text.empty()) return;
  std::fwrite(text.data(), 1, text.size(), stdout);
  if (flush) std::fflush(stdout);
}

int exit_code(ExitCode code) {
  return static_cast<int>(code);
}

std::int64_t wall_clock_us() {
  return std::chrono::duration_cast<std::chrono::microseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string_view> args(argv + 1, argv + argc);
  const auto parsed = vrrp::dump::parse_options(args);
  if (const auto* error = std::get_if<vrrp::dump::UsageError>(&parsed)) {
    std::fprintf(stderr, "vrrpdump: %s\n(vrrpdump --help lists the options)\n",
                 error->message.c_str());
    return exit_code(ExitCode::usage);
  }
  const auto& options = std::get<vrrp::dump::Options>(parsed);
  if (options.help) {
    write_out(vrrp::dump::help_text(), true);
    return exit_code(ExitCode::ok);
  }
  if (options.version) {
    write_out("vrrpdump " VRRPD_VERSION "\n", true);
    return exit_code(ExitCode::ok);
  }

  try {
    const bool live = options.interface.has_value();
    Capture capture =
        live ? Capture::open_live(*options.interface) : Capture::open_file(*options.file);
    if (!vrrp::dump::link_type_supported(capture.link_type())) {
      std::fprintf(stderr, "vrrpdump: link type %s is not supported\n",
                   capture.link_type_name().c_str());
      return exit_code(ExitCode::capture);
    }
    g_capture = &capture;
    install_signal_handlers();
    if (live) {
      std::fprintf(stderr, "vrrpdump: listening on %s, link type %s\n", options.interface->c_str(),
                   capture.link_type_name().c_str());
    }

    vrrp::dump::Dumper dumper(capture.link_type(), options.mode, options.summary);
    vrrp::dump::Frame frame;
    while (g_stop == 0) {
      const Capture::Next next = capture.next(frame);
      if (next == Capture::Next::end) break;
      if (next == Capture::Next::timeout) continue;
      write_out(dumper.frame(frame.time_us, frame.bytes), live);
      if (options.count && dumper.vrrp_packets() >= *options.count) break;
    }
    g_capture = nullptr;
    write_out(dumper.finish(live ? wall_clock_us() : 0), true);
    std::fflush(stdout);
  } catch (const vrrp::dump::CaptureError& e) {
    g_capture = nullptr;
    std::fflush(stdout);
    std::fprintf(stderr, "vrrpdump: %s\n", e.what());
    return exit_code(ExitCode::capture);
  }
  return exit_code(ExitCode::ok);
}
