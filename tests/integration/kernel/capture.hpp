// Test support: receives the frames arriving on one interface through an AF_PACKET socket,
// as tcpdump would, to check what our announcements look like on the wire.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace kernel_test {

using Frame = std::vector<std::uint8_t>;

class FrameCapture {
 public:
  // Starts capturing on the interface (of the calling thread's namespace) at once.
  explicit FrameCapture(int ifindex);
  ~FrameCapture();
  FrameCapture(const FrameCapture&) = delete;
  FrameCapture& operator=(const FrameCapture&) = delete;

  // The next incoming frame (not ones the interface itself sends) that satisfies `match`,
  // or nullopt after `limit`.
  std::optional<Frame> next(const std::function<bool(const Frame&)>& match,
                            std::chrono::milliseconds limit = std::chrono::seconds(3));

 private:
  int fd_ = -1;
};

// EtherType of a frame (bytes 12-13), or 0 when too short.
std::uint16_t ether_type(const Frame& frame);

}  // namespace kernel_test
