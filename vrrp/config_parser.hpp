// keepalived.conf in, a checked Config out. The parser reads the VRRP parts of keepalived's
// configuration language (global_defs, vrrp_instance, vrrp_script, vrrp_sync_group,
// track_file), warns about the parts outside VRRP, and refuses anything else with a
// ConfigError "file:line:column: message" before the daemon touches the network.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "vrrp/config.hpp"
#include "vrrp/config_error.hpp"
#include "vrrp/file_source.hpp"

namespace vrrp {

struct ParseOptions {
  // What `@id` conditional lines are compared with (keepalived's -i/--config-id). Empty
  // matches no `@id` line, so only `@^id` lines are kept.
  std::string config_id;
};

// Reads `path` (and what it includes) through `files`. Throws ConfigError.
Config parse_config(const std::string& path, FileSource& files, const ParseOptions& options = {});

// Parses text in memory; `name` stands for the file in messages. Includes are resolved
// through `files` relative to `name`'s directory; without `files` an include is an error.
Config parse_config_text(std::string_view text, std::string_view name = "<string>");
Config parse_config_text(std::string_view text, std::string_view name, FileSource& files,
                         const ParseOptions& options = {});

// Every keyword the parser reads into the Config, each once, block by block (top level,
// global_defs, vrrp_instance, authentication, vrrp_script, track_file, vrrp_sync_group, then
// the options of virtual_ipaddress, virtual_routes, unicast_peer and tracker lines).
std::vector<std::string_view> known_keywords();

struct KeywordBlock {
  std::string_view block;
  std::vector<std::string_view> keywords;
};
// The same, grouped by the block they belong to.
std::vector<KeywordBlock> known_keywords_by_block();
// keepalived keywords that are recognised but not handled (a warning, then ignored).
std::vector<KeywordBlock> unhandled_keywords_by_block();

}  // namespace vrrp
