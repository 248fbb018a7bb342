#include "cio_gap/text/segmenter.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <functional>
#include <unordered_map>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "cio_gap/text/inflect.h"
#include "cio_gap/text/normalize.h"

namespace cio_gap {
namespace {

constexpr std::size_t kMaxHeadingBytes = 90;
constexpr std::size_t kMaxHeadingWords = 10;

std::size_t word_count(std::string_view text) {
  std::size_t words = 0;
  bool in_word = false;
  for (const char c : text) {
    const bool word = c != ' ' && c != '\t';
    if (word && !in_word) ++words;
    in_word = word;
  }
  return words;
}

bool contains_word_phrase(std::string_view haystack, std::string_view phrase) {
  for (auto at = haystack.find(phrase); at != std::string_view::npos;
       at = haystack.find(phrase, at + 1)) {
    const auto end = at + phrase.size();
    if ((at == 0 || !is_word_byte(haystack[at - 1])) &&
        (end == haystack.size() || !is_word_byte(haystack[end]))) {
      return true;
    }
  }
  return false;
}

// A list item starts a sentence of its own: "-", "*", "•", "1.", "2)", "a)".
std::size_t bullet_length(std::string_view line) {
  if (line.empty()) return 0;
  if (line[0] == '-' || line[0] == '*' || line[0] == '+') {
    return line.size() > 1 && line[1] == ' ' ? 2 : 0;
  }
  if (line.starts_with("\xE2\x80\xA2") || line.starts_with("\xE2\x97\x8F") ||
      line.starts_with("\xC2\xB7")) {  // • ● ·
    return line.starts_with("\xC2\xB7") ? 2 : 3;
  }
  // "a. ", "b) ": lettered items of civil-service lists.
  if (line.size() > 3 && line[0] >= 'a' && line[0] <= 'z' && (line[1] == '.' || line[1] == ')') && line[2] == ' ') {
    return 3;
  }
  std::size_t digits = 0;
  while (digits < line.size() && digits < 3 && line[digits] >= '0' && line[digits] <= '9') ++digits;
  if (digits > 0 && digits < line.size() && (line[digits] == '.' || line[digits] == ')') &&
      digits + 1 < line.size() && line[digits + 1] == ' ') {
    return digits + 2;
  }
  return 0;
}

bool ends_sentence(std::string_view line) {
  if (line.empty()) return false;
  const char last = line.back();
  return last == '.' || last == '!' || last == '?' || last == ':' || last == ';';
}

bool is_abbreviation(std::string_view before) {
  // `before` is the word ending at the period, without it.
  static const std::array<std::string_view, 16> kAbbreviations = {
      "e.g", "i.e", "etc", "inc", "incl", "approx", "dept", "no", "vs", "mr", "ms", "mrs", "dr",
      "st", "jr", "sr"};
  if (before.size() <= 1) return true;  // initials and "B.S"-style degrees
  if (before.find('.') != std::string_view::npos) return true;  // "U.S", "Ph.D"
  if (before.size() > 6) return false;  // longer than any abbreviation listed
  char lower[6];
  for (std::size_t i = 0; i < before.size(); ++i) {
    lower[i] = before[i] >= 'A' && before[i] <= 'Z' ? static_cast<char>(before[i] - 'A' + 'a') : before[i];
  }
  return std::find(kAbbreviations.begin(), kAbbreviations.end(), std::string_view(lower, before.size())) !=
         kAbbreviations.end();
}

struct TransparentHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
};

// Headings and list introductions repeat from posting to posting ("Requirements:",
// "Benefits"), and classifying one compares it with every vocabulary phrase, so each thread
// keeps the answers it has worked out. They belong to one segmenter (its vocabulary), so the
// answers are dropped when another segmenter asks, and when they hold too many entries or
// bytes; a long key (a whole sentence ending in a colon) is not worth keeping at all.
template <typename Value>
class KnownAnswers {
 public:
  const Value* find(std::uint64_t owner, std::string_view key) {
    if (owner != owner_) {
      answers_.clear();
      bytes_ = 0;
      owner_ = owner;
    }
    const auto it = answers_.find(key);
    return it == answers_.end() ? nullptr : &it->second;
  }
  void add(std::string_view key, Value value) {
    if (key.size() > kMaxKeyBytes) return;
    if (answers_.size() >= kMaxEntries || bytes_ + key.size() > kMaxBytes) {
      answers_.clear();
      bytes_ = 0;
    }
    if (answers_.emplace(std::string(key), value).second) bytes_ += key.size();
  }

