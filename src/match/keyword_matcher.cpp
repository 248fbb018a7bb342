#include "cio_gap/match/keyword_matcher.h"

#include <algorithm>
#include <array>
#include <tuple>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "cio_gap/text/normalize.h"

namespace cio_gap {
namespace {

char fold(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

constexpr std::uint32_t kNoOutput = static_cast<std::uint32_t>(-1);

// Word bytes as a table, for the scan's inner loops.
constexpr std::array<bool, 256> kWordBytes = [] {
  std::array<bool, 256> table{};
  for (std::size_t byte = 0; byte < 256; ++byte) table[byte] = is_word_byte(static_cast<char>(byte));
  return table;
}();

// One (literal, payload) pair of the input, with the literal's folded spelling.
struct Entry {
  std::string_view folded;
  std::string_view text;
  bool case_sensitive;
  std::uint32_t payload;
};

}  // namespace

// Places the trie of the sorted, distinct folded patterns into the double array, breadth
// first (so the states most walks visit sit together at the front), straight from the sorted
// list: the children of the state spelling a prefix are the distinct next bytes of the
// patterns sharing it, which sit next to each other. No node objects are built, so building
// costs a few milliseconds for tens of thousands of literals.
struct KeywordMatcher::Packer {
  KeywordMatcher& matcher;
  const std::vector<std::string_view>& patterns;
  const std::vector<std::uint32_t>& pattern_outputs;  // per pattern: its first output
  std::size_t alphabet;
  std::vector<std::uint32_t>& outputs;  // per cell: first output of the literals ending there
  std::vector<std::uint32_t> skip{};    // free cell: itself; taken: a cell at or before the next free one
  std::size_t frontier = 1;             // every cell from here on is free

  void grow(std::size_t size) {
    const std::size_t old = matcher.cells_.size();
    if (old >= size) return;
    matcher.cells_.resize(size);
    outputs.resize(size, kNoOutput);
    skip.resize(size);
    for (std::size_t cell = old; cell < size; ++cell) skip[cell] = static_cast<std::uint32_t>(cell);
  }

  bool is_free(std::size_t cell) const { return matcher.cells_[cell].check == -1; }

  // The first free cell at or after `cell` (which must be below the frontier or at it).
  std::size_t next_free(std::size_t cell) {
    std::size_t free = cell;
    while (free < frontier && !is_free(free)) free = std::max<std::size_t>(skip[free], free + 1);
    for (std::size_t at = cell; at < free && at < skip.size();) {  // shorten the path walked
      const std::size_t following = std::max<std::size_t>(skip[at], at + 1);
      skip[at] = static_cast<std::uint32_t>(free);
      at = following;
    }
    return free;
  }

  // A base whose cells for `codes` (ascending) are all free: among the first free cells, else
  // just past the last used cell, which always fits.
  std::size_t find_base(const std::uint8_t* codes, std::size_t count) {
    const std::size_t lowest = codes[0];
    std::size_t tries = 0;
    for (std::size_t free = next_free(lowest + 1); free < frontier && tries < 256; free = next_free(free + 1), ++tries) {
      const std::size_t base = free - lowest;
      grow(base + alphabet + 1);
      bool fits = true;
      for (std::size_t k = 1; k < count && fits; ++k) fits = is_free(base + codes[k]);
      if (fits) return base;
    }
    return std::max(frontier, lowest + 1) - lowest;
  }

  struct Task {
    std::uint32_t cell;  // the state spelling the first `depth` bytes of patterns [first, last)
    std::uint32_t first;
    std::uint32_t last;
    std::uint32_t depth;
  };

  // One level of the trie at a time, so only two levels' tasks are held at once.
  void pack() {
    std::vector<Task> level{{0, 0, static_cast<std::uint32_t>(patterns.size()), 0}};
    std::vector<Task> next_level;
    for (; !level.empty(); level.swap(next_level), next_level.clear()) {
      for (const Task& task : level) pack_state(task, next_level);
    }
  }

