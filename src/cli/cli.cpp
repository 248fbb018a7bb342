#include "cio_gap/cli/cli.h"

#include <CLI/CLI.hpp>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <iostream>
#include <stdexcept>

#include "cio_gap/error.h"
#include "cio_gap/render/render.h"
#include "cio_gap/text/suggest.h"
#include "cli_docs.h"
#include "commands.h"

namespace cio_gap {
namespace {

std::vector<std::string> subcommand_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::App* sub : app.get_subcommands({})) names.push_back(sub->get_name());
  return names;
}

const CLI::App* subcommand_named(const CLI::App& app, const std::string& name) {
  for (const CLI::App* sub : app.get_subcommands({})) {
    if (sub->get_name() == name) return sub;
  }
  return nullptr;
}

// "cio-gap rules test": how a person types the command.
std::string command_path(const CLI::App& app) {
  std::string path = app.get_name();
  for (const CLI::App* parent = app.get_parent(); parent != nullptr; parent = parent->get_parent()) {
    path = parent->get_name() + " " + path;
  }
  return path;
}

// The command whose arguments were being read when parsing failed.
const CLI::App& deepest_parsed(const CLI::App& app) {
  for (const CLI::App* sub : app.get_subcommands({})) {
    if (sub->parsed()) return deepest_parsed(*sub);
  }
  return app;
}

// CLI11's message, with a did-you-mean for an unknown option.
std::string parse_error_message(const CLI::ParseError& e, const CLI::App& where) {
  const std::string message = e.what();
  const std::string prefix = "not expected: ";
  const auto at = message.find(prefix);
  if (at == std::string::npos) return escape_control(message);
  std::string word = message.substr(at + prefix.size());
  word = word.substr(0, word.find(' '));
  if (!word.starts_with('-')) return "unexpected argument '" + escape_control(word) + "'";
  const std::string name = word.substr(0, word.find('='));
  if (!name.starts_with("--")) return "unknown option '" + escape_control(name) + "'";  // too short to guess
  std::vector<std::string> options;
  for (const CLI::Option* option : where.get_options()) {
    for (const auto& l : option->get_lnames()) options.push_back("--" + l);
    for (const auto& s : option->get_snames()) options.push_back("-" + s);
  }
  return "unknown option '" + escape_control(name) + "'" + did_you_mean(name, options);
}

// Every command, its options and its help: what run_cli parses and the man page and shell
// completions describe.
struct Commands {
  cli::CommonOptions common;
  cli::ScanCommand scan;
  cli::AssessCommand assess;
  cli::ExplainCommand explain;
  cli::DiffCommand diff;
  cli::TrendCommand trend;
  cli::ProfileCommand validate;
  cli::ProfileCommand init;
  cli::RulesCommand rules;
  CLI::App* scan_app = nullptr;
  CLI::App* assess_app = nullptr;
  CLI::App* explain_app = nullptr;
  CLI::App* diff_app = nullptr;
  CLI::App* trend_app = nullptr;
  CLI::App* validate_app = nullptr;
  CLI::App* init_app = nullptr;
  CLI::App* rules_app = nullptr;
  CLI::App* rules_list = nullptr;
  CLI::App* rules_keywords = nullptr;
  CLI::App* rules_test = nullptr;
  CLI::App* rules_validate = nullptr;
};

// CLI11 shows a flag that takes an optional value (`--fail-on-drop[=any]`) as
// `--fail-on-drop{person}`, its default in braces; the help shows the name alone and the option's
// own text (`[=any]`) instead.
class HelpFormatter : public CLI::Formatter {
 public:
  std::string make_option_name(const CLI::Option* opt, bool is_positional) const override {
    std::string name = CLI::Formatter::make_option_name(opt, is_positional);
    for (std::size_t open = name.find('{'); open != std::string::npos; open = name.find('{', open)) {
      const std::size_t close = name.find('}', open);
      if (close == std::string::npos) break;
      name.erase(open, close - open + 1);
    }
    return name;
  }
};

