#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cio_gap {

/// The regular English inflections of one lower-case word, the word itself first:
/// "budget" -> budget, budgets, budgeted, budgeting; "manage" -> manage, manages, managed,
/// managing; "policy" -> policy, policies, policied, policying. Over-generation is harmless
/// (a form that never occurs never matches); words shorter than three letters, and words
/// with digits or punctuation, are returned alone.
std::vector<std::string> inflections(std::string_view word);

/// Every variant of a normalised phrase with its first and last words inflected
/// (the original first). Rule phrases are mostly "verb ... noun" or "noun ... noun", so those
/// two positions cover "manage vendor" -> "managing vendors" without listing forms by hand.
std::vector<std::string> phrase_inflections(std::string_view phrase);

}  // namespace cio_gap