  // Places the children of one state and queues them.
  void pack_state(Task task, std::vector<Task>& next_level) {
    auto [cell, first, last, depth] = task;
    if (patterns[first].size() == depth) {  // the prefix itself, sorted first
      outputs[cell] = pattern_outputs[first];
      ++first;
    }
    if (first == last) return;
    std::array<std::uint8_t, 256> codes;    // filled up to `count`
    std::array<std::uint32_t, 257> groups;  // patterns of child k: [groups[k], groups[k + 1])
    std::size_t count = 0;
    for (std::size_t p = first; p < last; ++count) {
      const char byte = patterns[p][depth];
      codes[count] = matcher.codes_[static_cast<unsigned char>(byte)];
      groups[count] = static_cast<std::uint32_t>(p);
      while (p < last && patterns[p][depth] == byte) ++p;
    }
    groups[count] = last;
    const std::size_t base = find_base(codes.data(), count);
    grow(base + alphabet + 1);
    matcher.cells_[cell].base = static_cast<std::int32_t>(base);
    for (std::size_t k = 0; k < count; ++k) {
      matcher.cells_[base + codes[k]].check = static_cast<std::int32_t>(cell);
      frontier = std::max(frontier, base + codes[k] + 1);
      next_level.push_back({static_cast<std::uint32_t>(base + codes[k]), groups[k], groups[k + 1], depth + 1});
    }
  }
};

KeywordMatcher::Scratch::Scratch(const KeywordMatcher& /*matcher*/) {}

KeywordMatcher::Scratch::~Scratch() = default;

KeywordMatcher::KeywordMatcher(const std::vector<Literal>& literals, Engine engine) : engine_(engine) {
  std::string folded_texts;
  std::size_t total = 0;
  for (const auto& literal : literals) total += literal.text.size();
  folded_texts.reserve(total);
  for (const auto& literal : literals) {
    for (const char c : literal.text) folded_texts.push_back(fold(c));
  }
  std::vector<Entry> entries;
  entries.reserve(literals.size());
  std::size_t offset = 0;
  for (const auto& literal : literals) {
    const std::size_t length = literal.text.size();
    if (length > 0) {
      entries.push_back({std::string_view(folded_texts).substr(offset, length), literal.text,
                         literal.case_sensitive, literal.payload});
    }
    offset += length;
  }
  if (entries.empty()) return;
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    return std::tie(a.folded, a.text, a.case_sensitive, a.payload) <
           std::tie(b.folded, b.text, b.case_sensitive, b.payload);
  });

  // Edge codes 1..K in byte order, for the folded bytes literals use; any other byte ends a walk.
  std::array<bool, 256> used{};
  for (const char c : folded_texts) used[static_cast<unsigned char>(c)] = true;
  std::size_t alphabet = 0;
  for (std::size_t byte = 0; byte < 256; ++byte) {
    if (used[byte]) codes_[byte] = static_cast<std::uint8_t>(++alphabet);
  }

  // One literal per distinct (text, case); one pattern per distinct folded text, with the
  // outputs of every literal spelled that way, sorted by payload.
  std::vector<std::string_view> patterns;
  std::vector<std::uint32_t> pattern_outputs;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> group;  // (payload, literal)
  for (std::size_t e = 0; e < entries.size(); ++e) {
    const Entry& entry = entries[e];
    const bool new_literal = e == 0 || entry.text != entries[e - 1].text ||
                             entry.case_sensitive != entries[e - 1].case_sensitive;
    if (new_literal) {
      literals_.push_back({static_cast<std::uint32_t>(texts_.size()), static_cast<std::uint32_t>(entry.text.size()),
                           entry.case_sensitive, is_word_byte(entry.text.back())});
      texts_ += entry.text;
    }
    if (new_literal || entry.payload != entries[e - 1].payload) {
      group.emplace_back(entry.payload, static_cast<std::uint32_t>(literals_.size() - 1));
    }
    if (e + 1 < entries.size() && entries[e + 1].folded == entry.folded) continue;
    std::sort(group.begin(), group.end());
    patterns.push_back(entry.folded);
    pattern_outputs.push_back(static_cast<std::uint32_t>(outputs_.size()));
    for (std::size_t g = 0; g < group.size(); ++g) {
      outputs_.push_back({group[g].first, group[g].second & 0x7FFFFFFFu, g + 1 == group.size() ? 1u : 0u});
    }
    group.clear();
    starts_[static_cast<unsigned char>(entry.folded.front())] = true;
  }

  // The trie has at most one state per pattern byte, and packs almost without holes.
  std::size_t pattern_bytes = 0;
  for (const auto& pattern : patterns) pattern_bytes += pattern.size();
  const std::size_t capacity = pattern_bytes + 4 * alphabet + 2;
  cells_.reserve(capacity);
  std::vector<std::uint32_t> outputs;
  outputs.reserve(capacity);
  Packer packer{*this, patterns, pattern_outputs, alphabet, outputs};
  packer.skip.reserve(capacity);
  packer.grow(alphabet + 2);
  cells_[0].check = -2;  // the root is nobody's child
  packer.pack();
  // The output flag rides in the base the walk loads anyway; the index is looked up only then.
  first_output_.assign(cells_.size(), 0);
  for (std::size_t cell = 0; cell < cells_.size(); ++cell) {
    if (outputs[cell] == kNoOutput) continue;
    cells_[cell].base |= kHasOutput;
    first_output_[cell] = outputs[cell];
  }
  for (std::size_t byte = 0; byte < 256; ++byte) {
    if (starts_[byte] && !is_word_byte(static_cast<char>(byte))) nonword_starts_.push_back(static_cast<std::uint8_t>(byte));
  }
  cell_data_ = cells_.data();
  cell_count_ = cells_.size();
  first_output_data_ = first_output_.data();
  if (engine == Engine::dfa) std::call_once(dfa_built_, [this] { build_dfa(); });
}

