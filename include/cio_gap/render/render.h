#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "cio_gap/match/extractor.h"
#include "cio_gap/model/report.h"
#include "cio_gap/model/rule.h"

namespace cio_gap {

/// The version of the JSON output; changes whenever its shape changes.
inline constexpr const char* kSchemaVersion = "2.0";

/// What a report says in place of a score when every counted posting has a diagnosis.
inline constexpr const char* kNoScore = "no posting could be read for demands";

/// Why postings are left out of the shares.
inline constexpr const char* kLeftOutWhy = "no role text or no qualification found in them";

/// Output formats, chosen in one place by the CLI.
enum class Format { text, json, jsonl, markdown, csv, html };

/// Presentation settings that do not change content.
struct RenderOptions {
  bool color = false;  ///< ANSI colours (only ever on for a terminal)
  int width = 100;     ///< wrap prose at this column in text output; 0: do not wrap
};

/// Receives a document piece by piece as it is written: the reports that list every posting
/// are written to one, so the whole document is never held in memory.
using TextSink = std::function<void(std::string_view)>;

/// Renderers writing to a TextSink hand on pieces of about this size.
inline constexpr std::size_t kSinkChunk = 64 * 1024;

/// `scan` as text: each posting with what it demands and the cited line.
std::string render_scan_text(const ScanResult& scan, const RuleSet& rules, const RenderOptions& options);

/// `scan` as JSON (schema_version, kind "scan", counts, postings[{source, title, ...,
/// qualification_count, qualifications[{id, tier, evidence_total, evidence}]}]).
std::string render_scan_json(const ScanResult& scan, const RuleSet& rules);

/// What render_scan_json writes around its postings: `head` up to the first posting, `tail`
/// after the last (all of the document in `head` when there is no posting), so that a scan can
/// write its postings as they come and its counts once it knows them.
struct ScanJsonFrame {
  std::string head;
  std::string tail;
};
ScanJsonFrame scan_json_frame(const ScanResult& scan, bool with_postings);

/// One posting as it stands in render_scan_json's postings array (indented; no separator).
std::string render_scan_json_posting(const PostingFindings& posting, const RuleSet& rules);

/// `assess` as a terminal report.
std::string render_report_text(const Report& report, const RuleSet& rules, const RenderOptions& options);

/// `assess` as JSON (kind "assess").
std::string render_report_json(const Report& report, const DemandTally& tally, const RuleSet& rules);
/// As render_report_json, written to `sink` piece by piece, the postings read back one at a time.
void write_report_json(const Report& report, const DemandTally& tally, const RuleSet& rules, const TextSink& sink);

/// `assess` of a folder of profiles as JSON: {"schema_version", "kind": "batch", "reports": [...]},
/// each report as render_report_json writes it.
std::string render_batch_json(const std::vector<Report>& reports, const DemandTally& tally, const RuleSet& rules);
/// As render_batch_json, written to `sink` piece by piece.
void write_batch_json(const std::vector<Report>& reports, const DemandTally& tally, const RuleSet& rules,
                      const TextSink& sink);

/// `assess` as Markdown: a report a coach can commit or send (headings, tables, cited sentences,
/// advice, readiness checks).
std::string render_report_markdown(const Report& report, const RuleSet& rules);

/// Text from inputs for Markdown: every character that could open Markdown or HTML syntax
/// backslash-escaped, control characters as spaces, bytes that are not UTF-8 as U+FFFD.
std::string markdown_escape(std::string_view text);

/// `assess` as CSV (RFC 4180, header row): one row per demanded qualification with its demand
/// figures, status, rank among the gaps (empty when held) and advice.
std::string render_report_csv(const Report& report, const RuleSet& rules);

/// `assess --format csv --per-posting` (RFC 4180, header row): one row per posting, best fit
/// first, then the postings without a fit (duplicates, postings with a diagnosis) in file
/// order with the reason in `left_out`.
std::string render_posting_fits_csv(const Report& report, const RuleSet& rules);
/// As render_posting_fits_csv, written to `sink` piece by piece.
void write_posting_fits_csv(const Report& report, const RuleSet& rules, const TextSink& sink);

/// The required qualifications a posting demands that the person does not hold, as ids joined
/// by ", ", cut to `max_bytes` with "+N more" for the rest; "-" when none is missing.
std::string missing_required_text(const PostingFit& fit, const RuleSet& rules, std::size_t max_bytes);

/// Rows of the fit table that text and Markdown show: --fit-rows of them, or all (0).
std::size_t fit_rows_shown(const Report& report);

/// A fit as the reports print it: "83.3%".
std::string fit_text(const PostingFit& fit);

/// Why postings are not in the fit table, or "" when all are: "1 duplicate and 2 postings with
/// no demands (see scan) are not listed."
std::string fits_left_out_text(const Report& report);

/// The line a report opens its counts with when postings were filtered by title: "412 postings
/// read, 57 match your target roles (CIO, VP of IT)."; "" when no roles were targeted.
std::string target_roles_text(const Report& report);
/// `assess` as one self-contained HTML page (inline CSS and SVG, no script, nothing fetched):
/// the score, a chart of each demanded qualification's share with the person's status, the
/// gaps with their cited sentences and advice, the readiness checks and a footer saying what
/// the report is (ReportMeta).
std::string render_report_html(const Report& report, const RuleSet& rules);
/// As render_report_html, written to `sink` piece by piece (the postings by fit read back one at a time).
void write_report_html(const Report& report, const RuleSet& rules, const TextSink& sink);

/// A batch as one HTML page: a summary table (client, score, top three gaps, each linking its
/// section), then every client's report.
std::string render_batch_html(const std::vector<Report>& reports, const RuleSet& rules);

/// The index.html of a batch written to a folder: the summary table, each client linking the
/// page at the same position in `pages` (relative file names).
std::string render_batch_index_html(const std::vector<Report>& reports, const RuleSet& rules,
                                    const std::vector<std::string>& pages);

/// The summary a text batch starts with: per client, the score and the top three gaps.
std::string render_batch_summary_text(const std::vector<Report>& reports, const RuleSet& rules);

/// The summary a Markdown batch starts with: a table of client, score and top three gaps.
std::string render_batch_summary_markdown(const std::vector<Report>& reports, const RuleSet& rules);

/// The advice for a gap at the person's level: `advice_partial` when the status is partial and
/// the rule has one, else `advice`.
const std::string& advice_for(const Rule& rule, Status status);

/// How a gap's advice is introduced: "Next step:", or for partial evidence "Next step up from
/// ENTRY (FIELD):", naming the profile entry the advice builds on.
std::string next_step_label(const QualificationDemand& q, const Rule& rule);

/// The articles a report's readiness checks come from, each once, in order of first use: every
/// format introduces them once and then cites them by number ([1], [2], ...).
std::vector<std::string> readiness_sources(const Report& report);

/// The 1-based number of `source` in `sources`.
std::size_t source_number(const std::vector<std::string>& sources, const std::string& source);

/// The top `count` gaps of a report as "Name (status)", most demanded first.
std::vector<std::string> top_gaps(const Report& report, const RuleSet& rules, std::size_t count);

/// What a report is, in one sentence for the text and Markdown footers: "Report of DATE by
/// cio-gap VERSION, rules FINGERPRINT; postings from JOBS: N read, N files skipped, N
/// duplicates."
std::string meta_text(const ReportMeta& meta);

/// `scan` as JSON Lines: one posting object per line (the objects of render_scan_json),
/// between a header line (render_scan_header_jsonl) and a summary line
/// (render_scan_summary_jsonl), so that `assess --from-scan` can put scans together.
std::string render_posting_jsonl(const PostingFindings& posting, const RuleSet& rules);

/// The first line of `scan --format jsonl`: schema_version, tool_version, rules_fingerprint,
/// jobs, target_roles, exclude, max_filesize.
std::string render_scan_header_jsonl(const ScanHeader& header);

/// The last line of `scan --format jsonl`, once every posting is read: the counts of
/// render_scan_json (postings_count, duplicates, postings_read, postings_off_target) and of the
/// files skipped and excluded.
std::string render_scan_summary_jsonl(const ScanResult& scan);

/// Why one posting does or does not demand a qualification: every mention and its fate.
struct PostingExplanation {
  std::string source;
  std::string title;
  std::vector<Hit> hits;  ///< mentions of the explained rule, in text order
  Diagnosis diagnosis = Diagnosis::none;  ///< why the posting demands nothing at all, if it does not
};

/// The profile's side of an explanation: its status for the qualification and the entries that
/// decided it, as `assess` weighs them.
struct ProfileStatus {
  const Profile* profile = nullptr;
  Status status = Status::missing;
  std::vector<ProfileEvidence> evidence;  ///< every entry that names it (status_from's input)
};

/// `explain` as text: per posting, the verdict, its diagnosis when it demands nothing at all, and
/// each mention with its section and qualifier. With `demanded_only`, only the postings that
/// demand it are shown (the count at the end still says of how many). With a `profile`, then
/// why the profile counts it as have, partial or missing, each deciding entry cited (a skill
/// with its file line, a résumé line, ...).
std::string render_explain_text(const Rule& rule, const std::vector<PostingExplanation>& postings,
                                const RenderOptions& options, bool demanded_only = false,
                                const ProfileStatus* profile = nullptr);

/// `explain` as JSON (kind "explain"): the same content as the text, each mention with its
/// status and reason, and `profile` null when no profile was given.
std::string render_explain_json(const Rule& rule, const std::vector<PostingExplanation>& postings, bool demanded_only,
                                const ProfileStatus* profile);

/// One line of a report on years: "postings ask 5 to 15 years (median 10); you have 12, and 3 of
/// 8 ask for more.", where `what` names the years ("years", "years leading people") and
/// `profile_field` the profile key to add when the profile does not give them.
std::string years_comparison_text(const YearsComparison& years, std::string_view what, std::string_view profile_field);

/// Where a line is, as citations print it after "source:": "14", or "p2:14" on page 2 of a
/// paged container (PDF).
std::string line_location(int page, int line);
/// "title — company" as text output names a posting, or the title alone when the company is
/// unknown.
std::string title_and_company(std::string_view title, std::string_view company);

/// Columns `text` takes on a terminal: its characters (UTF-8 continuation bytes take none).
std::size_t display_columns(std::string_view text);

/// Wraps prose to `width` columns (0: no wrapping), every line but the first indented by `indent` spaces.
std::string wrap(std::string_view text, std::size_t width, std::size_t indent);

/// Whether a character is one terminals obey or that reorders what they show: C1 controls
/// (U+0080-U+009F), bidi embeddings, overrides, isolates and marks, line and paragraph separators.
bool is_terminal_control(char32_t code);

/// Replaces control characters with visible escapes, so names and text from input cannot move
/// the cursor, forge lines or reorder text on a terminal: "\n", "\t", C0 and DEL as "\x1b",
/// bytes that are not UTF-8 as "\xe9", and the characters of is_terminal_control as "\u009b".
std::string escape_control(std::string_view text);

}  // namespace cio_gap
