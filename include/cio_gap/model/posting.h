#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cio_gap/model/rule.h"

namespace cio_gap {

/// One job posting as read from a file, before any analysis: UTF-8 text with '\n' line ends.
/// Readers of structured formats (HTML, JSON, CSV) put section headings on lines of their own.
struct PostingText {
  std::string source;  ///< path relative to the scanned folder, plus "#row=N" or "#N" for records
  std::string title;   ///< from the record, or empty (then the first line of text is used)
  std::string text;    ///< the posting's visible text
  int line_offset = 0; ///< added to line numbers so they refer to the containing file
  /// For a paged container (PDF): page_lines[i] is the first line of `text` that starts on
  /// page i + 1 (the next line's number when none does); empty for text without pages.
  std::vector<int> page_lines{};
  std::string company{}; ///< the employer, when the container names it; else empty
  std::string url{};     ///< a link to the posting, when the container gives one; else empty
};

/// The 1-based page a line of the text is on, or 0 when `page_lines` is empty (no pages).
int page_of_line(const std::vector<int>& page_lines, int line);

enum class Tier { required, preferred };

const char* to_string(Tier tier);

/// The sentence of a posting that made a qualification count, so every finding can be cited.
struct Evidence {
  int line = 0;          ///< 1-based line in the posting's text
  int page = 0;          ///< 1-based page the line is on, 0 when the container has no pages
  std::string text;      ///< the sentence, trimmed to a readable length
  SectionKind section = SectionKind::general;
  Tier tier = Tier::required;  ///< tier of this one mention
  std::string qualifier;       ///< the optional marker that made it preferred, if any
};

/// One qualification a posting demands.
struct Finding {
  std::size_t rule = 0;  ///< index into RuleSet::rules
  Tier tier = Tier::required;
  std::vector<Evidence> evidence;  ///< in text order, at most a few
  int mentions = 0;  ///< sentences in which a mention counts: the total `evidence` is a few of
};

/// Why a posting demands nothing, so that an empty result is never silent.
enum class Diagnosis {
  none,               ///< it demands at least one qualification
  no_role_text,       ///< no sentence outside boilerplate (benefits, about us, EEO, ...), or none at all
  no_qualifications,  ///< role text, but no qualification these rules recognise in it
};

/// "no-role-text", "no-qualifications", or "" for none.
const char* to_string(Diagnosis diagnosis);

/// The diagnosis in words, as warnings and text output give it: "no role text found: nothing in
/// it describes the role", "no qualification found in the role text" ("" for none).
const char* describe(Diagnosis diagnosis);

/// What one posting demands.
struct PostingFindings {
  std::string source;
  std::string title;
  std::optional<int> years_required;             ///< years of experience it asks
  std::optional<int> years_leadership_required;  ///< of those, years leading people it asks
  std::vector<Finding> findings;  ///< ordered by rule index
  bool duplicate = false;         ///< same normalised text as an earlier posting
  std::array<int, 3> role_signals{};  ///< mentions of each RoleType's phrases outside boilerplate
  Diagnosis diagnosis = Diagnosis::none;  ///< why it demands nothing, when it does not
  std::string company{};  ///< as in PostingText: empty when unknown
  std::string url{};      ///< as in PostingText: empty when unknown
  /// A hash of the posting's folded text: postings with equal fingerprints are duplicates.
  std::uint64_t fingerprint = 0;
};

}  // namespace cio_gap