KeywordMatcher::~KeywordMatcher() = default;

__attribute__((always_inline)) inline void KeywordMatcher::walk(std::string_view text, std::string_view folded,
                                                                std::size_t begin, std::size_t from, std::int32_t cell,
                                                                std::vector<LiteralHit>& out) const {
  const std::size_t size = text.size();
  const auto* bytes = reinterpret_cast<const unsigned char*>(folded.data());
  const Cell* const cells = cell_data_;
  std::int32_t state = cell;
  std::int32_t base = cells[cell].base;
  for (std::size_t at = from; at < size; ++at) {
    // A byte no literal uses has code 0, and base + 0 is never a child (codes start at 1), so
    // one check ends the walk both ways. Every state's cells reach base + the largest code (a
    // leaf's base is 0), so the index is always in range.
    const std::size_t next = static_cast<std::size_t>(base & ~kHasOutput) + codes_[bytes[at]];
    if (cells[next].check != state) return;
    state = static_cast<std::int32_t>(next);
    base = cells[next].base;
    if ((base & kHasOutput) == 0) continue;
    const std::size_t end = at + 1;
    // (The caller starts walks only where a word may start, so "Tform" never matches in "platform".)
    const bool word_follows = end < size && kWordBytes[static_cast<unsigned char>(text[end])];
    report(text, begin, end, first_output_data_[next], word_follows, out);
  }
}

void KeywordMatcher::walk_on(std::string_view text, std::string_view folded, std::size_t begin, std::size_t from,
                             std::int32_t cell, std::vector<LiteralHit>& out) const {
  walk(text, folded, begin, from, cell, out);
}

void KeywordMatcher::find_all(std::string_view text, std::string_view folded, std::vector<LiteralHit>& out) const {
  find_all(text, folded, out, engine_);
}

void KeywordMatcher::find_all(std::string_view text, std::string_view folded, std::vector<LiteralHit>& out,
                              Engine engine) const {
  if (literals_.empty()) return;
  if (engine == Engine::dfa) {
    std::call_once(dfa_built_, [this] { build_dfa(); });
    find_all_dfa(text, folded, out);
  } else {
    find_all_trie(text, folded, out);
  }
}

void KeywordMatcher::find_all_trie(std::string_view text, std::string_view folded, std::vector<LiteralHit>& out) const {
  const std::size_t size = text.size();
  const auto* bytes = reinterpret_cast<const unsigned char*>(folded.data());
  std::size_t at = 0;
  bool previous_word = false;
#if defined(__SSE2__)
  // Sixteen bytes at a time: a walk starts at each word's first byte and at each non-word byte
  // that begins a literal, found with a few comparisons and a bit mask.
  if (nonword_starts_.size() <= 4) {
    for (; at + 16 <= size; at += 16) {
      const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + at));
      const __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(block, _mm_set1_epi8('0' - 1)),
                                          _mm_cmplt_epi8(block, _mm_set1_epi8('9' + 1)));
      // Letters of either case, so a caller's folding cannot change where words start.
      const __m128i letter = _mm_and_si128(_mm_cmpgt_epi8(_mm_or_si128(block, _mm_set1_epi8(0x20)), _mm_set1_epi8('a' - 1)),
                                           _mm_cmplt_epi8(_mm_or_si128(block, _mm_set1_epi8(0x20)), _mm_set1_epi8('z' + 1)));
      const __m128i high = _mm_cmplt_epi8(block, _mm_setzero_si128());  // bytes >= 0x80
      const auto word = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(digit, letter), high)));
      unsigned starts = word & ~((word << 1) | (previous_word ? 1u : 0u));
      for (const std::uint8_t byte : nonword_starts_) {
        starts |= static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(block, _mm_set1_epi8(static_cast<char>(byte)))));
      }
      while (starts != 0) {
        const std::size_t begin = at + static_cast<std::size_t>(__builtin_ctz(starts));
        walk(text, folded, begin, begin, 0, out);
        starts &= starts - 1;
      }
      previous_word = (word & 0x8000u) != 0;
    }
  }
#endif
  for (; at < size; ++at) {
    const unsigned char c = bytes[at];
    const bool word = kWordBytes[c];
    // A literal starting with a word byte may start only at a word's first byte; one starting
    // with punctuation (".NET", "C#") wherever that byte is.
    if ((!word || !previous_word) && starts_[c]) walk(text, folded, at, at, 0, out);
    previous_word = word;
  }
}

std::vector<LiteralHit> KeywordMatcher::find_all(std::string_view text, Scratch& scratch) const {
  std::vector<LiteralHit> hits;
  scratch.folded_.assign(text);
  for (char& c : scratch.folded_) c = fold(c);
  find_all(text, scratch.folded_, hits);
  return hits;
}

}  // namespace cio_gap
