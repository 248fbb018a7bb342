#include <fmt/format.h>

#include <ostream>

#include "cio_gap/error.h"
#include "cio_gap/load/posting_reader.h"
#include "cio_gap/text/suggest.h"
#include "commands.h"

namespace cio_gap::cli {

void setup_explain(CLI::App& app, ExplainCommand& command, CommonOptions& common) {
  app.add_option("ID", command.id, "Qualification id (see 'cio-gap rules list')")->required();
  app.add_option("JOBS", command.jobs, "Posting files or folders ('-' for standard input)")->required();
  app.add_flag("--demanded-only", command.demanded_only, "Show only the postings that demand it");
  add_common_options(app, common, {"text"}, true);
  app.footer(
      "For each posting: whether it demands the qualification, and for every mention the line,\n"
      "the section, and the qualifier or negation that decided it.\n"
      "Example:\n"
      "  cio-gap explain budget-management jobs/\n"
      "  cio-gap explain budget-management jobs/ --demanded-only");
}

int run_explain(const ExplainCommand& command, const CommonOptions& common, const Streams& streams) {
  check_output(common, {}, command.jobs);
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
  const Extractor extractor(rules);
  KeywordMatcher::Scratch scratch(extractor.matcher());
  Diagnostics diagnostics;
  ReadLimits limits;
  limits.max_filesize = common.max_filesize;
  std::vector<PostingExplanation> explanations;
  std::vector<JobFile> files = list_job_files(command.jobs, limits, &diagnostics);
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
      explanation.diagnosis = extractor.extract(posting, scratch, {0, nullptr}).diagnosis;
      explanations.push_back(std::move(explanation));
    }
  }
  if (!common.quiet) {
    for (const auto& warning : diagnostics.warnings) streams.err << "cio-gap: warning: " << escape_control(warning) << '\n';
  }
  if (explanations.empty()) throw Error(fmt::format("no postings found in {}", fmt::join(command.jobs, " ")));
  emit(render_explain_text(rules.rules[rule], explanations, render_options(common, streams), command.demanded_only),
       common, streams);
  return kExitOk;
}

}  // namespace cio_gap::cli
