#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "cio_gap/analyze/report_reader.h"
#include "cio_gap/analyze/score_split.h"
#include "cio_gap/model/report.h"

namespace cio_gap {

/// A qualification that entered, left or stayed among the gaps between two reports.
struct GapChange {
  std::string id;
  std::string name;
  /// Its status in the old and the new report (from their `qualifications`); empty when that
  /// report's postings do not demand it.
  std::optional<Status> old_status;
  std::optional<Status> new_status;
};

/// How one person's report changed.
struct ProfileDiff {
  ReportedProfile profile;  ///< as in the new report
  /// The scores; none where a report has none (since 1.1: no posting could be read for demands).
  std::optional<double> old_score;
  std::optional<double> new_score;
  std::optional<double> change;   ///< new - old, to one decimal; none unless both have a score
  std::vector<GapChange> closed;  ///< gaps of the old report that are not gaps of the new one
  std::vector<GapChange> opened;  ///< gaps of the new report that were not gaps of the old one
  std::vector<GapChange> changed; ///< gaps of both whose status changed (missing -> partial, ...)
  /// The change split into the market's part and the person's; none when it cannot be split
  /// (a report without a score, or without each qualification's demand).
  std::optional<ScoreSplit> split;

  /// The score went down, or there was one and now there is none.
  bool score_dropped() const { return old_score && (!new_score || *change < 0); }
  /// The person's part of the change went down; where the change cannot be split, any drop.
  bool person_dropped() const { return split ? split->person < 0 : score_dropped(); }
};

/// Progress between two `assess --format json` outputs: one report each, or two batches.
struct ReportDiff {
  std::string old_path;
  std::string new_path;
  std::vector<ProfileDiff> profiles;        ///< in the new file's order
  std::vector<ReportedProfile> only_old;    ///< batch: reports with no match in the new file
  std::vector<ReportedProfile> only_new;    ///< batch: reports with no match in the old file
};

/// Compares two parsed `assess --format json` outputs. Two single reports are compared
/// whoever they are about; in batches (or a single report against a batch) reports are
/// paired by profile.path, then by name. Gaps are in each report's rank order.
/// Throws Error "path: message" when a document is not an assess report of a compatible
/// schema_version (same major version).
ReportDiff diff_reports(const nlohmann::json& old_report, const nlohmann::json& new_report, const std::string& old_path,
                        const std::string& new_path);

}  // namespace cio_gap