 private:
  static constexpr std::size_t kMaxKeyBytes = 256;
  static constexpr std::size_t kMaxEntries = 4096;
  static constexpr std::size_t kMaxBytes = 256 * 1024;
  std::uint64_t owner_ = 0;
  std::size_t bytes_ = 0;  // key bytes held
  std::unordered_map<std::string, Value, TransparentHash, std::equal_to<>> answers_;
};

std::atomic<std::uint64_t> next_segmenter_id{1};

}  // namespace

Segmenter::Segmenter(const SectionVocabulary& vocabulary) : id_(next_segmenter_id++) {
  auto add = [this](const std::vector<std::string>& phrases, SectionKind kind) {
    for (const auto& phrase : phrases) {
      for (auto& form : phrase_inflections(ascii_lower(normalize_phrase(phrase)))) {
        phrases_.push_back({std::move(form), kind});
      }
    }
  };
  add(vocabulary.duties, SectionKind::duties);
  add(vocabulary.required, SectionKind::required);
  add(vocabulary.preferred, SectionKind::preferred);
  add(vocabulary.boilerplate, SectionKind::boilerplate);
  for (const auto& marker : vocabulary.optional_markers) optional_markers_.push_back(ascii_lower(normalize_phrase(marker)));
  for (const auto& phrase : phrases_) phrase_texts_.insert(phrase.text);
}

bool Segmenter::introduces_optional_list(std::string_view sentence) const {
  thread_local KnownAnswers<bool> known;
  if (const bool* answer = known.find(id_, sentence)) return *answer;
  const std::string text = ascii_lower(normalize_phrase(sentence));
  const bool answer = std::any_of(optional_markers_.begin(), optional_markers_.end(),
                                  [&](const std::string& marker) { return contains_word_phrase(text, marker); });
  known.add(sentence, answer);
  return answer;
}

SectionKind Segmenter::classify_heading(std::string_view heading) const {
  thread_local KnownAnswers<SectionKind> known;
  if (const SectionKind* answer = known.find(id_, heading)) return *answer;
  const SectionKind answer = classify_uncached(heading);
  known.add(heading, answer);
  return answer;
}

SectionKind Segmenter::classify_uncached(std::string_view heading) const {
  const std::string text = ascii_lower(normalize_phrase(heading));
  // "Qualifications (Desired)", "Desirable qualifications": an optional word anywhere in a
  // heading makes the whole section optional; otherwise the longest phrase wins.
  const Phrase* best = nullptr;
  for (const auto& phrase : phrases_) {
    if (!contains_word_phrase(text, phrase.text)) continue;
    if (phrase.kind == SectionKind::preferred) return SectionKind::preferred;
    if (!best || phrase.text.size() > best->text.size()) best = &phrase;
  }
  return best ? best->kind : SectionKind::general;
}

std::string Segmenter::heading_text(std::string_view raw) const {
  std::string_view line = trim(raw);
  if (line.empty() || line.size() > kMaxHeadingBytes * 2) return {};
  bool markdown = false;
  if (line.front() == '#') {
    markdown = true;
    const auto text_start = line.find_first_not_of('#');
    if (text_start == std::string_view::npos) return {};  // a rule of '#'s, not a heading
    line = trim(line.substr(text_start));
  }
  bool bold = false;
  for (std::string_view marker : {"**", "__"}) {
    if (line.size() > 4 && line.starts_with(marker) && line.ends_with(marker)) {
      line = trim(line.substr(2, line.size() - 4));
      bold = true;
    }
  }
  const bool colon = line.ends_with(':');
  if (colon) line = trim(line.substr(0, line.size() - 1));
  if (line.empty() || bullet_length(line) > 0) return {};
  if (markdown) return std::string(line);
  if (line.size() > kMaxHeadingBytes) return {};
  // Most lines are prose or list items that end a sentence. Unmarked, such a line is a heading
  // only in capitals, so one lower-case letter turns it away before anything is counted.
  if (!colon && !bold && ends_sentence(line) &&
      std::any_of(line.begin(), line.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
    return {};
  }
  const std::size_t words = word_count(line);
  if (words > kMaxHeadingWords) return {};
  std::size_t letters = 0;
  std::size_t upper = 0;
  for (const char c : line) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) ++letters;
    if (c >= 'A' && c <= 'Z') ++upper;
  }
  if (letters == 0) return {};
  const bool capitals = letters >= 3 && upper == letters;
  if (colon || bold || capitals) return std::string(line);
  // A short line that is nothing but a known heading phrase ("Responsibilities").
  if (words <= 5 && !ends_sentence(line)) {
    thread_local std::string folded;
    if (phrase_texts_.contains(fold_lower(line, folded))) return std::string(line);
  }
  return {};
}

