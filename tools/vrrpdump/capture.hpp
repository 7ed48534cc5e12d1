// The libpcap side of vrrpdump: a live capture on an interface or a saved file, with the VRRP
// filter set, giving frames one by one. Everything else in vrrpdump works on bytes.
#pragma once

#include <pcap/pcap.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>

namespace vrrp::dump {

struct Frame {
  std::int64_t time_us = 0;
  std::span<const std::uint8_t> bytes;  // valid until the next call to next()
};

class CaptureError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Capture {
 public:
  // Live on `interface`: promiscuous, immediate delivery, the BPF filter of kCaptureFilter.
  static Capture open_live(const std::string& interface);
  // A pcap or pcapng file ("-" for stdin). The filter is applied in user space after the link
  // layer is decoded (is_vrrp_protocol), so link types BPF cannot look into still work.
  static Capture open_file(const std::string& path);

  int link_type() const { return link_type_; }
  std::string link_type_name() const;

  enum class Next { frame, timeout, end };
  // Throws CaptureError on a read error.
  Next next(Frame& frame);
  // From a signal handler: makes a blocked next() return `end` soon.
  void break_loop();

 private:
  struct Closer {
    void operator()(pcap_t* p) const { pcap_close(p); }
  };
  explicit Capture(pcap_t* handle);
  std::unique_ptr<pcap_t, Closer> handle_;
  int link_type_ = 0;
};

}  // namespace vrrp::dump
