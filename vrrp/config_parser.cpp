#include "vrrp/config_parser.hpp"

#include <algorithm>
#include <array>

#include "vrrp/config_blocks.hpp"
#include "vrrp/config_syntax.hpp"

namespace vrrp {

namespace {

using namespace config_detail;

constexpr std::array<std::string_view, 6> kTopLevel{"global_defs", "vrrp_instance",
                                                    "vrrp_script", "vrrp_sync_group",
                                                    "track_file",  "vrrp_track_file"};
constexpr std::array<std::string_view, 6> kIncludes{"include",  "includer", "includem",
                                                    "includew", "includeb", "includea"};

// A FileSource for text parsed on its own: there is nothing to include.
class NoFiles : public FileSource {
 public:
  std::optional<std::string> read(const std::string&) override { return std::nullopt; }
  std::vector<std::string> glob(const std::string&) override { return {}; }
};

Config build(const std::vector<Statement>& statements, std::vector<ConfigWarning> warnings) {
  ParseContext ctx{warnings};
  GlobalDraft globals;
  std::vector<InstanceDraft> drafts;
  Config config;
  for (const Statement& s : statements) {
    const std::string& k = s.name();
    if (k == "global_defs") {
      parse_global_defs(s, globals, ctx);
    } else if (k == "vrrp_instance") {
      drafts.push_back(parse_instance(s, ctx));
    } else if (k == "vrrp_script") {
      config.scripts.push_back(parse_script(s, ctx));
    } else if (k == "vrrp_sync_group") {
      config.sync_groups.push_back(parse_sync_group(s, ctx));
    } else if (k == "track_file" || k == "vrrp_track_file") {
      config.track_files.push_back(parse_track_file(s, ctx));
    } else if (!warn_if_unhandled("top", s, ctx)) {
      fail(s.keyword().where,
           "unknown keyword " + quoted(k) +
               " (expected global_defs, vrrp_instance, vrrp_script, vrrp_sync_group, "
               "track_file or include)");
    }
  }
  config.globals = globals.defs;
  config.globals.vrrp_version = globals.vrrp_version.value_or(config.globals.vrrp_version);
  config.globals.garp = resolve_garp({}, globals.garp);
  config.globals.vrrp_lower_prio_no_advert =
      globals.lower_prio_no_advert.value_or(config.globals.vrrp_strict);
  for (InstanceDraft& d : drafts)
    config.instances.push_back(resolve_instance(d, globals, ctx));
  check_configuration(config, drafts);
  config.warnings = std::move(warnings);
  return config;
}

void append_unique(std::vector<std::string_view>& out, const std::vector<std::string_view>& in) {
  for (auto k : in) {
    if (std::find(out.begin(), out.end(), k) == out.end()) out.push_back(k);
  }
}

}  // namespace

Config parse_config(const std::string& path, FileSource& files, const ParseOptions& options) {
  std::vector<ConfigWarning> warnings;
  auto statements = read_statements(path, files, warnings, SyntaxOptions{options.config_id});
  return build(statements, std::move(warnings));
}

Config parse_config_text(std::string_view text, std::string_view name, FileSource& files,
                         const ParseOptions& options) {
  std::vector<ConfigWarning> warnings;
  auto statements = read_statements_text(std::string(text), std::string(name), files, warnings,
                                         SyntaxOptions{options.config_id});
  return build(statements, std::move(warnings));
}

Config parse_config_text(std::string_view text, std::string_view name) {
  NoFiles none;
  return parse_config_text(text, name, none);
}

std::vector<KeywordBlock> known_keywords_by_block() {
  std::vector<std::string_view> top(kTopLevel.begin(), kTopLevel.end());
  top.insert(top.end(), kIncludes.begin(), kIncludes.end());
  return {
      {"top", top},
      {"global_defs", global_defs_keywords()},
      {"vrrp_instance", instance_keywords()},
      {"authentication", authentication_keywords()},
      {"vrrp_script", script_keywords()},
      {"track_file", track_file_keywords()},
      {"vrrp_sync_group", sync_group_keywords()},
      {"virtual_ipaddress", virtual_address_options()},
      {"virtual_routes", virtual_route_options()},
      {"unicast_peer", {"min_ttl", "max_ttl"}},
      {"tracker", tracker_options()},
  };
}

std::vector<std::string_view> known_keywords() {
  std::vector<std::string_view> all;
  for (const KeywordBlock& b : known_keywords_by_block())
    append_unique(all, b.keywords);
  return all;
}

std::vector<KeywordBlock> unhandled_keywords_by_block() {
  std::vector<KeywordBlock> out;
  for (std::string_view block : {"top", "global_defs", "vrrp_instance", "vrrp_sync_group"}) {
    out.push_back({block, unhandled_keywords_of(block)});
  }
  return out;
}

}  // namespace vrrp