namespace {

using Pieces = std::vector<std::pair<std::size_t, std::size_t>>;

constexpr bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
constexpr bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
constexpr bool is_blank(char c) { return c == ' ' || c == '\t'; }
constexpr bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n'; }

// The first '.', '!' or '?' at or after `from` that has a byte after it, or `last` when none.
std::size_t next_terminator(std::string_view text, std::size_t from, std::size_t last) {
  std::size_t i = from;
#if defined(__SSE2__)
  for (; i + 16 <= last; i += 16) {
    const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(text.data() + i));
    const auto found = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(
        _mm_cmpeq_epi8(block, _mm_set1_epi8('.')),
        _mm_or_si128(_mm_cmpeq_epi8(block, _mm_set1_epi8('!')), _mm_cmpeq_epi8(block, _mm_set1_epi8('?'))))));
    if (found != 0) return i + static_cast<std::size_t>(__builtin_ctz(found));
  }
#endif
  for (; i < last; ++i) {
    if (text[i] == '.' || text[i] == '!' || text[i] == '?') return i;
  }
  return last;
}

// Where the next sentence starts when the terminator at `i` (with a byte after it) ends the
// one begun at `start`, or npos when it ends none.
std::size_t sentence_after(std::string_view paragraph, std::size_t i, std::size_t start) {
  const char next = paragraph[i + 1];
  if (next != ' ' && next != '\n') return std::string_view::npos;
  std::size_t j = i + 1;
  while (j < paragraph.size() && (paragraph[j] == ' ' || paragraph[j] == '\n')) ++j;
  if (j >= paragraph.size()) return std::string_view::npos;
  const char after = paragraph[j];
  const bool starts = (after >= 'A' && after <= 'Z') || (after >= '0' && after <= '9') ||
                      after == '"' || after == '(' || static_cast<unsigned char>(after) >= 0x80;
  if (!starts) return std::string_view::npos;
  if (paragraph[i] == '.') {
    std::size_t w = i;
    while (w > start && paragraph[w - 1] != ' ' && paragraph[w - 1] != '\n' && paragraph[w - 1] != '(') --w;
    if (is_abbreviation(paragraph.substr(w, i - w))) return std::string_view::npos;
  }
  return j;
}

// split_sentences into a vector the caller reuses.
void split_sentences_into(std::string_view paragraph, Pieces& out) {
  out.clear();
  std::size_t start = 0;
  const std::size_t last = paragraph.empty() ? 0 : paragraph.size() - 1;  // a terminator needs a byte after it
  for (std::size_t i = next_terminator(paragraph, 0, last); i < last; i = next_terminator(paragraph, i + 1, last)) {
    const std::size_t next = sentence_after(paragraph, i, start);
    if (next == std::string_view::npos) continue;
    out.emplace_back(start, i + 1 - start);
    start = next;
  }
  if (start < paragraph.size()) out.emplace_back(start, paragraph.size() - start);
}

// What may start a run-together boundary, byte by byte; boundary_at decides, so this may
// let through more than it needs to, as long as it is cheap. A terminator or a tab; a space
// between two spaces; a '-', '*' or a bullet's first byte (0xC2, 0xE2) after a space, tab,
// line break or other byte below '!'; a capital followed by a lower-case letter, after ')' or
// a byte from 'A' to 0x7F (a letter, mostly). Before the first byte is a line break. The last
// byte never starts a boundary.
bool may_start_boundary(std::string_view text, std::size_t at) {
  const auto c = static_cast<unsigned char>(text[at]);
  const auto before = static_cast<unsigned char>(at > 0 ? text[at - 1] : '\n');
  const auto after = static_cast<unsigned char>(at + 1 < text.size() ? text[at + 1] : '\0');
  switch (c) {
    case '.': case '!': case '?': case '\t':
      return true;
    case ' ':
      return before == ' ' && after == ' ';
    case '-': case '*': case 0xC2: case 0xE2:
      return before <= ' ';
    default:
      return c >= 'A' && c <= 'Z' && after >= 'a' && after <= 'z' && ((before >= 'A' && before < 0x80) || before == ')');
  }
}

