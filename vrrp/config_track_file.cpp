// track_file NAME { file PATH; weight N [reverse]; init_file [VALUE] [overwrite] }: a file
// whose number, times the weight, moves the priority of the instances that track it.
// keepalived also accepts the older name vrrp_track_file.
#include <array>
#include <limits>

#include "vrrp/config_blocks.hpp"

namespace vrrp::config_detail {

namespace {

constexpr std::int64_t kMaxWeight = std::numeric_limits<std::int32_t>::max();

constexpr auto kHandlers = std::to_array<KeywordHandler<TrackFileConfig>>({
    {"file", [](const Statement& s, TrackFileConfig& c,
                ParseContext&) { c.path = single_word(s, "a file path"); }},
    {"weight",
     [](const Statement& s, TrackFileConfig& c, ParseContext&) {
       expect_no_block(s);
       expect_args(s, 1, 2, "an integer [reverse]");
       c.weight = static_cast<int>(integer_at(s, 1, -kMaxWeight, kMaxWeight));
       if (s.words.size() == 3) {
         if (s.words[2].text != "reverse") fail_expected(s, 2, "reverse");
         c.weight_reverse = true;
       }
     }},
    {"init_file",
     [](const Statement& s, TrackFileConfig& c, ParseContext&) {
       expect_no_block(s);
       expect_args(s, 0, 2, "[VALUE] [overwrite]");
       c.init_value = 0;
       for (std::size_t i = 1; i < s.words.size(); ++i) {
         if (s.words[i].text == "overwrite") {
           c.init_overwrite = true;
         } else if (i == 1) {
           c.init_value = integer_at(s, 1, std::numeric_limits<std::int32_t>::min(), kMaxWeight);
         } else {
           fail_expected(s, i, "overwrite");
         }
       }
     }},
});

}  // namespace

TrackFileConfig parse_track_file(const Statement& s, ParseContext& ctx) {
  if (s.words.size() != 2) fail_expected(s, s.words.size() > 2 ? 2 : 1, "one track_file name");
  expect_block(s);
  TrackFileConfig file;
  file.name = s.words[1].text;
  file.where = s.words[1].where;
  parse_keywords<TrackFileConfig>(s, "track_file", s.name() + " " + file.name, kHandlers, file,
                                  ctx);
  if (file.path.empty()) fail(file.where, s.name() + " " + file.name + ": file is missing");
  return file;
}

std::vector<std::string_view> track_file_keywords() {
  return names_of<TrackFileConfig>(kHandlers);
}

}  // namespace vrrp::config_detail
