#pragma once

#include <cstdint>
#include <cstring>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace cio_gap {

/// One literal to find.
struct Literal {
  std::string text;           ///< already normalised (normalize_phrase)
  bool case_sensitive = false;
  std::uint32_t payload = 0;  ///< handed back with every hit
};

/// A whole-word occurrence of a literal: [begin, end) in the scanned text.
struct LiteralHit {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::uint32_t payload = 0;
};

/// Finds every literal of a set in one pass, whole words only. All literals are compiled once
/// into one trie over ASCII-folded bytes, stored as a double array (two integers per state);
/// the text is walked from each place a whole-word literal can start, so no failure links and
/// no regex are needed. Case-insensitive literals fold ASCII case; case-sensitive ones are
/// checked byte for byte. Building takes milliseconds, so no compiled form is cached.
/// Immutable once built and safe to share between threads.
///
/// A second engine, an Aho-Corasick automaton over byte classes with interleaved lanes (see
/// Engine::dfa), finds the same hits; it is not the default because it measured slower on
/// postings (bench/matcher_bench.cpp: 97-145 MB/s against the walk's 131-165 MB/s, and ~10%
/// more CPU for `assess` on 20,000 postings): the walk skips the inside of words with SIMD,
/// the automaton steps through every byte, and its 6 MB table misses the caches more than the
/// trie's 600 KB. Kept for the benchmark, so the choice can be measured again.
class KeywordMatcher {
 public:
  /// The two ways find_all can scan; both find the same hits in the same order.
  enum class Engine {
    trie,  ///< a walk of the trie from each place a literal can start
    dfa,   ///< one pass of the automaton over shallow states, the trie past them
  };

  /// Per-thread scanning state: a buffer for the folded copy of the text.
  class Scratch {
   public:
    explicit Scratch(const KeywordMatcher& matcher);
    ~Scratch();
    Scratch(const Scratch&) = delete;
    Scratch& operator=(const Scratch&) = delete;

   private:
    friend class KeywordMatcher;
    std::string folded_;
  };

  /// Builds the trie, and the automaton when `engine` (the one find_all uses) is dfa. Empty
  /// literals are ignored.
  explicit KeywordMatcher(const std::vector<Literal>& literals, Engine engine = Engine::trie);
  ~KeywordMatcher();
  KeywordMatcher(const KeywordMatcher&) = delete;
  KeywordMatcher& operator=(const KeywordMatcher&) = delete;

  /// Every whole-word hit in `text`, ordered by begin, then end, then payload; overlapping
  /// hits included.
  std::vector<LiteralHit> find_all(std::string_view text, Scratch& scratch) const;

  /// As find_all, appending to `out`, for a caller that already holds `folded`, the text with
  /// ASCII letters lower-cased (same length). A literal never spans a '\n' (normalised
  /// literals hold none), so several texts joined by '\n' scan as if scanned one by one.
  void find_all(std::string_view text, std::string_view folded, std::vector<LiteralHit>& out) const;

  /// As find_all, with the engine named (for the benchmark and the equivalence test). The
  /// automaton is built on its first use when the matcher was not built for it.
  void find_all(std::string_view text, std::string_view folded, std::vector<LiteralHit>& out, Engine engine) const;

  /// Distinct literals (same text and case sensitivity count once).
  std::size_t size() const { return literals_.size(); }

  /// Bytes of the automaton's tables (transitions and what its special states do).
  std::size_t dfa_bytes() const;

 private:
  friend class RulesImage;  // stores a built matcher and reads it back

  KeywordMatcher() = default;

  struct LiteralInfo {
    std::uint32_t offset = 0;  // of its text in `texts_`
    std::uint32_t length = 0;
    bool case_sensitive = false;
    bool word_end = false;  // ends with a word byte, so the next byte must not be one
  };
  struct Output {
    std::uint32_t payload;
    std::uint32_t literal : 31;
    std::uint32_t last : 1;  // last output of its state
  };
  struct Cell {
    std::int32_t base = 0;    // children of this state are at base + edge code; kHasOutput set
                              // when literals end here (see first_output_)
    std::int32_t check = -1;  // the parent state of this cell; -1 when the cell is free
  };
  static constexpr std::int32_t kHasOutput = std::int32_t{1} << 30;
  struct Packer;

