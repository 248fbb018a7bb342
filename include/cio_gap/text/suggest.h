#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cio_gap {

/// Levenshtein distance between two byte strings.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The closest candidate within a small edit distance (a third of the word's length, at
/// least 1, at most 3), or "" when none is close enough.
std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

/// " (did you mean 'x'?)" for the closest candidate, or "".
std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace cio_gap
