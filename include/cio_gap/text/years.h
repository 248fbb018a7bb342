#pragma once

#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "cio_gap/text/segmenter.h"

namespace cio_gap {

/// The years of experience one sentence asks for: the smallest N of its "N years of
/// experience" statements ("10+ years", "ten years", "a minimum of five years", "5-7 years"
/// -> 5, "Two (2) years of full-time paid experience", "10+ Experience", "5+yrs", "Minimum of
/// 5 years' experience"), or nullopt when it states none. Up to 20 words may come between
/// "years" and "experience", within one clause and sentence; words run together by a scraper
/// ("2 yearsSchedule") are split at the capital. Years leading people are years of experience
/// too ("two years as a supervisor"; see leadership_years_in_sentence). Durations of other kinds ("founded 50 years
/// ago", "a 5-year roadmap", "within two years", "over the next 3 years") do not count.
std::optional<int> years_in_sentence(std::string_view sentence);

/// The years of experience leading people one sentence asks for: its statements whose words
/// right after "years" (up to the end of the clause or the next number) or right before the
/// number ("supervisory experience: 3 years") name leading, supervising or managing people
/// ("10+ years leading teams", "five years of supervisory experience", "two years as a
/// supervisor"); the first, or a smaller alternative. "7 years of experience, including 3 years
/// managing staff" -> 3 (and 7 for years_in_sentence).
std::optional<int> leadership_years_in_sentence(std::string_view sentence);

/// A role's years requirements.
struct YearsRequired {
  std::optional<int> experience;  ///< years of experience (years_required)
  std::optional<int> leadership;  ///< of those, years leading people (years_leadership_required)
};

/// Both requirements in one pass over the sentences, as the two functions below find them.
YearsRequired years_requirements(std::span<const Sentence> sentences);

/// The role's years requirement: the first sentence outside boilerplate that states one;
/// when the statements right after it are alternatives ("...; or" / "or ..."), the smallest.
std::optional<int> years_required(std::span<const Sentence> sentences);

/// The role's requirement of years leading people, found as years_required finds its years.
std::optional<int> years_leadership_required(std::span<const Sentence> sentences);

}  // namespace cio_gap
