#include "cio_gap/match/extractor.h"

#include <algorithm>

#include "cio_gap/text/inflect.h"
#include "cio_gap/text/normalize.h"
#include "cio_gap/text/years.h"

namespace cio_gap {
namespace {

constexpr std::size_t kMaxEvidence = 3;

// "no prior ... required/needed/necessary" written around the keyword rather than as one
// marker phrase: "No MBA required", "no prior budget experience needed".
bool negated_around(std::string_view clause_lower, std::size_t begin, std::size_t end) {
  const std::string_view before = clause_lower.substr(0, begin);
  std::size_t words = 0;
  std::size_t pos = before.size();
  bool has_no = false;
  while (pos > 0 && words < 4) {
    while (pos > 0 && before[pos - 1] == ' ') --pos;
    std::size_t start = pos;
    while (start > 0 && before[start - 1] != ' ') --start;
    const std::string_view word = before.substr(start, pos - start);
    if (word == "no" || word == "without") has_no = true;
    pos = start;
    ++words;
  }
  if (!has_no) return false;
  const std::string_view after = clause_lower.substr(end);
  for (std::string_view word : {"required", "needed", "necessary", "expected"}) {
    if (after.find(word) != std::string_view::npos) return true;
  }
  return false;
}

std::pair<std::size_t, std::size_t> clause_around(std::string_view text, std::size_t begin) {
  const auto start = text.rfind(';', begin);
  const auto stop = text.find(';', begin);
  return {start == std::string_view::npos ? 0 : start + 1,
          stop == std::string_view::npos ? text.size() : stop};
}

}  // namespace

const char* to_string(HitStatus status) {
  switch (status) {
    case HitStatus::counted: return "counted";
    case HitStatus::boilerplate: return "boilerplate";
    case HitStatus::negated: return "negated";
    case HitStatus::excluded: return "excluded";
  }
  return "counted";
}

Extractor::Extractor(const RuleSet& rules) : rules_(rules), segmenter_(rules.vocabulary) {
  std::vector<Literal> literals;
  auto add_pattern = [&](PatternKind kind, std::size_t rule, std::string text) {
    patterns_.push_back({kind, rule, std::move(text)});
    return static_cast<std::uint32_t>(patterns_.size() - 1);
  };
  auto add_phrases = [&](const std::vector<std::string>& phrases, bool inflect, std::uint32_t payload) {
    for (const auto& phrase : phrases) {
      const std::string folded = ascii_lower(normalize_phrase(phrase));
      if (inflect) {
        for (auto& form : phrase_inflections(folded)) literals.push_back({std::move(form), false, payload});
      } else {
        literals.push_back({folded, false, payload});
      }
    }
  };
  for (std::size_t r = 0; r < rules.rules.size(); ++r) {
    const Rule& rule = rules.rules[r];
    const auto keyword = add_pattern(PatternKind::keyword, r, {});
    add_phrases(rule.keywords, rule.inflect, keyword);
    for (const auto& acronym : rule.acronyms) {
      const std::string folded = normalize_phrase(acronym);
      literals.push_back({folded, true, keyword});
      if (!folded.empty() && is_word_byte(folded.back())) literals.push_back({folded + "s", true, keyword});
    }
    if (!rule.excludes.empty()) add_phrases(rule.excludes, rule.inflect, add_pattern(PatternKind::exclude, r, {}));
  }
  for (const auto& marker : rules.vocabulary.optional_markers) {
    add_phrases({marker}, false, add_pattern(PatternKind::optional, 0, marker));
  }
  for (const auto& marker : rules.vocabulary.optional_prefix_markers) {
    add_phrases({marker}, false, add_pattern(PatternKind::optional_prefix, 0, marker));
  }
  for (const auto& marker : rules.vocabulary.negation_markers) {
    add_phrases({marker}, false, add_pattern(PatternKind::negation, 0, marker));
  }
  for (std::size_t type = 0; type < rules.vocabulary.role_types.size(); ++type) {
    add_phrases(rules.vocabulary.role_types[type], true, add_pattern(PatternKind::role_type, type, {}));
  }
  matcher_ = std::make_unique<KeywordMatcher>(literals);
}

Extractor::~Extractor() = default;

void Extractor::sentence_hits(const Sentence& sentence, KeywordMatcher::Scratch& scratch,
                              std::vector<Hit>& out, std::array<int, 3>* role_signals) const {
  const NormalizedText quick = normalize_for_matching(sentence.text, sentence.line);
  const auto literal_hits = matcher_->find_all(quick.text, scratch);
  if (role_signals && sentence.section != SectionKind::boilerplate) {
    for (const auto& hit : literal_hits) {
      if (patterns_[hit.payload].kind == PatternKind::role_type) ++(*role_signals)[patterns_[hit.payload].rule];
    }
  }
  if (std::none_of(literal_hits.begin(), literal_hits.end(), [&](const LiteralHit& hit) {
        return patterns_[hit.payload].kind == PatternKind::keyword;
      })) {
    return;
  }
  // Offsets back into the sentence are needed only once something matched.
  const NormalizedText text = normalize_for_matching(sentence.text, sentence.line, true);
  const std::string lower = ascii_lower(text.text);

  std::vector<std::pair<std::size_t, std::size_t>> counted;  // per rule: spans already taken
  const std::size_t first_out = out.size();
  for (const auto& literal : literal_hits) {
    const Pattern& pattern = patterns_[literal.payload];
    if (pattern.kind != PatternKind::keyword) continue;
    // The longest keyword of a rule at one place wins; shorter ones inside it are the same mention.
    bool inside = false;
    for (std::size_t k = first_out; k < out.size(); ++k) {
      if (out[k].rule == pattern.rule && counted[k - first_out].first <= literal.begin &&
          literal.end <= counted[k - first_out].second) {
        inside = true;
      }
    }
    if (inside) continue;
    const bool longer_follows = std::any_of(literal_hits.begin(), literal_hits.end(), [&](const LiteralHit& other) {
      return &other != &literal && patterns_[other.payload].kind == PatternKind::keyword &&
             patterns_[other.payload].rule == pattern.rule && other.begin <= literal.begin &&
             literal.end <= other.end && other.end - other.begin > literal.end - literal.begin;
    });
    if (longer_follows) continue;

    Hit hit;
    hit.rule = pattern.rule;
    hit.line = text.line_at(literal.begin);
    hit.section = sentence.section;
    hit.heading = sentence.heading;
    const std::size_t source_begin = text.source_offsets[literal.begin];
    const std::size_t source_end = text.source_offsets[literal.end - 1] + 1;
    hit.keyword = std::string(sentence.text.substr(source_begin, source_end - source_begin));
    hit.sentence = display_text(sentence.text, 240, source_begin, source_end);
    for (char& c : hit.keyword) {
      if (c == '\n') c = ' ';
    }

    const auto [clause_begin, clause_end] = clause_around(text.text, literal.begin);
    std::string optional_marker;
    std::string negation_marker;
    bool excluded = false;
    for (const auto& other : literal_hits) {
      const Pattern& marker = patterns_[other.payload];
      if (marker.kind == PatternKind::exclude && marker.rule == pattern.rule &&
          other.begin <= literal.begin && literal.end <= other.end) {
        excluded = true;
      }
      const bool in_clause = other.begin >= clause_begin && other.end <= clause_end;
      if (!in_clause) continue;
      if (marker.kind == PatternKind::optional && optional_marker.empty()) optional_marker = marker.text;
      // "ideally in a nonprofit": a prefix qualifier makes optional only what follows it.
      if (marker.kind == PatternKind::optional_prefix && other.end <= literal.begin && optional_marker.empty()) {
        optional_marker = marker.text;
      }
      if (marker.kind == PatternKind::negation && negation_marker.empty()) negation_marker = marker.text;
    }
    const std::string_view clause = std::string_view(lower).substr(clause_begin, clause_end - clause_begin);
    if (negation_marker.empty() &&
        negated_around(clause, literal.begin - clause_begin, literal.end - clause_begin)) {
      negation_marker = "no ... required";
    }

    if (sentence.section == SectionKind::preferred) {
      hit.tier = Tier::preferred;
      hit.qualifier = sentence.heading;
    }
    if (!optional_marker.empty()) {
      hit.tier = Tier::preferred;
      hit.qualifier = optional_marker;
    }
    if (excluded) {
      hit.status = HitStatus::excluded;
    } else if (sentence.section == SectionKind::boilerplate) {
      hit.status = HitStatus::boilerplate;
    } else if (!negation_marker.empty() && optional_marker.empty()) {
      // "desired but not required" stays a preferred demand; a bare negation demands nothing.
      hit.status = HitStatus::negated;
      hit.qualifier = negation_marker;
    }
    out.push_back(std::move(hit));
    counted.emplace_back(literal.begin, literal.end);
  }
}

std::vector<Hit> Extractor::hits(const PostingText& posting, KeywordMatcher::Scratch& scratch) const {
  std::vector<Hit> out;
  for (const auto& sentence : segmenter_.split(posting.text)) sentence_hits(sentence, scratch, out);
  for (auto& hit : out) hit.line += posting.line_offset;
  return out;
}

std::vector<Hit> Extractor::hits_in_text(std::string_view text, KeywordMatcher::Scratch& scratch) const {
  std::vector<Hit> out;
  Sentence sentence;
  sentence.line = 1;
  sentence.text = std::string(text);
  sentence_hits(sentence, scratch, out);
  return out;
}

PostingFindings Extractor::extract(const PostingText& posting, KeywordMatcher::Scratch& scratch) const {
  PostingFindings result;
  result.source = posting.source;
  result.title = posting_title(posting);
  const auto sentences = segmenter_.split(posting.text);
  result.years_required = years_required(sentences);

  std::vector<Hit> all;
  for (const auto& sentence : sentences) sentence_hits(sentence, scratch, all, &result.role_signals);
  std::vector<Finding> by_rule(rules_.rules.size());
  for (auto& hit : all) {
    if (hit.status != HitStatus::counted) continue;
    Finding& finding = by_rule[hit.rule];
    if (finding.evidence.empty()) {
      finding.rule = hit.rule;
      finding.tier = hit.tier;
    } else if (hit.tier == Tier::required) {
      finding.tier = Tier::required;
    }
    finding.evidence.push_back({hit.line + posting.line_offset, std::move(hit.sentence), hit.section,
                                hit.tier, std::move(hit.qualifier)});
  }
  for (auto& finding : by_rule) {
    if (finding.evidence.empty()) continue;
    // Cite the mentions that decided the tier first, then in text order.
    std::stable_sort(finding.evidence.begin(), finding.evidence.end(),
                     [](const Evidence& a, const Evidence& b) {
                       return a.tier == Tier::required && b.tier != Tier::required;
                     });
    // The same sentence can carry two keywords of one rule; cite it once.
    auto last = std::unique(finding.evidence.begin(), finding.evidence.end(),
                            [](const Evidence& a, const Evidence& b) { return a.line == b.line && a.text == b.text; });
    finding.evidence.erase(last, finding.evidence.end());
    if (finding.evidence.size() > kMaxEvidence) finding.evidence.resize(kMaxEvidence);
    result.findings.push_back(std::move(finding));
  }
  return result;
}

std::vector<std::string> keyword_literals(const RuleSet& rules) {
  std::vector<std::string> literals;
  for (const Rule& rule : rules.rules) {
    for (const auto& keyword : rule.keywords) literals.push_back(ascii_lower(normalize_phrase(keyword)));
    for (const auto& acronym : rule.acronyms) literals.push_back(normalize_phrase(acronym));
  }
  std::erase(literals, std::string());
  std::sort(literals.begin(), literals.end());
  literals.erase(std::unique(literals.begin(), literals.end()), literals.end());
  return literals;
}

std::string posting_title(const PostingText& posting) {
  if (!trim(posting.title).empty()) return display_text(posting.title, 120);
  std::size_t pos = 0;
  const std::string_view text = posting.text;
  while (pos < text.size()) {
    const auto end = text.find('\n', pos);
    std::string_view line = trim(text.substr(pos, end == std::string_view::npos ? text.npos : end - pos));
    while (!line.empty() && (line.front() == '#' || line.front() == '*')) line.remove_prefix(1);
    while (!line.empty() && line.back() == '*') line.remove_suffix(1);
    line = trim(line);
    if (!line.empty()) return display_text(line, 120);
    if (end == std::string_view::npos) break;
    pos = end + 1;
  }
  return {};
}

}  // namespace cio_gap
