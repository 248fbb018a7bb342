#pragma once

#include <atomic>
#include <functional>
#include <string>
#include <vector>

#include "cio_gap/load/job_files.h"
#include "cio_gap/match/extractor.h"
#include "cio_gap/model/diagnostics.h"
#include "cio_gap/model/report.h"
#include "cio_gap/text/title_match.h"

namespace cio_gap {

/// How to scan the JOBS arguments.
struct ScanOptions {
  ReadLimits limits;
  unsigned threads = 0;  ///< 0: one per core
  /// When set, kept up to date for a progress display: files found, then files done.
  std::atomic<std::size_t>* files_total = nullptr;
  std::atomic<std::size_t>* files_done = nullptr;
  /// When non-zero, a finding keeps cited sentences only where `assess` cites them: its first
  /// sentence, in the first `citations_per_rule` postings (file order, duplicates aside) that
  /// demand its qualification. Other findings keep qualification and tier without sentences,
  /// which saves most of the extraction work and memory. 0: every finding keeps its sentences.
  std::size_t citations_per_rule = 0;
  /// Files to leave out: shell patterns matched against each file's source and base name.
  std::vector<std::string> exclude;
  /// When set, only postings whose title names a target role are handed on; the others are
  /// counted (ScanResult::off_target) and dropped before duplicates are looked for.
  const TitleMatcher* roles = nullptr;
  /// When set, only these files of the one JOBS folder are read (see list_listed_files): a
  /// share of a folder, scanned on one machine of several.
  const std::vector<std::string>* listed = nullptr;
};

/// Reads every posting of the JOBS arguments and extracts what each demands. Files are read
/// and matched in parallel but results keep file order, so output does not depend on the
/// thread count. Texts are dropped as soon as they are matched: memory holds findings only.
/// Postings whose normalised text repeats an earlier one are flagged as duplicates. A posting
/// that demands nothing (and is not a duplicate) adds a warning "SOURCE: why" (its diagnosis).
/// Throws Error when an argument does not exist.
ScanResult scan_postings(const std::vector<std::string>& jobs, const Extractor& extractor,
                         const ScanOptions& options, Diagnostics& diagnostics);

/// Receives each posting's findings, in file order, duplicates flagged.
using PostingSink = std::function<void(PostingFindings&&)>;

/// As scan_postings, but hands each posting to `sink` in file order as soon as it and every
/// posting before it are done, keeping nothing: memory stays flat however many postings there
/// are. The sink runs on one thread at a time. Returns the number of postings and duplicates.
ScanResult stream_postings(const std::vector<std::string>& jobs, const Extractor& extractor,
                           const ScanOptions& options, Diagnostics& diagnostics, const PostingSink& sink);

}  // namespace cio_gap
