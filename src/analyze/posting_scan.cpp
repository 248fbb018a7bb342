#include "cio_gap/analyze/posting_scan.h"

#include <fmt/format.h>

#include <algorithm>
#include <exception>
#include <limits>
#include <new>
#include <map>
#include <memory>
#include <mutex>
#include <new>
#include <system_error>
#include <thread>

#include "cio_gap/analyze/fingerprint_set.h"
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

ScanResult stream_postings(const std::vector<std::string>& jobs, const Extractor& extractor,
                           const ScanOptions& options, Diagnostics& diagnostics, const PostingSink& sink) {
  // Entries skipped while listing keep their place among the files: every warning comes in
  // the order of the files, as the postings do, whatever the threads.
  JobFileList files = options.listed != nullptr ? list_listed_files(jobs, *options.listed, options.limits, &diagnostics)
                                                : list_job_files(jobs, options.limits, &diagnostics);
  ScanResult counts;  // postings stay empty: the sink has them
  counts.files_excluded = static_cast<int>(exclude_job_files(files, options.exclude));
  const std::size_t warnings_before = diagnostics.warnings.size();
  std::string thread_warning;
  if (options.files_total) options.files_total->store(files.size());
  // Results of files done before an earlier one, by file index: only those wait in memory.
  std::map<std::size_t, FileResult> waiting;

  // Results leave in file order, so the output does not depend on the thread count; each is
  // freed as soon as it has been handed on.
  std::mutex order;
  std::size_t next_to_emit = 0;
  FingerprintSet seen;

  // Citations: a rule is marked once enough earlier postings (in file order) cite it. A file
  // being read comes after every file already handed on, so sentences its findings of a marked
  // rule would carry could never be cited and are not made.
  const std::size_t rule_count = extractor.rules().rules.size();
  std::vector<std::size_t> citing(rule_count, 0);
  std::unique_ptr<std::atomic<bool>[]> cited(new std::atomic<bool>[rule_count]);
  for (std::size_t r = 0; r < rule_count; ++r) cited[r] = false;
  auto count_citations = [&](const PostingFindings& posting) {
    if (options.citations_per_rule == 0 || posting.duplicate) return;
    for (const auto& finding : posting.findings) {
      if (!finding.evidence.empty() && ++citing[finding.rule] >= options.citations_per_rule) {
        cited[finding.rule].store(true, std::memory_order_relaxed);
      }
    }
  };
  auto evidence_needs = [&](std::vector<std::uint8_t>& wanted) {
    EvidenceNeeds needs;
    if (options.citations_per_rule == 0) return needs;
    wanted.resize(rule_count);
    for (std::size_t r = 0; r < rule_count; ++r) wanted[r] = cited[r].load(std::memory_order_relaxed) ? 0 : 1;
    needs.per_finding = 1;
    needs.rules = &wanted;
    return needs;
  };

  auto emit_ready = [&] {
    while (!waiting.empty() && waiting.begin()->first == next_to_emit) {
      FileResult& result = waiting.begin()->second;
      for (auto& warning : result.diagnostics.warnings) diagnostics.warn(std::move(warning));
      diagnostics.files_read += result.diagnostics.files_read;
      diagnostics.files_skipped += result.diagnostics.files_skipped;
      for (auto& source : result.diagnostics.out_of_memory) diagnostics.out_of_memory.push_back(std::move(source));
      for (std::size_t p = 0; p < result.postings.size(); ++p) {
        ++counts.total;
        // A posting for another role neither demands, nor warns, nor takes a citation.
        if (options.roles != nullptr && !options.roles->matches(result.postings[p].title)) {
          ++counts.off_target;
          continue;
        }
        if (!seen.insert(result.fingerprints[p])) {
          result.postings[p].duplicate = true;
          ++counts.duplicates;
        } else if (result.postings[p].diagnosis != Diagnosis::none) {
          // Never a silent empty result; a duplicate's first copy has already said it.
          diagnostics.warn(result.postings[p].source + ": " + describe(result.postings[p].diagnosis));
        }
        count_citations(result.postings[p]);
        sink(std::move(result.postings[p]));
      }
      waiting.erase(waiting.begin());
      ++next_to_emit;
    }
  };

  std::atomic<std::size_t> next{0};
  // An exception on a worker (the sink failing to write, say) stops every worker and is
  // rethrown on the calling thread once they have all stopped.
  std::exception_ptr failure;
  // Workers numbered `allowed` and above stop before their next file (see below).
  std::atomic<unsigned> allowed{std::numeric_limits<unsigned>::max()};
  auto scan_files = [&](unsigned id) {
    if (id >= allowed.load()) return;
    KeywordMatcher::Scratch scratch(extractor.matcher());
    std::vector<std::uint8_t> wanted;
    for (std::size_t i = next++; i < files.size(); i = id >= allowed.load() ? files.size() : next++) {
      FileResult result;
      const JobFile file = files[i];
      if (!file.skipped.empty()) {
        result.diagnostics.warn(file.source + ": skipped: " + file.skipped);
        ++result.diagnostics.files_skipped;
      } else {
        try {
          const EvidenceNeeds needs = evidence_needs(wanted);
          for (const auto& posting : read_postings(file, options.limits, result.diagnostics)) {
            result.fingerprints.push_back(folded_fingerprint(posting.text));
            result.postings.push_back(extractor.extract(posting, scratch, needs));
            result.postings.back().fingerprint = result.fingerprints.back();
          }
        } catch (const std::bad_alloc&) {
          // Not the file's fault, and not to be passed over: the run fails once the scan ends.
          result = FileResult{};
          result.diagnostics.warn(file.source + ": skipped: out of memory while reading it");
          result.diagnostics.out_of_memory.push_back(file.source);
          ++result.diagnostics.files_skipped;
        } catch (const std::exception& e) {
          // One file must never end a scan: whatever went wrong becomes a warning naming it.
          result = FileResult{};
          result.diagnostics.warn(file.source + ": skipped: " + e.what());
          ++result.diagnostics.files_skipped;
        }
      }
      if (options.files_done) ++*options.files_done;
      std::lock_guard lock(order);
      waiting.emplace(i, std::move(result));
      emit_ready();
    }
  };
  auto work = [&](unsigned id) {
    try {
      scan_files(id);
    } catch (const std::bad_alloc&) {
      // Under a memory limit a helper that cannot get its working memory before its first
      // file leaves the files to the others; the calling thread (id 0) cannot.
      if (id == 0) {
        std::lock_guard lock(order);
        if (!failure) failure = std::current_exception();
        next = files.size();
      }
    } catch (...) {
      std::lock_guard lock(order);
      if (!failure) failure = std::current_exception();
      next = files.size();
    }
  };
  unsigned threads = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  threads = static_cast<unsigned>(std::min<std::size_t>(threads, std::max<std::size_t>(files.size(), 1)));
  {
    std::vector<std::jthread> pool;
    for (unsigned t = 1; t < threads; ++t) {
      try {
        pool.emplace_back(work, t);
      } catch (const std::system_error& e) {
        // Under a process or memory limit fewer threads may start: the scan goes on with half
        // of those that did, so their work leaves room to allocate, and says so rather than
        // failing. The others stop before their next file and are joined, freeing their stacks.
        const unsigned keep = std::max(1u, t / 2);
        allowed = keep;
        for (unsigned k = keep; k < t; ++k) pool[k - 1].join();
        thread_warning = fmt::format("could start only {} of {} threads ({}); scanning with {}", t, threads,
                                     e.code().message(), keep);
        break;
      }
    }
    work(0);
  }
  if (!thread_warning.empty()) {
    diagnostics.warnings.insert(diagnostics.warnings.begin() + static_cast<std::ptrdiff_t>(warnings_before),
                                std::move(thread_warning));
  }
  if (failure) std::rethrow_exception(failure);
  return counts;
}

ScanResult scan_postings(const std::vector<std::string>& jobs, const Extractor& extractor,
                         const ScanOptions& options, Diagnostics& diagnostics) {
  std::vector<PostingFindings> postings;
  ScanResult scan = stream_postings(jobs, extractor, options, diagnostics,
                                    [&](PostingFindings&& posting) { postings.push_back(std::move(posting)); });
  scan.postings = std::move(postings);
  return scan;
}

}  // namespace cio_gap