#if defined(__SSE2__)
// may_start_boundary for the sixteen bytes at `at` (which has a byte before and after them),
// one bit each.
unsigned boundary_candidates(const char* at) {
  const __m128i before = _mm_loadu_si128(reinterpret_cast<const __m128i*>(at - 1));
  const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(at));
  const __m128i after = _mm_loadu_si128(reinterpret_cast<const __m128i*>(at + 1));
  const auto eq = [](__m128i v, int c) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(c))); };
  // Shifted so that [low, high] is the bottom of the signed range, then one comparison.
  const auto in = [](__m128i v, int low, int high) {
    return _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8(static_cast<char>(0x80 - low))),
                          _mm_set1_epi8(static_cast<char>(0x80 + high - low + 1)));
  };
  const __m128i always = _mm_or_si128(_mm_or_si128(eq(block, '.'), eq(block, '!')),
                                      _mm_or_si128(eq(block, '?'), eq(block, '\t')));
  const __m128i space = eq(block, ' ');
  const __m128i spaces = _mm_and_si128(_mm_and_si128(space, eq(before, ' ')), eq(after, ' '));
  const __m128i after_whitespace = _mm_cmpeq_epi8(_mm_min_epu8(before, _mm_set1_epi8(' ')), before);
  const __m128i marker = _mm_and_si128(
      after_whitespace, _mm_or_si128(_mm_or_si128(eq(block, '-'), eq(block, '*')),
                                     eq(_mm_or_si128(block, _mm_set1_epi8(0x20)), 0xE2)));
  const __m128i joined = _mm_or_si128(_mm_cmpgt_epi8(before, _mm_set1_epi8('A' - 1)), eq(before, ')'));
  const __m128i join = _mm_and_si128(_mm_and_si128(in(block, 'A', 'Z'), in(after, 'a', 'z')), joined);
  return static_cast<unsigned>(
      _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(always, spaces), _mm_or_si128(marker, join))));
}
#endif

// The first byte at or after `from` that may_start_boundary, or text.size() when none. Most
// bytes of ordinary prose are none of those, so sixteen are ruled out at a time.
std::size_t next_boundary_candidate(std::string_view text, std::size_t from) {
  const std::size_t last = text.empty() ? 0 : text.size() - 1;
  std::size_t i = from;
  if (i == 0 && last > 0) {
    if (may_start_boundary(text, 0)) return 0;
    i = 1;
  }
#if defined(__SSE2__)
  if (text.size() >= 18) {
    for (; i + 16 <= last; i += 16) {
      if (const unsigned found = boundary_candidates(text.data() + i)) return i + static_cast<std::size_t>(__builtin_ctz(found));
    }
    // The rest as the end of a block that overlaps bytes already ruled out.
    if (i < last) {
      const std::size_t block = last - 16;
      if (const unsigned found = boundary_candidates(text.data() + block) >> (i - block)) {
        return i + static_cast<std::size_t>(__builtin_ctz(found));
      }
    }
    return text.size();
  }
#endif
  for (; i < last; ++i) {
    if (may_start_boundary(text, i)) return i;
  }
  return text.size();
}

// A word starts after these ("2 yearsSchedule", "Full-timeBenefits", "level:twoYears"), not
// after a letter, digit, '.', '@', '_' or apostrophe ("Node.jsExpert", "it'sFine").
constexpr bool starts_word_after(char c) {
  return is_space(c) || c == '(' || c == '[' || c == '"' || c == '-' || c == '/' || c == ':' ||
         c == ';' || c == ',';
}

