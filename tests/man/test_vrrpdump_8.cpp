// man/vrrpdump.8 against the tool: its options (as `vrrpdump --help` prints them), its exit
// statuses, the JSON keys it prints and the verdicts. Each list is checked both ways.
#include <sys/wait.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "cli_options.hpp"
#include "roff.hpp"
#include "tools/vrrpdump/format.hpp"
#include "tools/vrrpdump/summary.hpp"
#include "vrrp/drop_reason.hpp"

using namespace man_check;

namespace {

const Page& page() {
  static const Page p = read_page(VRRPD_MAN_DIR "/vrrpdump.8");
  return p;
}

// `vrrpdump ARGS` of the binary this build made: its standard output and exit status.
std::pair<std::string, int> run_vrrpdump(const std::string& args) {
  std::string out;
  const std::string command = std::string(VRRPDUMP_BINARY) + " " + args + " 2>/dev/null";
  FILE* pipe = ::popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  char buffer[4096];
  std::size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0)
    out.append(buffer, n);
  const int status = ::pclose(pipe);
  REQUIRE(WIFEXITED(status));
  return {out, WEXITSTATUS(status)};
}

std::string help_text() {
  const auto [out, status] = run_vrrpdump("--help");
  INFO(VRRPDUMP_BINARY " --help printed:\n" << out);
  REQUIRE(status == 0);
  return out;
}

std::vector<std::string> tags_in_order(const std::vector<Item>& items) {
  std::vector<std::string> out;
  for (const Item& i : items)
    out.push_back(i.tag);
  return out;
}

std::set<std::string> first_words(const std::vector<Item>& items) {
  std::set<std::string> out;
  for (const Item& i : items)
    out.insert(i.first_word());
  return out;
}

// The member names of a JSON object's outer level, in order (strings and nesting skipped).
std::vector<std::string> top_level_keys(const std::string& json) {
  std::vector<std::string> keys;
  int depth = 0;
  bool expect_key = false;
  for (std::size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (c == '"') {
      std::size_t end = i + 1;
      while (end < json.size() && json[end] != '"')
        end += json[end] == '\\' ? 2 : 1;
      if (depth == 1 && expect_key) keys.push_back(json.substr(i + 1, end - i - 1));
      expect_key = false;
      i = end;
    } else if (c == '{' || c == '[') {
      ++depth;
      expect_key = depth == 1;
    } else if (c == '}' || c == ']') {
      --depth;
    } else if (c == ',' && depth == 1) {
      expect_key = true;
    }
  }
  return keys;
}

std::set<std::string> exit_codes() {
  std::ifstream in(VRRPD_SOURCE_DIR "/tools/vrrpdump/options.hpp");
  REQUIRE(in);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto begin = text.find("enum class ExitCode");
  REQUIRE(begin != std::string::npos);
  const auto end = text.find("};", begin);
  REQUIRE(end != std::string::npos);
  const std::string body = text.substr(begin, end - begin);
  static const std::regex kValue(R"((\w+)\s*=\s*(\d+)\s*,)");
  std::set<std::string> out;
  for (auto it = std::sregex_iterator(body.begin(), body.end(), kValue);
       it != std::sregex_iterator(); ++it) {
    out.insert((*it)[2].str());
  }
  return out;
}

void check_both_ways(const std::set<std::string>& code, const std::set<std::string>& documented,
                     std::string_view what) {
  REQUIRE(!code.empty());
  INFO(what);
  INFO("in the code but not in man/vrrpdump.8: " << join(missing(code, documented)));
  INFO("in man/vrrpdump.8 but not in the code: " << join(missing(documented, code)));
  CHECK(missing(code, documented).empty());
  CHECK(missing(documented, code).empty());
}

}  // namespace

TEST_CASE("vrrpdump.8: the page reads cleanly", "[man][vrrpdump.8]") {
  INFO(join(page().problems));
  CHECK(page().problems.empty());
  for (const char* section :
       {"NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "OUTPUT", "JSON OUTPUT", "SUMMARY",
        "EXIT STATUS", "DIAGNOSTICS", "EXAMPLES", "SEE ALSO", "STANDARDS"}) {
    INFO("section " << section);
    CHECK(std::count(page().section_titles.begin(), page().section_titles.end(), section) == 1);
  }
}

