#include "cio_gap/cli/cli.h"

#include <CLI/CLI.hpp>
#include <unistd.h>

#include <csignal>
#include <iostream>

#include "cio_gap/error.h"
#include "commands.h"

namespace cio_gap {

int run_cli(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err,
            bool out_is_terminal) {
  using namespace cli;
  const Streams streams{in, out, err, out_is_terminal, out_is_terminal && ::isatty(STDERR_FILENO) == 1};
  CLI::App app{"cio-gap: which qualifications do the roles you want demand, and which do you lack?", "cio-gap"};
  app.set_version_flag("-V,--version", std::string("cio-gap ") + CIO_GAP_VERSION);
  app.require_subcommand(1);
  app.footer(
      "Exit codes: 0 success; 1 a threshold you set was not met (--fail-under, --fail-on-gap,\n"
      "failing rule examples, diff --fail-on-drop); 2 usage or input error (bad option, unreadable or malformed file,\n"
      "no postings found, a write error).\n"
      "Examples:\n"
      "  cio-gap assess me.yaml jobs/\n"
      "  cio-gap assess me.yaml jobs/ --format json | jq '.gaps[0]'\n"
      "  cio-gap scan jobs/ --format json\n"
      "  cio-gap explain budget-management jobs/\n"
      "Run 'cio-gap COMMAND --help' for a command's options.");

  CommonOptions common;
  ScanCommand scan;
  CLI::App* scan_app = app.add_subcommand("scan", "What the postings demand, no profile needed");
  setup_scan(*scan_app, scan, common);

  AssessCommand assess;
  CLI::App* assess_app = app.add_subcommand("assess", "Gap report for a profile (or a folder of them) against the postings");
  setup_assess(*assess_app, assess, common);

  ExplainCommand explain;
  CLI::App* explain_app = app.add_subcommand("explain", "Why each posting does or does not demand one qualification");
  setup_explain(*explain_app, explain, common);

  DiffCommand diff;
  CLI::App* diff_app = app.add_subcommand("diff", "Progress between two JSON reports: gaps closed and opened, score change");
  setup_diff(*diff_app, diff, common);

  ProfileCommand validate;
  CLI::App* validate_app = app.add_subcommand("validate", "Check a self-assessment, with did-you-mean hints");
  setup_validate(*validate_app, validate, common);

  ProfileCommand init;
  CLI::App* init_app = app.add_subcommand("init", "Write a commented self-assessment template");
  setup_init(*init_app, init, common);

  RulesCommand rules;
  CLI::App* rules_app = app.add_subcommand("rules", "Inspect, test and validate rules");
  rules_app->require_subcommand(1);
  CLI::App* rules_list = rules_app->add_subcommand("list", "Print every active rule: id, category, name");
  add_common_options(*rules_list, common, {"text"}, false);
  rules_list->footer("Example:\n  cio-gap rules list --rules my-pack/");
  CLI::App* rules_keywords = rules_app->add_subcommand("keywords", "Print every literal keyword of the active rules");
  add_common_options(*rules_keywords, common, {"text"}, false);
  rules_keywords->footer("One per line, normalised, without generated inflections.\nExample:\n  cio-gap rules keywords > keywords.txt");
  CLI::App* rules_test = rules_app->add_subcommand("test", "Run every rule's example sentences");
  rules_test->add_option("PACK", rules.path, "Also load and test this rule pack (file or folder)");
  add_common_options(*rules_test, common, {"text"}, false);
  rules_test->footer("Exit status 1 when an example fails.\nExamples:\n  cio-gap rules test\n  cio-gap rules test my-pack/");
  CLI::App* rules_validate = rules_app->add_subcommand("validate", "Check a rule pack (file or folder)");
  rules_validate->add_option("PACK", rules.path, "Rule file or folder")->required();
  add_common_options(*rules_validate, common, {"text"}, false);
  rules_validate->footer("Errors are reported as path:line:col: message, exit status 2.\nExample:\n  cio-gap rules validate my-pack/");

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
    // Option values are typed text: escaped like every other message.
    err << "cio-gap: error: " << escape_control(e.what()) << "\nRun 'cio-gap --help' for usage.\n";
    return kExitError;
  }

  int code = kExitError;
  try {
    if (scan_app->parsed()) code = run_scan(scan, common, streams);
    else if (assess_app->parsed()) code = run_assess(assess, common, streams);
    else if (explain_app->parsed()) code = run_explain(explain, common, streams);
    else if (diff_app->parsed()) code = run_diff(diff, common, streams);
    else if (validate_app->parsed()) code = run_validate(validate, common, streams);
    else if (init_app->parsed()) code = run_init(init, common, streams);
    else if (rules_list->parsed()) code = run_rules_list(common, streams);
    else if (rules_keywords->parsed()) code = run_rules_keywords(common, streams);
    else if (rules_test->parsed()) code = run_rules_test(rules, common, streams);
    else if (rules_validate->parsed()) code = run_rules_validate(rules, common, streams);
  } catch (const std::exception& e) {
    // Messages quote file names and text from input: never let them drive the terminal.
    err << "cio-gap: error: " << escape_control(e.what()) << '\n';
    return kExitError;
  }
  // A full disk or a closed pipe must not pass for success.
  out.flush();
  if (!out) {
    err << "cio-gap: error: cannot write to standard output\n";
    return kExitError;
  }
  return code;
}

int run_cli(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err) {
  return run_cli(args, in, out, err, false);
}

int run_cli(int argc, char** argv) {
  // Write errors on a closed pipe come back as EPIPE and exit 2 instead of killing silently.
  std::signal(SIGPIPE, SIG_IGN);
  std::ios::sync_with_stdio(false);
  const std::vector<std::string> args(argv + 1, argv + argc);
  return run_cli(args, std::cin, std::cout, std::cerr, ::isatty(STDOUT_FILENO) == 1);
}

}  // namespace cio_gap
