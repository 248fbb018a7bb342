#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cio_gap/model/posting.h"
#include "cio_gap/model/profile.h"

namespace cio_gap {

class PostingSpool;  // cio_gap/analyze/posting_spool.h: postings kept in a temporary file

/// Whether the person has a demanded qualification.
enum class Status { have, partial, missing };

const char* to_string(Status status);

/// A place in the profile that shows the person has (some of) a qualification.
struct ProfileEvidence {
  std::string field;  ///< "skills", "achievements", "education", "certifications", ...
  std::string text;   ///< the entry, as written
  Status strength = Status::have;  ///< have, or partial for exposure and volunteering
  std::string location{};  ///< where in a résumé ("cv.pdf:p1:12"); empty for the profile's own entries
};

/// A posting sentence cited for a qualification.
struct Citation {
  std::string source;
  int line = 0;
  std::string text;
  int page = 0;  ///< page of the line, 0 when the posting's container has no pages
};

/// How much the postings demand one qualification, and (for assess) where the person stands.
struct QualificationDemand {
  std::size_t rule = 0;
  int required = 0;      ///< postings requiring it
  int preferred = 0;     ///< postings only preferring it
  double demand = 0;     ///< required + preferred / 2
  double share = 0;      ///< postings demanding it / postings read for demands
  Status status = Status::missing;
  std::vector<ProfileEvidence> profile_evidence;
  std::vector<Citation> citations;  ///< a few posting sentences, first postings first
};

/// How the person's years compare with what the postings ask: years of experience, or years
/// leading people.
struct YearsComparison {
  std::optional<int> profile_years;  ///< years_experience, or years_leadership
  int postings_with_years = 0;  ///< postings that state a requirement
  int postings_asking_more = 0; ///< of those, asking more than the profile has
  std::optional<int> min_years;
  std::optional<int> max_years;
  std::optional<int> median_years;
};

/// What the postings demand. `scan` prints it; `assess` adds a profile to it.
struct ScanResult {
  std::vector<PostingFindings> postings;  ///< in file order, duplicates included (flagged)
  int total = 0;                          ///< postings read, duplicates and off-target included
  int duplicates = 0;                     ///< postings dropped from demand as duplicates
  int files_skipped = 0;                  ///< files skipped with a warning
  int off_target = 0;                     ///< postings whose title names no target role: left out
  int files_excluded = 0;                 ///< files left out by --exclude
  std::vector<std::string> target_roles;  ///< the roles postings were filtered by (none: all count)
  int counted() const { return total - off_target - duplicates; }
  /// Postings whose title names a target role (all of them when no role is targeted).
  int on_target() const { return total - off_target; }
};

/// What a stream of scan findings says about itself (the first line of `scan --format jsonl`),
/// so that findings scanned apart, on other machines, can be put together into one report:
/// which program, rules and options made them, from which JOBS.
struct ScanHeader {
  std::string schema_version;     ///< of the output's shape, "MAJOR.MINOR"
  std::string tool_version;       ///< cio-gap's version
  std::string rules_fingerprint;  ///< as in ReportMeta
  std::vector<std::string> jobs;  ///< the JOBS arguments of the scan
  std::vector<std::string> target_roles;  ///< the roles postings were filtered by (none: all)
  std::vector<std::string> exclude;       ///< --exclude patterns
  std::uintmax_t max_filesize = 0;        ///< --max-filesize
};

/// One qualification a posting demands, as its summary keeps it.
struct DemandedRule {
  std::uint32_t rule = 0;  ///< index into RuleSet::rules
  bool preferred = false;  ///< only preferred; otherwise required
};

/// One posting as the assess report lists it.
struct PostingSummary {
  std::string source;
  std::string title;
  std::optional<int> years_required;
  std::optional<int> years_leadership_required;
  bool duplicate = false;
  int qualifications = 0;  ///< qualifications it demands
  Diagnosis diagnosis = Diagnosis::none;  ///< why it demands nothing, when it does not
  std::string company{};  ///< empty when unknown
  std::string url{};      ///< empty when unknown
  std::vector<DemandedRule> demands{};  ///< what it demands and how: enough to work out a fit
};

/// How well one person fits one posting: the share of what it demands that the person holds.
struct PostingFit {
  /// 0-100, one decimal: required qualifications weigh 1, preferred 0.5; held counts 1, partial
  /// 0.5 (the readiness score's rule, over one posting). None for a duplicate or a posting with
  /// a diagnosis: they demand nothing to fit.
  std::optional<double> fit;
  int required_held = 0;   ///< required qualifications the person has (status have)
  int required_total = 0;  ///< required qualifications it demands
  std::vector<std::size_t> missing_required;  ///< rule indices of required ones not held (partial or missing)
  std::optional<bool> years_met;  ///< years_experience >= years_required; none when either is unknown
};

/// What `assess` needs of a scan, gathered posting by posting as the scan streams, so memory
/// holds counts and a few citations, not every posting's findings and evidence sentences; the
/// short summary of each posting goes to a temporary file (PostingSpool), read back when a
/// report lists the postings.
struct DemandTally {
  int total = 0;       ///< postings read, duplicates included
  int duplicates = 0;  ///< postings dropped from demand as duplicates
  int left_out = 0;    ///< counted postings with a diagnosis: left out of every share
  std::vector<QualificationDemand> by_rule;  ///< counts and first citations, by rule index
  std::map<int, int> years_asked;            ///< years a counted posting asks -> how many ask it
  std::map<int, int> leadership_years_asked; ///< years leading people asked -> how many ask it
  std::array<int, 3> role_types{};           ///< counted postings signalling each RoleType most
  /// The postings' summaries in file order, duplicates included (flagged); null when none is
  /// kept. Shared by the copies of a tally: the reports made from it read it.
  std::shared_ptr<PostingSpool> postings;
  bool keep_postings = true;  ///< false: `postings` stays null (a report that does not list them)
  /// Whether the postings kept came in order of their sources (as the files of one folder do):
  /// then ranking fits needs no source to break a tie.
  bool sources_in_order = true;
  std::string last_source;  ///< the source of the last posting kept
  int read = 0;        ///< postings read, off-target ones included (set from the scan)
  int off_target = 0;  ///< postings left out because their title names no target role
  std::vector<std::string> target_roles;  ///< the roles postings were filtered by (none: all count)
  int counted() const { return total - duplicates; }
  /// Counted postings that could be read for demands: the denominator of every share.
  int read_for_demands() const { return counted() - left_out; }
};

/// One readiness check from the seed articles.
struct ReadinessCheck {
  std::string check;   ///< stable id, e.g. "willingness"
  std::string title;   ///< human name
  bool pass = false;   ///< pass or warn
  std::string detail;  ///< what cio-gap saw
  std::string advice;  ///< what to do (for a warn) or keep doing (for a pass)
  std::string source;  ///< the article it comes from
};

/// What a report is: when it was made, by which tool and rules, from which postings. Every
/// format states it, so a report handed over can be traced back to its inputs.
struct ReportMeta {
  std::string date;               ///< YYYY-MM-DD (UTC): today, or SOURCE_DATE_EPOCH's day
  std::string tool_version;       ///< cio-gap's version, e.g. "0.1.0"
  std::string rules_fingerprint;  ///< 16 hex digits: a hash of the active rules' content
  std::vector<std::string> jobs;  ///< the JOBS arguments, as given
  int postings_read = 0;          ///< postings read, duplicates included
  int files_skipped = 0;          ///< posting files skipped with a warning
  int duplicates = 0;             ///< postings not counted as duplicates
};

/// The gap report for one profile.
struct Report {
  ReportMeta meta;
  const Profile* profile = nullptr;
  const DemandTally* tally = nullptr;  ///< the postings it was made from (their summaries)
  int postings = 0;    ///< postings counted (duplicates excluded)
  int duplicates = 0;
  int left_out = 0;    ///< of the counted, postings with a diagnosis, left out of the shares
  std::vector<QualificationDemand> qualifications;  ///< every demanded one, by demand
  std::vector<std::size_t> gaps;  ///< indices into `qualifications` of partial/missing, ranked
  /// 0-100 readiness; none when no posting could be read for demands (all have a diagnosis).
  std::optional<double> score;
  YearsComparison years;
  YearsComparison leadership_years;  ///< years leading people, against years_leadership
  std::vector<Status> status_by_rule;        ///< the profile's status for every rule
  std::vector<ReadinessCheck> readiness;     ///< the seed articles' checks
  /// Where the tally's postings with a fit are in its PostingSpool (offsets): best fit first,
  /// ties by source, then file order. Their fits are worked out again as they are shown
  /// (fit_for), so memory holds one number per posting.
  std::vector<std::uint64_t> fit_order;
  int fit_rows = 0;                    ///< rows of the fit table text and Markdown show (0: all)

  /// Postings the shares are taken of: counted, without a diagnosis.
  int read_for_demands() const { return postings - left_out; }
};

}  // namespace cio_gap
