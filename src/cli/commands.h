#pragma once

// Internal to the CLI layer: each subcommand is an options struct, a setup_x(CLI::App&) that
// declares its arguments, and a run_x(...) that calls the pipeline and returns an exit code.

#include <CLI/CLI.hpp>

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include "cio_gap/analyze/posting_scan.h"
#include "cio_gap/load/job_files.h"
#include "cio_gap/match/extractor.h"
#include "cio_gap/model/rule.h"
#include "cio_gap/render/render.h"

namespace cio_gap::cli {

/// Exit codes, documented in --help and the README.
inline constexpr int kExitOk = 0;
inline constexpr int kExitThreshold = 1;
inline constexpr int kExitError = 2;

/// Where a command writes, and what it knows about the terminal.
struct Streams {
  std::istream& in;
  std::ostream& out;
  std::ostream& err;
  bool out_is_terminal = false;
  bool err_is_terminal = false;
};

/// Options every subcommand shares: rules, format, colour, output, quiet.
struct CommonOptions {
  std::vector<std::string> rule_packs;
  bool no_default_rules = false;
  std::string format_name = "text";
  std::string color_name = "auto";
  std::string output;  ///< --output FILE ("" = standard output)
  bool quiet = false;
  std::uintmax_t max_filesize = ReadLimits{}.max_filesize;
  unsigned threads = 0;

  Format format() const;
};

/// Declares --rules, --no-default-rules, --format (one of `formats`), --color, --output, --quiet;
/// with `reads_jobs`, also --max-filesize and --threads.
void add_common_options(CLI::App& command, CommonOptions& common, const std::vector<std::string>& formats,
                        bool reads_jobs);

/// The built-in rules and the packs, as the options ask.
RuleSet load_active_rules(const CommonOptions& common);

/// Colour and width for text output.
RenderOptions render_options(const CommonOptions& common, const Streams& streams);

/// Scans the JOBS arguments, printing warnings and a summary on standard error (unless quiet),
/// with a progress line on a terminal for long scans. Throws Error when no posting is found.
/// With a `sink`, postings are streamed to it in file order and not kept. `citations_per_rule`
/// as in ScanOptions (0: every finding keeps its sentences).
ScanResult scan_jobs(const std::vector<std::string>& jobs, const Extractor& extractor, const CommonOptions& common,
                     const Streams& streams, const PostingSink* sink = nullptr, std::size_t citations_per_rule = 0);

/// Writes a command's output to --output (atomically: a temporary file renamed into place) or
/// to standard output. Throws Error when the write fails.
void emit(const std::string& text, const CommonOptions& common, const Streams& streams);

/// The profiles PROFILE names: itself, or when it is a folder (then `batch` is set) every *.yaml
/// and *.yml in it (not hidden, not recursive), sorted. Throws Error when the folder has none.
std::vector<std::string> profile_paths(const std::string& path, bool& batch);

/// Reports a profile that could not be loaded, as the top-level handler reports an error, and
/// lets a batch go on with the others.
void report_profile_error(const std::exception& error, const Streams& streams);

/// Writes `text` to `path` atomically. Throws Error "path: reason" on failure.
void write_file_atomically(const std::string& path, const std::string& text);

struct ScanCommand {
  std::vector<std::string> jobs;
};
void setup_scan(CLI::App& app, ScanCommand& command, CommonOptions& common);
int run_scan(const ScanCommand& command, const CommonOptions& common, const Streams& streams);

struct AssessCommand {
  std::string profile;  ///< a file, or a folder of *.yaml for a batch run
  std::vector<std::string> jobs;
  int top = 0;
  double min_share = 0;
  double fail_under = -1;               ///< exit 1 when a score is below this (negative: off)
  std::vector<std::string> fail_on_gap; ///< exit 1 when any of these is a gap
  std::string output_dir;               ///< batch: one file per profile
};
void setup_assess(CLI::App& app, AssessCommand& command, CommonOptions& common);
int run_assess(const AssessCommand& command, const CommonOptions& common, const Streams& streams);

struct ExplainCommand {
  std::string id;
  std::vector<std::string> jobs;
};
void setup_explain(CLI::App& app, ExplainCommand& command, CommonOptions& common);
int run_explain(const ExplainCommand& command, const CommonOptions& common, const Streams& streams);

struct ProfileCommand {
  std::string path;
};
void setup_validate(CLI::App& app, ProfileCommand& command, CommonOptions& common);
int run_validate(const ProfileCommand& command, const CommonOptions& common, const Streams& streams);
void setup_init(CLI::App& app, ProfileCommand& command, CommonOptions& common);
int run_init(const ProfileCommand& command, const CommonOptions& common, const Streams& streams);

struct DiffCommand {
  std::string old_path;
  std::string new_path;
  bool fail_on_drop = false;
};
void setup_diff(CLI::App& app, DiffCommand& command, CommonOptions& common);
int run_diff(const DiffCommand& command, const CommonOptions& common, const Streams& streams);

struct RulesCommand {
  std::string path;  ///< rules test / validate: the pack
};
int run_rules_list(const CommonOptions& common, const Streams& streams);
int run_rules_keywords(const CommonOptions& common, const Streams& streams);
int run_rules_test(const RulesCommand& command, const CommonOptions& common, const Streams& streams);
int run_rules_validate(const RulesCommand& command, const CommonOptions& common, const Streams& streams);

}  // namespace cio_gap::cli
