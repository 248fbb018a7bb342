#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <iterator>
#include <istream>
#include <mutex>
#include <ostream>
#include <thread>

#include "cio_gap/cli/number_options.h"
#include "cio_gap/cli/output_file.h"
#include "cio_gap/analyze/report_meta.h"
#include "cio_gap/error.h"
#include "cio_gap/load/file_reader.h"
#include "cio_gap/load/json_reader.h"
#include "cio_gap/load/resume_reader.h"
#include "cio_gap/load/rule_loader.h"
#include "cio_gap/match/rules_cache.h"
#include "commands.h"

namespace cio_gap::cli {

Format CommonOptions::format() const {
  if (format_name == "json") return Format::json;
  if (format_name == "jsonl") return Format::jsonl;
  if (format_name == "markdown") return Format::markdown;
  if (format_name == "csv") return Format::csv;
  if (format_name == "html") return Format::html;
  return Format::text;
}

void add_common_options(CLI::App& command, CommonOptions& common, const std::vector<std::string>& formats,
                        bool reads_jobs) {
  command.add_option("--rules", common.rule_packs, "Add a rule pack (a .yaml file or a folder of them); repeatable");
  command.add_flag("--no-default-rules", common.no_default_rules, "Drop the built-in rules");
  if (formats.size() > 1) {
    command.add_option("-f,--format", common.format_name, "Output format: " + fmt::format("{}", fmt::join(formats, ", ")))
        ->check(CLI::IsMember(formats))
        ->default_str("text");
  }
  command.add_option("--color", common.color_name, "Colour: auto (only on a terminal; NO_COLOR honoured), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->default_str("auto");
  command.add_option("-o,--output", common.output, "Write to FILE instead of standard output (replaced atomically; devices and FIFOs written to)");
  command.add_flag("-q,--quiet", common.quiet, "No warnings, summary or progress on standard error");
  if (std::find(formats.begin(), formats.end(), "text") != formats.end() && (formats.size() > 1 || reads_jobs)) {
    command.add_option("--width", common.width,
                       "Wrap text output at N columns (0: never); default: the terminal's width, at most 100, "
                       "and no wrapping when not a terminal")
        ->check(CLI::Range(0, 1000));
  }
  if (reads_jobs) {
    command.add_option("--max-filesize", common.max_filesize, "Skip posting files larger than this many bytes (at most 1 GiB)")
        ->check(whole_number(1, kMaxFilesizeLimit))
        ->capture_default_str();
    command.add_option("-j,--threads", common.threads, "Worker threads (default: one per core; at most 256)")
        ->check(whole_number(0, kMaxThreads));
    command.add_option("--exclude", common.exclude,
                       "Leave out posting files whose path (relative to the folder given) or name matches GLOB; "
                       "repeatable");
  }
}

void add_role_options(CLI::App& command, CommonOptions& common) {
  command.add_option("--target-role", common.target_roles,
                     "Count only postings whose title names this role (CIO = Chief Information Officer, VP = Vice "
                     "President, ...); repeatable");
  command.add_flag("--all-roles", common.all_roles, "Count every posting, whatever its title (no target roles)");
}

RuleSet load_active_rules(const CommonOptions& common) {
  // A rule pack's compiled matcher is cached, so a run with the same pack starts as fast as
  // one with the built-in rules (CIO_GAP_NO_CACHE=1 turns that off).
  return load_rules_cached({!common.no_default_rules, common.rule_packs}, rules_cache_dir()).rules;
}

namespace {

// The terminal's width: COLUMNS when it is a number (the shell's word for it), else what the
// terminal says; 0 when neither knows.
int terminal_width() {
  if (const char* columns = std::getenv("COLUMNS"); columns && *columns) {
    char* end = nullptr;
    const long value = std::strtol(columns, &end, 10);
    if (*end == '\0' && value > 0 && value < 10000) return static_cast<int>(value);
  }
  winsize size{};
  if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
  return 0;
}

}  // namespace

RenderOptions render_options(const CommonOptions& common, const Streams& streams) {
  RenderOptions options;
  const char* no_color = std::getenv("NO_COLOR");
  const char* term = std::getenv("TERM");
  const bool dumb = term && std::string_view(term) == "dumb";
  if (common.color_name == "always") {
    options.color = true;
  } else if (common.color_name == "auto") {
    options.color = streams.out_is_terminal && common.output.empty() && !(no_color && *no_color) && !dumb;
  }
  // Prose is wrapped for a person reading a terminal, no wider than reads well (100); a file
  // or a pipe gets one line per paragraph, for the program reading it, unless --width says.
  if (common.width >= 0) {
    options.width = common.width;
  } else if (streams.out_is_terminal && common.output.empty()) {
    const int columns = terminal_width();
    options.width = columns > 0 ? std::min(columns, 100) : 100;
  } else {
    options.width = 0;
  }
  return options;
}

namespace {

// Shows "scanning N/M files" on standard error once a scan has run for a second, only on a
// terminal; erases it when the scan ends so the summary starts on a clean line.
class ProgressLine {
 public:
  ProgressLine(std::ostream& err, bool enabled) : err_(err) {
    if (!enabled) return;
    thread_ = std::thread([this] { run(); });
  }
  ~ProgressLine() {
    if (!thread_.joinable()) return;
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
    }
    wake_.notify_all();
    thread_.join();
    if (shown_) err_ << "\r\x1b[K" << std::flush;
  }
  ProgressLine(const ProgressLine&) = delete;
  ProgressLine& operator=(const ProgressLine&) = delete;

  std::atomic<std::size_t> total{0};
  std::atomic<std::size_t> done{0};

 private:
  void run() {
    std::unique_lock lock(mutex_);
    if (wake_.wait_for(lock, std::chrono::seconds(1), [this] { return stop_; })) return;
    while (!stop_) {
      err_ << fmt::format("\rcio-gap: scanning {}/{} files", done.load(), total.load()) << std::flush;
      shown_ = true;
      wake_.wait_for(lock, std::chrono::milliseconds(250), [this] { return stop_; });
    }
  }

  std::ostream& err_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false;
  bool shown_ = false;
  std::thread thread_;
};

}  // namespace

void attach_resume(Profile& profile, const std::string& resume_option, const CommonOptions& common) {
  ReadLimits limits;
  limits.max_filesize = common.max_filesize;
  if (!resume_option.empty()) {
    profile.resume_text = read_resume(resume_option, limits);
  } else if (!profile.resume_path.empty()) {
    try {
      profile.resume_text = read_resume(profile.resume_path, limits);
    } catch (const Error& e) {
      throw Error(located(profile.path, profile.resume_line, profile.resume_column, std::string("resume: ") + e.what()));
    }
  }
}

int current_year() {
  // The same day a report is dated with ("YYYY-MM-DD"): one reading of SOURCE_DATE_EPOCH.
  return std::stoi(report_date(std::getenv("SOURCE_DATE_EPOCH"), std::time(nullptr)).substr(0, 4));
}

ScanResult scan_jobs(const std::vector<std::string>& jobs, const Extractor& extractor, const CommonOptions& common,
                     const Streams& streams, const PostingSink* sink, std::size_t citations_per_rule,
                     const TitleMatcher* roles) {
  Diagnostics diagnostics;
  ScanOptions options;
  options.limits.max_filesize = common.max_filesize;
  options.threads = common.threads;
  options.citations_per_rule = citations_per_rule;
  options.exclude = common.exclude;
  options.roles = roles != nullptr && roles->active() ? roles : nullptr;
  std::vector<std::string> listed;
  if (!common.files_from.empty()) {
    const std::string list = common.files_from == "-"
                                 ? std::string(std::istreambuf_iterator<char>(streams.in), std::istreambuf_iterator<char>())
                                 : read_file(common.files_from, kMaxFilesizeLimit);
    listed = parse_file_list(common.files_from == "-" ? "<stdin>" : common.files_from, list);
    options.listed = &listed;
  }
  ScanResult scan;
  {
    ProgressLine progress(streams.err, streams.err_is_terminal && !common.quiet);
    options.files_total = &progress.total;
    options.files_done = &progress.done;
    scan = sink ? stream_postings(jobs, extractor, options, diagnostics, *sink)
                : scan_postings(jobs, extractor, options, diagnostics);
  }
  if (!diagnostics.out_of_memory.empty()) {
    if (!common.quiet) {
      for (const auto& warning : diagnostics.warnings) streams.err << "cio-gap: warning: " << escape_control(warning) << '\n';
    }
    // A report that silently leaves postings out would mislead; fewer threads need less memory.
    throw Error(fmt::format("out of memory reading {} file{} ({}); nothing reported: run with fewer --threads or "
                            "more memory",
                            diagnostics.out_of_memory.size(), diagnostics.out_of_memory.size() == 1 ? "" : "s",
                            escape_control(fmt::format("{}", fmt::join(diagnostics.out_of_memory, ", ")))));
  }
  scan.files_skipped = diagnostics.files_skipped;
  // A share of a folder may hold only files that are skipped: its scan is still part of the whole.
  if (scan.total == 0 && common.files_from.empty()) {
    if (!common.quiet) {
      for (const auto& warning : diagnostics.warnings) streams.err << "cio-gap: warning: " << escape_control(warning) << '\n';
    }
    throw Error(fmt::format("no postings found in {}", fmt::join(jobs, " ")));
  }
  report_scan(scan, diagnostics, options.roles != nullptr, common, streams);
  return scan;
}

void report_scan(const ScanResult& scan, const Diagnostics& diagnostics, bool roles_active, const CommonOptions& common,
                 const Streams& streams) {
  if (common.quiet) return;
  for (const auto& warning : diagnostics.warnings) streams.err << "cio-gap: warning: " << escape_control(warning) << '\n';
  streams.err << fmt::format("cio-gap: {} postings read", scan.total);
  if (roles_active) streams.err << fmt::format(", {} match your target roles", scan.on_target());
  if (scan.duplicates > 0) streams.err << fmt::format(", {} duplicates not counted", scan.duplicates);
  if (scan.files_skipped > 0) streams.err << fmt::format(", {} files skipped", scan.files_skipped);
  if (scan.files_excluded > 0) streams.err << fmt::format(", {} files excluded", scan.files_excluded);
  streams.err << '\n';
}

namespace {

// What a run reads besides its posting files: the given files and every file of the rule packs.
std::vector<std::string> run_inputs(const CommonOptions& common, const std::vector<std::string>& files) {
  namespace fs = std::filesystem;
  std::vector<std::string> inputs = files;
  for (const auto& pack : common.rule_packs) {
    inputs.push_back(pack);
    std::error_code ec;
    if (!fs::is_directory(pack, ec)) continue;
    for (fs::directory_iterator it(pack, ec), end; !ec && it != end; it.increment(ec)) inputs.push_back(it->path().string());
  }
  return inputs;
}

bool is_existing_regular_file(const std::string& path) {
  struct stat info {};
  return ::stat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode);
}

}  // namespace

