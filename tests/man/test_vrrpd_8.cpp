// man/vrrpd.8 against the daemon: its options (as `vrrpd --help` prints them), its exit
// statuses, its default paths and the log texts of the core. Each list is checked both ways:
// what the code has and the page lacks, and what the page documents and the code lacks.
#include <sys/wait.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <map>
#include <regex>
#include <set>
#include <string>

#include "cli_options.hpp"
#include "roff.hpp"
#include "vrrp/actions.hpp"
#include "vrrp/daemon/options.hpp"
#include "vrrp/drop_reason.hpp"
#include "vrrp/receive_validation.hpp"
#include "vrrp/transition_reason.hpp"

using namespace man_check;

namespace {

const Page& page() {
  static const Page p = read_page(VRRPD_MAN_DIR "/vrrpd.8");
  return p;
}

// `vrrpd --help` of the binary this build made.
std::string help_text() {
  std::string out;
  FILE* pipe = ::popen(VRRPD_BINARY " --help", "r");
  REQUIRE(pipe != nullptr);
  char buffer[4096];
  std::size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0)
    out.append(buffer, n);
  const int status = ::pclose(pipe);
  INFO(VRRPD_BINARY " --help printed:\n" << out);
  REQUIRE(WIFEXITED(status));
  REQUIRE(WEXITSTATUS(status) == 0);
  return out;
}

std::set<std::string> first_words(const std::vector<Item>& items) {
  std::set<std::string> out;
  for (const Item& i : items)
    out.insert(i.first_word());
  return out;
}

std::set<std::string> tags(const std::vector<Item>& items) {
  std::set<std::string> out;
  for (const Item& i : items)
    out.insert(i.tag);
  return out;
}

// Every name an enum's to_string gives, over the whole range of its 8-bit underlying type:
// values without a name come back as `unnamed`.
template <typename Enum>
std::set<std::string> names_of(std::string_view unnamed) {
  std::set<std::string> out;
  for (int v = 0; v < 256; ++v) {
    const std::string_view name = vrrp::to_string(static_cast<Enum>(v));
    if (name != unnamed) out.insert(std::string(name));
  }
  return out;
}

// The values of enum class ExitCode, read from its header so that a new status cannot be
// added without the page.
std::set<std::string> exit_codes() {
  std::ifstream in(VRRPD_SOURCE_DIR "/vrrp/daemon/exit_codes.hpp");
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
  INFO("in the code but not in man/vrrpd.8: " << join(missing(code, documented)));
  INFO("in man/vrrpd.8 but not in the code: " << join(missing(documented, code)));
  CHECK(missing(code, documented).empty());
  CHECK(missing(documented, code).empty());
}

}  // namespace

TEST_CASE("vrrpd.8: the page reads cleanly", "[man][vrrpd.8]") {
  INFO(join(page().problems));
  CHECK(page().problems.empty());
  for (const char* section :
       {"NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "SIGNALS", "FILES", "EXIT STATUS",
        "DIAGNOSTICS", "FAILURE MODES", "EXAMPLES", "SEE ALSO", "STANDARDS"}) {
    INFO("section " << section);
    CHECK(std::count(page().section_titles.begin(), page().section_titles.end(), section) == 1);
  }
}

TEST_CASE("vrrpd.8 OPTIONS: every option of vrrpd --help is documented, and only those",
          "[man][vrrpd.8][options]") {
  std::set<std::string> help;
  for (const auto& group : help_option_groups(help_text()))
    help.insert(group.begin(), group.end());
  std::set<std::string> documented;
  for (const Item& item : page().items_in("OPTIONS")) {
    const auto options = options_in(item.tag);
    INFO("vrrpd.8:" << item.line << ": an OPTIONS item without an option: " << item.tag);
    CHECK(!options.empty());
    documented.insert(options.begin(), options.end());
  }
  check_both_ways(help, documented, "options of vrrpd --help vs the OPTIONS items of vrrpd.8");
}

TEST_CASE("vrrpd.8 OPTIONS: each item gives the spellings of one line of --help",
          "[man][vrrpd.8][options]") {
  const auto groups = help_option_groups(help_text());
  REQUIRE(!groups.empty());
  std::vector<std::set<std::string>> items;
  for (const Item& item : page().items_in("OPTIONS"))
    items.push_back(options_in(item.tag));
  for (const auto& group : groups) {
    const std::vector<std::string> spellings(group.begin(), group.end());
    INFO("--help line with " << join(spellings));
    CHECK(std::find(items.begin(), items.end(), group) != items.end());
  }
}

TEST_CASE("vrrpd.8 EXIT STATUS: one item per value of ExitCode", "[man][vrrpd.8]") {
  check_both_ways(exit_codes(), first_words(page().items_in("EXIT STATUS")),
                  "vrrp/daemon/exit_codes.hpp vs the EXIT STATUS items");
}

TEST_CASE("vrrpd.8 FILES: the default paths of the options are documented", "[man][vrrpd.8]") {
  const auto files = first_words(page().items_in("FILES"));
  for (std::string_view path : {vrrp::daemon::kDefaultConfigFile, vrrp::daemon::kDefaultPidFile,
                                vrrp::daemon::kDefaultStateDir}) {
    INFO(path);
    CHECK(files.contains(std::string(path)));
  }
}

TEST_CASE("vrrpd.8 DIAGNOSTICS: the drop reasons are the core's", "[man][vrrpd.8][log]") {
  std::set<std::string> code;
  for (std::size_t r = 0; r < vrrp::kDropReasonCount; ++r)
    code.insert(std::string(vrrp::to_string(static_cast<vrrp::DropReason>(r))));
  check_both_ways(code, first_words(page().items_in("DIAGNOSTICS", "Drop reasons")),
                  "vrrp/drop_reason.cpp vs DIAGNOSTICS, Drop reasons");
}

TEST_CASE("vrrpd.8 DIAGNOSTICS: the transition reasons are the core's", "[man][vrrpd.8][log]") {
  check_both_ways(names_of<vrrp::TransitionReason>("?"),
                  tags(page().items_in("DIAGNOSTICS", "Transition reasons")),
                  "vrrp/transition_reason.cpp vs DIAGNOSTICS, Transition reasons");
}

TEST_CASE("vrrpd.8 DIAGNOSTICS: the notices are the core's", "[man][vrrpd.8][log]") {
  check_both_ways(names_of<vrrp::NoticeKind>("?"), tags(page().items_in("DIAGNOSTICS", "Notices")),
                  "vrrp/actions.cpp vs DIAGNOSTICS, Notices");
  check_both_ways(names_of<vrrp::ReceiveNotice>("unknown"),
                  first_words(page().items_in("DIAGNOSTICS", "Receive notices")),
                  "vrrp/receive_validation.cpp vs DIAGNOSTICS, Receive notices");
}
