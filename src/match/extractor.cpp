#include "cio_gap/match/extractor.h"

#include <algorithm>
#include <array>
#include <cstdint>

#include "cio_gap/match/qualifier_scope.h"
#include "cio_gap/match/rules_image.h"
#include "cio_gap/text/paragraph_roles.h"
#include "cio_gap/text/display_text.h"
#include "cio_gap/text/inflect.h"
#include "cio_gap/text/normalize.h"
#include "cio_gap/text/years.h"

namespace cio_gap {
namespace {

constexpr std::size_t kMaxEvidence = 3;
// A paragraph of at least this many sentences and bytes has its sentences' roles decided one by
// one (see deal_hits).
constexpr std::size_t kMinSentencesToSplit = 4;
constexpr std::size_t kMinBytesToSplit = 400;
// Sentences are folded and scanned this many bytes at a time, so that a huge posting never holds
// the folded copy and the literal hits of all its text at once (see deal_hits).
constexpr std::size_t kChunkBytes = std::size_t{256} << 10;

// A word of a word set written in capitals ("IT", "AI") is matched as written, like an acronym,
// so the set does not also catch the pronoun "it".
bool is_capitals_word(std::string_view word) {
  return word.size() >= 2 && std::all_of(word.begin(), word.end(), [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }) &&
         std::any_of(word.begin(), word.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// Buffers one thread reuses from sentence to sentence and posting to posting, so the hot path
// allocates little.
struct Workspace {
  std::vector<Sentence> sentences;      // the first split() of them are the posting's
  MatchText folded;
  std::vector<std::size_t> starts;      // per sentence of the chunk: where its folded text starts
  std::vector<LiteralHit> all_hits;     // the literal hits of the chunk being read
  std::vector<LiteralHit> sentence_hits;  // one sentence's, relative to its folded text
  std::vector<ParagraphFacts> paragraphs;  // per unit
  std::vector<std::uint32_t> units;         // per sentence: its unit
  std::vector<Hit> hits;
  // Per rule, for extract: whether the posting mentions it (counted), whether a mention is
  // required, and the candidate citations of each kind (tier, then strength) in text order.
  struct Citations {
    bool found = false;
    bool required = false;
    int mentions = 0;  // sentences with a counted mention
    std::size_t last_sentence = SIZE_MAX;
    std::array<std::vector<Evidence>, 6> kinds;
  };
  std::vector<Citations> citations;
  std::vector<std::size_t> found_rules;  // the rules whose `citations` are in use
  // sentence_hits
  std::vector<WordHit> words;
  std::vector<Qualifier> qualifiers;
  std::vector<PatternHit> pattern_hits;
  struct Mention {
    std::size_t rule;
    std::uint32_t begin;
    std::uint32_t end;
    bool in_sense = true;  // every sense that governs it holds
  };
  std::vector<Mention> mentions;
  std::vector<Mention> exclusions;
  // Per rule, for the sentence being read: how far its mentions and its exclusion phrases reach.
  struct Reach {
    std::uint64_t sentence = 0;
    std::uint32_t counted_to = 0;
    std::uint32_t excluded_to = 0;
  };
  std::vector<Reach> reach;
  std::uint64_t sentence_serial = 0;
  QualifierScope scope;
  PatternPass::Sentence pass;
};

// Postings up to this size leave the buffers they grew for the next one.
constexpr std::size_t kKeepBuffersBytes = std::size_t{1} << 20;

Workspace& workspace() {
  thread_local Workspace work;
  return work;
}

}  // namespace

const char* to_string(HitStatus status) {
  switch (status) {
    case HitStatus::counted: return "counted";
    case HitStatus::boilerplate: return "boilerplate";
    case HitStatus::negated: return "negated";
    case HitStatus::excluded: return "excluded";
    case HitStatus::other_sense: return "other-sense";
  }
  return "counted";
}

Extractor::Extractor(const RuleSet& rules, Matcher matcher)
    : rules_(rules), segmenter_(rules.vocabulary), pass_(rules) {
  if (matcher == Matcher::reuse_built_in) {
    if (rules.compiled && RulesImage::restore(*rules.compiled, *this, rules.compiled)) return;
    if (RulesImage::restore(built_in_rules_image(), *this)) return;
  }
  std::vector<Literal> literals;
  auto add_pattern = [&](PatternKind kind, std::size_t rule, std::string text, std::uint32_t detail = 0) {
    patterns_.push_back({kind, rule, std::move(text), detail});
    return static_cast<std::uint32_t>(patterns_.size() - 1);
  };
  auto add_phrase = [&](const std::string& phrase, bool inflect, std::uint32_t payload) {
    const std::string folded = ascii_lower(normalize_phrase(phrase));
    if (inflect) {
      for (auto& form : phrase_inflections(folded)) literals.push_back({std::move(form), false, payload});
    } else {
      literals.push_back({folded, false, payload});
    }
  };
  auto add_phrases = [&](const std::vector<std::string>& phrases, bool inflect, std::uint32_t payload) {
    for (const auto& phrase : phrases) add_phrase(phrase, inflect, payload);
  };
  auto add_acronym = [&](const std::string& acronym, std::uint32_t payload) {
    const std::string folded = normalize_phrase(acronym);
    literals.push_back({folded, true, payload});
    if (!folded.empty() && is_word_byte(folded.back())) literals.push_back({folded + "s", true, payload});
  };
  for (std::size_t r = 0; r < rules.rules.size(); ++r) {
    const Rule& rule = rules.rules[r];
    // One payload per sense group of the rule's keywords (one in all for most rules).
    std::vector<std::pair<std::uint32_t, std::uint32_t>> payloads;  // sense group -> payload
    auto payload_for = [&](const std::string& keyword) {
      const std::uint32_t group = pass_.keyword_sense(r, keyword);
      for (const auto& [g, payload] : payloads) {
        if (g == group) return payload;
      }
      payloads.emplace_back(group, add_pattern(PatternKind::keyword, r, {}, group));
      return payloads.back().second;
    };
    for (const auto& keyword : rule.keywords) add_phrase(keyword, rule.inflect, payload_for(keyword));
    for (const auto& acronym : rule.acronyms) add_acronym(acronym, payload_for(acronym));
    if (!rule.excludes.empty()) add_phrases(rule.excludes, rule.inflect, add_pattern(PatternKind::exclude, r, {}));
  }
  for (std::size_t set = 0; set < pass_.set_count(); ++set) {
    const std::uint32_t payload = add_pattern(PatternKind::word, set, {});
    for (const auto& word : pass_.set_words(set)) {
      if (is_capitals_word(word)) {
        add_acronym(word, payload);
      } else {
        add_phrase(word, true, payload);
      }
    }
  }
  const SectionVocabulary& v = rules.vocabulary;
  for (const auto& marker : v.optional_markers) add_phrase(marker, false, add_pattern(PatternKind::optional, 0, marker));
  for (const auto& marker : v.optional_prefix_markers) {
    add_phrase(marker, false, add_pattern(PatternKind::optional_prefix, 0, marker));
  }
  for (const auto& marker : v.negation_markers) add_phrase(marker, false, add_pattern(PatternKind::negation, 0, marker));
  for (const auto& marker : v.required_markers) add_phrase(marker, false, add_pattern(PatternKind::required, 0, marker));
  for (std::size_t type = 0; type < v.role_types.size(); ++type) {
    add_phrases(v.role_types[type], true, add_pattern(PatternKind::role_type, type, {}));
  }
  for (std::size_t cue = 0; cue < v.paragraph_cues.size(); ++cue) {
    add_phrases(v.paragraph_cues[cue], true, add_pattern(PatternKind::cue, cue, {}));
  }
  if (!v.strong_evidence.empty()) add_phrases(v.strong_evidence, true, add_pattern(PatternKind::strong, 0, {}));
  matcher_ = std::make_unique<KeywordMatcher>(literals);
}

Extractor::~Extractor() = default;

void Extractor::sentence_hits(const Sentence& sentence, const FoldedSentence& folded, std::vector<Hit>& out,
                              std::array<int, 3>* role_signals, bool detailed) const {
  const std::vector<LiteralHit>& literal_hits = folded.hits;
  Workspace& work = workspace();
  work.words.clear();
  work.qualifiers.clear();
  work.mentions.clear();
  work.exclusions.clear();
  bool strong = false;
  bool keywords = false;
  for (const auto& hit : literal_hits) {
    const Pattern& pattern = patterns_[hit.payload];
    const auto begin = static_cast<std::uint32_t>(hit.begin);
    const auto end = static_cast<std::uint32_t>(hit.end);
    switch (pattern.kind) {
      case PatternKind::role_type:
        if (role_signals && sentence.section != SectionKind::boilerplate) ++(*role_signals)[pattern.rule];
        break;
      case PatternKind::word: work.words.push_back({static_cast<std::uint32_t>(pattern.rule), begin, end}); break;
      case PatternKind::optional: work.qualifiers.push_back({Qualifier::Kind::optional, hit.begin, hit.end, pattern.text}); break;
      case PatternKind::optional_prefix:
        work.qualifiers.push_back({Qualifier::Kind::optional_prefix, hit.begin, hit.end, pattern.text});
        break;
      case PatternKind::negation: work.qualifiers.push_back({Qualifier::Kind::negation, hit.begin, hit.end, pattern.text}); break;
      case PatternKind::required: work.qualifiers.push_back({Qualifier::Kind::required, hit.begin, hit.end, pattern.text}); break;
      case PatternKind::strong: strong = true; break;
      case PatternKind::keyword: keywords = true; break;
      case PatternKind::exclude: work.exclusions.push_back({pattern.rule, begin, end}); break;
      case PatternKind::cue: break;
    }
  }
  if (!keywords && work.words.empty()) return;
  const std::string_view lower = folded.lower;
  work.pass.start(pass_, lower, work.words, sentence.text, folded.source_offsets);

  // Candidate mentions: keyword hits whose sense holds, then pattern matches.
  for (const auto& hit : literal_hits) {
    const Pattern& pattern = patterns_[hit.payload];
    if (pattern.kind != PatternKind::keyword) continue;
    const bool in_sense = pattern.detail == 0 || pass_.sense_holds(pattern.detail, work.pass, static_cast<std::uint32_t>(hit.begin),
                                                                   static_cast<std::uint32_t>(hit.end));
    // A mention in another sense is only shown (explain), never counted.
    if (!in_sense && !detailed) continue;
    work.mentions.push_back({pattern.rule, static_cast<std::uint32_t>(hit.begin), static_cast<std::uint32_t>(hit.end), in_sense});
  }
  if (!work.words.empty()) {
    work.pattern_hits.clear();
    pass_.find(work.pass, work.pattern_hits);
    for (const auto& hit : work.pattern_hits) {
      const std::uint32_t group = pass_.pattern_sense(hit.rule);
      const bool in_sense = group == 0 || pass_.sense_holds(group, work.pass, hit.begin, hit.end);
      if (!in_sense && !detailed) continue;
      work.mentions.push_back({hit.rule, hit.begin, hit.end, in_sense});
    }
  }
  if (work.mentions.empty()) return;
  // Text order; at one place, the longest mention of a rule first. So a mention inside a longer
  // one of its rule (the same mention) comes after it, and one pass with the furthest end
  // reached per rule finds them: no mention is compared with every other.
  std::sort(work.mentions.begin(), work.mentions.end(), [](const auto& a, const auto& b) {
    if (a.begin != b.begin) return a.begin < b.begin;
    if (a.end != b.end) return a.end > b.end;
    return a.rule < b.rule;
  });
  // "$3M", "120+ vendors", "a team of 14": a figure makes a duty concrete.
  const std::string_view text = folded.text;
  const bool has_figure = std::any_of(text.begin(), text.end(), [](char c) { return c == '$' || (c >= '0' && c <= '9'); });
  if (work.reach.size() < rules_.rules.size()) work.reach.resize(rules_.rules.size());
  auto reach = [&](std::size_t rule) -> Workspace::Reach& {
    Workspace::Reach& r = work.reach[rule];
    if (r.sentence != work.sentence_serial) {
      r = {work.sentence_serial, 0, 0};
    }
    return r;
  };
  ++work.sentence_serial;
  work.scope.reset(lower, work.qualifiers);
  std::size_t next_exclusion = 0;
  // Line of the keyword's first byte: the sentence's plus the line breaks before it, counted
  // from one mention to the next.
  const bool wrapped = sentence.text.find('\n') != std::string::npos;  // spans several lines
  std::size_t line_at = 0;
  int line = sentence.line;
  for (const auto& mention : work.mentions) {
    // Exclusion phrases that begin at or before the mention, furthest end per rule.
    for (; next_exclusion < work.exclusions.size() && work.exclusions[next_exclusion].begin <= mention.begin;
         ++next_exclusion) {
      const auto& exclusion = work.exclusions[next_exclusion];
      Workspace::Reach& r = reach(exclusion.rule);
      r.excluded_to = std::max(r.excluded_to, exclusion.end);
    }
    Workspace::Reach& r = reach(mention.rule);
    if (mention.end <= r.counted_to) continue;  // inside a longer mention of the rule
    if (mention.in_sense) r.counted_to = mention.end;

    Hit hit;
    hit.rule = mention.rule;
    hit.section = sentence.section;
    hit.source_begin = folded.source_offsets[mention.begin];
    hit.source_end = folded.source_offsets[mention.end - 1] + 1;
    if (wrapped) {
      line += static_cast<int>(std::count(sentence.text.begin() + static_cast<std::ptrdiff_t>(line_at),
                                          sentence.text.begin() + static_cast<std::ptrdiff_t>(hit.source_begin), '\n'));
      line_at = hit.source_begin;
    }
    hit.line = line;
    if (detailed) {
      hit.heading = sentence.heading;
      hit.keyword = sentence.text.substr(hit.source_begin, hit.source_end - hit.source_begin);
      hit.sentence = display_text(sentence.text, 240, hit.source_begin, hit.source_end);
      for (char& c : hit.keyword) {
        if (c == '\n') c = ' ';
      }
    }
    const bool excluded = mention.end <= r.excluded_to;
    QualifierDecision decision = work.scope.decide(mention.begin, mention.end);
    if (sentence.section == SectionKind::preferred) {
      hit.tier = Tier::preferred;
      hit.qualifier = sentence.heading;
    }
    if (!decision.optional.empty()) {
      hit.tier = Tier::preferred;
      hit.qualifier = std::move(decision.optional);
    }
    if (!mention.in_sense) {
      hit.status = HitStatus::other_sense;
    } else if (excluded) {
      hit.status = HitStatus::excluded;
    } else if (sentence.section == SectionKind::boilerplate) {
      hit.status = HitStatus::boilerplate;
    } else if (!decision.negation.empty()) {
      hit.status = HitStatus::negated;
      hit.qualifier = std::move(decision.negation);
    }
    const bool duty = sentence.section == SectionKind::duties || sentence.section == SectionKind::required ||
                      (sentence.section == SectionKind::general && sentence.item);
    hit.strength = sentence.title ? 0 : (duty && (strong || has_figure)) ? 2 : 1;
    out.push_back(std::move(hit));
  }
}

void Extractor::deal_hits(std::span<Sentence> sentences,
                          const std::function<void(std::size_t, const FoldedSentence&)>& each) const {
  Workspace& work = workspace();
  // The sentences [first, end of its chunk): whole sentences of about kChunkBytes, at least one.
  auto chunk_end = [&](std::size_t first) {
    std::size_t last = first;
    for (std::size_t bytes = 0; last < sentences.size() && (last == first || bytes < kChunkBytes); ++last) {
      bytes += sentences[last].text.size() + 1;
    }
    return last;
  };
  // Folds and scans the sentences [first, last): work.starts holds where each one's folded
  // text starts (and one more, as if a sentence followed), work.all_hits their literal hits.
  auto scan = [&](std::size_t first, std::size_t last) {
    work.folded.clear();
    work.starts.clear();
    for (std::size_t i = first; i < last; ++i) work.starts.push_back(work.folded.append(sentences[i].text));
    work.starts.push_back(work.folded.text.size() + 1);
    work.all_hits.clear();
    matcher_->find_all(work.folded.text, work.folded.lower, work.all_hits);
  };

  // The units whose role is decided: paragraphs and list items, except that a long paragraph
  // of many sentences (a scraped description on one line, its about-us, duties, requirements
  // and benefits run together) is decided sentence by sentence.
  work.units.assign(sentences.size(), 0);
  {
    std::uint32_t unit = 0;
    for (std::size_t i = 0; i < sentences.size();) {
      std::size_t j = i;
      std::size_t bytes = 0;
      while (j < sentences.size() && sentences[j].paragraph == sentences[i].paragraph) bytes += sentences[j++].text.size();
      const bool by_sentence = j - i >= kMinSentencesToSplit && bytes >= kMinBytesToSplit;
      for (std::size_t k = i; k < j; ++k) work.units[k] = by_sentence ? unit++ : unit;
      if (!by_sentence) ++unit;
      i = j;
    }
  }
  // First pass, chunk by chunk: each unit's facts and cue words.
  work.paragraphs.clear();
  std::size_t chunks = 0;
  for (std::size_t first = 0, last = 0; first < sentences.size(); first = last, ++chunks) {
    last = chunk_end(first);
    scan(first, last);
    std::size_t next_hit = 0;
    for (std::size_t i = first; i < last; ++i) {
      const std::size_t end = work.starts[i - first + 1] - 1;
      const Sentence& sentence = sentences[i];
      const std::size_t p = work.units[i];
      if (work.paragraphs.size() <= p) work.paragraphs.resize(p + 1);
      ParagraphFacts& facts = work.paragraphs[p];
      facts.section = sentence.section;
      facts.headed = !sentence.heading.empty();
      facts.item = sentence.item;
      facts.continues = i > 0 && sentences[i - 1].paragraph == sentence.paragraph && work.units[i - 1] != p;
      facts.title = facts.title || sentence.line <= 0 || (i == 0 && sentence.heading.empty() && sentence.paragraph == 0 &&
                                                          sentence.text.size() <= 120);
      for (; next_hit < work.all_hits.size() && work.all_hits[next_hit].begin < end; ++next_hit) {
        const Pattern& pattern = patterns_[work.all_hits[next_hit].payload];
        if (pattern.kind == PatternKind::cue) ++facts.cues[pattern.rule];
      }
    }
  }
  const std::vector<ParagraphCue> roles = classify_paragraphs(work.paragraphs);
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    const std::size_t p = work.units[i];
    if (roles[p] != ParagraphCue::role) sentences[i].section = SectionKind::boilerplate;
    sentences[i].title = work.paragraphs[p].title;
  }

  // Second pass: each sentence with literal hits gets its share. A posting of one chunk (almost
  // all) reuses the first pass's scan; a longer one is scanned again, chunk by chunk, so its
  // hits are never all held at once.
  for (std::size_t first = 0, last = 0; first < sentences.size(); first = last) {
    last = chunk_end(first);
    if (chunks > 1) scan(first, last);
    std::size_t next_hit = 0;
    for (std::size_t i = first; i < last; ++i) {
      const std::size_t start = work.starts[i - first];
      const std::size_t end = work.starts[i - first + 1] - 1;
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
}

namespace {

// The posting's own title as a sentence, when it is not already the first line of its text
// (records of CSV and JSON files carry it in a field of its own): the title is role text.
bool add_title_sentence(const PostingText& posting, std::vector<Sentence>& sentences, std::size_t& count) {
  const std::string_view title = trim(posting.title);
  if (title.empty()) return false;
  for (std::size_t i = 0; i < count && i < 2; ++i) {
    if (sentences[i].text.find(title) != std::string::npos) return false;
  }
  if (count == sentences.size()) sentences.emplace_back();
  // The title goes first: shift the sentences along by one.
  std::rotate(sentences.begin(), sentences.begin() + static_cast<std::ptrdiff_t>(count),
              sentences.begin() + static_cast<std::ptrdiff_t>(count) + 1);
  Sentence& sentence = sentences.front();
  sentence.line = 0;
  sentence.section = SectionKind::general;
  sentence.heading.clear();
  sentence.text.assign(title);
  sentence.paragraph = -1;
  sentence.item = false;
  sentence.title = true;
  ++count;
  for (std::size_t i = 0; i < count; ++i) ++sentences[i].paragraph;
  return true;
}

}  // namespace

std::vector<Hit> Extractor::detailed_hits(std::span<Sentence> sentences) const {
  std::vector<Hit> out;
  deal_hits(sentences, [&](std::size_t i, const FoldedSentence& folded) {
    sentence_hits(sentences[i], folded, out, nullptr, true);
  });
  return out;
}

std::vector<Hit> Extractor::hits(const PostingText& posting, KeywordMatcher::Scratch& /*scratch*/) const {
  std::vector<Sentence> sentences = segmenter_.split(posting.text);
  std::size_t count = sentences.size();
  add_title_sentence(posting, sentences, count);
  sentences.resize(count);
  std::vector<Hit> out = detailed_hits(sentences);
  for (auto& hit : out) {
    hit.page = page_of_line(posting.page_lines, std::max(hit.line, 1));
    hit.line = std::max(hit.line, 1) + posting.line_offset;
  }
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
  result.company = posting.company;
  result.url = posting.url;
  Workspace& work = workspace();
  // split() may grow the vector, so its data() is taken only after it returns.
  std::size_t sentence_count = segmenter_.split(posting.text, work.sentences);
  add_title_sentence(posting, work.sentences, sentence_count);
  const std::span<Sentence> sentences(work.sentences.data(), sentence_count);

  // Hits are not kept: each counted one marks its rule found (required or not), and becomes a
  // candidate citation only while its kind has fewer than twice the citations wanted, so
  // memory holds a few citations per rule whatever the posting's length. Citations come from
  // the kinds in order, the mentions that decided the tier first and the strongest evidence (a
  // duty or requirement that names it plainly) before passing mentions, each kind in text
  // order; a citation equal to one before (the same sentence can carry two keywords of one
  // rule) is skipped, and at most one candidate per citation chosen before can be skipped so.
  // The last posting's, cleared before resizing: it may have come from another extractor.
  for (const std::size_t rule : work.found_rules) work.citations[rule] = Workspace::Citations{};
  work.found_rules.clear();
  work.citations.resize(rules_.rules.size());
  auto wanted_for = [&](std::size_t rule) {
    return needs.rules && (*needs.rules)[rule] == 0 ? std::size_t{0} : std::min(needs.per_finding, kMaxEvidence);
  };
  deal_hits(sentences, [&](std::size_t i, const FoldedSentence& folded) {
    work.hits.clear();
    sentence_hits(sentences[i], folded, work.hits, &result.role_signals, false);
    for (Hit& hit : work.hits) {
      if (hit.status != HitStatus::counted) continue;
      Workspace::Citations& rule = work.citations[hit.rule];
      if (!rule.found) work.found_rules.push_back(hit.rule);
      rule.found = true;
      rule.required = rule.required || hit.tier == Tier::required;
      if (rule.last_sentence != i) ++rule.mentions;
      rule.last_sentence = i;
      std::vector<Evidence>& kind =
          rule.kinds[(hit.tier == Tier::required ? 0 : 3) + static_cast<std::size_t>(2 - std::min<int>(hit.strength, 2))];
      if (kind.size() >= 2 * wanted_for(hit.rule)) continue;
      Evidence evidence{std::max(hit.line, 1) + posting.line_offset,
                        page_of_line(posting.page_lines, std::max(hit.line, 1)),
                        display_text(sentences[i].text, 240, hit.source_begin, hit.source_end), hit.section, hit.tier,
                        std::move(hit.qualifier)};
      const bool repeated = std::any_of(kind.begin(), kind.end(), [&](const Evidence& e) {
        return e.line == evidence.line && e.text == evidence.text;
      });
      if (!repeated) kind.push_back(std::move(evidence));
    }
  });
  // After deal_hits, which marks the paragraphs that are not about the role.
  const YearsRequired years = years_requirements(sentences);
  result.years_required = years.experience;
  result.years_leadership_required = years.leadership;

  std::sort(work.found_rules.begin(), work.found_rules.end());
  for (const std::size_t rule : work.found_rules) {
    Workspace::Citations& citations = work.citations[rule];
    Finding finding;
    finding.rule = rule;
    finding.tier = citations.required ? Tier::required : Tier::preferred;
    finding.mentions = citations.mentions;
    const std::size_t wanted = wanted_for(rule);
    for (std::vector<Evidence>& kind : citations.kinds) {
      for (Evidence& evidence : kind) {
        if (finding.evidence.size() >= wanted) break;
        const bool repeated = std::any_of(finding.evidence.begin(), finding.evidence.end(), [&](const Evidence& e) {
          return e.line == evidence.line && e.text == evidence.text;
        });
        if (!repeated) finding.evidence.push_back(std::move(evidence));
      }
    }
    result.findings.push_back(std::move(finding));
  }
  result.diagnosis = diagnose(sentences, result.findings);
  // A thread keeps its buffers for the next posting, but not those a huge one grew: the
  // memory of a run stays that of its largest posting at the time, not of all of them.
  if (posting.text.size() > kKeepBuffersBytes) work = Workspace{};
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
