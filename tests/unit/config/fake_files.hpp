// An in-memory FileSource for the parser's tests: files by absolute path, glob(7) matching
// (*, ?, [...], and csh braces) over them, and files that exist but cannot be read.
#pragma once

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "vrrp/file_source.hpp"

namespace vrrp::test {

class FakeFiles : public FileSource {
 public:
  FakeFiles& add(std::string path, std::string text) {
    files_[std::move(path)] = std::move(text);
    return *this;
  }
  FakeFiles& add_unreadable(std::string path) {
    unreadable_.insert(path);
    files_[std::move(path)] = "";
    return *this;
  }

  std::optional<std::string> read(const std::string& path) override {
    reads.push_back(path);
    auto it = files_.find(path);
    if (it == files_.end() || unreadable_.count(path)) return std::nullopt;
    return it->second;
  }

  std::vector<std::string> glob(const std::string& pattern) override {
    globs.push_back(pattern);
    std::vector<std::string> out;
    for (const std::string& p : expand_braces(normalize(pattern))) {
      std::vector<std::string> matches;
      for (const auto& [path, text] : files_) {
        if (match(p, path)) matches.push_back(path);
      }
      std::sort(matches.begin(), matches.end());
      for (auto& m : matches) {
        if (std::find(out.begin(), out.end(), m) == out.end()) out.push_back(m);
      }
    }
    return out;
  }

  std::vector<std::string> reads;
  std::vector<std::string> globs;

 private:
  // Resolves "." and ".." as the file system would (there are no symlinks here).
  static std::string normalize(const std::string& path) {
    std::vector<std::string> parts;
    std::size_t pos = 0;
    while (pos <= path.size()) {
      std::size_t slash = path.find('/', pos);
      if (slash == std::string::npos) slash = path.size();
      std::string part = path.substr(pos, slash - pos);
      if (part == "..") {
        if (!parts.empty()) parts.pop_back();
      } else if (!part.empty() && part != ".") {
        parts.push_back(part);
      }
      pos = slash + 1;
    }
    std::string out = path.starts_with('/') ? "" : ".";
    for (const auto& p : parts)
      out += "/" + p;
    return out;
  }

  static std::vector<std::string> expand_braces(const std::string& pattern) {
    const std::size_t open = pattern.find('{');
    if (open == std::string::npos) return {pattern};
    int depth = 0;
    std::vector<std::string> alternatives;
    std::size_t start = open + 1;
    for (std::size_t i = open; i < pattern.size(); ++i) {
      if (pattern[i] == '{') {
        ++depth;
      } else if (pattern[i] == '}' && --depth == 0) {
        alternatives.push_back(pattern.substr(start, i - start));
        std::vector<std::string> out;
        for (const auto& a : alternatives) {
          for (auto& e : expand_braces(pattern.substr(0, open) + a + pattern.substr(i + 1))) {
            out.push_back(std::move(e));
          }
        }
        return out;
      } else if (pattern[i] == ',' && depth == 1) {
        alternatives.push_back(pattern.substr(start, i - start));
        start = i + 1;
      }
    }
    return {pattern};
  }

  // fnmatch(3) with FNM_PATHNAME: wildcards never match '/'.
  static bool match(std::string_view p, std::string_view s) {
    if (p.empty()) return s.empty();
    if (p[0] == '*') {
      for (std::size_t i = 0; i <= s.size(); ++i) {
        if (match(p.substr(1), s.substr(i))) return true;
        if (i < s.size() && s[i] == '/') break;
      }
      return false;
    }
    if (s.empty()) return false;
    if (p[0] == '?') return s[0] != '/' && match(p.substr(1), s.substr(1));
    if (p[0] == '[') {
      const std::size_t close = p.find(']', 1);
      if (close == std::string_view::npos) return p[0] == s[0] && match(p.substr(1), s.substr(1));
      std::string_view set = p.substr(1, close - 1);
      const bool negate = !set.empty() && (set[0] == '!' || set[0] == '^');
      if (negate) set.remove_prefix(1);
      bool in = false;
      for (std::size_t i = 0; i < set.size(); ++i) {
        if (i + 2 < set.size() && set[i + 1] == '-') {
          in |= s[0] >= set[i] && s[0] <= set[i + 2];
          i += 2;
        } else {
          in |= s[0] == set[i];
        }
      }
      return in != negate && s[0] != '/' && match(p.substr(close + 1), s.substr(1));
    }
    return p[0] == s[0] && match(p.substr(1), s.substr(1));
  }

  std::map<std::string, std::string> files_;
  std::set<std::string> unreadable_;
};

}  // namespace vrrp::test