void define_cli(CLI::App& app, Commands& c) {
  using namespace cli;
  app.formatter(std::make_shared<HelpFormatter>());
  app.name("cio-gap");
  app.description("cio-gap: which qualifications do the roles you want demand, and which do you lack?");
  app.set_version_flag("-V,--version", std::string("cio-gap ") + CIO_GAP_VERSION);
  app.require_subcommand(1);
  app.footer(
      "Exit codes: 0 success; 1 a threshold you set was not met (--fail-under, --fail-on-gap,\n"
      "failing rule examples, diff --fail-on-drop: your own part of a score change went down;\n"
      "--fail-on-drop=any: any score went down); 2 usage or input error (bad option, unreadable or malformed file,\n"
      "no postings found, a write error).\n"
      "Examples:\n"
      "  cio-gap assess me.yaml jobs/\n"
      "  cio-gap assess me.yaml jobs/ --format json | jq '.gaps[0]'\n"
      "  cio-gap scan jobs/ --format json\n"
      "  cio-gap explain budget-management jobs/\n"
      "Run 'cio-gap COMMAND --help' for a command's options.");

  c.scan_app = app.add_subcommand("scan", "What the postings demand, no profile needed");
  setup_scan(*c.scan_app, c.scan, c.common);

  c.assess_app = app.add_subcommand("assess", "Gap report for a profile (or a folder of them) against the postings");
  setup_assess(*c.assess_app, c.assess, c.common);

  c.explain_app = app.add_subcommand("explain", "Why each posting does or does not demand one qualification");
  setup_explain(*c.explain_app, c.explain, c.common);

  c.diff_app = app.add_subcommand("diff", "Progress between two JSON reports: gaps closed and opened, the score change split into market and you");
  setup_diff(*c.diff_app, c.diff, c.common);

  c.trend_app = app.add_subcommand("trend", "Scores, demand and statuses over several JSON reports, market and personal changes apart");
  setup_trend(*c.trend_app, c.trend, c.common);

  c.validate_app = app.add_subcommand("validate", "Check a self-assessment, with did-you-mean hints");
  setup_validate(*c.validate_app, c.validate, c.common);

  c.init_app = app.add_subcommand("init", "Write a commented self-assessment template");
  setup_init(*c.init_app, c.init, c.common);

  c.rules_app = app.add_subcommand("rules", "Inspect, test and validate rules");
  c.rules_app->require_subcommand(1);
  c.rules_list = c.rules_app->add_subcommand("list", "Print every active rule: id, category, name");
  add_common_options(*c.rules_list, c.common, {"text"}, false);
  c.rules_list->footer("Example:\n  cio-gap rules list --rules my-pack/");
  c.rules_keywords = c.rules_app->add_subcommand("keywords", "Print every literal keyword of the active rules");
  add_common_options(*c.rules_keywords, c.common, {"text"}, false);
  c.rules_keywords->footer("One per line, normalised, without generated inflections.\nExample:\n  cio-gap rules keywords > keywords.txt");
  c.rules_test = c.rules_app->add_subcommand("test", "Run every rule's example sentences");
  c.rules_test->add_option("PACK", c.rules.path, "Also load and test this rule pack (file or folder)");
  add_common_options(*c.rules_test, c.common, {"text"}, false);
  c.rules_test->footer("Exit status 1 when an example fails.\nExamples:\n  cio-gap rules test\n  cio-gap rules test my-pack/");
  c.rules_validate = c.rules_app->add_subcommand("validate", "Check a rule pack (file or folder)");
  c.rules_validate->add_option("PACK", c.rules.path, "Rule file or folder")->required();
  add_common_options(*c.rules_validate, c.common, {"text"}, false);
  c.rules_validate->footer("Errors are reported as path:line:col: message, exit status 2.\nExample:\n  cio-gap rules validate my-pack/");
}

}  // namespace

