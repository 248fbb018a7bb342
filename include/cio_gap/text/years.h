#pragma once

#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "cio_gap/text/segmenter.h"

namespace cio_gap {

/// The years of experience one sentence asks for: the smallest N of its "N years of
/// experience" statements ("10+ years", "ten years", "a minimum of five years", "5-7 years"
/// -> 5, "Two (2) years of full-time paid experience", "10+ Experience"), or nullopt when it
/// states none. Durations of other kinds ("founded 50 years ago", "a 5-year roadmap",
/// "within two years") do not count.
std::optional<int> years_in_sentence(std::string_view sentence);

/// The role's years requirement: the first sentence outside boilerplate that states one;
/// when the statements right after it are alternatives ("...; or" / "or ..."), the smallest.
std::optional<int> years_required(std::span<const Sentence> sentences);

}  // namespace cio_gap
