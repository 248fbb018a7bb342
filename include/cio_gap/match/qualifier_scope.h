#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace cio_gap {

/// A qualifier found in a sentence: [begin, end) of its folded text.
struct Qualifier {
  enum class Kind : std::uint8_t {
    optional,         ///< "preferred", "a plus": optional wherever it stands in its scope
    optional_prefix,  ///< "ideally", "preferably": optional only for what follows it
    negation,         ///< "not required"
    required,         ///< "required", "must": keeps its scope required
  };
  Kind kind = Kind::optional;
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string_view text;  ///< the marker as the vocabulary writes it
};

/// What decided one mention: the qualifier that governs it, if any.
struct QualifierDecision {
  std::string optional;  ///< the optional marker that makes it preferred, or empty
  std::string negation;  ///< the negation that makes it demand nothing, or empty
};

/// Decides which qualifier of a sentence governs a mention. A qualifier governs its clause
/// (up to ';', '?' or '!'), and inside it the comma-separated part it stands in:
///   - inside parentheses, a qualifier in the same parentheses governs;
///   - in the mention's own part, the first qualifier after the mention governs, else the last
///     before it ("Bachelor's required and Master's preferred");
///   - otherwise a part holding nothing but a qualifier ("..., preferred") governs the parts
///     before it, a qualifier opening a part ("Preferred: X, Y") those after it, and one that
///     closes a list ("AWS, Azure, or GCP preferred") the short items of that list;
///   - "no ... required", "no prior ... needed" around the mention negate it, and a negation
///     beats "required".
/// So "Bachelor's degree required, Master's preferred" gives each its own tier, and
/// "a bachelor's degree, preferably in computer science" keeps the degree required.
///
/// Built once per sentence (clauses, parts and qualifiers are indexed up front), so deciding
/// for every mention of a long sentence stays linear in its length: scraped postings can be
/// one line of megabytes.
class QualifierScope {
 public:
  /// Takes a sentence's folded text and its qualifiers (in any order); both must outlive the
  /// calls to decide. Most sentences have no qualifier and no "no" before a mention, so the
  /// index is built on the first decision that needs it.
  void reset(std::string_view lower, std::span<const Qualifier> qualifiers);

  QualifierDecision decide(std::size_t mention_begin, std::size_t mention_end);

 private:
  void build_index();
  bool no_before(std::size_t begin) const;
  struct Part {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::size_t clause = 0;
    std::size_t first_span = 0;  // its qualifiers: spans_[first_span, last_span)
    std::size_t last_span = 0;
    bool bare = false;     // nothing but qualifiers and filler words
    bool closes_list = false;  // opens with "or"/"and", or a short item joined by one
    bool long_item = false;    // more words than a list item has
  };
  std::size_t part_of(std::size_t at) const;
  const Qualifier* governing(std::size_t begin, std::size_t end) const;
  bool negated_around(const Part& part, std::size_t begin, std::size_t end) const;

  std::string_view lower_;
  std::span<const Qualifier> qualifiers_;
  bool indexed_ = false;
  std::vector<Qualifier> spans_;           // without those nested in a longer one, by begin
  std::vector<Part> parts_;                // in text order
  std::vector<std::size_t> clause_begins_; // per clause
  std::vector<std::size_t> clause_ends_;
  std::vector<std::size_t> long_before_;   // per part: long items before it
  std::vector<std::size_t> opens_, closes_;  // '(' and ')' positions
  std::vector<std::size_t> needs_;         // "required", "needed", "necessary", "expected"
};

/// One-off form of QualifierScope, for a single mention.
QualifierDecision decide_qualifiers(std::string_view lower, std::span<const Qualifier> qualifiers,
                                    std::size_t mention_begin, std::size_t mention_end);

}  // namespace cio_gap