// "discipline.Preferred", "(required).Preferred", "today!Apply": a sentence end with the next
// sentence run into it. A '.' counts only after a word of no other '.' that ends in two
// lower-case letters and is no abbreviation ("Ph.D", "U.S.Army", "vs.Oracle", "ASP.Net"), and
// not before a dotted name or ".Net" ("www.Example.org", "Microsoft.Net").
bool ends_run_together_sentence(std::string_view text, std::size_t i, std::size_t start) {
  const char before = i > 0 ? text[i - 1] : '\0';
  if (before == ')') return i >= 2 && (is_lower(text[i - 2]) || (text[i - 2] >= '0' && text[i - 2] <= '9'));
  if (text[i] != '.') return is_lower(before);
  if (i < 2 || !is_lower(before) || !is_lower(text[i - 2])) return false;
  std::size_t w = i;
  // Stopping at a '.' keeps the search short in text that is all dotted names.
  while (w > start && !is_space(text[w - 1]) && text[w - 1] != '(' && text[w - 1] != '.') --w;
  if (w > start && text[w - 1] == '.') return false;
  if (is_abbreviation(text.substr(w, i - w))) return false;
  std::size_t e = i + 1;
  while (e < text.size() && (is_word_byte(text[e]) || text[e] == '-')) ++e;
  if (e + 1 < text.size() && text[e] == '.' && is_word_byte(text[e + 1])) return false;
  const std::string_view next_word = text.substr(i + 1, e - i - 1);
  return next_word != "Net" && next_word != "Js";
}

// The length of the bullet at `at` ("•", "●", "▪", "◦", "·"), 0 when there is none.
std::size_t inline_bullet_length(std::string_view text, std::size_t at) {
  const std::string_view rest = text.substr(at, 3);
  if (rest.starts_with("\xC2\xB7")) return 2;
  for (const std::string_view bullet : {"\xE2\x80\xA2", "\xE2\x97\x8F", "\xE2\x96\xAA", "\xE2\x97\xA6"}) {
    if (rest == bullet) return 3;
  }
  return 0;
}

// A '-' or '*' at `at` standing alone between whitespace (or the line's start) and a blank.
bool is_dash_marker(std::string_view text, std::size_t at, std::size_t line_begin, std::size_t line_end) {
  return (text[at] == '-' || text[at] == '*') && (at == line_begin || is_blank(text[at - 1])) &&
         at + 1 < line_end && is_blank(text[at + 1]);
}

// " - " and " * " mark the items of a line only when it has two or more of the same kind and
// the first follows a colon or starts the line ("Skills: - Budgeting - Hiring"); a single one
// is a dash ("Salary: $90k - $120k"). Worked out once for each line that has one.
struct DashList {
  std::size_t line_begin = 0;
  std::size_t line_end = 0;  // lines are met in order; 0: none worked out yet
  std::size_t first = std::string_view::npos;  // the list's first marker; npos: not a list
  char marker = 0;

  void work_out(std::string_view text, std::size_t at) {
    line_begin = at;
    while (line_begin > 0 && text[line_begin - 1] != '\n') --line_begin;
    line_end = std::min(text.find('\n', at), text.size());
    first = std::string_view::npos;
    std::size_t markers = 0;
    char before = '\0';  // the last byte on the line that is not a blank
    for (std::size_t i = line_begin; i < line_end; ++i) {
      const char c = text[i];
      if (is_dash_marker(text, i, line_begin, line_end)) {
        if (first == std::string_view::npos && (before == '\0' || before == ':')) {
          first = i;
          marker = c;
          markers = 1;
        } else if (first != std::string_view::npos && c == marker) {
          ++markers;
        }
      }
      if (!is_blank(c)) before = c;
    }
    if (markers < 2) first = std::string_view::npos;
  }
};

// Where two pieces of scraped text run together at `at`, a candidate from
// next_boundary_candidate in the piece begun at `start`: the first piece ends at `end`, the
// next starts at `next`. With no boundary, `next` is where the search goes on.
struct Boundary {
  bool found = false;
  std::size_t end = 0;
  std::size_t next = 0;
};

std::size_t skip_space(std::string_view text, std::size_t at) {
  while (at < text.size() && is_space(text[at])) ++at;
  return at;
}

