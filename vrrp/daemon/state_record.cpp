#include "vrrp/daemon/state_record.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

#include "vrrp/daemon/system_error.hpp"
#include "vrrp/daemon/unique_fd.hpp"

namespace vrrp::daemon {

namespace {

constexpr std::string_view kHeader = "# vrrpd owned resources";
constexpr std::string_view kFileName = "owned";

std::vector<std::string_view> split_words(std::string_view line) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t'))
      ++i;
    std::size_t j = i;
    while (j < line.size() && line[j] != ' ' && line[j] != '\t')
      ++j;
    if (j > i) words.push_back(line.substr(i, j - i));
    i = j;
  }
  return words;
}

}  // namespace

std::string serialize(const OwnedResources& owned) {
  std::string text{kHeader};
  text += '\n';
  for (const auto& m : owned.macvlans)
    text += fmt::format("macvlan {} {}\n", m.name, m.parent);
  for (const auto& r : owned.routes) {
    text += fmt::format(
        "route {} {} {} {}/{} {} {}\n", r.table, r.metric ? std::to_string(*r.metric) : "-", r.type,
        r.destination.address.to_string(), r.destination.length,
        r.gateway ? r.gateway->to_string() : "-", r.device.empty() ? "-" : r.device);
  }
  for (const auto& a : owned.addresses) {
    // Always with the length, so the parse gives back the same prefix.
    text += fmt::format("address {} {}/{}\n", a.interface, a.prefix.address.to_string(),
                        a.prefix.length);
  }
  return text;
}

ParsedRecord parse_record(std::string_view text) {
  ParsedRecord parsed;
  int line_number = 0;
  while (!text.empty()) {
    const auto end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
    ++line_number;
    if (line.starts_with('#')) continue;
    const auto words = split_words(line);
    if (words.empty()) continue;
    auto error = [&](std::string_view why) {
      parsed.errors.push_back(fmt::format("line {}: {}", line_number, why));
    };
    if (words[0] == "address") {
      if (words.size() != 3) {
        error("expected 'address INTERFACE PREFIX'");
        continue;
      }
      auto prefix = IpPrefix::parse(words[2]);
      if (!prefix) {
        error(fmt::format("'{}' is not an address with a prefix length", words[2]));
        continue;
      }
      parsed.owned.addresses.push_back({std::string(words[1]), *prefix});
    } else if (words[0] == "macvlan") {
      if (words.size() != 3) {
        error("expected 'macvlan NAME PARENT'");
        continue;
      }
      parsed.owned.macvlans.push_back({std::string(words[1]), std::string(words[2])});
    } else if (words[0] == "route") {
      OwnedRoute r;
      auto number = [](std::string_view w) -> std::optional<std::uint32_t> {
        if (w.empty() || w.size() > 10) return std::nullopt;
        std::uint64_t n = 0;
        for (char c : w) {
          if (c < '0' || c > '9') return std::nullopt;
          n = n * 10 + static_cast<std::uint64_t>(c - '0');
        }
        if (n > 0xffffffffULL) return std::nullopt;
        return static_cast<std::uint32_t>(n);
      };
      const auto table = words.size() == 7 ? number(words[1]) : std::nullopt;
      const auto metric = words.size() == 7 ? number(words[2]) : std::nullopt;
      const auto destination = words.size() == 7 ? IpPrefix::parse(words[4]) : std::nullopt;
      const auto gateway =
          words.size() == 7 && words[5] != "-" ? IpAddress::parse(words[5]) : std::nullopt;
      if (words.size() != 7 || !table || (words[2] != "-" && !metric) || !destination ||
          (words[5] != "-" && !gateway) ||
          (words[3] != "unicast" && words[3] != "blackhole" && words[3] != "unreachable" &&
           words[3] != "prohibit")) {
        error("expected 'route TABLE METRIC TYPE PREFIX GATEWAY DEVICE'");
        continue;
      }
      r.table = *table;
      r.metric = metric;
      r.type = std::string(words[3]);
      r.destination = *destination;
      r.gateway = gateway;
      if (words[6] != "-") r.device = std::string(words[6]);
      parsed.owned.routes.push_back(std::move(r));
    } else {
      error(fmt::format("unknown entry '{}'", words[0]));
    }
  }
  return parsed;
}

StateRecord::StateRecord(std::string directory)
    : directory_(std::move(directory)), path_(directory_ + "/" + std::string(kFileName)) {
  if (::mkdir(directory_.c_str(), 0755) != 0 && errno != EEXIST)
    throw_errno(fmt::format("cannot create state directory {}", directory_));
  struct stat st {};
  if (::stat(directory_.c_str(), &st) != 0)
    throw_errno(fmt::format("cannot use state directory {}", directory_));
  if (!S_ISDIR(st.st_mode))
    throw_errno(fmt::format("cannot use state directory {}", directory_), ENOTDIR);
  if (::access(directory_.c_str(), W_OK) != 0)
    throw_errno(fmt::format("cannot write to state directory {}", directory_));
}

void StateRecord::save(const OwnedResources& owned) {
  if (owned.empty()) {
    remove();
    return;
  }
  const std::string text = serialize(owned);
  const std::string temp = path_ + ".tmp";
  UniqueFd fd(::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
  if (!fd) throw_errno(fmt::format("cannot write {}", temp));
  std::string_view rest = text;
  while (!rest.empty()) {
    const ssize_t n = ::write(fd.get(), rest.data(), rest.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      throw_errno(fmt::format("cannot write {}", temp));
    }
    rest.remove_prefix(static_cast<std::size_t>(n));
  }
  // No fsync: the record guards against the daemon's death (SIGKILL, a crash), after which the
  // page cache still holds it; a power loss takes the kernel's addresses and macvlans with it,
  // so there is nothing to recover then. An fsync here would cost milliseconds on a disk-backed
  // state directory, in the middle of a Backup -> Active transition.
  fd.reset();
  if (::rename(temp.c_str(), path_.c_str()) != 0)
    throw_errno(fmt::format("cannot rename {} to {}", temp, path_));
}

ParsedRecord StateRecord::load() const {
  std::ifstream in(path_);
  if (!in) return {};
  std::ostringstream text;
  text << in.rdbuf();
  return parse_record(text.str());
}

void StateRecord::remove() {
  if (::unlink(path_.c_str()) != 0 && errno != ENOENT)
    throw_errno(fmt::format("cannot remove {}", path_));
}

}  // namespace vrrp::daemon
