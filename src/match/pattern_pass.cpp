#include "cio_gap/match/pattern_pass.h"

#include <algorithm>

#include "cio_gap/error.h"
#include "cio_gap/text/normalize.h"
#include "cio_gap/text/suggest.h"

namespace cio_gap {

PatternPass::PatternPass(const RuleSet& rules) {
  for (const WordSet& set : rules.word_sets) {
    set_names_.push_back(set.name);
    sets_.push_back(set.words);
  }
  rules_.resize(rules.rules.size());
  groups_.emplace_back();  // group 0: no sense
  for (std::size_t r = 0; r < rules.rules.size(); ++r) {
    const Rule& rule = rules.rules[r];
    RuleEntry& entry = rules_[r];
    for (const RulePattern& pattern : rule.patterns) {
      CompiledPattern compiled;
      for (const WordRef& term : pattern.terms) compiled.terms.push_back(set_id(rule, term));
      compiled.gaps = pattern.gaps;
      compiled.unordered = pattern.unordered;
      entry.patterns.push_back(std::move(compiled));
    }
    if (rule.senses.empty()) continue;
    std::vector<std::size_t> rule_wide;
    std::vector<std::string> governed;  // keywords some sense names, in order of appearance
    for (std::size_t s = 0; s < rule.senses.size(); ++s) {
      if (rule.senses[s].keywords.empty()) rule_wide.push_back(s);
      for (const auto& keyword : rule.senses[s].keywords) {
        if (std::find(governed.begin(), governed.end(), keyword) == governed.end()) governed.push_back(keyword);
      }
    }
    if (!rule_wide.empty()) entry.pattern_sense = add_group(rule_wide, rule);
    for (const auto& keyword : governed) {
      std::vector<std::size_t> senses = rule_wide;
      for (std::size_t s = 0; s < rule.senses.size(); ++s) {
        const auto& names = rule.senses[s].keywords;
        if (std::find(names.begin(), names.end(), keyword) != names.end()) senses.push_back(s);
      }
      entry.keyword_senses.emplace_back(keyword, add_group(std::move(senses), rule));
    }
  }
}

std::uint32_t PatternPass::set_id(const Rule& rule, const WordRef& ref) {
  if (ref.set.empty()) {
    // A list in a rule-wide sense joins every sense group of the rule: it is one set all the same.
    for (const auto& [where, id] : in_place_) {
      if (where == &ref) return id;
    }
    sets_.push_back(ref.words);
    in_place_.emplace_back(&ref, static_cast<std::uint32_t>(sets_.size() - 1));
    return in_place_.back().second;
  }
  const auto named = std::find(set_names_.begin(), set_names_.end(), ref.set);
  if (named == set_names_.end()) {
    throw Error(located(rule.file, ref.line, ref.column,
                        "unknown word set '" + ref.set + "' in rule '" + rule.id + "'" + did_you_mean(ref.set, set_names_)));
  }
  return static_cast<std::uint32_t>(named - set_names_.begin());
}

std::uint32_t PatternPass::add_group(std::vector<std::size_t> senses, const Rule& rule) {
  std::vector<CompiledSense> group;
  for (const std::size_t s : senses) {
    CompiledSense compiled;
    for (const WordRef& ref : rule.senses[s].requires_any) compiled.requires_any.push_back(set_id(rule, ref));
    for (const WordRef& ref : rule.senses[s].forbids_any) compiled.forbids_any.push_back(set_id(rule, ref));
    compiled.within = rule.senses[s].within;
    group.push_back(std::move(compiled));
  }
  groups_.push_back(std::move(group));
  return static_cast<std::uint32_t>(groups_.size() - 1);
}

std::uint32_t PatternPass::keyword_sense(std::size_t rule, std::string_view keyword) const {
  for (const auto& [name, group] : rules_[rule].keyword_senses) {
    if (name == keyword) return group;
  }
  return rules_[rule].pattern_sense;
}

void PatternPass::Sentence::start(const PatternPass& pass, std::string_view lower, std::span<const WordHit> words,
                                  std::string_view source, const std::uint32_t* offsets) {
  lower_ = lower;
  source_ = source;
  offsets_ = offsets;
  words_ = words;
  if (stamps_.size() != pass.sets_.size()) {
    stamps_.assign(pass.sets_.size(), 0);
    serial_ = 0;
  }
  if (++serial_ == 0) {  // wrapped: forget every earlier sentence
    std::fill(stamps_.begin(), stamps_.end(), 0);
    serial_ = 1;
  }
  for (const WordHit& word : words) stamps_[word.set] = serial_;
}

bool PatternPass::Sentence::possessive(std::uint32_t begin, std::uint32_t end) const {
  if (!offsets_ || end < begin + 2 || lower_[end - 1] != 's') return false;
  const std::size_t s = offsets_[end - 1];
  if (s >= 1 && source_[s - 1] == '\'') return true;
  return s >= 3 && source_.substr(s - 3, 3) == "\xE2\x80\x99";  // ’
}

int PatternPass::words_between(std::string_view lower, std::size_t from, std::size_t to, int limit) {
  int words = 0;
  bool in_word = false;
  for (std::size_t i = from; i < to && words <= limit; ++i) {
    const bool word = is_word_byte(lower[i]);
    if (word && !in_word) ++words;
    in_word = word;
  }
  return words;
}

// Extends a match whose term `term - 1` is `previous` by a word of term `term`, then onward.
// Only the words within the gap are looked at (the word hits are ordered by begin), so a
// sentence of megabytes costs no more per word than a short one.
bool PatternPass::match_from(const CompiledPattern& pattern, std::size_t term, const WordHit& previous,
                             std::uint32_t& begin, std::uint32_t& end, const Sentence& sentence) const {
  if (term == pattern.terms.size()) return true;
  const std::uint32_t set = pattern.terms[term];
  const int gap = pattern.gaps[term - 1];
  const bool last = term + 1 == pattern.terms.size();
  const auto words = sentence.words_;
  auto try_word = [&](const WordHit& word) {
    // "the Department's IT resources": a possessive qualifies the noun after it, so it does not
    // end a pattern ("manage ... department").
    if (word.set != set || (last && sentence.possessive(word.begin, word.end))) return false;
    std::uint32_t b = std::min(begin, word.begin);
    std::uint32_t e = std::max(end, word.end);
    if (!match_from(pattern, term + 1, word, b, e, sentence)) return false;
    begin = b;
    end = e;
    return true;
  };
  const auto after = std::lower_bound(words.begin(), words.end(), previous.end,
                                      [](const WordHit& word, std::uint32_t at) { return word.begin < at; });
  for (auto it = after; it != words.end(); ++it) {
    if (words_between(sentence.lower_, previous.end, it->begin, gap) > gap) break;
    if (try_word(*it)) return true;
  }
  if (!pattern.unordered[term - 1]) return false;
  // Before it: words that end before `previous` begins, nearest first.
  constexpr int kLongestWord = 6;  // words in the longest phrase of a set, about
  for (auto it = std::lower_bound(words.begin(), words.end(), previous.begin,
                                  [](const WordHit& word, std::uint32_t at) { return word.begin < at; });
       it != words.begin(); --it) {
    const WordHit& word = *(it - 1);
    if (words_between(sentence.lower_, word.begin, previous.begin, gap + kLongestWord) > gap + kLongestWord) break;
    if (word.end > previous.begin) continue;
    if (words_between(sentence.lower_, word.end, previous.begin, gap) <= gap && try_word(word)) return true;
  }
  return false;
}

void PatternPass::find(const Sentence& sentence, std::vector<PatternHit>& out) const {
  if (sentence.words_.empty()) return;
  for (std::size_t r = 0; r < rules_.size(); ++r) {
    for (const CompiledPattern& pattern : rules_[r].patterns) {
      if (!std::all_of(pattern.terms.begin(), pattern.terms.end(), [&](std::uint32_t set) { return sentence.has(set); })) {
        continue;
      }
      std::uint32_t last_end = 0;
      for (const WordHit& first : sentence.words_) {
        if (first.set != pattern.terms.front() || (last_end > 0 && first.begin < last_end)) continue;
        std::uint32_t begin = first.begin;
        std::uint32_t end = first.end;
        if (!match_from(pattern, 1, first, begin, end, sentence)) continue;
        out.push_back({r, begin, end});
        last_end = end;
      }
    }
  }
}

bool PatternPass::near_any(const Sentence& sentence, const std::vector<std::uint32_t>& sets, int within,
                           std::uint32_t begin, std::uint32_t end) {
  const auto present = [&](std::uint32_t set) { return sentence.has(set); };
  if (within == 0) return std::any_of(sets.begin(), sets.end(), present);
  for (const WordHit& word : sentence.words_) {
    if (std::find(sets.begin(), sets.end(), word.set) == sets.end()) continue;
    if (word.begin >= end && words_between(sentence.lower_, end, word.begin, within) <= within) return true;
    if (word.end <= begin && words_between(sentence.lower_, word.end, begin, within) <= within) return true;
    if (word.begin < end && begin < word.end) return true;  // part of the mention itself
  }
  return false;
}

bool PatternPass::sense_holds(std::uint32_t group, const Sentence& sentence, std::uint32_t begin,
                              std::uint32_t end) const {
  for (const CompiledSense& sense : groups_[group]) {
    if (!sense.requires_any.empty() && !near_any(sentence, sense.requires_any, sense.within, begin, end)) return false;
    if (near_any(sentence, sense.forbids_any, sense.within, begin, end)) return false;
  }
  return true;
}

}  // namespace cio_gap
