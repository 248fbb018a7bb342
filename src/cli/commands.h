#pragma once

// Internal to the CLI layer: each subcommand is an options struct, a setup_x(CLI::App&) that
// declares its arguments, and a run_x(...) that calls the pipeline and returns an exit code.

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include "cio_gap/cli/output_file.h"
#include "cio_gap/analyze/posting_scan.h"
#include "cio_gap/load/job_files.h"
#include "cio_gap/match/extractor.h"
#include "cio_gap/model/profile.h"
#include "cio_gap/model/rule.h"
#include "cio_gap/render/render.h"
#include "cio_gap/text/title_match.h"

namespace cio_gap::cli {

/// Exit codes, documented in --help and the README.
inline constexpr int kExitOk = 0;
inline constexpr int kExitThreshold = 1;
inline constexpr int kExitError = 2;

/// The largest --max-filesize: a posting file is read whole, so the limit keeps a run's memory
/// within reach whatever is asked.
inline constexpr std::uintmax_t kMaxFilesizeLimit = 1024u * 1024u * 1024u;

/// The most worker threads --threads may ask for.
inline constexpr unsigned kMaxThreads = 256;

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
  std::vector<std::string> exclude;       ///< --exclude GLOB: posting files to leave out
  std::vector<std::string> target_roles;  ///< --target-role TEXT: only postings for these roles count
  bool all_roles = false;                 ///< --all-roles: every posting counts, whatever its title
  int width = -1;  ///< --width N for text output (0: no wrapping); -1: from the terminal
  std::string files_from;  ///< scan --files-from LIST: only these files of the JOBS folder

  Format format() const;
};

/// Declares --rules, --no-default-rules, --format (one of `formats`), --color, --output, --quiet;
/// with `reads_jobs`, also --max-filesize and --threads.
void add_common_options(CLI::App& command, CommonOptions& common, const std::vector<std::string>& formats,
                        bool reads_jobs);

/// Declares --target-role (repeatable) and --all-roles, for commands that tally postings.
void add_role_options(CLI::App& command, CommonOptions& common);

/// The built-in rules and the packs, as the options ask.
RuleSet load_active_rules(const CommonOptions& common);

/// Reads the résumé a profile names (`resume:`, relative to the profile), or `resume_option`
/// when given, into profile.resume_text. Throws Error naming the profile line, or the option,
/// when it cannot be read.
void attach_resume(Profile& profile, const std::string& resume_option, const CommonOptions& common);

/// The year "present" means in a résumé: SOURCE_DATE_EPOCH's when set (reproducible output),
/// else today's.
int current_year();

/// Colour and width for text output.
RenderOptions render_options(const CommonOptions& common, const Streams& streams);

/// Scans the JOBS arguments, printing warnings and a summary on standard error (unless quiet),
/// with a progress line on a terminal for long scans. Throws Error when no posting is found.
/// With a `sink`, postings are streamed to it in file order and not kept. `citations_per_rule`
/// as in ScanOptions (0: every finding keeps its sentences). With `roles`, only postings whose
/// title names one of them are handed on, and the summary says how many match.
ScanResult scan_jobs(const std::vector<std::string>& jobs, const Extractor& extractor, const CommonOptions& common,
                     const Streams& streams, const PostingSink* sink = nullptr, std::size_t citations_per_rule = 0,
                     const TitleMatcher* roles = nullptr);

/// Prints the scan's warnings and its one-line summary ("N postings read, ...") on standard
/// error, unless quiet. `roles_active`: postings were filtered by target roles.
void report_scan(const ScanResult& scan, const Diagnostics& diagnostics, bool roles_active, const CommonOptions& common,
                 const Streams& streams);

/// Writes a command's output to --output (see write_output_file: a regular file is replaced
/// atomically, a device or FIFO written through) or to standard output ("-", "/dev/stdout", or
/// no --output). Throws Error when the write fails.
void emit(const std::string& text, const CommonOptions& common, const Streams& streams);
/// As emit, for a text written piece by piece (a report listing every posting): never held whole.
void emit_by_pieces(const OutputProducer& text, const CommonOptions& common, const Streams& streams);

