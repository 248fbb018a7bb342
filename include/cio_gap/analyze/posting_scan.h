#pragma once

#include <string>
#include <vector>

#include "cio_gap/load/job_files.h"
#include "cio_gap/match/extractor.h"
#include "cio_gap/model/diagnostics.h"
#include "cio_gap/model/report.h"

namespace cio_gap {

/// How to scan the JOBS arguments.
struct ScanOptions {
  ReadLimits limits;
  unsigned threads = 0;  ///< 0: one per core
};

/// Reads every posting of the JOBS arguments and extracts what each demands. Files are read
/// and matched in parallel but results keep file order, so output does not depend on the
/// thread count. Texts are dropped as soon as they are matched: memory holds findings only.
/// Postings whose normalised text repeats an earlier one are flagged as duplicates.
/// Throws Error when an argument does not exist.
ScanResult scan_postings(const std::vector<std::string>& jobs, const Extractor& extractor,
                         const ScanOptions& options, Diagnostics& diagnostics);

}  // namespace cio_gap
