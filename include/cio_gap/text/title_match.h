#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cio_gap {

/// The words of a job title as titles are compared: lower case, split at anything but a letter
/// or digit, abbreviations and their long forms brought to one spelling ("Chief Information
/// Officer" and "CIO" both become "cio", "VP" and "Vice President" "vp", "Dir." "director",
/// "Head of" "director of", "Information Technology" and "I.T." "it"), and "of", "the", "and",
/// "for" dropped. The table of spellings is in title_match.cpp.
std::vector<std::string> title_words(std::string_view title);

/// Whether a posting's title names one of the roles a person targets. A role matches when its
/// words (as title_words gives them) appear together, in order, in the title's words, as whole
/// words: "VP of IT" matches "Vice President, Information Technology & Security" but "Director
/// of IT" does not match "Director of ITSM Sales". A role "A of B" also matches "B A" ("Director
/// of IT" matches "IT Director"). Ranks stay apart: "VP" does not match "SVP" or "Senior Vice
/// President".
class TitleMatcher {
 public:
  /// Matches any of `roles`; with none, matches every title.
  explicit TitleMatcher(const std::vector<std::string>& roles);

  /// Whether `title` names one of the roles.
  bool matches(std::string_view title) const;

  /// Whether any role was given (otherwise every title matches).
  bool active() const { return !roles_.empty(); }

 private:
  std::vector<std::vector<std::string>> roles_;  ///< each role's word sequences (with the "B A" form)
};

}  // namespace cio_gap