Boundary boundary_at(std::string_view text, std::size_t at, std::size_t start, DashList& dashes) {
  const Boundary none{false, at, at + 1};
  const char c = text[at];
  switch (c) {
    case '.': case '!': case '?': {
      if (at + 1 >= text.size()) return none;
      if (const std::size_t next = sentence_after(text, at, start); next != std::string_view::npos) {
        return {true, at + 1, next};
      }
      const bool capitalised = is_upper(text[at + 1]) && at + 2 < text.size() && is_lower(text[at + 2]);
      if (capitalised && ends_run_together_sentence(text, at, start)) return {true, at + 1, at + 1};
      return none;
    }
    case ' ': case '\t': {
      // "Lead the IT team   Manage the budget": three or more blanks, or a tab, inside a line.
      std::size_t begin = at;
      while (begin > start && is_blank(text[begin - 1])) --begin;
      std::size_t end = begin;
      bool tab = false;
      for (; end < text.size() && is_blank(text[end]); ++end) tab = tab || text[end] == '\t';
      const bool inside = begin > start && text[begin - 1] != '\n' && end < text.size() && text[end] != '\n';
      if (inside && (tab || end - begin >= 3)) return {true, begin, end};
      return {false, at, end};
    }
    case '-': case '*': {
      if (at >= dashes.line_end) dashes.work_out(text, at);
      if (dashes.first != std::string_view::npos && at >= dashes.first && c == dashes.marker &&
          is_dash_marker(text, at, dashes.line_begin, dashes.line_end)) {
        return {true, at, skip_space(text, at + 1)};
      }
      return none;
    }
    case '\xC2': case '\xE2': {
      const std::size_t length = inline_bullet_length(text, at);
      if (length > 0 && (at + length == text.size() || is_space(text[at + length]))) {
        return {true, at, skip_space(text, at + length)};
      }
      return none;
    }
    default:
      break;
  }
  // A capital followed by a lower-case letter (may_start_boundary has checked both).
  const char before = text[at - 1];
  if (before == ')') {
    // "(required)Preferred", not "(R)Office".
    return at >= 2 && is_lower(text[at - 2]) ? Boundary{true, at, at} : none;
  }
  // "2 yearsSchedule" (three or more lower-case letters that start a word: not "JavaScript",
  // "iPhone", "DevOps" or "jQuery") and "REQUIREDHere" (five or more capitals: not
  // "SQLServer" or "HTMLElement").
  const bool lower = is_lower(before);
  std::size_t word = at - 1;
  while (word > 0 && (lower ? is_lower(text[word - 1]) : is_upper(text[word - 1]))) --word;
  const std::size_t letters = at - word;
  const bool starts_word = word == 0 || starts_word_after(text[word - 1]);
  if (starts_word && letters >= (lower ? 3u : 5u)) return {true, at, at};
  return none;
}

// split_items into a vector the caller reuses.
void split_items_into(std::string_view paragraph, Pieces& out) {
  out.clear();
  std::size_t start = 0;
  DashList dashes;
  auto close_piece = [&](std::size_t end) {
    while (end > start && is_space(paragraph[end - 1])) --end;
    if (end > start) out.emplace_back(start, end - start);
  };
  for (std::size_t at = next_boundary_candidate(paragraph, 0); at < paragraph.size();) {
    const Boundary boundary = boundary_at(paragraph, at, start, dashes);
    if (boundary.found) {
      close_piece(boundary.end);
      start = boundary.next;
    }
    at = next_boundary_candidate(paragraph, std::max(at + 1, boundary.next));
  }
  close_piece(paragraph.size());
}

}  // namespace

std::vector<std::pair<std::size_t, std::size_t>> split_sentences(std::string_view paragraph) {
  Pieces out;
  split_sentences_into(paragraph, out);
  return out;
}

std::vector<std::pair<std::size_t, std::size_t>> split_items(std::string_view paragraph) {
  Pieces out;
  split_items_into(paragraph, out);
  return out;
}

std::vector<Sentence> Segmenter::split(std::string_view text) const {
  std::vector<Sentence> sentences;
  sentences.resize(split(text, sentences));
  return sentences;
}

