#include "cio_gap/analyze/posting_scan.h"

#include <atomic>
#include <functional>
#include <thread>
#include <unordered_set>

#include "cio_gap/load/posting_reader.h"
#include "cio_gap/text/normalize.h"

namespace cio_gap {
namespace {

struct FileResult {
  std::vector<PostingFindings> postings;
  std::vector<std::size_t> fingerprints;  // per posting, to spot duplicates
  Diagnostics diagnostics;
};

}  // namespace

ScanResult scan_postings(const std::vector<std::string>& jobs, const Extractor& extractor,
                         const ScanOptions& options, Diagnostics& diagnostics) {
  const std::vector<JobFile> files = collect_job_files(jobs, options.limits, diagnostics);
  std::vector<FileResult> results(files.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    KeywordMatcher::Scratch scratch(extractor.matcher());
    for (std::size_t i = next++; i < files.size(); i = next++) {
      FileResult& result = results[i];
      for (const auto& posting : read_postings(files[i], options.limits, result.diagnostics)) {
        result.fingerprints.push_back(std::hash<std::string>{}(ascii_lower(normalize_phrase(posting.text))));
        result.postings.push_back(extractor.extract(posting, scratch));
      }
    }
  };
  unsigned threads = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(files.size(), 1)));
  {
    std::vector<std::jthread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
  }

  // Merge in file order so the output is the same whatever the thread count.
  ScanResult scan;
  std::unordered_set<std::size_t> seen;
  for (auto& result : results) {
    for (auto& warning : result.diagnostics.warnings) diagnostics.warn(std::move(warning));
    diagnostics.files_read += result.diagnostics.files_read;
    diagnostics.files_skipped += result.diagnostics.files_skipped;
    for (std::size_t p = 0; p < result.postings.size(); ++p) {
      if (!seen.insert(result.fingerprints[p]).second) {
        result.postings[p].duplicate = true;
        ++scan.duplicates;
      }
      scan.postings.push_back(std::move(result.postings[p]));
    }
  }
  return scan;
}

}  // namespace cio_gap
