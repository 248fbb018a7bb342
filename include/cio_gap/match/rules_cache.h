#pragma once

#include <filesystem>
#include <optional>

#include "cio_gap/load/rule_loader.h"
#include "cio_gap/model/rule.h"

namespace cio_gap {

/// What the cache did for one load.
enum class RulesCacheUse {
  not_used,   ///< no rule pack, or no cache folder: the rules were read as they are
  hit,        ///< the compiled pack was read from the cache
  written,    ///< compiled afresh and stored for the next run
  unwritable  ///< compiled afresh; the cache could not be written (never an error)
};

struct CachedRules {
  RuleSet rules;
  RulesCacheUse use = RulesCacheUse::not_used;
};

/// Where compiled rule packs are kept: `$XDG_CACHE_HOME/cio-gap`, else `~/.cache/cio-gap`;
/// none when `CIO_GAP_NO_CACHE` is set to anything but empty or `0`, or no home is known.
std::optional<std::filesystem::path> rules_cache_dir();

/// Loads the rules as `load_rules` does, and for rule packs keeps their compiled image (the
/// RuleSet and the extractor's matcher, see RulesImage) in `dir`, so the next run with the
/// same packs starts as fast as with the built-in rules alone. An entry is keyed by a hash of
/// the packs' paths and contents, whether the built-in rules are on (and their image), and
/// the program's version; it is written atomically (a temporary file renamed), and one that is
/// corrupt, truncated or unreadable is ignored and written again. Errors in the packs are
/// reported exactly as `load_rules` reports them; the cache itself never fails a run.
CachedRules load_rules_cached(const RuleSources& sources, const std::optional<std::filesystem::path>& dir);

}  // namespace cio_gap
