// vrrpdump without the I/O: frames in, text out. main() feeds it from a Capture; the tests feed
// it the fixture captures.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>

#include "tools/vrrpdump/inspect.hpp"
#include "tools/vrrpdump/options.hpp"
#include "tools/vrrpdump/summary.hpp"

namespace vrrp::dump {

class Dumper {
 public:
  Dumper(int link_type, OutputMode mode, bool summary)
      : link_type_(link_type), mode_(mode), summary_mode_(summary) {}

  // One captured frame. Returns the text to print (empty for a frame that is not VRRP, or in
  // --summary mode). `inspected` is set when the frame was VRRP.
  std::string frame(std::int64_t time_us, std::span<const std::uint8_t> bytes,
                    Inspection* inspected = nullptr);
  // The end of the capture at `end_us`: the summary text in --summary mode, else empty.
  std::string finish(std::int64_t end_us);

  std::uint64_t frames() const { return frames_; }
  std::uint64_t vrrp_packets() const { return vrrp_packets_; }
  const Summary& summary() const { return summary_; }

 private:
  int link_type_;
  OutputMode mode_;
  bool summary_mode_;
  GroupReferences groups_;
  Summary summary_;
  std::uint64_t frames_ = 0;
  std::uint64_t vrrp_packets_ = 0;
  std::int64_t last_time_us_ = 0;
};

}  // namespace vrrp::dump
