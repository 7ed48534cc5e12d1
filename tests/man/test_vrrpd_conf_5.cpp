// man/vrrpd.conf.5 against the parser: every keyword it knows, block by block, and every
// keepalived keyword it warns about; and every example of the page must load.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <map>
#include <optional>
#include <set>
#include <sstream>
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
  for (const char* section : {"NAME", "SYNOPSIS", "DESCRIPTION", "SYNTAX", "KEYWORDS",
                              "IGNORED KEYWORDS", "IPV4 VRRPV3 CHECKSUM", "INTEROPERABILITY",
                              "DIFFERENCES FROM KEEPALIVED", "EXAMPLES", "SEE ALSO", "STANDARDS"}) {
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

namespace {

// Seconds as the page writes them: "1", "0.25".
std::string seconds_text(vrrp::Duration d) {
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(d).count();
  std::string out = std::to_string(ms / 1000);
  if (ms % 1000 != 0) {
    std::string frac = std::to_string(1000 + ms % 1000).substr(1);
    while (frac.back() == '0')
      frac.pop_back();
    out += "." + frac;
  }
  return out;
}

// The item of `keyword` in the KEYWORDS subsection of `block`.
std::optional<Item> keyword_item(std::string_view block, std::string_view keyword) {
  const auto titles = subsections_for(kKeywords, block);
  if (titles.size() != 1) return std::nullopt;
  for (const Item& item : page().items_in(kKeywords, titles.front())) {
    if (item.first_word() == keyword) return item;
  }
  return std::nullopt;
}

// The value an item's text gives as the default (the page's convention is "Default: VALUE"):
// the first word with a digit after the first "Default:" ("Default: 3", "Default:
// vrrp_garp_master_delay, 5", "Default: ff02::12 (RFC ...)"), without the punctuation
// around it.
std::optional<std::string> documented_default(const std::string& body) {
  constexpr std::string_view kDefault = "Default:";
  const std::size_t at = body.find(kDefault);
  if (at == std::string::npos) return std::nullopt;
  std::istringstream words(body.substr(at + kDefault.size()));
  std::string word;
  while (words >> word) {
    while (!word.empty() && std::string_view(",;.:)").find(word.back()) != std::string_view::npos)
      word.pop_back();
    while (!word.empty() && word.front() == '(')
      word.erase(0, 1);
    if (word.find_first_of("0123456789") != std::string::npos) return word;
  }
  return std::nullopt;
}

}  // namespace

TEST_CASE("vrrpd.conf.5 KEYWORDS: the defaults the page gives are the parser's",
          "[man][vrrpd.conf.5][keywords]") {
  // The defaults as the parser fills them in, from configurations that give only what is
  // required.
  const vrrp::Config config = vrrp::parse_config_text(
      "vrrp_script s {\n script /bin/true\n}\n"
      "track_file f {\n file /tmp/f\n}\n"
      "vrrp_instance v {\n interface eth0\n virtual_router_id 1\n"
      " virtual_ipaddress {\n  192.0.2.1\n }\n}\n",
      "defaults");
  REQUIRE(config.instances.size() == 1);
  REQUIRE(config.scripts.size() == 1);
  REQUIRE(config.track_files.size() == 1);
  const vrrp::GlobalDefs& g = config.globals;
  const vrrp::InstanceConfig& i = config.instances.front();
  const vrrp::ScriptConfig& s = config.scripts.front();
  struct Default {
    std::string_view block;
    std::string_view keyword;
    std::string value;
  };
  const std::vector<Default> defaults{
      {"global_defs", "vrrp_version", g.vrrp_version == vrrp::Version::v2 ? "2" : "3"},
      {"global_defs", "vrrp_mcast_group4", g.vrrp_mcast_group4.to_string()},
      {"global_defs", "vrrp_mcast_group6", g.vrrp_mcast_group6.to_string()},
      {"global_defs", "vrrp_garp_master_delay", seconds_text(g.garp.master_delay)},
      {"global_defs", "vrrp_garp_master_repeat", std::to_string(g.garp.master_repeat)},
      {"global_defs", "vrrp_garp_master_refresh", seconds_text(g.garp.master_refresh)},
      {"global_defs", "vrrp_garp_master_refresh_repeat",
       std::to_string(g.garp.master_refresh_repeat)},
      {"global_defs", "vrrp_garp_interval", seconds_text(g.vrrp_garp_interval)},
      {"global_defs", "vrrp_gna_interval", seconds_text(g.vrrp_gna_interval)},
      {"global_defs", "vrrp_startup_delay", seconds_text(g.vrrp_startup_delay)},
      {"global_defs", "smtp_connect_timeout", seconds_text(g.smtp_connect_timeout)},
      {"vrrp_instance", "priority", std::to_string(i.priority)},
      {"vrrp_instance", "advert_int", seconds_text(i.advert_interval)},
      {"vrrp_instance", "preempt_delay", seconds_text(i.preempt_delay)},
      {"vrrp_instance", "garp_master_delay", seconds_text(i.garp.master_delay)},
      {"vrrp_instance", "garp_master_repeat", std::to_string(i.garp.master_repeat)},
      {"vrrp_instance", "garp_master_refresh_repeat", std::to_string(i.garp.master_refresh_repeat)},
      {"vrrp_script", "interval", seconds_text(s.interval)},
      {"vrrp_script", "weight", std::to_string(s.weight)},
      {"vrrp_script", "rise", std::to_string(s.rise)},
      {"vrrp_script", "fall", std::to_string(s.fall)},
      {"track_file", "weight", std::to_string(config.track_files.front().weight)},
  };
  for (const Default& d : defaults) {
    INFO(d.block << " " << d.keyword << ": the parser's default is " << d.value);
    const auto item = keyword_item(d.block, d.keyword);
    REQUIRE(item.has_value());
    INFO("vrrpd.conf.5:" << item->line << ": " << item->body);
    CHECK(documented_default(item->body) == d.value);
  }
}
