#include "cio_gap/match/keyword_matcher.h"

#include <algorithm>
#include <cstring>
#include <deque>
#include <map>

#include "cio_gap/text/normalize.h"

namespace cio_gap {
namespace {

char fold(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// The trie before it is packed into the double array.
struct TrieNode {
  std::vector<std::pair<std::uint8_t, std::uint32_t>> children;  // (edge code, node)
  std::vector<std::pair<std::uint32_t, std::uint32_t>> outputs;  // (payload, literal)
};

}  // namespace

KeywordMatcher::Scratch::Scratch(const KeywordMatcher& /*matcher*/) {}

KeywordMatcher::Scratch::~Scratch() = default;

KeywordMatcher::KeywordMatcher(const std::vector<Literal>& literals) {
  // One entry per distinct (text, case) pair; several payloads may share it.
  std::map<std::pair<std::string, bool>, std::uint32_t> index;
  std::vector<std::vector<std::uint32_t>> payloads;
  for (const auto& literal : literals) {
    if (literal.text.empty()) continue;
    auto [it, inserted] = index.try_emplace({literal.text, literal.case_sensitive},
                                            static_cast<std::uint32_t>(literals_.size()));
    if (inserted) {
      literals_.push_back({literal.text, literal.case_sensitive, is_word_byte(literal.text.back())});
      payloads.emplace_back();
    }
    auto& mine = payloads[it->second];
    if (std::find(mine.begin(), mine.end(), literal.payload) == mine.end()) mine.push_back(literal.payload);
  }

  // Edge codes 1..K for the folded bytes literals use; every other byte ends a walk at once.
  int alphabet = 0;
  for (const auto& literal : literals_) {
    for (const char c : literal.text) {
      auto& code = codes_[static_cast<unsigned char>(fold(c))];
      if (code == 0) code = static_cast<std::uint8_t>(++alphabet);
    }
    starts_[static_cast<unsigned char>(fold(literal.text.front()))] = true;
  }

  std::vector<TrieNode> trie(1);
  for (std::uint32_t id = 0; id < literals_.size(); ++id) {
    std::uint32_t node = 0;
    for (const char c : literals_[id].text) {
      const std::uint8_t code = codes_[static_cast<unsigned char>(fold(c))];
      auto& children = trie[node].children;
      auto child = std::find_if(children.begin(), children.end(), [&](const auto& edge) { return edge.first == code; });
      if (child != children.end()) {
        node = child->second;
      } else {
        const auto next = static_cast<std::uint32_t>(trie.size());
        children.emplace_back(code, next);
        trie.emplace_back();  // invalidates `children`; not used again
        node = next;
      }
    }
    for (const auto payload : payloads[id]) trie[node].outputs.emplace_back(payload, id);
  }

  // Pack breadth first: each state's children go to base + code, at a base whose cells are all
  // free. Candidate bases come from a linked list of the free cells, so the search skips the
  // packed region; after a few misses the children go past the last used cell, which always fits.
  std::vector<std::size_t> next_free;  // the free cells, linked in index order
  std::vector<std::size_t> previous_free;
  std::size_t frontier = 1;  // every cell from here on is free
  std::size_t last_free = 0;  // the list's tail; 0, the root, stands for the head
  constexpr std::size_t kNone = static_cast<std::size_t>(-1);
  auto grow = [&](std::size_t size) {
    const std::size_t old = cells_.size();
    if (old >= size) return;
    cells_.resize(size);
    next_free.resize(size, kNone);
    previous_free.resize(size, kNone);
    for (std::size_t i = std::max<std::size_t>(old, 1); i < size; ++i) {
      next_free[last_free] = i;
      previous_free[i] = last_free;
      last_free = i;
    }
  };
  cells_.resize(1);
  next_free.assign(1, kNone);
  previous_free.assign(1, kNone);
  grow(static_cast<std::size_t>(alphabet) + 2);
  cells_[0].check = -2;  // the root is nobody's child
  auto take = [&](std::size_t cell) {
    const std::size_t before = previous_free[cell];
    const std::size_t after = next_free[cell];
    next_free[before] = after;
    if (after != kNone) previous_free[after] = before;
    if (cell == last_free) last_free = before;
    frontier = std::max(frontier, cell + 1);
  };
  std::deque<std::pair<std::uint32_t, std::uint32_t>> pending{{0u, 0u}};  // (trie node, cell)
  while (!pending.empty()) {
    const auto [node, cell] = pending.front();
    pending.pop_front();
    auto& children = trie[node].children;
    auto& outputs = trie[node].outputs;
    std::sort(outputs.begin(), outputs.end());
    cells_[cell].first_output = static_cast<std::uint32_t>(outputs_.size());
    for (const auto& [payload, literal] : outputs) outputs_.push_back({payload, literal});
    cells_[cell].last_output = static_cast<std::uint32_t>(outputs_.size());
    if (children.empty()) continue;
    std::sort(children.begin(), children.end());
    const std::size_t lowest = children.front().first;
    std::size_t base = std::max(frontier, lowest + 1) - lowest;
    int misses = 0;
    for (std::size_t free = next_free[0]; free != kNone && free < frontier && misses < 32;
         free = next_free[free], ++misses) {
      if (free <= lowest) continue;
      grow(free - lowest + static_cast<std::size_t>(alphabet) + 1);
      if (std::all_of(children.begin(), children.end(), [&](const auto& edge) {
            return cells_[free - lowest + edge.first].check == -1;
          })) {
        base = free - lowest;
        break;
      }
    }
    grow(base + static_cast<std::size_t>(alphabet) + 1);
    cells_[cell].base = static_cast<std::int32_t>(base);
    for (const auto& [code, child] : children) {
      take(base + code);
      cells_[base + code].check = static_cast<std::int32_t>(cell);
      pending.emplace_back(child, static_cast<std::uint32_t>(base + code));
    }
  }
}

KeywordMatcher::~KeywordMatcher() = default;

void KeywordMatcher::walk(std::string_view text, std::string_view folded, std::size_t begin,
                          std::vector<LiteralHit>& out) const {
  const std::size_t size = text.size();
  std::int32_t state = 0;
  for (std::size_t at = begin; at < size; ++at) {
    const std::uint8_t code = codes_[static_cast<unsigned char>(folded[at])];
    if (code == 0) return;
    // `cells_` has room for base + every code, so the index is always in range.
    const auto next = static_cast<std::size_t>(cells_[static_cast<std::size_t>(state)].base) + code;
    if (cells_[next].check != state) return;
    state = static_cast<std::int32_t>(next);
    const Cell& cell = cells_[next];
    if (cell.first_output == cell.last_output) continue;
    const std::size_t end = at + 1;
    const bool word_follows = end < size && is_word_byte(text[end]);
    for (std::uint32_t o = cell.first_output; o < cell.last_output; ++o) {
      const LiteralInfo& literal = literals_[outputs_[o].literal];
      // Whole words only: "Tform" must not match in "platform" (the start was checked by the
      // caller) nor "budget" in "budgetary".
      if (literal.word_end && word_follows) continue;
      if (literal.case_sensitive && std::memcmp(text.data() + begin, literal.text.data(), end - begin) != 0) continue;
      out.push_back({begin, end, outputs_[o].payload});
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
    // A word: a literal that starts with a word byte may start only at its first byte.
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