void check_outputs(const CommonOptions& common, const std::vector<std::string>& outputs,
                   const std::vector<std::string>& files, const std::vector<std::string>& jobs) {
  // Only a file that exists can be an input; most runs write a new one and walk nothing here.
  std::vector<std::string> existing;
  for (const auto& output : outputs) {
    if (!output.empty() && !is_standard_output(output) && is_existing_regular_file(output)) existing.push_back(output);
  }
  if (existing.empty()) return;
  const std::vector<std::string> inputs = run_inputs(common, files);
  // The posting files of `jobs` as the scan will find them, a few thousand paths at a time:
  // a folder of a million postings is never held as a million paths.
  JobFileList job_files;
  if (!jobs.empty()) {
    ReadLimits limits;
    limits.max_filesize = common.max_filesize;
    job_files = list_job_files(jobs, limits);
  }
  constexpr std::size_t kPathsAtOnce = 4096;
  std::vector<std::string> paths;
  for (const auto& output : existing) {
    refuse_input_as_output(output, inputs);
    for (std::size_t i = 0; i < job_files.size(); ++i) {
      const JobFile file = job_files[i];
      if (file.skipped.empty()) paths.push_back(file.path);
      if (paths.size() == kPathsAtOnce || i + 1 == job_files.size()) {
        refuse_input_as_output(output, paths);
        paths.clear();
      }
    }
  }
}

