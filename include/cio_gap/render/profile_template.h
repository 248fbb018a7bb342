#pragma once

#include <string>

#include "cio_gap/model/rule.h"

namespace cio_gap {

/// A commented self-assessment listing every qualification of `rules` at level none, grouped
/// by category, that `cio-gap validate` accepts as it is.
std::string render_profile_template(const RuleSet& rules);

}  // namespace cio_gap
