#pragma once

#include <optional>
#include <vector>

#include "cio_gap/analyze/posting_spool.h"
#include "cio_gap/model/report.h"

namespace cio_gap {

/// How well a person fits one posting: the share of the posting's demands the person holds,
/// weighted as the readiness score weighs demand (required 1, preferred 0.5) and credited as it
/// credits status (have 1, partial 0.5, missing 0), rounded to one decimal; the required
/// qualifications held and not held (partial counts as not held: it is still a gap); and
/// whether `years_experience` meets the years it asks. A duplicate, or a posting with a
/// diagnosis, demands nothing and gets no fit. `status_by_rule` is the profile's status for
/// every rule (Report::status_by_rule).
PostingFit fit_posting(const PostingSummary& posting, const std::vector<Status>& status_by_rule,
                       std::optional<int> years_experience);

/// The offsets in `postings` of the postings with a fit, best fit first; ties by source, then
/// file order. Memory holds one 8-byte entry per posting with a fit; the sources of tied
/// postings are read back, one group of equal fits at a time, only when `sources_in_order` is
/// false (DemandTally::sources_in_order).
std::vector<std::uint64_t> rank_fits(const PostingSpool& postings, const std::vector<Status>& status_by_rule,
                                     std::optional<int> years_experience, bool sources_in_order);

/// The fit of the person a report is about to one of its tally's postings.
PostingFit fit_for(const Report& report, const PostingSummary& posting);

}  // namespace cio_gap
