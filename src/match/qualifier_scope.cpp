#include "cio_gap/match/qualifier_scope.h"

#include <algorithm>
#include <array>

#include "cio_gap/text/normalize.h"

namespace cio_gap {
namespace {

// Items of a list a closing qualifier reaches back over are short: "AWS", "Azure", "or GCP".
constexpr int kMaxListItemWords = 4;
constexpr std::size_t kNone = static_cast<std::size_t>(-1);

bool is_clause_end(char c) { return c == ';' || c == '?' || c == '!'; }

// The words of [begin, end), each reported to `each` with its offset; `each` returns false to stop.
template <typename Each>
void for_each_word(std::string_view text, std::size_t begin, std::size_t end, Each each) {
  std::size_t i = begin;
  while (i < end) {
    while (i < end && !is_word_byte(text[i])) ++i;
    std::size_t stop = i;
    while (stop < end && is_word_byte(text[stop])) ++stop;
    if (stop > i && !each(text.substr(i, stop - i), i)) return;
    i = stop;
  }
}

// Words in [begin, end), counted up to `limit + 1` at most (so the cost is bounded).
int count_words(std::string_view text, std::size_t begin, std::size_t end, int limit) {
  int words = 0;
  for_each_word(text, begin, end, [&](std::string_view, std::size_t) { return ++words <= limit; });
  return words;
}

bool is_filler(std::string_view word) {
  static constexpr std::array<std::string_view, 22> kFiller = {
      "is", "are", "be", "strongly", "highly", "very", "but", "not", "a", "an", "also", "will", "would",
      "considered", "definitely", "it", "s", "and", "or", "especially", "greatly", "much"};
  return std::find(kFiller.begin(), kFiller.end(), word) != kFiller.end();
}

}  // namespace

void QualifierScope::reset(std::string_view lower, std::span<const Qualifier> qualifiers) {
  lower_ = lower;
  qualifiers_ = qualifiers;
  indexed_ = false;
}

// "no" or "without" among the four words before `begin`, within its part.
bool QualifierScope::no_before(std::size_t begin) const {
  std::size_t i = begin;
  for (int words = 0; words < 4 && i > 0; ++words) {
    while (i > 0 && !is_word_byte(lower_[i - 1])) {
      if (lower_[i - 1] == ',' || is_clause_end(lower_[i - 1])) return false;
      --i;
    }
    const std::size_t stop = i;
    while (i > 0 && is_word_byte(lower_[i - 1])) --i;
    const std::string_view word = lower_.substr(i, stop - i);
    if (word == "no" || word == "without") return true;
  }
  return false;
}

void QualifierScope::build_index() {
  indexed_ = true;
  const std::string_view lower = lower_;
  const std::span<const Qualifier> qualifiers = qualifiers_;
  // Qualifiers by begin, longest first at one place; one inside a longer one ("required" in
  // "not required") is dropped.
  spans_.assign(qualifiers.begin(), qualifiers.end());
  std::sort(spans_.begin(), spans_.end(), [](const Qualifier& a, const Qualifier& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  std::size_t kept = 0;
  std::size_t max_end = 0;
  for (std::size_t i = 0; i < spans_.size(); ++i) {
    if (kept > 0 && spans_[i].end <= max_end) continue;
    max_end = std::max(max_end, spans_[i].end);
    spans_[kept++] = spans_[i];
  }
  spans_.resize(kept);

  // Clauses, and their comma-separated parts.
  parts_.clear();
  clause_begins_.assign(1, 0);
  opens_.clear();
  closes_.clear();
  needs_.clear();
  std::size_t part_begin = 0;
  for (std::size_t i = 0; i <= lower.size(); ++i) {
    const bool end = i == lower.size();
    const char c = end ? '\0' : lower[i];
    if (c == '(') opens_.push_back(i);
    if (c == ')') closes_.push_back(i);
    if (end || c == ',' || is_clause_end(c)) {
      parts_.push_back({part_begin, i, clause_begins_.size() - 1});
      part_begin = i + 1;
      if (!end && is_clause_end(c)) clause_begins_.push_back(i + 1);
    }
  }
  clause_ends_.assign(clause_begins_.size(), lower.size());
  for (const Part& part : parts_) clause_ends_[part.clause] = part.end;
  for_each_word(lower, 0, lower.size(), [&](std::string_view word, std::size_t at) {
    if (word == "required" || word == "needed" || word == "necessary" || word == "expected") needs_.push_back(at);
    return true;
  });

  // Each part's qualifiers and what its words say.
  long_before_.assign(parts_.size() + 1, 0);
  std::size_t span = 0;
  for (std::size_t p = 0; p < parts_.size(); ++p) {
    Part& part = parts_[p];
    while (span < spans_.size() && spans_[span].begin < part.begin) ++span;
    part.first_span = span;
    while (span < spans_.size() && spans_[span].begin < part.end) ++span;
    part.last_span = span;
    std::string_view opening;
    bool joined = false;
    bool bare = true;
    int words = 0;
    int plain_words = 0;
    std::size_t in = part.first_span;
    for_each_word(lower, part.begin, part.end, [&](std::string_view word, std::size_t at) {
      while (in < part.last_span && spans_[in].end <= at) ++in;
      const bool in_qualifier = in < part.last_span && spans_[in].begin <= at;
      if (opening.empty()) opening = word;
      joined = joined || word == "or" || word == "and";
      ++words;
      if (!in_qualifier && !is_filler(word)) {
        ++plain_words;
        bare = false;
      }
      return true;
    });
    part.bare = bare;
    // "..., or GCP preferred", or without the serial comma "..., azure or GCP preferred".
    part.closes_list = opening == "or" || opening == "and" || (joined && plain_words <= kMaxListItemWords + 1);
    part.long_item = words > kMaxListItemWords;
    long_before_[p + 1] = long_before_[p] + (part.long_item ? 1 : 0);
  }
}

std::size_t QualifierScope::part_of(std::size_t at) const {
  const auto it = std::upper_bound(parts_.begin(), parts_.end(), at,
                                   [](std::size_t value, const Part& part) { return value < part.begin; });
  return it == parts_.begin() ? 0 : static_cast<std::size_t>(it - parts_.begin()) - 1;
}

// "no MBA required", "No prior budget experience needed", "without ... required": a "no" at
// most four words before [begin, end) and a word of need after it, in its part.
bool QualifierScope::negated_around(const Part& part, std::size_t begin, std::size_t end) const {
  bool has_no = false;
  std::size_t i = begin;
  for (int words = 0; words < 4 && i > part.begin; ++words) {
    while (i > part.begin && !is_word_byte(lower_[i - 1])) --i;
    const std::size_t stop = i;
    while (i > part.begin && is_word_byte(lower_[i - 1])) --i;
    const std::string_view word = lower_.substr(i, stop - i);
    if (word == "no" || word == "without") has_no = true;
  }
  if (!has_no) return false;
  const auto need = std::lower_bound(needs_.begin(), needs_.end(), end);
  return need != needs_.end() && *need < part.end;
}

const Qualifier* QualifierScope::governing(std::size_t mention_begin, std::size_t mention_end) const {
  auto usable = [&](const Qualifier& q) { return !(q.begin < mention_end && mention_begin < q.end); };
  const std::size_t own = part_of(mention_begin);
  const Part& part = parts_[own];
  const std::size_t clause_begin = clause_begins_[part.clause];
  const auto by_begin = [](const Qualifier& q, std::size_t value) { return q.begin < value; };

  // Inside parentheses, a qualifier governs the whole parenthesis: "(web, mobile or B2B
  // platforms preferred)".
  const auto open_it = std::upper_bound(opens_.begin(), opens_.end(), mention_begin);
  if (open_it != opens_.begin()) {
    const std::size_t open = *(open_it - 1);
    const auto close_after_open = std::upper_bound(closes_.begin(), closes_.end(), open);
    if (open >= clause_begin && (close_after_open == closes_.end() || *close_after_open >= mention_end)) {
      const std::size_t clause_end = clause_ends_[part.clause];
      const auto close_it = std::lower_bound(closes_.begin(), closes_.end(), mention_end);
      const std::size_t close = std::min(close_it == closes_.end() ? lower_.size() : *close_it, clause_end);
      for (auto it = std::upper_bound(spans_.begin(), spans_.end(), open,
                                      [](std::size_t value, const Qualifier& q) { return value < q.begin; });
           it != spans_.end() && it->begin < close; ++it) {
        if (it->end <= close && it->kind != Qualifier::Kind::optional_prefix && usable(*it)) return &*it;
      }
    }
  }

  // In the mention's own part: the first qualifier after it, else the last before it.
  const auto first = spans_.begin() + static_cast<std::ptrdiff_t>(part.first_span);
  const auto last = spans_.begin() + static_cast<std::ptrdiff_t>(part.last_span);
  for (auto it = std::lower_bound(first, last, mention_end, by_begin); it != last; ++it) {
    if (it->kind != Qualifier::Kind::optional_prefix) return &*it;
  }
  for (auto it = std::lower_bound(first, last, mention_begin, by_begin); it != first; --it) {
    if ((it - 1)->end <= mention_begin) return &*(it - 1);
  }

  // A qualifier of another part of the clause reaches the mention only in the shapes above.
  const Qualifier* backward = nullptr;
  std::size_t backward_distance = 0;
  for (std::size_t p = own; p > 0 && parts_[p - 1].clause == part.clause; --p) {
    const Part& before = parts_[p - 1];
    if (before.first_span == before.last_span) continue;
    // The last qualifier that opens its part: a prefix, or at most one word before it.
    for (std::size_t s = before.last_span; s > before.first_span; --s) {
      const Qualifier& q = spans_[s - 1];
      if (q.kind == Qualifier::Kind::optional_prefix || count_words(lower_, before.begin, q.begin, 1) <= 1) {
        backward = &q;
        backward_distance = own - (p - 1);
        break;
      }
    }
    break;  // only the nearest part with a qualifier can reach forward
  }
  const Qualifier* forward = nullptr;
  std::size_t forward_distance = 0;
  for (std::size_t p = own + 1; p < parts_.size() && parts_[p].clause == part.clause; ++p) {
    const Part& after = parts_[p];
    const Qualifier* found = nullptr;
    for (std::size_t s = after.first_span; s < after.last_span && !found; ++s) {
      if (spans_[s].kind != Qualifier::Kind::optional_prefix) found = &spans_[s];
    }
    if (!found) continue;
    // The mention's own item may be long ("Master's degree in computer science, ..."); the
    // items between it and a list's closing part are short.
    const bool short_items = long_before_[p] - long_before_[own + 1] == 0;
    if (after.bare || (after.closes_list && short_items)) {
      forward = found;
      forward_distance = p - own;
    }
    break;  // only the nearest part with a qualifier can reach back
  }
  if (forward && (!backward || forward_distance <= backward_distance)) return forward;
  return backward;
}

QualifierDecision QualifierScope::decide(std::size_t mention_begin, std::size_t mention_end) {
  QualifierDecision decision;
  if (!indexed_) {
    // Without a qualifier, only "no ... required" around the mention can decide anything.
    if (qualifiers_.empty() && !no_before(mention_begin)) return decision;
    build_index();
  }
  if (parts_.empty()) return decision;
  if (const Qualifier* q = governing(mention_begin, mention_end)) {
    switch (q->kind) {
      case Qualifier::Kind::optional:
      case Qualifier::Kind::optional_prefix:
        decision.optional = std::string(q->text);
        break;
      case Qualifier::Kind::negation: {
        // "desired but not required" stays a preferred demand.
        const Part& part = parts_[part_of(q->begin)];
        for (std::size_t s = part.first_span; s < part.last_span; ++s) {
          if (spans_[s].kind == Qualifier::Kind::optional) {
            decision.optional = std::string(spans_[s].text);
            break;
          }
        }
        if (decision.optional.empty()) decision.negation = std::string(q->text);
        break;
      }
      case Qualifier::Kind::required:
        break;
    }
  }
  if (!decision.optional.empty() || !decision.negation.empty()) return decision;
  const Part& part = parts_[part_of(mention_begin)];
  if (negated_around(part, mention_begin, mention_end)) {
    decision.negation = "no ... required";
    return decision;
  }
  // "No experience required with a PhD": a negation just before the mention reaches it.
  for (std::size_t s = part.last_span; s > part.first_span; --s) {
    const Qualifier& q = spans_[s - 1];
    if (q.end > mention_begin) continue;
    if (count_words(lower_, q.end, mention_begin, 3) > 3) break;
    if (q.kind == Qualifier::Kind::required && negated_around(part, q.begin, q.begin)) {
      decision.negation = "no ... required";
      break;
    }
  }
  return decision;
}

QualifierDecision decide_qualifiers(std::string_view lower, std::span<const Qualifier> qualifiers,
                                    std::size_t mention_begin, std::size_t mention_end) {
  QualifierScope scope;
  scope.reset(lower, qualifiers);
  return scope.decide(mention_begin, mention_end);
}

}  // namespace cio_gap
