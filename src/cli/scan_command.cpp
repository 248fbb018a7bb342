#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <memory>
#include <ostream>

#include "cio_gap/analyze/report_meta.h"
#include "cio_gap/cli/output_file.h"
#include "cio_gap/error.h"
#include "commands.h"

namespace cio_gap::cli {

void setup_scan(CLI::App& app, ScanCommand& command, CommonOptions& common) {
  app.add_option("JOBS", command.jobs, "Posting files or folders ('-' for standard input)")->required();
  add_common_options(app, common, {"text", "json", "jsonl"}, true);
  add_role_options(app, common);
  app.add_option("--files-from", common.files_from,
                 "Read only the files LIST names, one a line, relative to the one JOBS folder ('-': standard "
                 "input): a share of a folder, for scanning it on several machines");
  app.footer(
      "Formats: text (a summary per posting), json (one document), jsonl (one posting per line,\n"
      "streamed as the postings are read: for very large folders; a header line first and a\n"
      "summary line last, so that `assess --from-scan` can make the report from it).\n"
      "Examples:\n"
      "  cio-gap scan jobs/\n"
      "  cio-gap scan jobs/ --format json | jq '.postings[0].qualifications'\n"
      "  cio-gap scan scrape.csv --format jsonl > demands.jsonl\n"
      "  cio-gap scan jobs/ --files-from share-007.txt --format jsonl -o scans/share-007.jsonl");
}

int run_scan(const ScanCommand& command, const CommonOptions& common, const Streams& streams) {
  check_output(common, {}, command.jobs);
  const RuleSet rules = load_active_rules(common);
  const Extractor extractor(rules);
  const TitleMatcher roles(common.all_roles ? std::vector<std::string>{} : common.target_roles);
  if (!common.files_from.empty() && common.format() != Format::jsonl) {
    throw Error("--files-from scans a share of a folder: it needs --format jsonl, whose shares assess --from-scan puts "
                "together");
  }
  const bool to_file = !common.output.empty() && !is_standard_output(common.output);
  if (common.format() == Format::jsonl) {
    // Streamed: each line leaves as soon as its posting and those before it are read, to
    // standard output or into the temporary file that replaces the output at the end.
    auto run = [&](const OutputPieceSink& out) {
      // The sink runs on the scan's threads, one at a time: once a write has failed (the reader
      // of a pipe gone), the next thread's line fails the same way, not as a write to a stream
      // already broken, which would read as another error.
      std::exception_ptr write_failure;
      auto put = [&](const std::string& line) {
        if (write_failure) std::rethrow_exception(write_failure);
        try {
          out(line);
        } catch (...) {
          write_failure = std::current_exception();
          throw;
        }
      };
      // What assess --from-scan needs to put shares together and to name them in its report.
      ScanHeader header{kSchemaVersion, CIO_GAP_VERSION, rules_fingerprint(rules), command.jobs,
                        roles.active() ? common.target_roles : std::vector<std::string>{}, common.exclude,
                        common.max_filesize};
      // Written with the first posting (or the summary), so that a run failing before it reads
      // anything (a bad list of files, no JOBS) writes nothing.
      bool opened = false;
      auto open = [&] {
        if (!opened) put(render_scan_header_jsonl(header));
        opened = true;
      };
      const PostingSink sink = [&](PostingFindings&& posting) {
        open();
        put(render_posting_jsonl(posting, rules));
      };
      const ScanResult scan = scan_jobs(command.jobs, extractor, common, streams, &sink, 0, &roles);
      open();
      // Last, so that a scan cut short (a worker lost) is told from a whole one.
      put(render_scan_summary_jsonl(scan));
    };
    if (to_file) {
      write_output_file_by_pieces(common.output, run);
    } else {
      run([&](std::string_view line) { write_out(line, streams); });
    }
    return kExitOk;
  }
  if (common.format() == Format::json) {
    // The document states its counts before its postings: each posting's JSON goes to an
    // unnamed temporary file as it is read, and is copied out after the counts, so neither the
    // postings nor the document are held whole.
    const std::unique_ptr<std::FILE, int (*)(std::FILE*)> spool(std::tmpfile(), &std::fclose);
    if (!spool) throw Error(std::string("cannot make a temporary file for the postings: ") + std::strerror(errno));
    std::size_t count = 0;
    const PostingSink sink = [&](PostingFindings&& posting) {
      const std::string text = (count++ > 0 ? ",\n" : "") + render_scan_json_posting(posting, rules);
      if (std::fwrite(text.data(), 1, text.size(), spool.get()) != text.size()) {
        throw Error(std::string("cannot write the postings' temporary file: ") + std::strerror(errno));
      }
    };
    ScanResult scan = scan_jobs(command.jobs, extractor, common, streams, &sink, 0, &roles);
    if (roles.active()) scan.target_roles = common.target_roles;
    if (std::fflush(spool.get()) != 0 || std::fseek(spool.get(), 0, SEEK_SET) != 0) {
      throw Error(std::string("cannot read the postings' temporary file: ") + std::strerror(errno));
    }
    emit_by_pieces([&](const OutputPieceSink& out) {
      const ScanJsonFrame frame = scan_json_frame(scan, count > 0);
      out(frame.head);
      std::string block(kSinkChunk, '\0');
      while (const std::size_t n = std::fread(block.data(), 1, block.size(), spool.get())) out({block.data(), n});
      if (std::ferror(spool.get())) throw Error("cannot read the postings' temporary file");
      out(frame.tail);
    }, common, streams);
    return kExitOk;
  }
  ScanResult scan = scan_jobs(command.jobs, extractor, common, streams, nullptr, 0, &roles);
  if (roles.active()) scan.target_roles = common.target_roles;
  emit(render_scan_text(scan, rules, render_options(common, streams)), common, streams);
  return kExitOk;
}

}  // namespace cio_gap::cli
