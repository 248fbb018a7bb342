#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <ostream>

#include "cio_gap/analyze/gap_analysis.h"
#include "cio_gap/analyze/report_meta.h"
#include "cio_gap/analyze/scan_merge.h"
#include "cio_gap/cli/number_options.h"
#include "cio_gap/cli/output_file.h"
#include "cio_gap/error.h"
#include "cio_gap/load/profile_loader.h"
#include "cio_gap/text/suggest.h"
#include "commands.h"

namespace cio_gap::cli {
namespace {

namespace fs = std::filesystem;

// One report, handed to `sink` piece by piece: the formats that list every posting (JSON, HTML,
// CSV per posting) write as they read the postings back, never holding the whole document.
void write_one(const Report& report, const DemandTally& tally, const RuleSet& rules, const CommonOptions& common,
               const Streams& streams, bool per_posting, const TextSink& sink) {
  switch (common.format()) {
    case Format::json: return write_report_json(report, tally, rules, sink);
    case Format::markdown: return sink(render_report_markdown(report, rules));
    case Format::csv:
      if (per_posting) return write_posting_fits_csv(report, rules, sink);
      return sink(render_report_csv(report, rules));
    case Format::html: return write_report_html(report, rules, sink);
    case Format::text:
    case Format::jsonl: break;
  }
  sink(render_report_text(report, rules, render_options(common, streams)));
}

std::string extension(Format format) {
  switch (format) {
    case Format::json: return ".json";
    case Format::markdown: return ".md";
    case Format::csv: return ".csv";
    case Format::html: return ".html";
    case Format::text:
    case Format::jsonl: break;
  }
  return ".txt";
}

void write_batch(const std::vector<Report>& reports, const DemandTally& tally, const RuleSet& rules,
                 const CommonOptions& common, const Streams& streams, bool per_posting, const TextSink& sink) {
  if (common.format() == Format::json) return write_batch_json(reports, tally, rules, sink);
  if (common.format() == Format::html) return sink(render_batch_html(reports, rules));
  if (common.format() == Format::csv) {
    throw Error("--format csv with a folder of profiles needs --output-dir (one CSV file per profile)");
  }
  const std::string separator = common.format() == Format::markdown ? "\n---\n\n" : "\n" + std::string(78, '=') + "\n\n";
  // A coach reads the summary first: every client's score and top three gaps.
  sink(common.format() == Format::markdown ? render_batch_summary_markdown(reports, rules)
                                           : render_batch_summary_text(reports, rules));
  for (std::size_t i = 0; i < reports.size(); ++i) {
    sink(separator);
    write_one(reports[i], tally, rules, common, streams, per_posting, sink);
  }
}

// The roles postings are filtered by: --target-role, else the profiles' target_roles (when
// every profile of a batch lists the same ones); none with --all-roles.
std::vector<std::string> target_roles(const std::vector<Profile>& profiles, const CommonOptions& common,
                                      const Streams& streams) {
  if (common.all_roles) return {};
  if (!common.target_roles.empty()) return common.target_roles;
  for (const auto& profile : profiles) {
    if (profile.target_roles != profiles.front().target_roles) {
      if (!common.quiet) {
        streams.err << "cio-gap: warning: the profiles list different target_roles; every posting counts "
                       "(give --target-role to filter a batch)\n";
      }
      return {};
    }
  }
  return profiles.front().target_roles;
}

// Exit status 1 when a threshold the caller set is not met; says which on standard error.
int check_thresholds(const AssessCommand& command, const std::vector<Report>& reports, const RuleSet& rules,
                     const Streams& streams) {
  int code = kExitOk;
  for (const auto& report : reports) {
    const Profile& profile = *report.profile;
    const std::string who = escape_control(profile.name.empty() ? profile.path : profile.name);
    // No score (no posting could be read for demands) meets no threshold.
    if (command.fail_under >= 0 && !report.score) {
      streams.err << fmt::format("cio-gap: {}: no score ({}) is below --fail-under {:g}\n", who, kNoScore,
                                 command.fail_under);
      code = kExitThreshold;
    } else if (command.fail_under >= 0 && *report.score < command.fail_under) {
      streams.err << fmt::format("cio-gap: {}: score {:g} is below --fail-under {:g}\n", who, *report.score,
                                 command.fail_under);
      code = kExitThreshold;
    }
    for (const auto& q : report.qualifications) {
      const std::string& id = rules.rules[q.rule].id;
      if (q.status != Status::have &&
          std::find(command.fail_on_gap.begin(), command.fail_on_gap.end(), id) != command.fail_on_gap.end()) {
        streams.err << fmt::format("cio-gap: {}: {} is a gap ({}, demanded by {} of {} postings) (--fail-on-gap)\n",
                                   who, id, to_string(q.status), q.required + q.preferred, report.read_for_demands());
        code = kExitThreshold;
      }
    }
  }
  return code;
}

// The tally of scans made apart (scan --format jsonl), as assess makes it from their postings;
// `jobs` becomes what the scans were made from, so the report names the same inputs.
ScanResult read_scans(const std::vector<std::string>& files, const RuleSet& rules, const TitleMatcher& roles,
                      const std::vector<std::string>& role_names, const CommonOptions& common, const Streams& streams,
                      const PostingSink& sink, std::vector<std::string>& jobs) {
  const ScanReader reader(rules, kSchemaVersion, common.threads);
  MergeRules merge{rules_fingerprint(rules), &roles, roles.active() ? role_names : std::vector<std::string>{}};
  Diagnostics diagnostics;
  MergedScan merged = merge_scans(files, reader, merge, streams.in, diagnostics, sink);
  if (merged.counts.total == 0) {
    throw Error(fmt::format("no postings found in the scans {}", fmt::join(files, " ")));
  }
  report_scan(merged.counts, diagnostics, roles.active(), common, streams);
  jobs = std::move(merged.jobs);
  return merged.counts;
}

}  // namespace

void setup_assess(CLI::App& app, AssessCommand& command, CommonOptions& common) {
  app.add_option("PROFILE", command.profile, "Self-assessment YAML, or a folder of them for a batch run")->required();
  app.add_option("JOBS", command.jobs,
                 "Posting files or folders ('-' for standard input); with --from-scan, scan outputs or folders of them")
      ->required();
  app.add_flag("--from-scan", command.from_scan,
               "JOBS are the output of `scan --format jsonl` (files, or folders of *.jsonl shares read in name "
               "order): the same report as from the postings, without reading them again");
  app.add_option("--top", command.top, "List at most N gaps (0: all)")->check(whole_number(0, 1000000));
  app.add_option("--min-share", command.min_share,
                 "List only gaps demanded by at least this share of postings (0.25 or 25%)")
      ->transform(share());
  app.add_option("--fail-under", command.fail_under,
                 "Exit 1 when a readiness score is below SCORE (0-100), or there is none")
      ->check(finite_number(0.0, 100.0));
  app.add_option("--fail-on-gap", command.fail_on_gap, "Exit 1 when this qualification is a gap; repeatable");
  app.add_option("--output-dir", command.output_dir, "Batch: write one report per profile into DIR");
  app.add_option("--resume", command.resume,
                 "Read this résumé (.pdf, .docx, .odt, .md, .txt) as evidence, in place of the profile's resume:");
  app.add_option("--fit-rows", command.fit_rows,
                 "Rows of the 'Postings by fit' table in text and Markdown (default 10; 0: all)")
      ->check(whole_number(0, 1000000));
  app.add_flag("--per-posting", command.per_posting, "CSV: one row per posting (its fit), not per qualification");
  add_common_options(app, common, {"text", "json", "markdown", "csv", "html"}, true);
  add_role_options(app, common);
  app.footer(
      "Exit codes: 0 success; 1 --fail-under or --fail-on-gap not met; 2 usage or input error.\n"
      "Examples:\n"
      "  cio-gap assess me.yaml jobs/\n"
      "  cio-gap assess me.yaml jobs/ --format json | jq '.gaps[0]'\n"
      "  cio-gap assess me.yaml jobs/ --resume cv.pdf\n"
      "  cio-gap assess me.yaml jobs/ --top 5 --min-share 0.25 --format markdown -o report.md\n"
      "  cio-gap assess me.yaml jobs/ --format html -o report.html\n"
      "  cio-gap assess clients/ jobs/ --format json --output-dir reports/ --fail-under 60\n"
      "  cio-gap assess me.yaml jobs/ --target-role CIO --target-role 'VP of IT' --exclude 'SOURCES.md'\n"
      "  cio-gap assess me.yaml jobs/ --format csv --per-posting > fit.csv\n"
      "  cio-gap assess me.yaml --from-scan scans/ --format json");
}

int run_assess(const AssessCommand& command, const CommonOptions& common, const Streams& streams) {
  const RuleSet rules = load_active_rules(common);
  std::vector<std::string> ids;
  for (const auto& rule : rules.rules) ids.push_back(rule.id);
  for (const auto& id : command.fail_on_gap) {
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) {
      throw Error("--fail-on-gap: unknown qualification id '" + id + "'" + did_you_mean(id, ids));
    }
  }
  bool batch = false;
  const std::vector<std::string> paths = profile_paths(command.profile, batch);
  // Where each report goes is settled before any work: two profiles writing one file, or an
  // output that is one of the inputs, fail before anything is written.
  std::vector<std::string> outputs;
  if (!command.output_dir.empty()) {
    for (const auto& path : paths) {
      const std::string name = fs::path(path).stem().string() + extension(common.format());
      outputs.push_back((fs::path(command.output_dir) / name).string());
    }
    refuse_duplicate_outputs(outputs, paths);
  } else {
    outputs.push_back(common.output);
  }
  // With --from-scan the scan outputs are the inputs an output must not replace.
  std::vector<std::string> scan_files;
  if (command.from_scan) {
    if (!common.exclude.empty() || common.max_filesize != ReadLimits{}.max_filesize) {
      throw Error("--exclude and --max-filesize choose the files a scan reads: give them to each `cio-gap scan`, "
                  "not to assess --from-scan");
    }
    scan_files = scan_output_files(command.jobs);
    std::vector<std::string> inputs = paths;
    inputs.insert(inputs.end(), scan_files.begin(), scan_files.end());
    check_outputs(common, outputs, inputs);
  } else {
    check_outputs(common, outputs, paths, command.jobs);
  }
  if (batch && !command.resume.empty()) throw Error("--resume needs one profile, not a folder of them");
  // Profiles (and the résumés they name) are checked before the (slower) scan, so a typo fails
  // fast. In a batch, a profile that fails to load is reported and skipped: every other client
  // is still assessed, and the run exits 2 at the end.
  std::vector<Profile> profiles;
  std::vector<std::string> profile_outputs;  // where each loaded profile's report goes (--output-dir)
  int failed = 0;
  for (std::size_t i = 0; i < paths.size(); ++i) {
    auto load = [&] {
      Profile profile = load_profile(paths[i], rules);
      attach_resume(profile, command.resume, common);
      profiles.push_back(std::move(profile));
      profile_outputs.push_back(outputs[std::min(i, outputs.size() - 1)]);
    };
    if (!batch) {
      load();
      continue;
    }
    try {
      load();
    } catch (const Error& e) {
      report_profile_error(e, streams);
      ++failed;
    }
  }
  if (profiles.empty()) throw Error(located(command.profile, 0, 0, "no profile in this folder could be loaded"));

