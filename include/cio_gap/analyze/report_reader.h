#pragma once

#include <nlohmann/json.hpp>

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
};

/// What other commands (diff, trend) need of one `assess --format json` report, whatever the
/// schema version it was written with (1.x or 2.x), checked.
struct ReadReport {
  std::string schema_version;  ///< as the report gives it, e.g. "1.4"
  ReportedProfile profile;
  std::optional<std::string> date;          ///< meta.date (since 1.2); none in older reports
  std::optional<double> readiness_score;    ///< none: no posting could be read for demands (since 1.1)
  std::vector<ListedQualification> gaps;            ///< in rank order
  std::vector<ListedQualification> qualifications;  ///< every demanded one, most demanded first
};

/// One JSON document of assess reports.
struct ReadDocument {
  bool batch = false;              ///< a batch (1.x: an array, 2.x: {"kind": "batch", "reports": [...]})
  std::vector<ReadReport> reports; ///< one for a single report, in file order for a batch
};

/// Reads a parsed `assess --format json` output: a single report or a batch, of schema 1.x or
/// 2.x. This is the one place that knows the field names of every version. Throws Error
/// "path: /json/pointer: message" naming the first place that is not as an assess report has it.
ReadDocument read_reports(const nlohmann::json& document, const std::string& path);

}  // namespace cio_gap
