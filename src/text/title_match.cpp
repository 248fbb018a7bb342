#include "cio_gap/text/title_match.h"

#include <algorithm>
#include <array>

namespace cio_gap {
namespace {

struct Spelling {
  std::string_view from;  // words, lower case, separated by one space
  std::string_view to;
};

// Abbreviations of job titles and their long forms, brought to one spelling. Longer phrases
// come first: at each word the first entry that matches is taken. CDO stands for both chief
// data and chief digital officer, so the two are not told apart. Senior and executive vice
// presidents are ranks of their own, and stay apart from "vp".
constexpr std::array<Spelling, 26> kSpellings = {{
    {"chief information security officer", "ciso"},
    {"chief information officer", "cio"},
    {"chief technology officer", "cto"},
    {"chief technical officer", "cto"},
    {"chief data officer", "cdo"},
    {"chief digital officer", "cdo"},
    {"chief security officer", "cso"},
    {"chief executive officer", "ceo"},
    {"chief operating officer", "coo"},
    {"chief financial officer", "cfo"},
    {"senior vice president", "svp"},
    {"sr vice president", "svp"},
    {"senior vp", "svp"},
    {"sr vp", "svp"},
    {"executive vice president", "evp"},
    {"executive vp", "evp"},
    {"vice president", "vp"},
    {"information technology", "it"},
    {"i t", "it"},
    {"head of", "director of"},
    {"dir", "director"},
    {"sr", "senior"},
    {"jr", "junior"},
    {"mgr", "manager"},
    {"assoc", "associate"},
    {"asst", "assistant"},
}};

constexpr std::array<std::string_view, 5> kDropped = {"of", "the", "and", "for", "a"};

bool is_word_char(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80; }

std::vector<std::string> split_words(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (is_word_char(c)) {
      word.push_back(c);
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

// Whether the words of `phrase` (space-separated) start at words[at].
std::size_t phrase_length_at(const std::vector<std::string>& words, std::size_t at, std::string_view phrase) {
  std::size_t count = 0;
  while (!phrase.empty()) {
    const std::size_t space = std::min(phrase.find(' '), phrase.size());
    if (at + count >= words.size() || words[at + count] != phrase.substr(0, space)) return 0;
    ++count;
    phrase.remove_prefix(std::min(space + 1, phrase.size()));
  }
  return count;
}

// Words with each spelling brought to its one form; "of" and the like kept for now.
std::vector<std::string> respelled(std::string_view title) {
  const std::vector<std::string> words = split_words(title);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < words.size();) {
    std::size_t taken = 0;
    for (const Spelling& spelling : kSpellings) {
      if ((taken = phrase_length_at(words, i, spelling.from)) > 0) {
        for (const auto& word : split_words(spelling.to)) out.push_back(word);
        break;
      }
    }
    if (taken == 0) {
      out.push_back(words[i]);
      taken = 1;
    }
    i += taken;
  }
  return out;
}

std::vector<std::string> without_dropped(const std::vector<std::string>& words) {
  std::vector<std::string> out;
  for (const auto& word : words) {
    if (std::find(kDropped.begin(), kDropped.end(), word) == kDropped.end()) out.push_back(word);
  }
  return out;
}

}  // namespace

std::vector<std::string> title_words(std::string_view title) { return without_dropped(respelled(title)); }

TitleMatcher::TitleMatcher(const std::vector<std::string>& roles) {
  for (const auto& role : roles) {
    const std::vector<std::string> words = respelled(role);
    std::vector<std::string> as_written = without_dropped(words);
    if (as_written.empty()) continue;
    // "Director of IT" is also written "IT Director".
    const auto of = std::find(words.begin(), words.end(), "of");
    if (of != words.end() && of != words.begin() && of + 1 != words.end() &&
        std::find(of + 1, words.end(), "of") == words.end()) {
      std::vector<std::string> swapped(of + 1, words.end());
      swapped.insert(swapped.end(), words.begin(), of);
      roles_.push_back(without_dropped(swapped));
    }
    roles_.push_back(std::move(as_written));
  }
}

bool TitleMatcher::matches(std::string_view title) const {
  if (roles_.empty()) return true;
  const std::vector<std::string> words = title_words(title);
  return std::any_of(roles_.begin(), roles_.end(), [&](const std::vector<std::string>& role) {
    return std::search(words.begin(), words.end(), role.begin(), role.end()) != words.end();
  });
}

}  // namespace cio_gap