  const Extractor extractor(rules);
  if (!common.quiet) {
    for (const auto& profile : profiles) {
      for (const auto& warning : unmatched_skills(profile, extractor)) {
        streams.err << "cio-gap: warning: " << escape_control(warning) << '\n';
      }
    }
  }
  // Each posting is tallied as the scan hands it on and then dropped: memory holds counts, a
  // few citations and a short summary per posting, however many postings there are. Only the
  // sentences the report cites are made.
  DemandTally tally = start_tally(rules.rules.size());
  const std::vector<std::string> role_names = target_roles(profiles, common, streams);
  const TitleMatcher roles(role_names);
  const PostingSink sink = [&](PostingFindings&& posting) { tally_posting(tally, posting); };
  std::vector<std::string> jobs = command.jobs;
  const ScanResult scan =
      command.from_scan ? read_scans(scan_files, rules, roles, role_names, common, streams, sink, jobs)
                        : scan_jobs(command.jobs, extractor, common, streams, &sink, kCitationsPerQualification, &roles);
  tally.read = scan.total;
  tally.off_target = scan.off_target;
  if (roles.active()) tally.target_roles = role_names;
  // Every report says what it is: date, version, rules, and the postings it was made from.
  const ReportMeta meta =
      report_meta(rules, jobs, scan, report_date(std::getenv("SOURCE_DATE_EPOCH"), std::time(nullptr)));
  std::vector<Report> reports;
  for (const auto& profile : profiles) {
    reports.push_back(assess(profile, tally, extractor, {command.top, command.min_share, command.fit_rows}));
    reports.back().meta = meta;
  }

