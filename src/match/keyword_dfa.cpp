// The automaton engine of KeywordMatcher: an Aho-Corasick automaton over byte classes, built
// from the trie's shallow states, scanned in several interleaved lanes. See keyword_matcher.h.
#include <algorithm>
#include <array>

#include "cio_gap/match/keyword_matcher.h"
#include "cio_gap/text/normalize.h"

namespace cio_gap {
namespace {

// State numbers are 16 bits, which keeps a row of transitions in one or two cache lines.
constexpr std::size_t kMaxStates = 65535;

// The lanes scanned side by side: independent chains of table loads, so one lane's cache miss
// overlaps the others' work.
constexpr std::size_t kLanes = 4;
// Texts shorter than this are scanned in one lane: splitting them gains nothing.
constexpr std::size_t kMinLaneBytes = 256;

constexpr std::array<bool, 256> kWordBytes = [] {
  std::array<bool, 256> table{};
  for (std::size_t byte = 0; byte < 256; ++byte) table[byte] = is_word_byte(static_cast<char>(byte));
  return table;
}();

// Sorts hits[first, end) by begin, then end, keeping the order of equal spans (one literal's
// payloads). The hits come nearly sorted (by end), so insertion sort moves few of them.
void sort_hits(std::vector<LiteralHit>& hits, std::size_t first) {
  for (std::size_t i = first + 1; i < hits.size(); ++i) {
    const LiteralHit hit = hits[i];
    std::size_t j = i;
    while (j > first && (hits[j - 1].begin > hit.begin || (hits[j - 1].begin == hit.begin && hits[j - 1].end > hit.end))) {
      hits[j] = hits[j - 1];
      --j;
    }
    hits[j] = hit;
  }
}

}  // namespace

// The automaton's states are those of the trie over the literals as the text is read: with a
// boundary symbol B after every byte that is not a word byte (and before the text), and before
// every literal that starts with a word byte. "sql server" becomes "Bsql Bserver", so it
// starts only where a word starts; ".net" stays ".Bnet" and starts anywhere. B always follows
// such a byte, so it is folded into the transitions: a state reached by a non-word byte moves
// on as its B successor would. States up to `dfa_depth_` real bytes deep are in the table; a
// state at that depth whose literals go on hands the rest to the trie walk.
void KeywordMatcher::build_dfa() const {
  dfa_table_.clear();
  dfa_specials_.clear();
  dfa_patterns_.clear();
  dfa_depth_ = 0;
  dfa_special_first_ = 0;
  if (cell_count_ == 0) return;
  const Cell* const cells = cell_data_;
  // Classes: the trie's edge codes 1..K, 0 for other non-word bytes, K + 1 for other word bytes.
  std::uint8_t code_byte[256] = {};
  std::uint32_t alphabet = 0;
  for (std::size_t byte = 0; byte < 256; ++byte) {
    if (codes_[byte] != 0) {
      code_byte[codes_[byte]] = static_cast<std::uint8_t>(byte);
      alphabet = std::max<std::uint32_t>(alphabet, codes_[byte]);
    }
  }
  const std::uint32_t classes = alphabet + 2;
  for (std::size_t byte = 0; byte < 256; ++byte) {
    dfa_class_[byte] = codes_[byte] != 0 ? codes_[byte] : kWordBytes[byte] ? static_cast<std::uint8_t>(alphabet + 1) : 0;
  }
  std::vector<bool> class_is_word(classes, false);
  for (std::uint32_t code = 1; code <= alphabet; ++code) class_is_word[code] = kWordBytes[code_byte[code]];
  class_is_word[alphabet + 1] = true;

  auto base_of = [&](std::int32_t cell) { return static_cast<std::size_t>(cells[cell].base & ~kHasOutput); };
  // A leaf's base is 0; every other state's is at least 1.
  auto has_children = [&](std::int32_t cell) { return base_of(cell) != 0; };
  auto for_each_child = [&](std::int32_t cell, auto&& each) {
    const std::size_t base = base_of(cell);
    if (base == 0 && cell != 0) return;
    for (std::uint32_t code = 1; code <= alphabet; ++code) {
      const std::size_t child = base + code;
      if (child < cell_count_ && cells[child].check == cell) each(static_cast<std::int32_t>(child), code);
    }
  };

  // How deep the table reaches: as deep as the state numbers allow. Counted level by level:
  // each state, plus a B state after each one that ends with a non-word byte and goes on (made
  // only when the level below is in the table).
  std::size_t states = 2;  // the root, and B after it
  {
    std::vector<std::int32_t> level{0};
    std::vector<std::int32_t> next;
    std::size_t pending_boundaries = 0;
    for (std::uint32_t depth = 0;; ++depth) {
      next.clear();
      std::size_t next_boundaries = 0;
      for (const std::int32_t cell : level) {
        for_each_child(cell, [&](std::int32_t child, std::uint32_t code) {
          next.push_back(child);
          if (!class_is_word[code] && has_children(child)) ++next_boundaries;
        });
      }
      if (next.empty() || states + next.size() + pending_boundaries > kMaxStates) break;
      states += next.size() + pending_boundaries;
      pending_boundaries = next_boundaries;
      dfa_depth_ = depth + 1;
      level.swap(next);
    }
  }

  // The trie of the augmented literals, breadth first, with each state's full row of
  // transitions (the classes, then B) and its failure and dictionary links.
  struct Node {
    std::int32_t cell;        // the trie state with the same bytes (-1: none, for the root)
    std::uint32_t depth;      // real bytes
    bool boundary;            // the B state after a non-word byte
    bool nonword_last;        // reached by a non-word byte (moves on as its B successor)
    bool output;              // a literal ends here
    std::uint32_t fail;
    std::uint32_t dict;       // the nearest state down the failure chain where a literal ends
  };
  constexpr std::uint32_t kNone = static_cast<std::uint32_t>(-1);
  const std::uint32_t symbols = classes + 1;
  const std::uint32_t b_symbol = classes;
  std::vector<Node> nodes;
  std::vector<std::uint16_t> rows;  // state numbers fit 16 bits (see the depth above)
  nodes.reserve(states);
  rows.reserve(states * symbols);
  auto add = [&](Node node) {
    nodes.push_back(node);
    rows.resize(rows.size() + symbols, 0);
    return static_cast<std::uint16_t>(nodes.size() - 1);
  };
  const std::uint32_t root = add({0, 0, false, false, false, 0, kNone});
  const std::uint32_t start = add({0, 0, true, true, false, root, kNone});
  rows[root * symbols + b_symbol] = static_cast<std::uint16_t>(start);
  for (std::uint32_t at = 0; at < nodes.size(); ++at) {
    const Node node = nodes[at];
    if (at != root) std::copy_n(&rows[node.fail * symbols], symbols, &rows[at * symbols]);
    auto child = [&](std::uint32_t symbol, Node next) {
      next.fail = at == root ? root : rows[node.fail * symbols + symbol];
      const Node& fail = nodes[next.fail];
      next.dict = fail.output ? next.fail : fail.dict;
      const std::uint32_t id = add(next);
      rows[at * symbols + symbol] = static_cast<std::uint16_t>(id);
    };
    if (node.depth == dfa_depth_) continue;
    if (node.nonword_last && !node.boundary) {
      if (has_children(node.cell)) child(b_symbol, {node.cell, node.depth, true, false, false, 0, kNone});
      continue;
    }
    // The root's children start with a non-word byte; B's with a word byte; any other state's
    // children are all its trie children.
    for_each_child(node.cell, [&](std::int32_t cell, std::uint32_t code) {
      const bool word = class_is_word[code];
      if (at == root && word) return;
      if (at == start && !word) return;
      child(code, {cell, node.depth + 1, false, !word, (cells[cell].base & kHasOutput) != 0, 0, kNone});
    });
  }

  // The states the scan sees: every state but the B ones, those with something to do last.
  std::vector<std::uint32_t> number(nodes.size(), kNone);
  std::vector<std::uint32_t> order;
  auto special = [&](const Node& node) {
    return node.output || node.dict != kNone || (node.depth == dfa_depth_ && node.cell > 0 && has_children(node.cell));
  };
  for (int pass = 0; pass < 2; ++pass) {
    for (std::uint32_t at = 0; at < nodes.size(); ++at) {
      if (nodes[at].boundary && at != start) continue;
      if (special(nodes[at]) != (pass == 1)) continue;
      number[at] = static_cast<std::uint32_t>(order.size());
      order.push_back(at);
    }
    if (pass == 0) dfa_special_first_ = static_cast<std::uint32_t>(order.size());
  }
  dfa_classes_ = classes;
  dfa_start_ = number[start];
  dfa_table_.resize(order.size() * classes);
  for (std::size_t state = 0; state < order.size(); ++state) {
    const std::uint32_t at = order[state];
    const Node& node = nodes[at];
    const std::uint32_t moves_as = node.nonword_last ? rows[at * symbols + b_symbol] : at;
    for (std::uint32_t c = 0; c < classes; ++c) {
      std::uint32_t next = rows[moves_as * symbols + c];
      if (next == root && !class_is_word[c]) next = start;  // the root, then B
      dfa_table_[state * classes + c] = static_cast<std::uint16_t>(number[next]);
    }
    if (state < dfa_special_first_) continue;
    DfaSpecial info{static_cast<std::uint32_t>(dfa_patterns_.size()), 0, -1, node.depth};
    for (std::uint32_t at_pattern = node.output ? at : node.dict; at_pattern != kNone; at_pattern = nodes[at_pattern].dict) {
      const Node& ends = nodes[at_pattern];
      dfa_patterns_.push_back({first_output_data_[ends.cell], ends.depth});
      ++info.pattern_count;
    }
    if (node.depth == dfa_depth_ && node.cell > 0 && has_children(node.cell)) info.cell = node.cell;
    dfa_specials_.push_back(info);
  }
}

std::size_t KeywordMatcher::dfa_bytes() const {
  return dfa_table_.size() * sizeof(std::uint16_t) + dfa_specials_.size() * sizeof(DfaSpecial) +
         dfa_patterns_.size() * sizeof(DfaPattern);
}

// Out of the scan's loop: the literals that end at `at` in a special state, and the trie walk
// on from it.
__attribute__((noinline)) void KeywordMatcher::report_special(std::string_view text, std::string_view folded, std::size_t at,
                                                               std::uint32_t state, std::vector<LiteralHit>& out) const {
  const DfaSpecial& special = dfa_specials_[state - dfa_special_first_];
  const std::size_t end = at + 1;
  const bool word_follows = end < text.size() && kWordBytes[static_cast<unsigned char>(text[end])];
  for (std::uint32_t p = 0; p < special.pattern_count; ++p) {
    const DfaPattern& pattern = dfa_patterns_[special.first_pattern + p];
    report(text, end - pattern.length, end, pattern.first_output, word_follows, out);
  }
  if (special.cell >= 0) walk_on(text, folded, end - special.depth, end, special.cell, out);
}

void KeywordMatcher::find_all_dfa(std::string_view text, std::string_view folded, std::vector<LiteralHit>& out) const {
  const std::size_t size = folded.size();
  const auto* bytes = reinterpret_cast<const unsigned char*>(folded.data());
  // Lanes start after a '\n' (where the automaton is in its start state: no literal spans one)
  // near equal shares of the text.
  std::array<std::size_t, kLanes + 1> bounds{};
  std::size_t lanes = 1;
  if (size >= kMinLaneBytes) {
    for (std::size_t k = 1; k < kLanes; ++k) {
      const std::size_t from = std::max(bounds[lanes - 1], size * k / kLanes);
      const void* newline = std::memchr(bytes + from, '\n', size - from);
      if (newline == nullptr) break;
      const std::size_t split = static_cast<std::size_t>(static_cast<const unsigned char*>(newline) - bytes) + 1;
      if (split >= size) break;
      bounds[lanes++] = split;
    }
  }
  bounds[lanes] = size;
  // Each lane's hits apart, sorted, then joined in lane order (a lane's hits begin in it).
  thread_local std::array<std::vector<LiteralHit>, kLanes> lane_hits;
  std::array<std::vector<LiteralHit>*, kLanes> hits{};
  hits[0] = &out;
  for (std::size_t k = 1; k < lanes; ++k) {
    lane_hits[k].clear();
    hits[k] = &lane_hits[k];
  }
  const std::size_t first_hit = out.size();
  const std::uint16_t* const table = dfa_table_.data();
  const std::uint32_t classes = dfa_classes_;
  const std::uint32_t special = dfa_special_first_;
  std::array<std::uint32_t, kLanes> states;
  states.fill(dfa_start_);
  std::array<std::size_t, kLanes> at;
  std::size_t shortest = size;
  for (std::size_t k = 0; k < lanes; ++k) {
    at[k] = bounds[k];
    shortest = std::min(shortest, bounds[k + 1] - bounds[k]);
  }
  auto step = [&](std::size_t k) __attribute__((always_inline)) {
    const std::uint32_t next = table[states[k] * classes + dfa_class_[bytes[at[k]]]];
    states[k] = next;
    if (__builtin_expect(next >= special, 0)) report_special(text, folded, at[k], next, *hits[k]);
    ++at[k];
  };
  if (lanes == kLanes) {
    for (std::size_t i = 0; i < shortest; ++i) {
      step(0);
      step(1);
      step(2);
      step(3);
    }
  }
  for (std::size_t k = 0; k < lanes; ++k) {
    while (at[k] < bounds[k + 1]) step(k);
  }
  sort_hits(out, first_hit);
  for (std::size_t k = 1; k < lanes; ++k) {
    sort_hits(lane_hits[k], 0);
    out.insert(out.end(), lane_hits[k].begin(), lane_hits[k].end());
  }
}

}  // namespace cio_gap
