#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cio_gap/analyze/report_reader.h"

namespace cio_gap {

/// How the demand for one qualification moved between two reports.
struct DemandMove {
  std::string id;
  std::string name;
  /// Postings demanding it (required or preferred) and its share of the postings read for
  /// demands; 0 where that report's postings do not demand it.
  int old_postings = 0;
  int new_postings = 0;
  double old_share = 0;
  double new_share = 0;
};

/// A status that moved for a qualification the newer postings demand.
struct StatusMove {
  std::string id;
  std::string name;
  Status old_status = Status::missing;
  Status new_status = Status::missing;
  double demand = 0;  ///< its demand in the newer report: the weight of the move in the score
};

/// A score change split into what the market did and what the person did.
///
/// With S(D, s) the readiness score of demand D and statuses s (the demand-weighted share held,
/// partial counting half, to one decimal), old demand and statuses D0, s0, new ones D1, s1:
///   market = S(D1, s0) - S(D0, s0)   the same person against the new postings
///   person = S(D1, s1) - S(D1, s0)   the new postings, the person's statuses moved
/// so market + person is the whole change. s0 of a qualification the old postings did not
/// demand is the old report's `profile_status`; in a report older than 2.0, which lacks it,
/// the new status stands in for it (such a move counts for neither part).
struct ScoreSplit {
  double market = 0;
  double person = 0;
  double midpoint = 0;  ///< S(D1, s0)
  int old_postings = 0;  ///< postings read for demands
  int new_postings = 0;
  std::vector<DemandMove> started;  ///< demanded now, not before; most postings first
  std::vector<DemandMove> stopped;  ///< demanded before, not now; most postings first
  std::vector<DemandMove> shifted;  ///< demanded in both, by a different share; largest move first
  std::vector<StatusMove> moved;    ///< statuses that moved, weightiest first
};

/// The split of the change between two reports of one person; none when a report has no score
/// or does not carry each qualification's demand (reports before 1.0 of the demand fields).
std::optional<ScoreSplit> split_score_change(const ReadReport& old_report, const ReadReport& new_report);

/// A score as reports give it: to one decimal.
double round_score(double score);

}  // namespace cio_gap
