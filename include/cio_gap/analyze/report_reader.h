#pragma once

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "cio_gap/model/report.h"

namespace cio_gap {

/// Who a report is about, as its `profile` object says.
struct ReportedProfile {
  std::string path;
  std::string name;
};

/// A gap or a demanded qualification as an assess report lists it.
struct ListedQualification {
  std::string id;
  std::string name;
  Status status = Status::missing;
  /// Postings requiring it, postings only preferring it, its demand (required + preferred / 2)
  /// and its share of the postings read for demands; none in a report that does not carry them.
  std::optional<int> required;
  std::optional<int> preferred;
  std::optional<double> demand;
  std::optional<double> share;
};

/// What the commands that compare reports (diff, trend) need of one assess report, whatever the
/// schema version it was written with (1.x or 2.x), checked.
struct ReadReport {
  std::string schema_version;  ///< as the report gives it, e.g. "1.4"
  ReportedProfile profile;
  std::string date;             ///< meta.date (YYYY-MM-DD); empty in a report without meta
  std::optional<double> score;  ///< readiness score (1.x: `score`); none: no posting read for demands
  int postings = 0;             ///< postings read for demands: counted ones, less those left out
  std::vector<ListedQualification> gaps;            ///< rank order
  std::vector<ListedQualification> qualifications;  ///< every demanded one, most demanded first
  /// The person's status for every qualification the rules know, demanded or not (since 2.0);
  /// empty in an older report.
  std::map<std::string, Status> statuses;

  /// Every listed qualification carries its demand: the score can be recomputed from the report.
  bool has_demand() const;
  /// The person's status for `id` as this report knows it: from `qualifications`, else from
  /// `statuses`; none when the report does not say.
  std::optional<Status> status_of(const std::string& id) const;
};

/// One `assess --format json` output: a single report, or a batch (1.x: an array, 2.x:
/// {"kind": "batch", "reports": [...]}).
struct ReadDocument {
  std::string path;
  bool batch = false;
  std::vector<ReadReport> reports;
};

/// Reads a parsed assess output: a single report or a batch, of schema 1.x or 2.x. This is the
/// one place that knows the field names of every version. Throws Error "path: /pointer: message"
/// naming the first place that is not as an assess report has it.
ReadDocument read_report_document(const nlohmann::json& document, const std::string& path);

/// Pairs the reports of two documents by person: for each of `news`, the index of its match in
/// `olds` (by profile path, then by name, each used once), or none.
std::vector<std::optional<std::size_t>> pair_profiles(const std::vector<ReportedProfile>& olds,
                                                      const std::vector<ReportedProfile>& news);

}  // namespace cio_gap
