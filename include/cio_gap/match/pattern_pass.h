#pragma once

#include <cstdint>
#include <utility>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cio_gap/model/rule.h"

namespace cio_gap {

/// A word of a word set found in a sentence: [begin, end) in its folded text.
struct WordHit {
  std::uint32_t set = 0;  ///< PatternPass set id
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
};

/// A rule's pattern matched in a sentence: from its first term's word to its last one's.
struct PatternHit {
  std::size_t rule = 0;
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
};

/// The rules' word sets, patterns of concepts and senses, compiled once; the cheap second pass
/// over each sentence after the literal scan. The literal matcher finds every word of every set
/// (the words go into the same trie as the keywords); this pass pairs those words into pattern
/// matches and tells whether a keyword's sense holds. No regular expression is involved: a
/// pattern is a few ordered lookups among a sentence's word hits.
///
/// Word sets get ids: the named sets of the RuleSet first, in order, then one per list of words
/// written in place. Sense groups (the senses that govern one keyword, all of which must hold)
/// get ids from 1; 0 means no sense applies.
class PatternPass {
 public:
  /// Throws Error "path:line:col: unknown word set ..." when a rule names a set nobody defines.
  explicit PatternPass(const RuleSet& rules);

  std::size_t set_count() const { return sets_.size(); }
  /// The words of set `id` as written in the rules (to be normalised and inflected by the caller).
  const std::vector<std::string>& set_words(std::size_t id) const { return sets_[id]; }

  /// The sense group that governs `keyword` (a keyword or acronym of rule `rule`, as written),
  /// or 0.
  std::uint32_t keyword_sense(std::size_t rule, std::string_view keyword) const;
  /// The sense group that governs the pattern hits of `rule` (its senses without keywords), or 0.
  std::uint32_t pattern_sense(std::size_t rule) const { return rules_[rule].pattern_sense; }
  /// Whether rule `rule` has patterns at all.
  bool has_patterns(std::size_t rule) const { return !rules_[rule].patterns.empty(); }

  /// Per-thread state for one sentence at a time.
  class Sentence {
   public:
    /// Starts a sentence: `lower` is its folded text, `words` its word hits ordered by begin;
    /// `source` its text as written and `offsets` the place in `source` of each byte of `lower`.
    void start(const PatternPass& pass, std::string_view lower, std::span<const WordHit> words,
               std::string_view source = {}, const std::uint32_t* offsets = nullptr);
    /// Whether the word at [begin, end) is a possessive ("the Department's"): folding drops
    /// the apostrophe, so the text as written tells.
    bool possessive(std::uint32_t begin, std::uint32_t end) const;
    /// Whether a word of set `id` is in the sentence.
    bool has(std::uint32_t id) const { return stamps_[id] == serial_; }

   private:
    friend class PatternPass;
    std::string_view lower_;
    std::string_view source_;
    // Per word hit: the ordinal of its first and last word in the sentence, so the words between
    // two hits are a subtraction.
    // Made on the first pattern whose terms are all present (few sentences have one).
    mutable std::vector<std::pair<std::uint32_t, std::uint32_t>> ordinals_;
    mutable bool ordinals_made_ = false;
    void make_ordinals() const;
    // Per pattern, for `find`: 0 not looked at, 1 a term missing, 2 all present; and where its
    // last match ended.
    mutable std::vector<std::uint8_t> pattern_state_;
    mutable std::vector<std::uint32_t> pattern_end_;
    const std::uint32_t* offsets_ = nullptr;
    std::span<const WordHit> words_;
    std::vector<std::uint32_t> stamps_;  // per set: serial_ when present in this sentence
    std::uint32_t serial_ = 0;
  };

  /// Every pattern match of the sentence, at most one per pattern and starting word, appended to
  /// `out` in the order of their first words.
  void find(const Sentence& sentence, std::vector<PatternHit>& out) const;

  /// Whether every sense of `group` holds for the mention at [begin, end) of the sentence (true
  /// for group 0).
  bool sense_holds(std::uint32_t group, const Sentence& sentence, std::uint32_t begin, std::uint32_t end) const;

  /// Words between two places of a folded text: the words that start in [from, to).
  static int words_between(std::string_view lower, std::size_t from, std::size_t to, int limit);

 private:
  struct CompiledPattern {
    std::vector<std::uint32_t> terms;  // set ids
    std::vector<int> gaps;
    std::vector<bool> unordered;
  };
  struct CompiledSense {
    std::vector<std::uint32_t> requires_any;
    std::vector<std::uint32_t> forbids_any;
    int within = 0;
  };
  // Whether a word of one of `sets` is in the sentence (within `within` words of [begin, end)
  // when it is not 0).
  static bool near_any(const Sentence& sentence, const std::vector<std::uint32_t>& sets, int within,
                       std::uint32_t begin, std::uint32_t end);
  struct RuleEntry {
    std::vector<CompiledPattern> patterns;
    std::vector<std::pair<std::string, std::uint32_t>> keyword_senses;  // keyword -> group
    std::uint32_t pattern_sense = 0;
  };

  std::uint32_t set_id(const Rule& rule, const WordRef& ref);
  void index_patterns();
  std::uint32_t add_group(std::vector<std::size_t> senses, const Rule& rule);
  bool match_from(const CompiledPattern& pattern, std::size_t term, std::size_t previous, std::uint32_t& begin,
                  std::uint32_t& end, const Sentence& sentence) const;

  std::vector<std::vector<std::string>> sets_;
  std::vector<std::pair<const WordRef*, std::uint32_t>> in_place_;  // lists written in place, by where
  std::vector<std::string> set_names_;  // named sets first
  std::vector<RuleEntry> rules_;
  // Every pattern as (rule, index in its rule), and by the set of its first term.
  std::vector<std::pair<std::size_t, std::size_t>> patterns_;
  std::vector<std::vector<std::uint32_t>> by_first_set_;
  std::vector<std::vector<CompiledSense>> groups_;  // index 0: the empty group
};

}  // namespace cio_gap