  if (!command.output_dir.empty()) {
    std::error_code ec;
    fs::create_directories(command.output_dir, ec);
    if (ec) throw Error(located(command.output_dir, 0, 0, ec.message()));
    std::vector<std::string> names;
    for (std::size_t i = 0; i < reports.size(); ++i) {
      names.push_back(fs::path(profile_outputs[i]).filename().string());
      write_output_file_by_pieces(profile_outputs[i], [&](const OutputPieceSink& pieces) {
        write_one(reports[i], tally, rules, common, streams, command.per_posting, pieces);
      });
      if (!common.quiet) streams.err << "cio-gap: wrote " << escape_control(profile_outputs[i]) << '\n';
    }
    // A coach's entry point: every client's score and top gaps, linking each page.
    if (batch && common.format() == Format::html) {
      const std::string path = (fs::path(command.output_dir) / "index.html").string();
      write_output_file(path, render_batch_index_html(reports, rules, names));
      if (!common.quiet) streams.err << "cio-gap: wrote " << escape_control(path) << '\n';
    }
  } else if (batch) {
    emit_by_pieces([&](const OutputPieceSink& pieces) {
      write_batch(reports, tally, rules, common, streams, command.per_posting, pieces);
    }, common, streams);
  } else {
    emit_by_pieces([&](const OutputPieceSink& pieces) {
      write_one(reports.front(), tally, rules, common, streams, command.per_posting, pieces);
    }, common, streams);
  }
  const int code = check_thresholds(command, reports, rules, streams);
  if (failed > 0) {
    streams.err << fmt::format("cio-gap: {} of {} profiles could not be loaded; the others were assessed\n", failed,
                               failed + static_cast<int>(profiles.size()));
    return kExitError;
  }
  return code;
}

}  // namespace cio_gap::cli
