#pragma once

#include <ctime>
#include <cstdint>
#include <string>
#include <vector>

#include "cio_gap/model/report.h"
#include "cio_gap/model/rule.h"

namespace cio_gap {

/// A stable hash of the active rules' content (what they match and what they advise), as 16
/// hex digits: two reports with the same fingerprint were made with the same rules.
std::string rules_fingerprint(const RuleSet& rules);

/// The report's date, YYYY-MM-DD in UTC: the day of `source_date_epoch` (seconds since 1970,
/// as the reproducible-builds convention SOURCE_DATE_EPOCH gives it) when it is set, else the
/// day of `now`. Throws Error when `source_date_epoch` is set but not a number of seconds.
std::string report_date(const char* source_date_epoch, std::time_t now);

/// What a report says about itself: date, version, rules fingerprint, the JOBS arguments and
/// the counts of postings read, files skipped and duplicates.
ReportMeta report_meta(const RuleSet& rules, const std::vector<std::string>& jobs, const ScanResult& scan,
                       std::string date);

}  // namespace cio_gap