TEST_CASE("vrrpdump.8 OPTIONS: every option of vrrpdump --help is documented, and only those",
          "[man][vrrpdump.8][options]") {
  std::set<std::string> help;
  for (const auto& group : help_option_groups(help_text()))
    help.insert(group.begin(), group.end());
  std::set<std::string> documented;
  for (const Item& item : page().items_in("OPTIONS")) {
    const auto options = options_in(item.tag);
    INFO("vrrpdump.8:" << item.line << ": an OPTIONS item without an option: " << item.tag);
    CHECK(!options.empty());
    documented.insert(options.begin(), options.end());
  }
  check_both_ways(help, documented,
                  "options of vrrpdump --help vs the OPTIONS items of vrrpdump.8");
}

TEST_CASE("vrrpdump.8 OPTIONS: each item gives the spellings of one line of --help",
          "[man][vrrpdump.8][options]") {
  const auto groups = help_option_groups(help_text());
  REQUIRE(groups.size() >= 8);
  std::vector<std::set<std::string>> items;
  for (const Item& item : page().items_in("OPTIONS"))
    items.push_back(options_in(item.tag));
  for (const auto& group : groups) {
    const std::vector<std::string> spellings(group.begin(), group.end());
    INFO("--help line with " << join(spellings));
    CHECK(std::find(items.begin(), items.end(), group) != items.end());
  }
  CHECK(items.size() == groups.size());
}

TEST_CASE("vrrpdump.8 EXIT STATUS: one item per value of ExitCode, and the binary uses them",
          "[man][vrrpdump.8]") {
  check_both_ways(exit_codes(), first_words(page().items_in("EXIT STATUS")),
                  "tools/vrrpdump/options.hpp vs the EXIT STATUS items");
  CHECK(run_vrrpdump("--version").second == 0);
  CHECK(run_vrrpdump("--no-such-option").second == 1);
  CHECK(run_vrrpdump("-r /nonexistent/vrrpdump-test.pcap").second == 2);
}

TEST_CASE("vrrpdump.8 JSON OUTPUT: the packet keys, in the order --json prints them",
          "[man][vrrpdump.8][json]") {
  vrrp::dump::Inspection p;  // the keys do not depend on the values
  const auto keys = top_level_keys(vrrp::dump::format_json(p));
  REQUIRE(keys.size() > 10);
  CHECK(tags_in_order(page().items_in("JSON OUTPUT", "Packet objects")) == keys);
}

TEST_CASE("vrrpdump.8 JSON OUTPUT: the summary keys, in the order --summary --json prints them",
          "[man][vrrpdump.8][json]") {
  vrrp::dump::Inspection p;
  p.family = vrrp::Family::ipv4;
  p.source = vrrp::IpAddress::v4(192, 0, 2, 1);
  p.advert = vrrp::dump::AdvertFields{};
  p.advert->vrid = 1;
  p.advert->priority = 100;
  p.advert->interval = vrrp::Centiseconds(100);
  vrrp::dump::Summary summary;
  summary.add(p);
  summary.finish(0);
  const std::string json = vrrp::dump::format_summary_json(summary);
  const auto keys = top_level_keys(json);
  REQUIRE(keys.size() > 10);
  CHECK(tags_in_order(page().items_in("JSON OUTPUT", "Summary objects")) == keys);
}

TEST_CASE("vrrpdump.8 DIAGNOSTICS: the verdicts are the core's drop reasons",
          "[man][vrrpdump.8][log]") {
  std::set<std::string> code;
  for (std::size_t r = 0; r < vrrp::kDropReasonCount; ++r)
    code.insert(std::string(vrrp::to_string(static_cast<vrrp::DropReason>(r))));
  check_both_ways(code, first_words(page().items_in("DIAGNOSTICS", "Verdicts")),
                  "vrrp/drop_reason.cpp vs DIAGNOSTICS, Verdicts");
}
