#include "cio_gap/match/pattern_pass.h"

#include <algorithm>

#include "cio_gap/error.h"
#include "cio_gap/text/normalize.h"
#include "cio_gap/text/suggest.h"

namespace cio_gap {
namespace {

// Words in the longest phrase of a word set, about: how far back a word may start and still
// end close enough before another.
constexpr std::uint32_t kMaxPhraseWords = 6;

}  // namespace

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
  index_patterns();
}

void PatternPass::index_patterns() {
  by_first_set_.assign(sets_.size(), {});
  for (std::size_t r = 0; r < rules_.size(); ++r) {
    for (std::size_t k = 0; k < rules_[r].patterns.size(); ++k) {
      by_first_set_[rules_[r].patterns[k].terms.front()].push_back(static_cast<std::uint32_t>(patterns_.size()));
      patterns_.emplace_back(r, k);
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
  ordinals_made_ = false;
}

// Word ordinals, in one sweep: the hits are ordered by begin.
void PatternPass::Sentence::make_ordinals() const {
  if (ordinals_made_) return;
  ordinals_made_ = true;
  const std::string_view lower = lower_;
  const auto words = words_;
  ordinals_.resize(words.size());
  std::uint32_t seen = 0;  // word starts up to `at`
  std::size_t at = 0;
  auto starts_word = [&](std::size_t i) { return is_word_byte(lower[i]) && (i == 0 || !is_word_byte(lower[i - 1])); };
  for (std::size_t h = 0; h < words.size(); ++h) {
    for (; at <= words[h].begin && at < lower.size(); ++at) seen += starts_word(at) ? 1u : 0u;
    // `seen` counts the word starting at begin too: its ordinal is seen - 1.
    std::uint32_t inside = 0;
    for (std::size_t i = words[h].begin + 1; i < words[h].end; ++i) inside += starts_word(i) ? 1u : 0u;
    ordinals_[h] = {seen - 1, seen - 1 + inside};
  }
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

// Extends a match whose term `term - 1` is the word hit `previous` by a word of term `term`,
// then onward. Only the words within the gap are looked at (the word hits are ordered by begin
// and carry their word ordinals), so a sentence of megabytes costs no more per word than a
// short one.
bool PatternPass::match_from(const CompiledPattern& pattern, std::size_t term, std::size_t previous,
                             std::uint32_t& begin, std::uint32_t& end, const Sentence& sentence) const {
  if (term == pattern.terms.size()) return true;
  const std::uint32_t set = pattern.terms[term];
  const auto gap = static_cast<std::uint32_t>(pattern.gaps[term - 1]);
  const bool last = term + 1 == pattern.terms.size();
  const auto words = sentence.words_;
  const auto& ordinals = sentence.ordinals_;
  const WordHit& from = words[previous];
  auto try_word = [&](std::size_t w) {
    const WordHit& word = words[w];
    // "the Department's IT resources": a possessive qualifies the noun after it, so it does not
    // end a pattern ("manage ... department").
    if (word.set != set || (last && sentence.possessive(word.begin, word.end))) return false;
    std::uint32_t b = std::min(begin, word.begin);
    std::uint32_t e = std::max(end, word.end);
    if (!match_from(pattern, term + 1, w, b, e, sentence)) return false;
    begin = b;
    end = e;
    return true;
  };
  for (std::size_t w = previous + 1; w < words.size(); ++w) {
    if (words[w].begin < from.end) continue;  // overlaps it
    if (ordinals[w].first > ordinals[previous].second + 1 + gap) break;
    if (try_word(w)) return true;
  }
  if (!pattern.unordered[term - 1]) return false;
  // Before it: words that end before `previous` begins, nearest first.
  for (std::size_t w = previous; w > 0; --w) {
    const WordHit& word = words[w - 1];
    if (ordinals[w - 1].first + kMaxPhraseWords + 1 + gap < ordinals[previous].first) break;
    if (word.end > from.begin) continue;
    if (ordinals[w - 1].second + 1 + gap >= ordinals[previous].first && try_word(w - 1)) return true;
  }
  return false;
}

void PatternPass::find(const Sentence& sentence, std::vector<PatternHit>& out) const {
  if (sentence.words_.size() < 2) return;
  // Only the patterns whose first term has a word here are looked at, each once.
  sentence.pattern_state_.assign(patterns_.size(), 0);
  sentence.pattern_end_.assign(patterns_.size(), 0);
  for (std::size_t w = 0; w < sentence.words_.size(); ++w) {
    const WordHit& first = sentence.words_[w];
    for (const std::uint32_t p : by_first_set_[first.set]) {
      const auto [rule, index] = patterns_[p];
      const CompiledPattern& pattern = rules_[rule].patterns[index];
      std::uint8_t& state = sentence.pattern_state_[p];
      if (state == 0) {
        const bool all = std::all_of(pattern.terms.begin(), pattern.terms.end(),
                                     [&](std::uint32_t set) { return sentence.has(set); });
        state = all ? 2 : 1;
        if (all) sentence.make_ordinals();
      }
      if (state != 2 || first.begin < sentence.pattern_end_[p]) continue;
      std::uint32_t begin = first.begin;
      std::uint32_t end = first.end;
      if (!match_from(pattern, 1, w, begin, end, sentence)) continue;
      out.push_back({rule, begin, end});
      sentence.pattern_end_[p] = end;
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
