#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <cstring>
#include <algorithm>
#include <filesystem>
#include <mutex>
#include <ostream>
#include <thread>

#include "cio_gap/error.h"
#include "cio_gap/load/rule_loader.h"
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
  command.add_option("-o,--output", common.output, "Write to FILE (atomically) instead of standard output");
  command.add_flag("-q,--quiet", common.quiet, "No warnings, summary or progress on standard error");
  if (reads_jobs) {
    command.add_option("--max-filesize", common.max_filesize, "Skip posting files larger than this many bytes")
        ->capture_default_str();
    command.add_option("-j,--threads", common.threads, "Worker threads (default: one per core)");
  }
}

RuleSet load_active_rules(const CommonOptions& common) {
  return load_rules({!common.no_default_rules, common.rule_packs});
}

RenderOptions render_options(const CommonOptions& common, const Streams& streams) {
  RenderOptions options;
  const char* no_color = std::getenv("NO_COLOR");
  if (common.color_name == "always") {
    options.color = true;
  } else if (common.color_name == "auto") {
    options.color = streams.out_is_terminal && common.output.empty() && !(no_color && *no_color);
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

ScanResult scan_jobs(const std::vector<std::string>& jobs, const Extractor& extractor, const CommonOptions& common,
                     const Streams& streams, const PostingSink* sink, std::size_t citations_per_rule) {
  Diagnostics diagnostics;
  ScanOptions options;
  options.limits.max_filesize = common.max_filesize;
  options.threads = common.threads;
  options.citations_per_rule = citations_per_rule;
  ScanResult scan;
  {
    ProgressLine progress(streams.err, streams.err_is_terminal && !common.quiet);
    options.files_total = &progress.total;
    options.files_done = &progress.done;
    scan = sink ? stream_postings(jobs, extractor, options, diagnostics, *sink)
                : scan_postings(jobs, extractor, options, diagnostics);
  }
  if (!common.quiet) {
    for (const auto& warning : diagnostics.warnings) streams.err << "cio-gap: warning: " << escape_control(warning) << '\n';
  }
  scan.files_skipped = diagnostics.files_skipped;
  if (scan.total == 0) {
    throw Error(fmt::format("no postings found in {}", fmt::join(jobs, " ")));
  }
  if (!common.quiet) {
    streams.err << fmt::format("cio-gap: {} postings read", scan.total);
    if (scan.duplicates > 0) streams.err << fmt::format(", {} duplicates not counted", scan.duplicates);
    if (diagnostics.files_skipped > 0) streams.err << fmt::format(", {} files skipped", diagnostics.files_skipped);
    streams.err << '\n';
  }
  return scan;
}

void write_file_atomically(const std::string& path, const std::string& text) {
  namespace fs = std::filesystem;
  const fs::path target(path);
  const fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string temp = (dir / ("." + target.filename().string() + ".XXXXXX")).string();
  const int fd = ::mkstemp(temp.data());
  if (fd < 0) throw Error(located(path, 0, 0, std::strerror(errno)));
  auto fail = [&](int error) {
    ::close(fd);
    ::unlink(temp.c_str());
    throw Error(located(path, 0, 0, std::strerror(error)));
  };
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) fail(errno);
    done += static_cast<std::size_t>(n);
  }
  // Readers of the final name must never see half a report: flush to disk, then rename.
  if (::fchmod(fd, 0644) != 0 || ::fsync(fd) != 0) fail(errno);
  if (::close(fd) != 0) {
    const int error = errno;
    ::unlink(temp.c_str());
    throw Error(located(path, 0, 0, std::strerror(error)));
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    const int error = errno;
    ::unlink(temp.c_str());
    throw Error(located(path, 0, 0, std::strerror(error)));
  }
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

void report_profile_error(const std::exception& error, const Streams& streams) {
  streams.err << "cio-gap: error: " << escape_control(error.what()) << '\n';
}

void emit(const std::string& text, const CommonOptions& common, const Streams& streams) {
  if (!common.output.empty() && common.output != "-") {
    write_file_atomically(common.output, text);
    return;
  }
  streams.out << text;
}

}  // namespace cio_gap::cli