void check_output(const CommonOptions& common, const std::vector<std::string>& files,
                  const std::vector<std::string>& jobs) {
  check_outputs(common, {common.output}, files, jobs);
}

std::vector<std::string> profile_paths(const std::string& path, bool& batch) {
  namespace fs = std::filesystem;
  std::error_code ec;
  batch = fs::is_directory(path, ec);
  if (!batch) return {path};
  std::vector<std::string> paths;
  for (const auto& entry : fs::directory_iterator(path, ec)) {
    const std::string name = entry.path().filename().string();
    const std::string ext = entry.path().extension().string();
    if (name.starts_with('.') || (ext != ".yaml" && ext != ".yml")) continue;
    if (!entry.is_regular_file(ec)) continue;
    paths.push_back(entry.path().string());
  }
  if (ec) throw Error(located(path, 0, 0, ec.message()));
  std::sort(paths.begin(), paths.end());
  if (paths.empty()) throw Error(located(path, 0, 0, "no *.yaml profiles in this folder"));
  return paths;
}

// Reports are read whole; 256 MiB holds a batch of thousands of clients.
constexpr std::uintmax_t kMaxReportBytes = 256u * 1024u * 1024u;

nlohmann::json read_report_json(const std::string& path) {
  const std::string text = read_file(path, kMaxReportBytes);
  // No repairs: a report is read exactly or not at all, and every error says where it is
  // (a number overflow too).
  JsonDocument document = parse_json(text);
  if (!document.error.empty()) {
    throw Error(located(path, document.line, document.column, "not valid JSON: " + document.error));
  }
  return std::move(document.value);
}

void report_profile_error(const std::exception& error, const Streams& streams) {
  streams.err << "cio-gap: error: " << escape_control(error.what()) << '\n';
}

void emit(const std::string& text, const CommonOptions& common, const Streams& streams) {
  if (!common.output.empty() && !is_standard_output(common.output)) {
    write_output_file(common.output, text);
    return;
  }
  write_out(text, streams);
}

void emit_by_pieces(const OutputProducer& text, const CommonOptions& common, const Streams& streams) {
  if (!common.output.empty() && !is_standard_output(common.output)) {
    write_output_file_by_pieces(common.output, text);
    return;
  }
  text([&](std::string_view piece) { write_out(piece, streams); });
}

void write_out(std::string_view text, const Streams& streams) {
  errno = 0;
  streams.out << text;
  streams.out.flush();
  if (streams.out) return;
  if (errno == EPIPE) throw ClosedPipe{};
  throw Error(std::string("cannot write to standard output") + (errno != 0 ? std::string(": ") + std::strerror(errno) : ""));
}

}  // namespace cio_gap::cli
