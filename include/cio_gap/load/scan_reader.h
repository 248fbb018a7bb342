#pragma once

#include <functional>
#include <istream>
#include <string>
#include <string_view>
#include <unordered_map>

#include "cio_gap/model/posting.h"
#include "cio_gap/model/report.h"
#include "cio_gap/model/rule.h"

namespace cio_gap {

/// What a scan's stream holds, handed on line by line as ScanReader reads it.
struct ScanEvents {
  /// The header line opening a scan, and its line number.
  std::function<void(const ScanHeader&, int line)> header;
  /// A posting, as much of it as a report needs: source, title, company, link, years, diagnosis,
  /// duplicate flag, fingerprint, role type (as the one role signal set), and each finding's
  /// qualification and tier with its first evidence (line, page, sentence, section).
  std::function<void(PostingFindings&&)> posting;
  /// The summary line closing a scan: its counts (total, duplicates, off_target,
  /// files_skipped, files_excluded; no postings).
  std::function<void(const ScanResult&)> summary;
};

/// Reads the output of `scan --format jsonl`: one or more scans, each a header line, one line
/// per posting and a summary line. The one place that knows the names of that output's
/// fields. Throws Error "path:line:col: message" for a line that is not JSON or not what a
/// scan writes, a header of another schema major version, a qualification these rules do not
/// know, a scan whose summary does not count the postings before it, and a stream that ends
/// before a scan's summary line (a scan cut short).
class ScanReader {
 public:
  /// `schema_version`: the version of the output this program writes; a scan of another
  /// major version is refused. Lines are parsed on `threads` threads (0: one per core) and
  /// handed on in order.
  ScanReader(const RuleSet& rules, std::string_view schema_version, unsigned threads = 0);

  /// Reads `in` (named `path` in errors) to its end.
  void read(std::istream& in, const std::string& path, const ScanEvents& events) const;

 private:
  std::unordered_map<std::string, std::size_t> rule_index_;
  std::string schema_version_;
  unsigned threads_ = 1;
};

/// The major number of a schema_version "MAJOR.MINOR" (-1 when it is not one).
int schema_major(std::string_view version);

}  // namespace cio_gap
