#pragma once

#include <string>
#include <vector>

#include "cio_gap/model/report.h"
#include "cio_gap/model/rule.h"

namespace cio_gap {

/// The readiness checks of the three articles cio-gap's advice comes from, beyond the
/// qualifications postings list: Alvarez's four qualities, the seven steps, Harris's
/// interview stories, networking, role type and 30-60-90-day expectations.
/// `status_by_rule` is the profile's status for every rule (demanded or not).
std::vector<ReadinessCheck> readiness_checks(const Profile& profile, const DemandTally& tally,
                                             const RuleSet& rules,
                                             const std::vector<Status>& status_by_rule);

/// True when an achievement states a number: a count, a percentage or an amount of money.
bool is_quantified(std::string_view text);

/// True when an achievement speaks of a business result (revenue, cost, customers, risk...)
/// rather than of technology for its own sake.
bool is_business_framed(std::string_view text);

/// The role type a posting signals most, if any.
std::optional<RoleType> dominant_role_type(const PostingFindings& posting);

}  // namespace cio_gap
