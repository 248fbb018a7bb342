#include "cio_gap/match/extractor.h"

#include <algorithm>

#include "cio_gap/match/rules_image.h"
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

Extractor::Extractor(const RuleSet& rules, Matcher matcher) : rules_(rules), segmenter_(rules.vocabulary) {
  if (matcher == Matcher::reuse_built_in && RulesImage::restore(built_in_rules_image(), *this)) return;
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

void Extractor::scan_sentences(std::span<const Sentence> sentences, MatchText& folded,
                               std::vector<std::size_t>& starts, std::vector<LiteralHit>& hits) const {
  folded.clear();
  starts.clear();
  for (const auto& sentence : sentences) starts.push_back(folded.append(sentence.text));
  starts.push_back(folded.text.size() + 1);  // as if one more sentence followed
  hits.clear();
  matcher_->find_all(folded.text, folded.lower, hits);
}

void Extractor::sentence_hits(const Sentence& sentence, const FoldedSentence& folded, std::vector<Hit>& out,
                              std::array<int, 3>* role_signals, bool detailed) const {
  const std::vector<LiteralHit>& literal_hits = folded.hits;
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
  const std::string_view text = folded.text;
  const std::string_view lower = folded.lower;
  const bool wrapped = sentence.text.find('\n') != std::string::npos;  // spans several lines

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
    hit.section = sentence.section;
    hit.source_begin = folded.source_offsets[literal.begin];
    hit.source_end = folded.source_offsets[literal.end - 1] + 1;
    // The line of the keyword's first byte: the sentence's plus the line breaks before it.
    hit.line = sentence.line;
    if (wrapped) {
      hit.line += static_cast<int>(std::count(sentence.text.begin(),
                                              sentence.text.begin() + static_cast<std::ptrdiff_t>(hit.source_begin), '\n'));
    }
    if (detailed) {
      hit.heading = sentence.heading;
      hit.keyword = sentence.text.substr(hit.source_begin, hit.source_end - hit.source_begin);
      hit.sentence = display_text(sentence.text, 240, hit.source_begin, hit.source_end);
      for (char& c : hit.keyword) {
        if (c == '\n') c = ' ';
      }
    }

    const auto [clause_begin, clause_end] = clause_around(text, literal.begin);
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
    const std::string_view clause = lower.substr(clause_begin, clause_end - clause_begin);
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

namespace {

// Buffers one thread reuses from posting to posting, so the hot path allocates little.
struct Workspace {
  std::vector<Sentence> sentences;      // the first split() of them are the posting's
  MatchText folded;
  std::vector<std::size_t> starts;      // per sentence: where its folded text starts
  std::vector<LiteralHit> all_hits;     // every literal hit of the posting
  std::vector<LiteralHit> sentence_hits;  // one sentence's, relative to its folded text
  std::vector<Hit> hits;
  std::vector<std::size_t> hit_sentences;  // per hit: its sentence
  std::vector<std::size_t> cited;          // counted hits, by rule then text order
};

Workspace& workspace() {
  thread_local Workspace work;
  return work;
}

}  // namespace

void Extractor::deal_hits(std::span<const Sentence> sentences,
                          const std::function<void(std::size_t, const FoldedSentence&)>& each) const {
  Workspace& work = workspace();
  scan_sentences(sentences, work.folded, work.starts, work.all_hits);
  std::size_t next_hit = 0;
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    const std::size_t start = work.starts[i];
    const std::size_t end = work.starts[i + 1] - 1;
    work.sentence_hits.clear();
    for (; next_hit < work.all_hits.size() && work.all_hits[next_hit].begin < end; ++next_hit) {
      const LiteralHit& hit = work.all_hits[next_hit];
      work.sentence_hits.push_back({hit.begin - start, hit.end - start, hit.payload});
    }
    if (work.sentence_hits.empty()) continue;
    each(i, FoldedSentence{std::string_view(work.folded.text).substr(start, end - start),
                           std::string_view(work.folded.lower).substr(start, end - start),
                           work.folded.source_offsets.data() + start, work.sentence_hits});
  }
}

std::vector<Hit> Extractor::detailed_hits(std::span<const Sentence> sentences) const {
  std::vector<Hit> out;
  deal_hits(sentences, [&](std::size_t i, const FoldedSentence& folded) {
    sentence_hits(sentences[i], folded, out, nullptr, true);
  });
  return out;
}

std::vector<Hit> Extractor::hits(const PostingText& posting, KeywordMatcher::Scratch& /*scratch*/) const {
  std::vector<Hit> out = detailed_hits(segmenter_.split(posting.text));
  for (auto& hit : out) hit.line += posting.line_offset;
  return out;
}

std::vector<Hit> Extractor::hits_in_text(std::string_view text, KeywordMatcher::Scratch& /*scratch*/) const {
  std::vector<Sentence> sentences(1);
  sentences.front().line = 1;
  sentences.front().text = std::string(text);
  return detailed_hits(sentences);
}

PostingFindings Extractor::extract(const PostingText& posting, KeywordMatcher::Scratch& /*scratch*/,
                                   const EvidenceNeeds& needs) const {
  PostingFindings result;
  result.source = posting.source;
  result.title = posting_title(posting);
  Workspace& work = workspace();
  // split() may grow the vector, so its data() is taken only after it returns.
  const std::size_t sentence_count = segmenter_.split(posting.text, work.sentences);
  const std::span<const Sentence> sentences(work.sentences.data(), sentence_count);
  const YearsRequired years = years_requirements(sentences);
  result.years_required = years.experience;
  result.years_leadership_required = years.leadership;

  work.hits.clear();
  work.hit_sentences.clear();
  deal_hits(sentences, [&](std::size_t i, const FoldedSentence& folded) {
    sentence_hits(sentences[i], folded, work.hits, &result.role_signals, false);
    work.hit_sentences.resize(work.hits.size(), i);
  });

  // Counted hits grouped by rule, each group in text order.
  work.cited.clear();
  for (std::size_t h = 0; h < work.hits.size(); ++h) {
    if (work.hits[h].status == HitStatus::counted) work.cited.push_back(h);
  }
  std::stable_sort(work.cited.begin(), work.cited.end(),
                   [&](std::size_t a, std::size_t b) { return work.hits[a].rule < work.hits[b].rule; });
  for (std::size_t first = 0; first < work.cited.size();) {
    const std::size_t rule = work.hits[work.cited[first]].rule;
    std::size_t last = first;
    while (last < work.cited.size() && work.hits[work.cited[last]].rule == rule) ++last;
    Finding finding;
    finding.rule = rule;
    finding.tier = Tier::preferred;
    for (std::size_t k = first; k < last; ++k) {
      if (work.hits[work.cited[k]].tier == Tier::required) finding.tier = Tier::required;
    }
    // Cite the mentions that decided the tier first, then in text order; the same sentence can
    // carry two keywords of one rule, so a citation equal to the one before is skipped. Only
    // the few cited are made into display text.
    const std::size_t wanted = needs.rules && (*needs.rules)[rule] == 0 ? 0 : std::min(needs.per_finding, kMaxEvidence);
    for (const Tier tier : {Tier::required, Tier::preferred}) {
      for (std::size_t k = first; k < last && finding.evidence.size() < wanted; ++k) {
        Hit& hit = work.hits[work.cited[k]];
        if (hit.tier != tier) continue;
        const Sentence& sentence = sentences[work.hit_sentences[work.cited[k]]];
        Evidence evidence{hit.line + posting.line_offset,
                          display_text(sentence.text, 240, hit.source_begin, hit.source_end), hit.section,
                          hit.tier, std::move(hit.qualifier)};
        if (!finding.evidence.empty() && finding.evidence.back().line == evidence.line &&
            finding.evidence.back().text == evidence.text) {
          continue;
        }
        finding.evidence.push_back(std::move(evidence));
      }
    }
    result.findings.push_back(std::move(finding));
    first = last;
  }
  result.diagnosis = diagnose(sentences, result.findings);
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
