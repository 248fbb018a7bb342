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
///   - in the mention's own part, the first qualifier after the mention governs, else the last
///     before it ("Bachelor's required and Master's preferred");
///   - otherwise a part holding nothing but a qualifier ("..., preferred") governs the parts
///     before it, a qualifier opening the clause ("Preferred: X, Y") those after it, and one
///     that closes a list ("AWS, Azure, or GCP preferred") the short items of that list;
///   - "no ... required", "no prior ... needed" around the mention negate it, and a negation
///     beats "required".
/// So "Bachelor's degree required, Master's preferred" gives each its own tier, and
/// "a bachelor's degree, preferably in computer science" keeps the degree required.
QualifierDecision decide_qualifiers(std::string_view lower, std::span<const Qualifier> qualifiers,
                                    std::size_t mention_begin, std::size_t mention_end);

}  // namespace cio_gap
