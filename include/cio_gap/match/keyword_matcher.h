#pragma once

#include <cstdint>
#include <memory>
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
class KeywordMatcher {
 public:
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

  /// Builds the trie. Empty literals are ignored.
  explicit KeywordMatcher(const std::vector<Literal>& literals);
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

  /// Distinct literals (same text and case sensitivity count once).
  std::size_t size() const { return literals_.size(); }

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

  void walk(std::string_view text, std::string_view folded, std::size_t begin,
            std::vector<LiteralHit>& out) const;

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
