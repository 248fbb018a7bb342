#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "cio_gap/model/rule.h"

namespace cio_gap {

/// Where the active rules come from.
struct RuleSources {
  bool use_defaults = true;        ///< the pack built into the binary
  std::vector<std::string> packs;  ///< extra files or folders of *.yaml (--rules)
};

/// Parses one rule file (held in memory) into `set`: its `rules:` entries and any
/// `sections:`/`qualifiers:` vocabulary. Throws Error "path:line:col: message" for malformed
/// YAML, unknown keys (with a did-you-mean), missing fields and duplicate ids.
void parse_rule_file(const std::string& path, std::string_view content, RuleSet& set);

/// One file of a rule pack, read.
struct RulePackFile {
  std::string path;
  std::string content;
};

/// The files of the packs, in the order they are loaded (files of a folder sorted by name).
/// Throws Error when a pack cannot be read.
std::vector<RulePackFile> read_rule_packs(const std::vector<std::string>& packs);

/// Loads the built-in rules (when `use_defaults`) and then the files of the packs.
/// Throws Error when no rule is active or a file is not valid.
RuleSet load_rules(bool use_defaults, const std::vector<RulePackFile>& files);

/// Loads the built-in rules and the packs, in that order (files of a folder sorted by name).
/// Throws Error when no rule is active or a pack cannot be read.
RuleSet load_rules(const RuleSources& sources);

/// Throws Error "path:line:col: unknown word set ..." when a pattern or sense names a word set
/// no loaded file defines (sets may be defined in any file, so this runs once all are read).
void check_word_set_references(const RuleSet& set);

/// The categories a rule may have.
const std::vector<std::string>& rule_categories();

}  // namespace cio_gap
