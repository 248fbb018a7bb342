#pragma once

#include <cstdint>
#include <functional>
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
/// into a single Hyperscan literal database (a multi-pattern automaton, no regex per keyword);
/// case-insensitive literals fold ASCII case. Thread-safe: each thread scans with its own
/// Scratch.
class KeywordMatcher {
 public:
  /// Per-thread scanning state.
  class Scratch {
   public:
    explicit Scratch(const KeywordMatcher& matcher);
    ~Scratch();
    Scratch(const Scratch&) = delete;
    Scratch& operator=(const Scratch&) = delete;

   private:
    friend class KeywordMatcher;
    struct State;
    std::unique_ptr<State> state_;
  };

  /// Compiles the literals; throws Error when Hyperscan rejects the set. Empty literals
  /// are ignored.
  explicit KeywordMatcher(const std::vector<Literal>& literals);
  ~KeywordMatcher();
  KeywordMatcher(const KeywordMatcher&) = delete;
  KeywordMatcher& operator=(const KeywordMatcher&) = delete;

  /// Every whole-word hit in `text`, ordered by begin then end, overlapping hits included.
  std::vector<LiteralHit> find_all(std::string_view text, Scratch& scratch) const;

  std::size_t size() const { return literals_.size(); }

 private:
  struct Database;
  std::vector<Literal> literals_;  // deduplicated; index = Hyperscan id
  std::vector<std::vector<std::uint32_t>> payloads_;  // per literal, every payload it carries
  std::unique_ptr<Database> database_;
};

}  // namespace cio_gap
