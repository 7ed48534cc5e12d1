// man/vrrpd.conf.5 against the parser: every keyword it knows, block by block, and every
// keepalived keyword it warns about; and every example of the page must load.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "roff.hpp"
#include "vrrp/config_parser.hpp"

using namespace man_check;

namespace {

constexpr std::string_view kKeywords = "KEYWORDS";
constexpr std::string_view kIgnored = "IGNORED KEYWORDS";

const Page& page() {
  static const Page p = read_page(VRRPD_MAN_DIR "/vrrpd.conf.5");
  return p;
}

std::string first_word(std::string_view s) {
  const auto end = s.find(' ');
  return std::string(s.substr(0, end));
}

// The subsection of `section` whose title's first word is `block` ("top level" is "top").
std::vector<std::string> subsections_for(std::string_view section, std::string_view block) {
  std::vector<std::string> out;
  for (const std::string& title : page().subsections_of(section)) {
    if (first_word(title) == block) out.push_back(title);
  }
  return out;
}

std::set<std::string> as_set(const std::vector<std::string_view>& words) {
  return {words.begin(), words.end()};
}

void check_both_ways(const std::set<std::string>& code, const std::set<std::string>& documented,
                     const std::string& what) {
  INFO(what);
  INFO("known to the parser but not in man/vrrpd.conf.5: " << join(missing(code, documented)));
  INFO("in man/vrrpd.conf.5 but unknown to the parser: " << join(missing(documented, code)));
  CHECK(missing(code, documented).empty());
  CHECK(missing(documented, code).empty());
}

}  // namespace

TEST_CASE("vrrpd.conf.5: the page reads cleanly", "[man][vrrpd.conf.5]") {
  INFO(join(page().problems));
  CHECK(page().problems.empty());
  for (const char* section :
       {"NAME", "SYNOPSIS", "DESCRIPTION", "SYNTAX", "KEYWORDS", "IGNORED KEYWORDS",
        "IPV4 VRRPV3 CHECKSUM", "EXAMPLES", "SEE ALSO", "STANDARDS"}) {
    INFO("section " << section);
    CHECK(std::count(page().section_titles.begin(), page().section_titles.end(), section) == 1);
  }
}

TEST_CASE("vrrpd.conf.5 KEYWORDS: each block's keywords are the parser's, both ways",
          "[man][vrrpd.conf.5][keywords]") {
  const auto blocks = vrrp::known_keywords_by_block();
  REQUIRE(!blocks.empty());
  for (const vrrp::KeywordBlock& block : blocks) {
    DYNAMIC_SECTION("block " << block.block) {
      const auto titles = subsections_for(kKeywords, block.block);
      INFO("KEYWORDS needs one .SS whose title starts with \"" << block.block << "\"");
      REQUIRE(titles.size() == 1);
      std::set<std::string> documented;
      for (const Item& item : page().items_in(kKeywords, titles.front())) {
        INFO("vrrpd.conf.5:" << item.line << ": " << item.tag);
        CHECK(documented.insert(item.first_word()).second);  // each keyword once
      }
      check_both_ways(as_set(block.keywords), documented,
                      "known_keywords_by_block() \"" + std::string(block.block) +
                          "\" vs KEYWORDS, " + titles.front());
    }
  }
}

TEST_CASE("vrrpd.conf.5 KEYWORDS: every subsection is a block the parser has",
          "[man][vrrpd.conf.5][keywords]") {
  std::set<std::string> blocks;
  for (const auto& b : vrrp::known_keywords_by_block())
    blocks.insert(std::string(b.block));
  for (const std::string& title : page().subsections_of(kKeywords)) {
    INFO("KEYWORDS subsection \"" << title << "\"");
    CHECK(blocks.contains(first_word(title)));
  }
  // Items before the first .SS would escape the block check.
  CHECK(page().items_in(kKeywords, "").empty());
}

TEST_CASE("vrrpd.conf.5 KEYWORDS: every keyword of known_keywords() is documented",
          "[man][vrrpd.conf.5][keywords]") {
  std::set<std::string> documented;
  for (const Item& item : page().items_in(kKeywords))
    documented.insert(item.first_word());
  const auto known = as_set(vrrp::known_keywords());
  REQUIRE(!known.empty());
  check_both_ways(known, documented, "known_keywords() vs all KEYWORDS items");
}

TEST_CASE("vrrpd.conf.5 IGNORED KEYWORDS: the keepalived keywords the parser warns about",
          "[man][vrrpd.conf.5][keywords]") {
  const auto blocks = vrrp::unhandled_keywords_by_block();
  REQUIRE(!blocks.empty());
  for (const vrrp::KeywordBlock& block : blocks) {
    DYNAMIC_SECTION("block " << block.block) {
      const auto titles = subsections_for(kIgnored, block.block);
      INFO("IGNORED KEYWORDS needs one .SS whose title starts with \"" << block.block << "\"");
      REQUIRE(titles.size() == 1);
      std::set<std::string> documented;
      for (const Highlight& h : page().highlights) {
        if (h.section == kIgnored && h.subsection == titles.front()) documented.insert(h.word);
      }
      check_both_ways(as_set(block.keywords), documented,
                      "unhandled_keywords_by_block() \"" + std::string(block.block) +
                          "\" vs IGNORED KEYWORDS, " + titles.front());
    }
  }
}

TEST_CASE("vrrpd.conf.5 EXAMPLES: every example loads without an error or a warning",
          "[man][vrrpd.conf.5][examples]") {
  std::vector<LiteralBlock> examples;
  for (const LiteralBlock& b : page().literals) {
    if (b.section == "EXAMPLES") examples.push_back(b);
  }
  REQUIRE(examples.size() >= 4);
  bool ipv4 = false, ipv6 = false, unicast = false, sync_group_with_script = false;
  for (const LiteralBlock& example : examples) {
    const std::string name = "vrrpd.conf.5:" + std::to_string(example.line);
    INFO(name << ":\n" << example.text);
    vrrp::Config config;
    REQUIRE_NOTHROW(config = vrrp::parse_config_text(example.text, name));
    for (const auto& w : config.warnings) {
      INFO(w.to_string());
      CHECK(false);
    }
    for (const auto& instance : config.instances) {
      ipv4 |= instance.family == vrrp::Family::ipv4 && !instance.is_unicast();
      ipv6 |= instance.family == vrrp::Family::ipv6;
      unicast |= instance.is_unicast();
      sync_group_with_script |= !config.sync_groups.empty() && !instance.track_scripts.empty();
    }
  }
  // The setups issue 4 asks the page to show.
  CHECK(ipv4);
  CHECK(ipv6);
  CHECK(unicast);
  CHECK(sync_group_with_script);
}
