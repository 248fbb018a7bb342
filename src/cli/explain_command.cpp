#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <ostream>

#include "cio_gap/analyze/gap_analysis.h"
#include "cio_gap/error.h"
#include "cio_gap/load/posting_reader.h"
#include "cio_gap/load/profile_loader.h"
#include "cio_gap/text/suggest.h"
#include "commands.h"

namespace cio_gap::cli {

void setup_explain(CLI::App& app, ExplainCommand& command, CommonOptions& common) {
  app.add_option("ID", command.id, "Qualification id (see 'cio-gap rules list')")->required();
  app.add_option("JOBS", command.jobs, "Posting files or folders ('-' for standard input)")->required();
  app.add_flag("--demanded-only", command.demanded_only, "Show only the postings that demand it");
  app.add_option("--profile", command.profile, "Also say why this profile counts it as have, partial or missing");
  app.add_option("--resume", command.resume,
                 "With --profile: read this résumé as evidence, in place of the profile's resume:");
  add_common_options(app, common, {"text", "json"}, true);
  app.footer(
      "For each posting: whether it demands the qualification, and for every mention the line,\n"
      "the section, and the qualifier or negation that decided it. With --profile, then the\n"
      "profile's status and the entries that decided it (a skill and its line, a résumé line).\n"
      "Example:\n"
      "  cio-gap explain budget-management jobs/\n"
      "  cio-gap explain budget-management jobs/ --demanded-only --profile me.yaml\n"
      "  cio-gap explain budget-management jobs/ --format json | jq '.postings_demanding'");
}

int run_explain(const ExplainCommand& command, const CommonOptions& common, const Streams& streams) {
  if (!command.resume.empty() && command.profile.empty()) throw Error("--resume needs --profile");
  check_output(common, command.profile.empty() ? std::vector<std::string>{} : std::vector<std::string>{command.profile},
               command.jobs);
  const RuleSet rules = load_active_rules(common);
  std::size_t rule = rules.rules.size();
  std::vector<std::string> ids;
  for (std::size_t r = 0; r < rules.rules.size(); ++r) {
    ids.push_back(rules.rules[r].id);
    if (rules.rules[r].id == command.id) rule = r;
  }
  if (rule == rules.rules.size()) {
    throw Error("unknown qualification id '" + command.id + "'" + did_you_mean(command.id, ids));
  }
  // The profile is read before the postings, so a mistake in it fails fast.
  std::optional<Profile> profile;
  if (!command.profile.empty()) {
    profile = load_profile(command.profile, rules);
    attach_resume(*profile, command.resume, common);
  }
  const Extractor extractor(rules);
  KeywordMatcher::Scratch scratch(extractor.matcher());
  // The postings' demands, tallied as assess tallies them: the profile's status is decided
  // exactly as assess decides it (the years leading people weighed against these postings).
  DemandTally tally = start_tally(rules.rules.size());
  tally.keep_postings = false;
  Diagnostics diagnostics;
  ReadLimits limits;
  limits.max_filesize = common.max_filesize;
  std::vector<PostingExplanation> explanations;
  JobFileList files = list_job_files(command.jobs, limits, &diagnostics);
  exclude_job_files(files, common.exclude);
  for (const auto& file : files) {
    if (!file.skipped.empty()) {
      // In its place among the files, as scan and assess give it.
      diagnostics.warn(file.source + ": skipped: " + file.skipped);
      ++diagnostics.files_skipped;
      continue;
    }
    for (const auto& posting : read_postings(file, limits, diagnostics)) {
      PostingExplanation explanation{posting.source, posting_title(posting), {}};
      for (auto& hit : extractor.hits(posting, scratch)) {
        if (hit.rule == rule) explanation.hits.push_back(std::move(hit));
      }
      const PostingFindings findings = extractor.extract(posting, scratch, {0, nullptr});
      explanation.diagnosis = findings.diagnosis;
      tally_posting(tally, findings);
      explanations.push_back(std::move(explanation));
    }
  }
  if (!common.quiet) {
    for (const auto& warning : diagnostics.warnings) streams.err << "cio-gap: warning: " << escape_control(warning) << '\n';
  }
  if (explanations.empty()) throw Error(fmt::format("no postings found in {}", fmt::join(command.jobs, " ")));
  std::optional<ProfileStatus> answer;
  if (profile) {
    if (!common.quiet) {
      for (const auto& warning : unmatched_skills(*profile, extractor)) {
        streams.err << "cio-gap: warning: " << escape_control(warning) << '\n';
      }
    }
    const Report report = assess(*profile, tally, extractor, {});
    answer = ProfileStatus{&*profile, report.status_by_rule[rule], {}};
    const auto demanded = std::find_if(report.qualifications.begin(), report.qualifications.end(),
                                       [&](const QualificationDemand& q) { return q.rule == rule; });
    // A qualification these postings do not demand has no entry in the report: its evidence is
    // read from the profile alone.
    answer->evidence = demanded != report.qualifications.end() ? demanded->profile_evidence
                                                               : profile_evidence(*profile, extractor)[rule];
  }
  const ProfileStatus* why = answer ? &*answer : nullptr;
  if (common.format() == Format::json) {
    emit(render_explain_json(rules.rules[rule], explanations, command.demanded_only, why), common, streams);
  } else {
    emit(render_explain_text(rules.rules[rule], explanations, render_options(common, streams), command.demanded_only,
                             why),
         common, streams);
  }
  return kExitOk;
}

}  // namespace cio_gap::cli
