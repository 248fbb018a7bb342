#pragma once

#include <istream>
#include <string>
#include <vector>

#include "cio_gap/analyze/posting_scan.h"
#include "cio_gap/load/scan_reader.h"
#include "cio_gap/model/diagnostics.h"
#include "cio_gap/model/report.h"
#include "cio_gap/text/title_match.h"

namespace cio_gap {

/// The files of scan output the arguments name: a file as given ("-" for standard input), a
/// folder's *.jsonl files (not hidden, not in subfolders), sorted by name, so that shares
/// numbered in the order of the folder they were cut from come in that order. Throws Error
/// when an argument does not exist or a folder holds no *.jsonl file.
std::vector<std::string> scan_output_files(const std::vector<std::string>& args);

/// What scans put together are: the counts of one scan of all their postings, and the JOBS
/// they were made from.
struct MergedScan {
  ScanResult counts;              ///< postings stay empty: the sink has them
  std::vector<std::string> jobs;  ///< every scan's JOBS, in order, each once
};

/// What the scans must agree on to make one report.
struct MergeRules {
  std::string rules_fingerprint;  ///< of the rules the report is made with
  /// The roles postings are filtered by now (none: every posting counts), and their names.
  const TitleMatcher* roles = nullptr;
  std::vector<std::string> role_names;
};

/// Reads the scans of `files` in order (`standard_input` for "-") and hands their postings to
/// `sink` as `stream_postings` hands on those of the same files read in one run: postings for
/// other roles dropped and counted, duplicates flagged by fingerprint across all scans (not
/// only within each), a warning for each posting that demands nothing. Scans made by another
/// version of cio-gap than the first, with other rules than `merge.rules_fingerprint`, with
/// other --exclude or --max-filesize than the first, or for target roles other than
/// `merge.role_names`, are refused (Error "path:line:col: ...").
MergedScan merge_scans(const std::vector<std::string>& files, const ScanReader& reader, const MergeRules& merge,
                       std::istream& standard_input, Diagnostics& diagnostics, const PostingSink& sink);

}  // namespace cio_gap
