#include "tools/vrrpdump/capture.hpp"

#include "tools/vrrpdump/options.hpp"

namespace vrrp::dump {

Capture::Capture(pcap_t* handle) : handle_(handle), link_type_(pcap_datalink(handle)) {}

Capture Capture::open_live(const std::string& interface) {
  char error[PCAP_ERRBUF_SIZE] = {};
  pcap_t* raw = pcap_create(interface.c_str(), error);
  if (raw == nullptr) throw CaptureError("cannot capture on " + interface + ": " + error);
  Capture capture(raw);
  pcap_t* p = capture.handle_.get();
  // Adverts are small, but a v3 IPv6 advert with 255 addresses is 4 KB; keep them whole.
  pcap_set_snaplen(p, 65535);
  pcap_set_promisc(p, 1);
  pcap_set_immediate_mode(p, 1);  // each advert as it arrives, not in buffered batches
  pcap_set_timeout(p, 200);       // next() returns `timeout` so signals are noticed
  const int status = pcap_activate(p);
  if (status < 0) {
    throw CaptureError("cannot capture on " + interface + ": " + pcap_statustostr(status) +
                       (status == PCAP_ERROR ? std::string(" (") + pcap_geterr(p) + ")" : ""));
  }
  capture.link_type_ = pcap_datalink(p);
  bpf_program program{};
  const std::string filter(kCaptureFilter);
  if (pcap_compile(p, &program, filter.c_str(), 1, PCAP_NETMASK_UNKNOWN) != 0) {
    throw CaptureError("cannot compile the filter \"" + filter + "\" for " + interface + ": " +
                       pcap_geterr(p));
  }
  const int set = pcap_setfilter(p, &program);
  pcap_freecode(&program);
  if (set != 0) {
    throw CaptureError("cannot set the filter on " + interface + ": " + pcap_geterr(p));
  }
  return capture;
}

Capture Capture::open_file(const std::string& path) {
  char error[PCAP_ERRBUF_SIZE] = {};
  pcap_t* raw = pcap_open_offline(path.c_str(), error);
  if (raw == nullptr) {
    // libpcap names the file itself when the system refused it ("FILE: No such file ...").
    const std::string reason(error);
    throw CaptureError(reason.starts_with(path + ":") ? "cannot read " + reason
                                                      : "cannot read " + path + ": " + reason);
  }
  return Capture(raw);
}

std::string Capture::link_type_name() const {
  const char* name = pcap_datalink_val_to_name(link_type_);
  return name ? std::string(name) : "DLT " + std::to_string(link_type_);
}

Capture::Next Capture::next(Frame& frame) {
  pcap_pkthdr* header = nullptr;
  const u_char* data = nullptr;
  const int status = pcap_next_ex(handle_.get(), &header, &data);
  switch (status) {
    case 1:
      frame.time_us = static_cast<std::int64_t>(header->ts.tv_sec) * 1000000 + header->ts.tv_usec;
      frame.bytes = {data, header->caplen};
      return Next::frame;
    case 0:
      return Next::timeout;
    case PCAP_ERROR_BREAK:
      return Next::end;
    default:
      throw CaptureError(std::string("read error: ") + pcap_geterr(handle_.get()));
  }
}

void Capture::break_loop() {
  pcap_breakloop(handle_.get());
}

}  // namespace vrrp::dump