int run_cli(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err,
            bool out_is_terminal) {
  using namespace cli;
  const Streams streams{in, out, err, out_is_terminal, out_is_terminal && ::isatty(STDERR_FILENO) == 1};
  CLI::App app;
  Commands commands;
  define_cli(app, commands);
  // `cio-gap help [COMMAND...]`, and a misspelt command named as one, before CLI11 reads the
  // words as stray arguments.
  const bool asks_help = !args.empty() && args.front() == "help";
  const std::vector<std::string> words(args.begin() + (asks_help ? 1 : 0), args.end());
  const CLI::App* command = &app;
  for (const auto& word : words) {
    if (word.starts_with('-') || command->get_subcommands({}).empty()) break;
    const CLI::App* next = subcommand_named(*command, word);
    if (next == nullptr) {
      err << "cio-gap: error: unknown command '" << escape_control(word) << "'"
          << did_you_mean(word, subcommand_names(*command)) << "\nRun '" << command_path(*command)
          << " --help' for the commands.\n";
      return kExitError;
    }
    command = next;
  }
  // `help X Y` is `X Y --help`.
  std::vector<std::string> parsed_args = words;
  if (asks_help) parsed_args.push_back("--help");

  try {
    std::vector<std::string> reversed(parsed_args.rbegin(), parsed_args.rend());
    app.parse(reversed);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e, out, err);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e, out, err);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e, out, err);
  } catch (const CLI::ParseError& e) {
    const CLI::App& where = deepest_parsed(app);
    err << "cio-gap: error: " << parse_error_message(e, where) << "\nRun '" << command_path(where)
        << " --help' for usage.\n";
    return kExitError;
  }

  int code = kExitError;
  try {
    const Commands& c = commands;
    if (c.scan_app->parsed()) code = run_scan(c.scan, c.common, streams);
    else if (c.assess_app->parsed()) code = run_assess(c.assess, c.common, streams);
    else if (c.explain_app->parsed()) code = run_explain(c.explain, c.common, streams);
    else if (c.diff_app->parsed()) code = run_diff(c.diff, c.common, streams);
    else if (c.trend_app->parsed()) code = run_trend(c.trend, c.common, streams);
    else if (c.validate_app->parsed()) code = run_validate(c.validate, c.common, streams);
    else if (c.init_app->parsed()) code = run_init(c.init, c.common, streams);
    else if (c.rules_list->parsed()) code = run_rules_list(c.common, streams);
    else if (c.rules_keywords->parsed()) code = run_rules_keywords(c.common, streams);
    else if (c.rules_test->parsed()) code = run_rules_test(c.rules, c.common, streams);
    else if (c.rules_validate->parsed()) code = run_rules_validate(c.rules, c.common, streams);
  } catch (const ClosedPipe&) {
    return kExitOk;
  } catch (const std::exception& e) {
    // Messages quote file names and text from input: never let them drive the terminal. A
    // message of several lines holds several errors (ErrorList), one per line.
    std::string_view message = e.what();
    for (std::size_t start = 0; start <= message.size();) {
      const std::size_t end = std::min(message.find('\n', start), message.size());
      err << "cio-gap: error: " << escape_control(message.substr(start, end - start)) << '\n';
      start = end + 1;
    }
    return kExitError;
  }
  // A full disk must not pass for success. A closed pipe is the reader saying it has seen
  // enough (`| head`): the run ends quietly, as ripgrep and jq do.
  errno = 0;
  out.flush();
  if (!out) {
    if (errno == EPIPE) return kExitOk;
    err << "cio-gap: error: cannot write to standard output" << (errno != 0 ? std::string(": ") + std::strerror(errno) : "")
        << '\n';
    return kExitError;
  }
  return code;
}

std::string render_cli_document(const std::string& kind) {
  CLI::App app;
  Commands commands;
  define_cli(app, commands);
  if (kind == "man") return cli::man_page(app, CIO_GAP_VERSION);
  if (kind == "bash") return cli::bash_completion(app);
  if (kind == "zsh") return cli::zsh_completion(app);
  if (kind == "fish") return cli::fish_completion(app);
  throw std::invalid_argument("unknown document kind '" + kind + "': man, bash, zsh or fish");
}

int run_cli(const std::vector<std::string>& args, std::istream& in, std::ostream& out, std::ostream& err) {
  return run_cli(args, in, out, err, false);
}

int run_cli(int argc, char** argv) {
  // Write errors on a closed pipe come back as EPIPE, so the run can end on its own terms.
  std::signal(SIGPIPE, SIG_IGN);
  std::ios::sync_with_stdio(false);
  const std::vector<std::string> args(argv + 1, argv + argc);
  return run_cli(args, std::cin, std::cout, std::cerr, ::isatty(STDOUT_FILENO) == 1);
}

}  // namespace cio_gap