  // Appends the hits [begin, end) of the outputs from `first_output` to the last of their
  // state, keeping only whole words (none when a literal ending with a word byte has one after
  // it: "budget" in "budgetary") and case-sensitive literals spelled exactly as written. Both
  // engines report through it.
  __attribute__((always_inline)) void report(std::string_view text, std::size_t begin, std::size_t end,
                                             std::size_t first_output, bool word_follows,
                                             std::vector<LiteralHit>& out) const {
    for (std::size_t o = first_output;; ++o) {
      const Output& output = outputs_[o];
      const LiteralInfo& literal = literals_[output.literal];
      const bool whole = !(literal.word_end && word_follows);
      if (whole && (!literal.case_sensitive ||
                    std::memcmp(text.data() + begin, texts_.data() + literal.offset, literal.length) == 0)) {
        out.push_back({begin, end, output.payload});
      }
      if (output.last) break;
    }
  }

  // Walks the trie from state `cell`, which `begin` .. `at` spelled, reporting the hits past it.
  void walk(std::string_view text, std::string_view folded, std::size_t begin, std::size_t at, std::int32_t cell,
            std::vector<LiteralHit>& out) const;
  void walk_on(std::string_view text, std::string_view folded, std::size_t begin, std::size_t at, std::int32_t cell,
               std::vector<LiteralHit>& out) const;  // the same, not inlined, for the automaton
  void find_all_trie(std::string_view text, std::string_view folded, std::vector<LiteralHit>& out) const;
  void find_all_dfa(std::string_view text, std::string_view folded, std::vector<LiteralHit>& out) const;

  // The automaton (keyword_dfa.cpp): an Aho-Corasick automaton over byte classes for the trie's
  // states up to `dfa_depth_` bytes deep, with a virtual word-boundary symbol after every byte
  // that is not a word byte, so literals that start with a word byte start only at a word's
  // start. States from `dfa_special_first_` on have hits to report or lead deeper into the trie.
  struct DfaPattern {
    std::uint32_t first_output;  // in outputs_
    std::uint32_t length;
  };
  struct DfaSpecial {
    std::uint32_t first_pattern;  // its patterns (the literals that end here): dfa_patterns_
    std::uint32_t pattern_count;
    std::int32_t cell;   // the trie state spelling it, when deeper literals continue it; else -1
    std::uint32_t depth; // its length in bytes
  };
  void build_dfa() const;
  void report_special(std::string_view text, std::string_view folded, std::size_t at, std::uint32_t state,
                      std::vector<LiteralHit>& out) const;

  Engine engine_ = Engine::trie;
  // The automaton, built once (on construction or first use) by whichever thread comes first.
  mutable std::once_flag dfa_built_;
  mutable std::vector<std::uint16_t> dfa_table_;  // state * dfa_classes_ + class -> state
  mutable std::vector<DfaSpecial> dfa_specials_;  // per state from dfa_special_first_ on
  mutable std::vector<DfaPattern> dfa_patterns_;
  mutable std::uint8_t dfa_class_[256] = {};      // folded byte -> class
  mutable std::uint32_t dfa_classes_ = 0;
  mutable std::uint32_t dfa_special_first_ = 0;
  mutable std::uint32_t dfa_start_ = 0;           // the state after a boundary
  mutable std::uint32_t dfa_depth_ = 0;

  std::string texts_;                  // every distinct literal's text, back to back
  std::vector<LiteralInfo> literals_;  // deduplicated
  std::vector<Output> outputs_;        // grouped by state, each group sorted by payload
  std::vector<Cell> cells_;            // the double array; cell 0 is the root
  std::vector<std::uint32_t> first_output_;  // per cell with kHasOutput: its first output
  std::vector<std::uint8_t> nonword_starts_; // bytes that are not word bytes but begin a literal
  // What the walk reads: cells_ and first_output_, or the same arrays where a rules image holds
  // them (read in place rather than copied: a large pack's are tens of megabytes).
  const Cell* cell_data_ = nullptr;
  std::size_t cell_count_ = 0;
  const std::uint32_t* first_output_data_ = nullptr;
  std::shared_ptr<const void> image_;  // keeps that image alive, when it is not the program's own
  std::uint8_t codes_[256] = {};       // folded byte -> edge code, 0 when no literal uses it
  bool starts_[256] = {};              // folded byte that begins some literal
};

}  // namespace cio_gap
