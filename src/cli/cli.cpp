#include "cio_gap/cli/cli.h"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>

#include "cio_gap/analyze/gap_analysis.h"
#include "cio_gap/analyze/posting_scan.h"
#include "cio_gap/error.h"
#include "cio_gap/load/profile_loader.h"
#include "cio_gap/load/rule_loader.h"
#include "cio_gap/load/posting_reader.h"
#include "cio_gap/match/extractor.h"
#include "cio_gap/match/rule_tester.h"
#include "cio_gap/text/suggest.h"
#include "cio_gap/render/profile_template.h"
#include "cio_gap/render/render.h"

namespace cio_gap {
namespace {

enum class ColorMode { automatic, always, never };

/// Options shared by every subcommand that reads rules or postings.
struct CommonOptions {
  std::vector<std::string> rule_packs;
  bool no_default_rules = false;
  std::string format_name = "text";
  std::string color_name = "auto";
  Format format() const { return format_name == "json" ? Format::json : Format::text; }
  ColorMode color() const {
    return color_name == "always" ? ColorMode::always : color_name == "never" ? ColorMode::never : ColorMode::automatic;
  }
  bool quiet = false;
  std::uintmax_t max_filesize = ReadLimits{}.max_filesize;
  unsigned threads = 0;
};

struct ScanCommand {
  std::vector<std::string> jobs;
};

struct AssessCommand {
  std::string profile;
  std::vector<std::string> jobs;
  int top = 0;
  double min_share = 0;
};

/// Where a command writes, and what it knows about the terminal.
struct Streams {
  std::ostream& out;
  std::ostream& err;
  bool out_is_terminal = false;
};

void add_common(CLI::App& command, CommonOptions& common, bool with_jobs_options) {
  command.add_option("--rules", common.rule_packs, "Add a rule pack (a .yaml file or a folder of them); repeatable");
  command.add_flag("--no-default-rules", common.no_default_rules, "Drop the built-in rules");
  command.add_option("--format", common.format_name, "Output format: text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->default_str("text");
  command.add_option("--color", common.color_name, "Colour: auto (only on a terminal), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->default_str("auto");
  command.add_flag("-q,--quiet", common.quiet, "No warnings or summary on standard error");
  if (with_jobs_options) {
    command.add_option("--max-filesize", common.max_filesize, "Skip posting files larger than this many bytes")
        ->capture_default_str();
    command.add_option("-j,--threads", common.threads, "Worker threads (default: one per core)");
  }
}

RenderOptions render_options(const CommonOptions& common, const Streams& streams) {
  RenderOptions options;
  const char* no_color = std::getenv("NO_COLOR");
  switch (common.color()) {
    case ColorMode::always: options.color = true; break;
    case ColorMode::never: options.color = false; break;
    case ColorMode::automatic:
      options.color = streams.out_is_terminal && !(no_color && *no_color);
      break;
  }
  return options;
}

RuleSet load_active_rules(const CommonOptions& common) {
  return load_rules({!common.no_default_rules, common.rule_packs});
}

ScanResult scan_jobs(const std::vector<std::string>& jobs, const Extractor& extractor,
                     const CommonOptions& common, const Streams& streams) {
  Diagnostics diagnostics;
  ScanOptions options;
  options.limits.max_filesize = common.max_filesize;
  options.threads = common.threads;
  ScanResult scan = scan_postings(jobs, extractor, options, diagnostics);
  if (!common.quiet) {
    for (const auto& warning : diagnostics.warnings) streams.err << "cio-gap: warning: " << warning << '\n';
  }
  if (scan.postings.empty()) {
    throw Error("no postings found in " + fmt::format("{}", fmt::join(jobs, " ")));
  }
  if (!common.quiet) {
    streams.err << fmt::format("cio-gap: {} postings read", scan.postings.size());
    if (scan.duplicates > 0) streams.err << fmt::format(", {} duplicates not counted", scan.duplicates);
    if (diagnostics.files_skipped > 0) streams.err << fmt::format(", {} files skipped", diagnostics.files_skipped);
    streams.err << '\n';
  }
  return scan;
}

int run_scan(const ScanCommand& command, const CommonOptions& common, const Streams& streams) {
  const RuleSet rules = load_active_rules(common);
  const Extractor extractor(rules);
  const ScanResult scan = scan_jobs(command.jobs, extractor, common, streams);
  streams.out << (common.format() == Format::json ? render_scan_json(scan, rules)
                                                : render_scan_text(scan, rules, render_options(common, streams)));
  return 0;
}

int run_assess(const AssessCommand& command, const CommonOptions& common, const Streams& streams) {
  const RuleSet rules = load_active_rules(common);
  // The profile is checked before the (slower) scan, so a typo fails fast.
  const Profile profile = load_profile(command.profile, rules);
  const Extractor extractor(rules);
  const ScanResult scan = scan_jobs(command.jobs, extractor, common, streams);
  const Report report = assess(profile, scan, extractor, {command.top, command.min_share});
  streams.out << (common.format() == Format::json ? render_report_json(report, scan, rules)
                                                : render_report_text(report, rules, render_options(common, streams)));
  return 0;
}

struct ExplainCommand {
  std::string id;
  std::vector<std::string> jobs;
};

int run_explain(const ExplainCommand& command, const CommonOptions& common, const Streams& streams) {
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
  for (const auto& file : collect_job_files(command.jobs, limits, diagnostics)) {
    for (const auto& posting : read_postings(file, limits, diagnostics)) {
      PostingExplanation explanation{posting.source, posting_title(posting), {}};
      for (auto& hit : extractor.hits(posting, scratch)) {
        if (hit.rule == rule) explanation.hits.push_back(std::move(hit));
      }
      explanations.push_back(std::move(explanation));
    }
  }
  if (!common.quiet) {
    for (const auto& warning : diagnostics.warnings) streams.err << "cio-gap: warning: " << warning << '\n';
  }
  if (explanations.empty()) throw Error("no postings found in " + fmt::format("{}", fmt::join(command.jobs, " ")));
  streams.out << render_explain_text(rules.rules[rule], explanations, render_options(common, streams));
  return 0;
}

int run_rules_test(const CommonOptions& common, const Streams& streams) {
  const RuleSet rules = load_active_rules(common);
  const Extractor extractor(rules);
  const RuleTestResult result = test_rules(extractor);
  for (const auto& failure : result.failures) {
    streams.out << fmt::format("{}:{}: {}: should {}: \"{}\"\n", failure.file, failure.line, failure.rule_id,
                               failure.expected_match ? "match" : "not match", escape_control(failure.sentence));
  }
  streams.out << fmt::format("{} rules, {} examples, {} failed\n", rules.rules.size(), result.examples,
                             result.failures.size());
  return result.failures.empty() ? 0 : 1;
}

int run_validate(const std::string& path, const CommonOptions& common, const Streams& streams) {
  const RuleSet rules = load_active_rules(common);
  const Profile profile = load_profile(path, rules);
  streams.out << fmt::format("{}: valid ({} skills, {} degrees, {} certifications, {} achievements)\n", path,
                             profile.skills.size(), profile.education.size(), profile.certifications.size(),
                             profile.achievements.size());
  return 0;
}

int run_init(const std::string& path, const CommonOptions& common, const Streams& streams) {
  const std::string text = render_profile_template(load_active_rules(common));
  if (path.empty() || path == "-") {
    streams.out << text;
    return 0;
  }
  // Never overwrite: a profile holds a person's own words.
  std::FILE* file = std::fopen(path.c_str(), "wx");
  if (!file) throw Error(located(path, 0, 0, std::strerror(errno)));
  const bool written = std::fwrite(text.data(), 1, text.size(), file) == text.size();
  if (std::fclose(file) != 0 || !written) throw Error(located(path, 0, 0, "cannot write the template"));
  if (!common.quiet) streams.err << "cio-gap: wrote " << path << "; check it with: cio-gap validate " << path << '\n';
  return 0;
}

int run_rules_list(const CommonOptions& common, const Streams& streams) {
  const RuleSet rules = load_active_rules(common);
  std::size_t width = 0;
  for (const auto& rule : rules.rules) width = std::max(width, rule.id.size());
  for (const auto& rule : rules.rules) {
    streams.out << fmt::format("{:<{}}  {:<10}  {}\n", rule.id, width, rule.category, rule.name);
  }
  return 0;
}

}  // namespace

int run_cli(const std::vector<std::string>& args, std::istream& /*in*/, std::ostream& out, std::ostream& err,
            bool out_is_terminal) {
  const Streams streams{out, err, out_is_terminal};
  CLI::App app{"cio-gap: which qualifications do the roles you want demand, and which do you lack?", "cio-gap"};
  app.set_version_flag("-V,--version", std::string("cio-gap ") + CIO_GAP_VERSION);
  app.require_subcommand(1);
  app.footer(
      "Exit codes: 0 success; 1 a threshold you set was not met; 2 usage or input error.\n"
      "Examples:\n"
      "  cio-gap assess me.yaml jobs/\n"
      "  cio-gap assess me.yaml jobs/ --format json | jq '.gaps[0]'\n"
      "  cio-gap scan jobs/ --format json");

  CommonOptions common;
  ScanCommand scan;
  AssessCommand assess_command;

  CLI::App* scan_app = app.add_subcommand("scan", "What the postings demand, no profile needed");
  scan_app->add_option("JOBS", scan.jobs, "Posting files or folders ('-' for standard input)")->required();
  add_common(*scan_app, common, true);
  scan_app->footer("Example:\n  cio-gap scan jobs/ --format json");

  CLI::App* assess_app = app.add_subcommand("assess", "Gap report for one profile against the postings");
  assess_app->add_option("PROFILE", assess_command.profile, "Self-assessment YAML")->required();
  assess_app->add_option("JOBS", assess_command.jobs, "Posting files or folders ('-' for standard input)")->required();
  assess_app->add_option("--top", assess_command.top, "List at most N gaps")->check(CLI::NonNegativeNumber);
  assess_app->add_option("--min-share", assess_command.min_share,
                         "List only gaps demanded by at least this share of postings (0-1)")
      ->check(CLI::Range(0.0, 1.0));
  add_common(*assess_app, common, true);
  assess_app->footer("Examples:\n  cio-gap assess me.yaml jobs/\n  cio-gap assess me.yaml jobs/ --top 5 --format json");

  CLI::App* rules_app = app.add_subcommand("rules", "Inspect the active rules");
  rules_app->require_subcommand(1);
  CLI::App* rules_list = rules_app->add_subcommand("list", "Print every rule id, category and name");
  add_common(*rules_list, common, false);
  rules_list->footer("Example:\n  cio-gap rules list --rules my-pack/");

  CLI::App* rules_test = rules_app->add_subcommand("test", "Run every rule's example sentences");
  rules_test->add_option("PACK", common.rule_packs, "Also load and test this rule pack (file or folder)");
  add_common(*rules_test, common, false);
  rules_test->footer("Exit status 1 when an example fails.\nExamples:\n  cio-gap rules test\n  cio-gap rules test my-pack/");

  ExplainCommand explain_command;
  CLI::App* explain_app = app.add_subcommand("explain", "Why each posting does or does not demand one qualification");
  explain_app->add_option("ID", explain_command.id, "Qualification id (see 'cio-gap rules list')")->required();
  explain_app->add_option("JOBS", explain_command.jobs, "Posting files or folders ('-' for standard input)")->required();
  add_common(*explain_app, common, true);
  explain_app->footer("Example:\n  cio-gap explain budget-management jobs/");

  std::string validate_path;
  CLI::App* validate_app = app.add_subcommand("validate", "Check a self-assessment, with did-you-mean hints");
  validate_app->add_option("PROFILE", validate_path, "Self-assessment YAML")->required();
  add_common(*validate_app, common, false);
  validate_app->footer("Example:\n  cio-gap validate me.yaml");

  std::string init_path;
  CLI::App* init_app = app.add_subcommand("init", "Write a commented self-assessment template");
  init_app->add_option("FILE", init_path, "Where to write it (never overwritten); standard output by default");
  add_common(*init_app, common, false);
  init_app->footer("Examples:\n  cio-gap init me.yaml\n  cio-gap init > me.yaml");

  try {
    std::vector<std::string> reversed(args.rbegin(), args.rend());
    app.parse(reversed);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e, out, err);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e, out, err);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e, out, err);
  } catch (const CLI::ParseError& e) {
    err << "cio-gap: error: " << e.what() << "\nRun 'cio-gap --help' for usage.\n";
    return 2;
  }

  try {
    if (scan_app->parsed()) return run_scan(scan, common, streams);
    if (assess_app->parsed()) return run_assess(assess_command, common, streams);
    if (rules_list->parsed()) return run_rules_list(common, streams);
    if (rules_test->parsed()) return run_rules_test(common, streams);
    if (validate_app->parsed()) return run_validate(validate_path, common, streams);
    if (init_app->parsed()) return run_init(init_path, common, streams);
    if (explain_app->parsed()) return run_explain(explain_command, common, streams);
  } catch (const Error& e) {
    err << "cio-gap: error: " << e.what() << '\n';
    return 2;
  } catch (const std::exception& e) {
    err << "cio-gap: error: " << e.what() << '\n';
    return 2;
  }
  return 2;
}

int run_cli(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err) {
  return run_cli(args, in, out, err, false);
}

int run_cli(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  std::ios::sync_with_stdio(false);
  const int code = run_cli(args, std::cin, std::cout, std::cerr, ::isatty(STDOUT_FILENO) == 1);
  std::cout.flush();
  if (!std::cout) {
    std::cerr << "cio-gap: error: cannot write to standard output\n";
    return 2;
  }
  return code;
}

}  // namespace cio_gap
