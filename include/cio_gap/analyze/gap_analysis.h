#pragma once

#include <optional>
#include <vector>

#include "cio_gap/match/extractor.h"
#include "cio_gap/model/profile.h"
#include "cio_gap/model/report.h"

namespace cio_gap {

/// Which gaps to list.
struct GapOptions {
  int top = 0;             ///< at most this many gaps (0: all)
  double min_share = 0.0;  ///< only gaps demanded by at least this share of postings (0-1)
  int fit_rows = 10;       ///< rows of the "Postings by fit" table in text and Markdown (0: all)
};

/// Posting sentences cited for each qualification in a report: the first postings' (file order).
inline constexpr std::size_t kCitationsPerQualification = 3;

/// An empty tally for a rule set of `rule_count` rules.
DemandTally start_tally(std::size_t rule_count);

/// Adds one posting, as the scan hands it on (in file order, duplicates flagged): its counts,
/// the first citations of each qualification, its years and role type, and its summary.
void tally_posting(DemandTally& tally, const PostingFindings& posting);

/// The tally of a whole scan.
DemandTally tally_scan(const ScanResult& scan, std::size_t rule_count);

/// Demand per qualification over the counted (non-duplicate) postings, most demanded first
/// (ties by rule order). Demand = postings requiring it + half the postings only preferring it.
/// Shares are of the postings read for demands (counted ones without a diagnosis).
std::vector<QualificationDemand> aggregate_demand(const DemandTally& tally);

/// Where the profile shows each qualification, by rule index: self-rated skills, and the free
/// text of skills, achievements, degrees, certifications, volunteering and mentoring run
/// through the same matcher as the postings.
std::vector<std::vector<ProfileEvidence>> profile_evidence(const Profile& profile,
                                                           const Extractor& extractor);

/// Warnings for free-text skills that no rule recognises ("kubernetes: strong"), which would
/// otherwise count for nothing without a word: "me.yaml:24: skill 'kubernetes' names no
/// qualification the rules know, so it counts for nothing; ...".
std::vector<std::string> unmatched_skills(const Profile& profile, const Extractor& extractor);

/// have (any evidence of strength have), partial (only exposure or volunteering), missing.
Status status_from(const std::vector<ProfileEvidence>& evidence);

/// The gap report: demand, the person's status for each demanded qualification, gaps ranked
/// by demand, the readiness score, the comparisons of years (of experience, and leading
/// people) and the fit to each posting the tally kept. The report points at `tally`, which
/// must outlive it.
Report assess(const Profile& profile, const DemandTally& tally, const Extractor& extractor,
              const GapOptions& options);

/// Readiness: the demand-weighted share of demanded qualifications the person has, partial
/// counting half, from 0 to 100; none when nothing is demanded (every counted posting has a
/// diagnosis, so nothing could be read for demands): never a 100 earned against nothing.
std::optional<double> readiness_score(const std::vector<QualificationDemand>& qualifications);

}  // namespace cio_gap