/// Throws Error when one of `outputs` is an input of the run: one of `files` (profiles,
/// reports), a rule pack's file, or a posting file of `jobs`. Called before any work, so a
/// mistaken -o fails fast and overwrites nothing.
void check_outputs(const CommonOptions& common, const std::vector<std::string>& outputs,
                   const std::vector<std::string>& files, const std::vector<std::string>& jobs = {});

/// check_outputs for --output.
void check_output(const CommonOptions& common, const std::vector<std::string>& files,
                  const std::vector<std::string>& jobs = {});

/// Thrown when standard output is a pipe whose reader has gone (`| head`): the run stops
/// quietly with exit 0.
struct ClosedPipe {};

/// Writes to standard output and flushes; throws ClosedPipe when the reader has gone, Error
/// on any other write error.
void write_out(std::string_view text, const Streams& streams);
/// The profiles PROFILE names: itself, or when it is a folder (then `batch` is set) every *.yaml
/// and *.yml in it (not hidden, not recursive), sorted. Throws Error when the folder has none.
std::vector<std::string> profile_paths(const std::string& path, bool& batch);

/// Reports a profile that could not be loaded, as the top-level handler reports an error, and
/// lets a batch go on with the others.
void report_profile_error(const std::exception& error, const Streams& streams);


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
  std::string resume;                   ///< a résumé read as evidence, in place of the profile's `resume:`
  int fit_rows = 10;                    ///< rows of the "Postings by fit" table (0: all)
  bool per_posting = false;             ///< CSV: one row per posting (its fit) instead of per qualification
  bool from_scan = false;               ///< JOBS are `scan --format jsonl` outputs (files, folders of *.jsonl)
};
void setup_assess(CLI::App& app, AssessCommand& command, CommonOptions& common);
int run_assess(const AssessCommand& command, const CommonOptions& common, const Streams& streams);

struct ExplainCommand {
  std::string id;
  std::vector<std::string> jobs;
  bool demanded_only = false;  ///< show only the postings that demand the qualification
  std::string profile;         ///< --profile: also say why this profile has it, or not
  std::string resume;          ///< --resume: read as evidence, in place of the profile's resume:
};
void setup_explain(CLI::App& app, ExplainCommand& command, CommonOptions& common);
int run_explain(const ExplainCommand& command, const CommonOptions& common, const Streams& streams);

struct ProfileCommand {
  std::string path;
  std::string from_resume;  ///< init: draft the profile from this résumé
};
void setup_validate(CLI::App& app, ProfileCommand& command, CommonOptions& common);
int run_validate(const ProfileCommand& command, const CommonOptions& common, const Streams& streams);
void setup_init(CLI::App& app, ProfileCommand& command, CommonOptions& common);
int run_init(const ProfileCommand& command, const CommonOptions& common, const Streams& streams);

/// Reads an `assess --format json` output: exactly (no repairs), every error naming the file
/// (path:line:col for JSON that does not parse).
nlohmann::json read_report_json(const std::string& path);

struct DiffCommand {
  std::string old_path;
  std::string new_path;
  std::string fail_on_drop;  ///< "" off; "person": the person's part dropped; "any": any score drop
};
void setup_diff(CLI::App& app, DiffCommand& command, CommonOptions& common);
int run_diff(const DiffCommand& command, const CommonOptions& common, const Streams& streams);

struct TrendCommand {
  std::vector<std::string> reports;  ///< report files, or folders of *.json
};
void setup_trend(CLI::App& app, TrendCommand& command, CommonOptions& common);
int run_trend(const TrendCommand& command, const CommonOptions& common, const Streams& streams);

struct RulesCommand {
  std::string path;  ///< rules test / validate: the pack
};
int run_rules_list(const CommonOptions& common, const Streams& streams);
int run_rules_keywords(const CommonOptions& common, const Streams& streams);
int run_rules_test(const RulesCommand& command, const CommonOptions& common, const Streams& streams);
int run_rules_validate(const RulesCommand& command, const CommonOptions& common, const Streams& streams);

}  // namespace cio_gap::cli
