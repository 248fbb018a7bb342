#pragma once

#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cio_gap/match/diagnosis.h"
#include "cio_gap/match/keyword_matcher.h"
#include "cio_gap/match/pattern_pass.h"
#include "cio_gap/model/posting.h"
#include "cio_gap/model/rule.h"
#include "cio_gap/text/normalize.h"
#include "cio_gap/text/segmenter.h"

namespace cio_gap {

/// Why a mention of a qualification did or did not count.
enum class HitStatus {
  counted,      ///< demands the qualification
  boilerplate,  ///< in text about the employer, benefits, application or EEO: demands nothing
  negated,      ///< "no MBA required", "not required": demands nothing
  excluded,     ///< inside one of the rule's exclusion phrases
  other_sense,  ///< a sense of the rule does not hold: the word means something else here
};

const char* to_string(HitStatus status);

/// One mention of a qualification in a posting.
struct Hit {
  std::size_t rule = 0;       ///< index into RuleSet::rules
  int line = 0;               ///< 1-based line of the keyword
  int page = 0;               ///< page of the line, 0 when the posting has no pages
  SectionKind section = SectionKind::general;
  std::string heading;        ///< heading in force
  Tier tier = Tier::required;
  HitStatus status = HitStatus::counted;
  std::string keyword;        ///< the text that matched, as written in the posting
  std::string qualifier;      ///< the optional or negation marker that applied, if any
  std::string sentence;       ///< the sentence, trimmed for display
  std::size_t source_begin = 0;  ///< where the keyword starts in the sentence's text
  std::size_t source_end = 0;    ///< where it ends
  /// How strong the evidence is: 2 a duty or requirement that names it plainly ("own", "manage",
  /// a figure), 1 any other sentence of the role, 0 the title.
  std::uint8_t strength = 1;
};

/// Which cited sentences a caller needs: `scan` prints every finding's, `assess` only cites a
/// few postings per qualification. Making a citation is most of a finding's cost.
struct EvidenceNeeds {
  std::size_t per_finding = 3;  ///< at most this many sentences per finding (never more than 3)
  /// When set, the findings of a rule r with (*rules)[r] == 0 get no sentences at all.
  const std::vector<std::uint8_t>* rules = nullptr;
};

class RulesImage;

/// Reads postings the way a careful recruiter would: splits them into sections and sentences,
/// finds every rule keyword with one compiled matcher, and decides for each mention whether it
/// demands the qualification (section, negation) and how strongly (tier).
/// Built once per run; `extract` and `hits` are const and thread-safe given one Scratch each.
class Extractor {
 public:
  /// Where the matcher comes from: the image `rules.compiled` (a cached rule pack) or the
  /// image of the built-in rules linked into the program, when `rules` are exactly those it
  /// was made from (see RulesImage), or built from `rules` in any case.
  enum class Matcher { reuse_built_in, build };

  explicit Extractor(const RuleSet& rules, Matcher matcher = Matcher::reuse_built_in);
  ~Extractor();

  const RuleSet& rules() const { return rules_; }
  const KeywordMatcher& matcher() const { return *matcher_; }

  /// Every mention in the posting, counted or not, in text order.
  std::vector<Hit> hits(const PostingText& posting, KeywordMatcher::Scratch& scratch) const;

  /// Every mention in free text (a profile entry, a rule test sentence), as one general
  /// section; qualifiers and negation still apply.
  std::vector<Hit> hits_in_text(std::string_view text, KeywordMatcher::Scratch& scratch) const;

  /// What the posting demands: counted hits per rule, the years required (of experience and
  /// leading people), the title, and why it demands nothing when it does not (diagnose).
  PostingFindings extract(const PostingText& posting, KeywordMatcher::Scratch& scratch,
                          const EvidenceNeeds& needs = {}) const;

 private:
  friend class RulesImage;  // stores a built matcher and reads it back

  // What a literal of the matcher stands for. `rule` is the rule for keyword and exclude, the
  // RoleType for role_type, the PatternPass set for word, the ParagraphCue for cue.
  enum class PatternKind : std::uint8_t {
    keyword, exclude, optional, optional_prefix, negation, role_type, word, required, cue, strong
  };
  struct Pattern {
    PatternKind kind;
    std::size_t rule;
    std::string text;          // the marker phrase, for qualifiers
    std::uint32_t detail = 0;  // for keyword: its sense group (PatternPass), 0 for none
  };

  // One sentence's part of the posting's folded text (MatchText) and of its literal hits,
  // offsets relative to the sentence's folded text.
  struct FoldedSentence {
    std::string_view text;
    std::string_view lower;
    const std::uint32_t* source_offsets;
    const std::vector<LiteralHit>& hits;
  };

  // The mentions in one sentence. Without `detailed`, a hit's heading, keyword and display
  // sentence are left empty (extract makes the few it cites from source_begin/end).
  void sentence_hits(const Sentence& sentence, const FoldedSentence& folded, std::vector<Hit>& out,
                     std::array<int, 3>* role_signals, bool detailed) const;
  std::vector<Hit> detailed_hits(std::span<Sentence> sentences) const;

  // Folds the sentences into one buffer and scans it (hits never cross sentences: the buffer
  // separates them with '\n'), a chunk of whole sentences at a time; decides each paragraph's
  // role from its cue words, marking the sentences of paragraphs not about the role as
  // boilerplate; then hands each sentence with literal hits its share, by index. A posting
  // longer than one chunk is scanned twice (cue words, then hits), so memory holds one chunk's
  // folded text and hits, not the whole posting's.
  void deal_hits(std::span<Sentence> sentences,
                 const std::function<void(std::size_t, const FoldedSentence&)>& each) const;

  const RuleSet& rules_;
  Segmenter segmenter_;
  PatternPass pass_;
  std::vector<Pattern> patterns_;
  std::unique_ptr<KeywordMatcher> matcher_;
};

/// The posting's title: its own title field, else its first non-empty line without markup.
std::string posting_title(const PostingText& posting);

/// The literal phrases of the rules' keywords and acronyms as the matcher folds them (keywords
/// lower-cased, acronyms as written; no generated inflections), sorted and unique.
std::vector<std::string> keyword_literals(const RuleSet& rules);

}  // namespace cio_gap
