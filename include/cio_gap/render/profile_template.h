#pragma once

#include <string>
#include <vector>

#include "cio_gap/analyze/resume_facts.h"
#include "cio_gap/model/report.h"
#include "cio_gap/model/rule.h"

namespace cio_gap {

/// A commented self-assessment listing every qualification of `rules` at level none, grouped
/// by category, that `cio-gap validate` accepts as it is.
std::string render_profile_template(const RuleSet& rules);

/// A self-assessment drafted from a résumé (`source` names it): the name, role and years the
/// résumé states; each qualification it shows at a suggested level (working where it
/// describes work done, exposure where it only lists the skill) with a comment quoting the
/// line; every other qualification at none, for the person to review. `evidence` is
/// resume_evidence's, by rule index. `validate` accepts it as it is.
std::string render_profile_draft(const RuleSet& rules, const ResumeFacts& facts,
                                 const std::vector<std::vector<ProfileEvidence>>& evidence, const std::string& source);

}  // namespace cio_gap
