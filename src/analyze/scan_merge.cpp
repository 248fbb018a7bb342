#include "cio_gap/analyze/scan_merge.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>

#include "cio_gap/analyze/fingerprint_set.h"
#include "cio_gap/error.h"

namespace cio_gap {
namespace {

namespace fs = std::filesystem;

std::string roles_text(const std::vector<std::string>& roles) {
  if (roles.empty()) return "every role";
  std::string text;
  for (const auto& role : roles) text += (text.empty() ? "'" : ", '") + role + "'";
  return text;
}

// The first header read, which the others must agree with, and where it is.
struct FirstHeader {
  ScanHeader header;
  std::string where;  // "path:line"
};

void check_header(const ScanHeader& header, const std::string& path, int line, const MergeRules& merge,
                  std::optional<FirstHeader>& first) {
  auto fail = [&](const std::string& message) { throw Error(located(path, line, 1, message)); };
  if (header.rules_fingerprint != merge.rules_fingerprint) {
    fail(fmt::format("scanned with other rules (fingerprint {}) than these ({}): give assess the --rules and "
                     "--no-default-rules the scan had, or scan again",
                     header.rules_fingerprint, merge.rules_fingerprint));
  }
  if (!header.target_roles.empty() && header.target_roles != merge.role_names) {
    fail(fmt::format("scanned for the target roles {}, but the report counts {}: give assess the same "
                     "--target-role, or scan again with --all-roles",
                     roles_text(header.target_roles), roles_text(merge.role_names)));
  }
  if (!first) {
    first = FirstHeader{header, fmt::format("{}:{}", path, line)};
    return;
  }
  if (header.tool_version != first->header.tool_version) {
    fail(fmt::format("scanned by cio-gap {}, but {} by cio-gap {}: scan every share with one version",
                     header.tool_version, first->where, first->header.tool_version));
  }
  if (header.exclude != first->header.exclude || header.max_filesize != first->header.max_filesize) {
    fail(fmt::format("scanned with other --exclude or --max-filesize than {}: scan every share with the same options",
                     first->where));
  }
}

}  // namespace

std::vector<std::string> scan_output_files(const std::vector<std::string>& args) {
  std::vector<std::string> files;
  for (const auto& argument : args) {
    std::error_code ec;
    if (argument == "-" || !fs::is_directory(argument, ec)) {
      if (argument != "-" && !fs::exists(argument, ec)) throw Error(located(argument, 0, 0, "No such file or directory"));
      files.push_back(argument);
      continue;
    }
    std::vector<std::string> found;
    for (fs::directory_iterator it(argument, ec), end; !ec && it != end; it.increment(ec)) {
      const std::string name = it->path().filename().string();
      std::error_code type_error;
      if (name.starts_with('.') || it->path().extension() != ".jsonl" || !it->is_regular_file(type_error)) continue;
      found.push_back(it->path().string());
    }
    if (ec) throw Error(located(argument, 0, 0, ec.message()));
    if (found.empty()) throw Error(located(argument, 0, 0, "no *.jsonl scan output in this folder"));
    // Byte-wise, as the walk orders posting files: shares named share-000.jsonl, ... come in order.
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

MergedScan merge_scans(const std::vector<std::string>& files, const ScanReader& reader, const MergeRules& merge,
                       std::istream& standard_input, Diagnostics& diagnostics, const PostingSink& sink) {
  MergedScan merged;
  ScanResult& counts = merged.counts;
  std::optional<FirstHeader> first;
  // Fingerprints of the postings handed on so far, in every scan: a posting of a later share
  // can repeat one of an earlier share, which that share's own scan could not see.
  FingerprintSet seen;
  for (const std::string& path : files) {
    ScanEvents events;
    events.header = [&](const ScanHeader& header, int line) {
      check_header(header, path, line, merge, first);
      for (const auto& job : header.jobs) {
        if (std::find(merged.jobs.begin(), merged.jobs.end(), job) == merged.jobs.end()) merged.jobs.push_back(job);
      }
    };
    events.posting = [&](PostingFindings&& posting) {
      if (merge.roles != nullptr && merge.roles->active() && !merge.roles->matches(posting.title)) {
        ++counts.off_target;
        return;
      }
      posting.duplicate = !seen.insert(posting.fingerprint);
      if (posting.duplicate) {
        ++counts.duplicates;
      } else if (posting.diagnosis != Diagnosis::none) {
        diagnostics.warn(posting.source + ": " + describe(posting.diagnosis));
      }
      sink(std::move(posting));
    };
    // Postings read and those each scan left out itself come from its summary: they have no line.
    events.summary = [&](const ScanResult& scan) {
      counts.total += scan.total;
      counts.off_target += scan.off_target;
      counts.files_skipped += scan.files_skipped;
      counts.files_excluded += scan.files_excluded;
    };
    if (path == "-") {
      reader.read(standard_input, "<stdin>", events);
      continue;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(located(path, 0, 0, "cannot read it"));
    reader.read(in, path, events);
  }
  return merged;
}

}  // namespace cio_gap
