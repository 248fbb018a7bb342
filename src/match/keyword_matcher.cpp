#include "cio_gap/match/keyword_matcher.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <tuple>

#include "cio_gap/text/normalize.h"

namespace cio_gap {
namespace {

char fold(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// One (literal, payload) pair of the input, with the literal's folded spelling.
struct Entry {
  std::string_view folded;
  std::string_view text;
  bool case_sensitive;
  std::uint32_t payload;
};

}  // namespace

// Places the trie of the sorted, distinct folded patterns into the double array, depth first,
// straight from the sorted list: the children of the state spelling a prefix are the distinct
// next bytes of the patterns sharing it, which sit next to each other. No node objects are
// built, so building costs a few milliseconds for tens of thousands of literals.
struct KeywordMatcher::Packer {
  KeywordMatcher& matcher;
  const std::vector<std::string_view>& patterns;
  const std::vector<std::uint32_t>& pattern_outputs;  // per pattern: 1 + its first output
  std::size_t alphabet;
  std::size_t first_free = 1;  // no free cell below this one
  std::size_t frontier = 1;    // every cell from here on is free

  bool is_free(std::size_t cell) const {
    return cell >= matcher.cells_.size() || matcher.cells_[cell].check == -1;
  }

  // The lowest base near the packed region whose cells for `codes` (ascending) are all free;
  // after a bounded search, the one just past the last used cell, which always fits.
  std::size_t find_base(const std::uint8_t* codes, std::size_t count) {
    while (!is_free(first_free)) ++first_free;
    const std::size_t lowest = codes[0];
    std::size_t looked = 0;
    for (std::size_t cell = first_free; cell < frontier && looked < 32; ++cell, ++looked) {
      if (cell <= lowest || !is_free(cell)) continue;
      const std::size_t base = cell - lowest;
      bool fits = true;
      for (std::size_t k = 1; k < count && fits; ++k) fits = is_free(base + codes[k]);
      if (fits) return base;
    }
    return std::max(frontier, lowest + 1) - lowest;
  }

  // `cell` is the state spelling the first `depth` bytes of patterns [first, last).
  void pack(std::size_t cell, std::size_t first, std::size_t last, std::size_t depth) {
    if (patterns[first].size() == depth) {  // the prefix itself, sorted first
      matcher.cells_[cell].output = pattern_outputs[first];
      ++first;
    }
    if (first == last) return;
    std::array<std::uint8_t, 256> codes;       // filled up to `count`
    std::array<std::uint32_t, 257> groups;     // patterns of child k: [groups[k], groups[k + 1])
    std::size_t count = 0;
    for (std::size_t p = first; p < last; ++count) {
      const char byte = patterns[p][depth];
      codes[count] = matcher.codes_[static_cast<unsigned char>(byte)];
      groups[count] = static_cast<std::uint32_t>(p);
      while (p < last && patterns[p][depth] == byte) ++p;
    }
    groups[count] = static_cast<std::uint32_t>(last);
    const std::size_t base = find_base(codes.data(), count);
    if (matcher.cells_.size() < base + alphabet + 1) matcher.cells_.resize(base + alphabet + 1);
    matcher.cells_[cell].base = static_cast<std::int32_t>(base);
    for (std::size_t k = 0; k < count; ++k) {
      matcher.cells_[base + codes[k]].check = static_cast<std::int32_t>(cell);
      frontier = std::max(frontier, base + codes[k] + 1);
    }
    for (std::size_t k = 0; k < count; ++k) pack(base + codes[k], groups[k], groups[k + 1], depth + 1);
  }
};

KeywordMatcher::Scratch::Scratch(const KeywordMatcher& /*matcher*/) {}

KeywordMatcher::Scratch::~Scratch() = default;

KeywordMatcher::KeywordMatcher(const std::vector<Literal>& literals) {
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
    pattern_outputs.push_back(static_cast<std::uint32_t>(outputs_.size() + 1));
    for (std::size_t g = 0; g < group.size(); ++g) {
      outputs_.push_back({group[g].first, group[g].second & 0x7FFFFFFFu, g + 1 == group.size() ? 1u : 0u});
    }
    group.clear();
    starts_[static_cast<unsigned char>(entry.folded.front())] = true;
  }

  cells_.reserve(2 * folded_texts.size() + alphabet + 2);
  cells_.resize(alphabet + 2);
  cells_[0].check = -2;  // the root is nobody's child
  Packer packer{*this, patterns, pattern_outputs, alphabet};
  packer.pack(0, 0, patterns.size(), 0);
}

KeywordMatcher::~KeywordMatcher() = default;

void KeywordMatcher::walk(std::string_view text, std::string_view folded, std::size_t begin,
                          std::vector<LiteralHit>& out) const {
  const std::size_t size = text.size();
  std::size_t state = 0;
  for (std::size_t at = begin; at < size; ++at) {
    const std::uint8_t code = codes_[static_cast<unsigned char>(folded[at])];
    if (code == 0) return;
    // Every state's cells reach base + the largest code (a leaf's base is 0), so the index is
    // always in range.
    const std::size_t next = static_cast<std::size_t>(cells_[state].base) + code;
    if (cells_[next].check != static_cast<std::int32_t>(state)) return;
    state = next;
    if (cells_[next].output == 0) continue;
    const std::size_t end = at + 1;
    const bool word_follows = end < size && is_word_byte(text[end]);
    for (std::size_t o = cells_[next].output - 1;; ++o) {
      const Output& output = outputs_[o];
      const LiteralInfo& literal = literals_[output.literal];
      // Whole words only: "budget" must not match in "budgetary" (the caller starts walks only
      // where a word may start, so "Tform" never matches in "platform").
      const bool whole = !(literal.word_end && word_follows);
      if (whole && (!literal.case_sensitive ||
                    std::memcmp(text.data() + begin, texts_.data() + literal.offset, literal.length) == 0)) {
        out.push_back({begin, end, output.payload});
      }
      if (output.last) break;
    }
  }
}

void KeywordMatcher::find_all(std::string_view text, std::string_view folded,
                              std::vector<LiteralHit>& out) const {
  if (literals_.empty()) return;
  const std::size_t size = text.size();
  std::size_t at = 0;
  while (at < size) {
    const auto c = static_cast<unsigned char>(folded[at]);
    if (!is_word_byte(static_cast<char>(c))) {
      // Punctuation and spaces: a literal may start here whatever precedes (".NET", "C#").
      if (starts_[c]) walk(text, folded, at, out);
      ++at;
      continue;
    }
    // A word: a literal starting with a word byte may start only at the word's first byte.
    if (starts_[c]) walk(text, folded, at, out);
    ++at;
    while (at < size && is_word_byte(folded[at])) ++at;
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
