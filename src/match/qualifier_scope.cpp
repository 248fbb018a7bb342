#include "cio_gap/match/qualifier_scope.h"

#include <algorithm>
#include <array>

#include "cio_gap/text/normalize.h"

namespace cio_gap {
namespace {

// Items of a list a closing qualifier reaches back over are short: "AWS", "Azure", "or GCP".
constexpr int kMaxListItemWords = 4;

struct Span {
  Qualifier::Kind kind;
  std::size_t begin;
  std::size_t end;
  std::string_view text;
};

bool is_clause_end(char c) { return c == ';' || c == '?' || c == '!'; }

// The words of [begin, end), each reported to `each` as a view.
template <typename Each>
void for_each_word(std::string_view text, std::size_t begin, std::size_t end, Each each) {
  std::size_t i = begin;
  while (i < end) {
    while (i < end && !is_word_byte(text[i])) ++i;
    std::size_t stop = i;
    while (stop < end && is_word_byte(text[stop])) ++stop;
    if (stop > i) each(text.substr(i, stop - i), i);
    i = stop;
  }
}

int count_words(std::string_view text, std::size_t begin, std::size_t end) {
  int words = 0;
  for_each_word(text, begin, end, [&](std::string_view, std::size_t) { ++words; });
  return words;
}

// "no MBA required", "No prior budget experience needed", "without ... required": a "no" at
// most four words before the mention and a word of need after it, in its part.
bool negated_around(std::string_view lower, std::size_t part_begin, std::size_t part_end, std::size_t begin,
                    std::size_t end) {
  std::vector<std::string_view> before;
  for_each_word(lower, part_begin, begin, [&](std::string_view word, std::size_t) { before.push_back(word); });
  bool has_no = false;
  for (std::size_t k = before.size(), seen = 0; k > 0 && seen < 4; --k, ++seen) {
    if (before[k - 1] == "no" || before[k - 1] == "without") has_no = true;
  }
  if (!has_no) return false;
  bool needed = false;
  for_each_word(lower, end, part_end, [&](std::string_view word, std::size_t) {
    needed = needed || word == "required" || word == "needed" || word == "necessary" || word == "expected";
  });
  return needed;
}

// Whether the words of [begin, end) outside the qualifiers are only filler: "is", "strongly".
bool only_qualifier(std::string_view lower, std::size_t begin, std::size_t end, const std::vector<Span>& spans) {
  static constexpr std::array<std::string_view, 22> kFiller = {
      "is", "are", "be", "strongly", "highly", "very", "but", "not", "a", "an", "also", "will", "would",
      "considered", "definitely", "it", "s", "and", "or", "especially", "greatly", "much"};
  bool only = true;
  for_each_word(lower, begin, end, [&](std::string_view word, std::size_t at) {
    const bool in_qualifier = std::any_of(spans.begin(), spans.end(), [&](const Span& span) {
      return span.begin <= at && at < span.end;
    });
    if (!in_qualifier && std::find(kFiller.begin(), kFiller.end(), word) == kFiller.end()) only = false;
  });
  return only;
}

}  // namespace

QualifierDecision decide_qualifiers(std::string_view lower, std::span<const Qualifier> qualifiers,
                                    std::size_t mention_begin, std::size_t mention_end) {
  QualifierDecision decision;
  // The clause around the mention.
  std::size_t clause_begin = mention_begin;
  while (clause_begin > 0 && !is_clause_end(lower[clause_begin - 1])) --clause_begin;
  std::size_t clause_end = mention_end;
  while (clause_end < lower.size() && !is_clause_end(lower[clause_end])) ++clause_end;

  // Its qualifiers, without those inside a longer one ("required" in "not required").
  std::vector<Span> spans;
  for (const Qualifier& q : qualifiers) {
    if (q.begin < clause_begin || q.end > clause_end) continue;
    if (q.begin < mention_end && mention_begin < q.end) continue;  // part of the mention itself
    const bool nested = std::any_of(qualifiers.begin(), qualifiers.end(), [&](const Qualifier& other) {
      return &other != &q && other.begin <= q.begin && q.end <= other.end && other.end - other.begin > q.end - q.begin;
    });
    if (!nested) spans.push_back({q.kind, q.begin, q.end, q.text});
  }

  // Its comma-separated parts; the part of each qualifier and of the mention.
  std::vector<std::pair<std::size_t, std::size_t>> parts;
  for (std::size_t start = clause_begin, i = clause_begin; i <= clause_end; ++i) {
    if (i == clause_end || lower[i] == ',') {
      parts.emplace_back(start, i);
      start = i + 1;
    }
  }
  auto part_of = [&](std::size_t at) {
    std::size_t p = 0;
    while (p + 1 < parts.size() && parts[p + 1].first <= at) ++p;
    return p;
  };
  const std::size_t own = part_of(mention_begin);
  const auto [own_begin, own_end] = parts[own];

  const Span* governing = nullptr;
  // Inside parentheses, a qualifier governs the whole parenthesis: "(web, mobile or B2B
  // platforms preferred)".
  const std::size_t open = lower.rfind('(', mention_begin);
  if (open != std::string_view::npos && open >= clause_begin &&
      lower.find(')', open) >= mention_end) {
    const std::size_t close = std::min(lower.find(')', mention_end), clause_end);
    for (const Span& span : spans) {
      if (span.begin > open && span.end <= close && span.kind != Qualifier::Kind::optional_prefix) {
        governing = &span;
        break;
      }
    }
  }
  // In the mention's own part: the first qualifier after it, else the last before it.
  for (const Span& span : spans) {
    if (governing) break;
    if (part_of(span.begin) != own) continue;
    if (span.begin >= mention_end && span.kind != Qualifier::Kind::optional_prefix) {
      governing = &span;
      break;
    }
  }
  if (!governing) {
    for (const Span& span : spans) {
      if (part_of(span.begin) == own && span.end <= mention_begin) governing = &span;
    }
  }
  if (!governing) {
    // A qualifier in another part reaches the mention only in the shapes described above.
    const Span* backward = nullptr;
    std::size_t backward_distance = 0;
    for (std::size_t p = own; p > 0 && !backward; --p) {
      for (const Span& span : spans) {
        if (part_of(span.begin) != p - 1) continue;
        const bool opens = span.kind == Qualifier::Kind::optional_prefix ||
                           count_words(lower, parts[p - 1].first, span.begin) <= 1;
        if (opens) backward = &span;
        backward_distance = own - (p - 1);
      }
      if (std::any_of(spans.begin(), spans.end(), [&](const Span& s) { return part_of(s.begin) == p - 1; })) break;
    }
    const Span* forward = nullptr;
    std::size_t forward_distance = 0;
    for (std::size_t p = own + 1; p < parts.size() && !forward; ++p) {
      const Span* first = nullptr;
      for (const Span& span : spans) {
        if (part_of(span.begin) == p && span.kind != Qualifier::Kind::optional_prefix) {
          first = &span;
          break;
        }
      }
      if (!first) continue;
      const auto [begin, end] = parts[p];
      bool reaches = only_qualifier(lower, begin, end, spans);
      if (!reaches) {
        // "..., or GCP preferred": the closing item of a list of short items.
        // "..., azure or GCP preferred" without the serial comma: a short closing item that
        // joins its last words with "or" or "and" closes the list too.
        std::string_view opening;
        bool joined = false;
        int words = 0;
        for_each_word(lower, begin, end, [&](std::string_view word, std::size_t at) {
          if (opening.empty()) opening = word;
          joined = joined || word == "or" || word == "and";
          const bool in_qualifier = std::any_of(spans.begin(), spans.end(), [&](const Span& span) {
            return span.begin <= at && at < span.end;
          });
          if (!in_qualifier) ++words;
        });
        reaches = opening == "or" || opening == "and" || (joined && words <= kMaxListItemWords + 1);
        // The mention's own item may be long ("Master's degree in computer science, ...").
        for (std::size_t q = own + 1; reaches && q < p; ++q) {
          reaches = count_words(lower, parts[q].first, parts[q].second) <= kMaxListItemWords;
        }
      }
      if (reaches) {
        forward = first;
        forward_distance = p - own;
      }
      break;  // only the nearest part with a qualifier can reach back
    }
    if (forward && (!backward || forward_distance <= backward_distance)) {
      governing = forward;
    } else {
      governing = backward;
    }
  }

  if (governing) {
    switch (governing->kind) {
      case Qualifier::Kind::optional:
      case Qualifier::Kind::optional_prefix:
        decision.optional = std::string(governing->text);
        break;
      case Qualifier::Kind::negation: {
        // "desired but not required" stays a preferred demand.
        const auto optional = std::find_if(spans.begin(), spans.end(), [&](const Span& span) {
          return span.kind == Qualifier::Kind::optional && part_of(span.begin) == part_of(governing->begin);
        });
        if (optional != spans.end()) {
          decision.optional = std::string(optional->text);
        } else {
          decision.negation = std::string(governing->text);
        }
        break;
      }
      case Qualifier::Kind::required:
        break;
    }
  }
  if (decision.optional.empty() && decision.negation.empty() &&
      negated_around(lower, own_begin, own_end, mention_begin, mention_end)) {
    decision.negation = "no ... required";
  }
  // "No experience required with a PhD": a negation earlier in the part reaches what follows
  // "required with".
  if (decision.optional.empty() && decision.negation.empty()) {
    for (const Span& span : spans) {
      if (span.kind != Qualifier::Kind::required || part_of(span.begin) != own || span.end > mention_begin) continue;
      if (negated_around(lower, own_begin, own_end, span.begin, span.begin) &&
          count_words(lower, span.end, mention_begin) <= 3) {
        decision.negation = "no ... required";
      }
    }
  }
  return decision;
}

}  // namespace cio_gap
