#pragma once

#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cio_gap {

/// Profiles and rule files are typed by people; anything larger is a mistake.
inline constexpr std::uintmax_t kMaxYamlBytes = 1024 * 1024;
/// Deepest nesting of lists and mappings accepted (the root mapping is level 1).
inline constexpr int kMaxYamlDepth = 64;
/// Most nodes (scalars, lists, mappings) in one file. yaml-cpp spends about 500 bytes per
/// node, so this bounds the tree at about 25 MB; the largest built-in rule file has ~2,000.
inline constexpr int kMaxYamlNodes = 50000;

/// Reads YAML with every error located as "path:line:col: message". Shared by the rule and
/// profile loaders so both report mistakes the same way.
///
/// Before any tree is built the text is checked: at most kMaxYamlBytes, UTF-8 (a leading BOM
/// is dropped) without NUL, control characters other than tab and line ends, or UTF-16; then
/// an event-only pass rejects aliases (a "billion laughs" or `&a [*a]` would build shared or
/// cyclic nodes), nesting deeper than kMaxYamlDepth, more than kMaxYamlNodes nodes, duplicate
/// keys (yaml-cpp keeps both) and a second document (yaml-cpp ignores it).
class YamlReader {
 public:
  /// Where the text comes from: a file (every check) or the rule files compiled into cio-gap,
  /// which skip the event-only pass (they are fixed at build time and a test runs them through
  /// every check), as it costs as much as the parse itself at every start.
  enum class Origin { file, built_in };

  /// Parses `content`; throws Error on a syntax error, one of the checks above, or an empty
  /// document.
  YamlReader(std::string path, std::string_view content, Origin origin = Origin::file);

  const YAML::Node& root() const { return root_; }
  const std::string& path() const { return path_; }

  /// Throws Error at `node` with `message`.
  [[noreturn]] void fail(const YAML::Node& node, const std::string& message) const;

  /// Requires `key` to be a plain name in `allowed`; an unknown one gets a did-you-mean and the
  /// list of valid keys.
  void expect_key(const YAML::Node& key, const std::string& what, const std::vector<std::string>& allowed) const;
  /// Requires a mapping whose keys are all in `allowed` (unknown ones get a did-you-mean).
  void expect_map(const YAML::Node& node, const std::string& what,
                  const std::vector<std::string>& allowed) const;
  /// A scalar as a string; throws when `node` is not a scalar.
  std::string scalar(const YAML::Node& node, const std::string& what) const;
  /// A whole number in [0, max], written in decimal digits only: no sign, no leading zero,
  /// no exponent, fraction, octal, hex, .nan or .inf.
  int integer(const YAML::Node& node, const std::string& what, int max) const;
  /// A boolean (true/false).
  bool boolean(const YAML::Node& node, const std::string& what) const;
  /// A sequence of scalars (a single scalar is accepted as a one-element list).
  std::vector<std::string> string_list(const YAML::Node& node, const std::string& what) const;

  /// Like string_list, with the 1-based line of each entry.
  std::vector<std::pair<std::string, int>> located_list(const YAML::Node& node, const std::string& what) const;

  /// 1-based line of a node.
  static int line_of(const YAML::Node& node) { return node.Mark().line + 1; }
  /// 1-based column of a node.
  static int column_of(const YAML::Node& node) { return node.Mark().column + 1; }

 private:
  std::string path_;
  YAML::Node root_;
};

}  // namespace cio_gap