std::size_t Segmenter::split(std::string_view text, std::vector<Sentence>& sentences) const {
  std::size_t count = 0;
  SectionKind section = SectionKind::general;
  SharedText heading;
  int section_level = 1000;  // Markdown level of the heading that set the section

  // Per-thread buffers: a posting's paragraphs and sentences are built without allocating.
  thread_local std::string paragraph;
  thread_local std::vector<std::pair<std::size_t, int>> paragraph_lines;  // offset of each line's start
  thread_local std::vector<std::pair<std::size_t, std::size_t>> pieces;
  paragraph.clear();
  paragraph_lines.clear();
  int paragraph_line = 0;
  int paragraph_index = -1;
  bool paragraph_item = false;
  // An optional list opened inside the text lasts for the rest of its paragraph and the list
  // items that follow; the first paragraph that is not an item gives back the section before.
  bool optional_list = false;
  SectionKind section_before_list = SectionKind::general;
  SharedText heading_before_list;
  int level_before_list = 1000;
  auto flush = [&] {
    if (paragraph.empty()) return;
    ++paragraph_index;
    if (optional_list && !paragraph_item) {
      optional_list = false;
      section = section_before_list;
      heading = heading_before_list;
      section_level = level_before_list;
    }
    split_items_into(paragraph, pieces);
    // Pieces come in order, so the line each starts on is found in one pass over the lines.
    std::size_t next_line = 0;
    int line = paragraph_line;
    for (const auto& [offset, length] : pieces) {
      for (; next_line < paragraph_lines.size() && paragraph_lines[next_line].first <= offset; ++next_line) {
        line = paragraph_lines[next_line].second;
      }
      const std::string_view piece = trim(std::string_view(paragraph).substr(offset, length));
      if (piece.empty()) continue;
      if (count == sentences.size()) sentences.emplace_back();
      Sentence& sentence = sentences[count++];
      sentence.line = line;
      sentence.section = section;
      sentence.heading = heading;
      sentence.text.assign(piece);
      sentence.paragraph = paragraph_index;
      sentence.item = paragraph_item;
      // "The following qualifications are highly preferred:" opens an optional list, even
      // inside a block that otherwise demands nothing (a civil-service process note).
      if (piece.ends_with(':') && introduces_optional_list(piece)) {
        if (!optional_list) {
          section_before_list = section;
          heading_before_list = heading;
          level_before_list = section_level;
        }
        optional_list = true;
        section = SectionKind::preferred;
        heading = std::string(piece);
        section_level = 1000;
      }
    }
    paragraph.clear();
    paragraph_lines.clear();
  };

  int number = 0;
  std::size_t pos = 0;
  std::size_t previous_length = 0;
  bool previous_ends = false;
  while (pos <= text.size()) {
    const auto end = text.find('\n', pos);
    const std::string_view raw = text.substr(pos, end == std::string_view::npos ? text.npos : end - pos);
    ++number;
    const std::string_view line = trim(raw);
    if (line.empty()) {
      flush();
    } else if (std::string title = heading_text(line); !title.empty()) {
      flush();
      int level = 500;
      if (line.front() == '#') level = static_cast<int>(line.find_first_not_of('#'));
      const SectionKind kind = classify_heading(title);
      if (kind != SectionKind::general) {
        optional_list = false;
        section = kind;
        heading = title;
        section_level = level;
      } else if (line.front() == '#' && level <= section_level) {
        optional_list = false;
        section = SectionKind::general;
        heading = title;
        section_level = 1000;
      }
    } else {
      const std::size_t bullet = bullet_length(line);
      // A list item, or a line after one that ended a sentence or was short, starts afresh;
      // otherwise it continues a wrapped paragraph.
      const bool lower_start = line.front() >= 'a' && line.front() <= 'z';
      const bool fresh = bullet > 0 || paragraph.empty() ||
                         ((previous_length < 60 || previous_ends) && !lower_start);
      if (fresh) flush();
      if (paragraph.empty()) {
        paragraph_line = number;
        paragraph_item = bullet > 0;
      } else {
        paragraph.push_back('\n');
      }
      paragraph_lines.emplace_back(paragraph.size(), number);
      paragraph.append(line.substr(bullet));
      previous_length = line.size();
      previous_ends = ends_sentence(line);
    }
    if (end == std::string_view::npos) break;
    pos = end + 1;
  }
  flush();
  if (paragraph.capacity() > (std::size_t{1} << 20)) {  // a huge posting's buffers are not kept
    std::string().swap(paragraph);
    decltype(paragraph_lines)().swap(paragraph_lines);
    decltype(pieces)().swap(pieces);
  }
  return count;
}

}  // namespace cio_gap
