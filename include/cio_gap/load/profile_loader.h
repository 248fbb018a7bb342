#pragma once

#include <string>
#include <string_view>

#include "cio_gap/model/profile.h"
#include "cio_gap/model/rule.h"

namespace cio_gap {

/// Parses a self-assessment held in memory, strictly: unknown keys and unknown qualification
/// ids are errors with a did-you-mean; levels are none|exposure|working|strong|expert or 0-4.
/// A `skills:` key shaped like an id (lower-case words joined by '-') must name a rule of
/// `rules`; any other key is free text. Throws Error "path:line:col: message".
Profile parse_profile(const std::string& path, std::string_view content, const RuleSet& rules);

/// Reads and parses a profile file. Throws Error naming the file when it cannot be read.
Profile load_profile(const std::string& path, const RuleSet& rules);

}  // namespace cio_gap
