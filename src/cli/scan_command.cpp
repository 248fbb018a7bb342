#include <fmt/format.h>

#include <ostream>

#include "cio_gap/cli/output_file.h"
#include "cio_gap/error.h"
#include "commands.h"

namespace cio_gap::cli {

void setup_scan(CLI::App& app, ScanCommand& command, CommonOptions& common) {
  app.add_option("JOBS", command.jobs, "Posting files or folders ('-' for standard input)")->required();
  add_common_options(app, common, {"text", "json", "jsonl"}, true);
  add_role_options(app, common);
  app.footer(
      "Formats: text (a summary per posting), json (one document), jsonl (one posting per line,\n"
      "streamed as the postings are read: for very large folders).\n"
      "Examples:\n"
      "  cio-gap scan jobs/\n"
      "  cio-gap scan jobs/ --format json | jq '.postings[0].qualifications'\n"
      "  cio-gap scan scrape.csv --format jsonl > demands.jsonl");
}

int run_scan(const ScanCommand& command, const CommonOptions& common, const Streams& streams) {
  check_output(common, {}, command.jobs);
  const RuleSet rules = load_active_rules(common);
  const Extractor extractor(rules);
  const TitleMatcher roles(common.all_roles ? std::vector<std::string>{} : common.target_roles);
  if (common.format() == Format::jsonl) {
    // Streamed: each line leaves as soon as its posting and those before it are read.
    const bool to_file = !common.output.empty() && !is_standard_output(common.output);
    std::string buffered;
    const PostingSink sink = [&](PostingFindings&& posting) {
      const std::string line = render_posting_jsonl(posting, rules);
      if (to_file) {
        buffered += line;
      } else {
        write_out(line, streams);
      }
    };
    scan_jobs(command.jobs, extractor, common, streams, &sink, 0, &roles);
    if (to_file) write_output_file(common.output, buffered);
    return kExitOk;
  }
  ScanResult scan = scan_jobs(command.jobs, extractor, common, streams, nullptr, 0, &roles);
  if (roles.active()) scan.target_roles = common.target_roles;
  emit(common.format() == Format::json ? render_scan_json(scan, rules)
                                       : render_scan_text(scan, rules, render_options(common, streams)),
       common, streams);
  return kExitOk;
}

}  // namespace cio_gap::cli
