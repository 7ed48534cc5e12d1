// track_interface / track_script / track_file blocks of vrrp_instance and vrrp_sync_group:
// one tracked thing per line, `NAME [weight N] [reverse|noreverse]`.
#include "vrrp/config_blocks.hpp"

namespace vrrp::config_detail {

namespace {

struct Entry {
  std::string name;
  std::optional<int> weight;
  bool reverse = false;
  SourceLocation where;
};

// keepalived.conf(5): interfaces and scripts weigh -253..253, files -254..254.
std::vector<Entry> entries(const Statement& s, int max_weight, bool allow_noreverse) {
  expect_block(s);
  expect_no_args(s);
  std::vector<Entry> out;
  for (const Statement& line : s.block) {
    if (line.has_block) fail(line.block_open, s.name() + ": unexpected { } block");
    Entry e;
    e.name = line.name();
    e.where = line.keyword().where;
    for (std::size_t i = 1; i < line.words.size(); ++i) {
      const Token& w = line.words[i];
      if (w.text == "weight") {
        const std::string expected =
            "an integer from " + std::to_string(-max_weight) + " to " + std::to_string(max_weight);
        std::optional<std::int64_t> n;
        if (i + 1 < line.words.size()) n = parse_integer(line.words[i + 1].text);
        if (!n || *n < -max_weight || *n > max_weight) {
          const std::string message = s.name() + ": weight: expected " + expected + ", got ";
          if (i + 1 < line.words.size()) {
            fail(line.words[i + 1].where, message + quoted(line.words[i + 1].text));
          }
          fail(w.where, message + "nothing");
        }
        e.weight = static_cast<int>(*n);
        ++i;
      } else if (w.text == "reverse") {
        e.reverse = true;
      } else if (w.text == "noreverse" && allow_noreverse) {
        e.reverse = false;
      } else {
        fail(w.where, s.name() + ": expected weight or reverse after " + quoted(e.name) + ", got " +
                          quoted(w.text));
      }
    }
    for (const Entry& other : out) {
      if (other.name == e.name)
        fail(e.where, s.name() + ": " + quoted(e.name) + " is listed twice");
    }
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace

std::vector<TrackInterface> parse_track_interfaces(const Statement& s) {
  std::vector<TrackInterface> out;
  for (Entry& e : entries(s, 253, false)) {
    if (e.name.size() > kMaxInterfaceName) {
      fail(e.where,
           "track_interface: expected an interface name of 1-15 characters, got " + quoted(e.name));
    }
    out.push_back({std::move(e.name), e.weight.value_or(0), e.reverse, e.where});
  }
  return out;
}

std::vector<TrackScript> parse_track_scripts(const Statement& s) {
  std::vector<TrackScript> out;
  for (Entry& e : entries(s, 253, true))
    out.push_back({std::move(e.name), e.weight, e.reverse, e.where});
  return out;
}

std::vector<TrackFile> parse_track_files(const Statement& s) {
  std::vector<TrackFile> out;
  for (Entry& e : entries(s, 254, true))
    out.push_back({std::move(e.name), e.weight, e.reverse, e.where});
  return out;
}

std::vector<std::string_view> tracker_options() {
  return {"weight", "reverse", "noreverse"};
}

}  // namespace vrrp::config_detail
