#include "cio_gap/text/years.h"

#include <algorithm>
#include <array>
#include <string>

#include "cio_gap/text/normalize.h"

namespace cio_gap {
namespace {

struct Token {
  std::string_view text;  // lower case word, digits, or one punctuation character
  bool number = false;
  int value = 0;
};

std::optional<int> number_word(std::string_view word) {
  static const std::array<std::string_view, 21> kWords = {
      "zero",   "one",     "two",      "three",    "four",    "five",    "six",
      "seven",  "eight",   "nine",     "ten",      "eleven",  "twelve",  "thirteen",
      "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"};
  for (std::size_t i = 0; i < kWords.size(); ++i) {
    if (word == kWords[i]) return static_cast<int>(i);
  }
  if (word == "thirty") return 30;
  return std::nullopt;
}

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Where the word of letters starting at `begin` ends. Scraped text runs words together
// ("2 yearsSchedule: Full-time"), so a capital after a lower-case letter starts a new word.
std::size_t word_end(std::string_view text, std::size_t begin) {
  std::size_t end = begin + 1;
  while (end < text.size() && is_letter(text[end]) &&
         !(text[end] >= 'A' && text[end] <= 'Z' && text[end - 1] >= 'a' && text[end - 1] <= 'z')) {
    ++end;
  }
  return end;
}

// A '.', '!' or '?' that ends a sentence: followed by the end of the text, or by whitespace and
// a capital or a digit (as the segmenter splits sentences), not "e.g. a" or "3.5".
bool ends_sentence(std::string_view text, std::size_t i) {
  if (text[i] != '.' && text[i] != '!' && text[i] != '?') return false;
  std::size_t next = i + 1;
  if (next == text.size()) return true;
  if (text[next] != ' ' && text[next] != '\n' && text[next] != '\t') return false;
  while (next < text.size() && (text[next] == ' ' || text[next] == '\n' || text[next] == '\t')) ++next;
  return next == text.size() || (text[next] >= 'A' && text[next] <= 'Z') || (text[next] >= '0' && text[next] <= '9');
}

// Tokens view `lower`, the text lower-cased, or static strings; `tokens` is reused.
void tokenize(std::string_view text, std::string_view lower, std::vector<Token>& tokens) {
  static constexpr std::string_view kPunctuation = "+-();,:.";
  tokens.clear();
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c >= '0' && c <= '9') {
      std::size_t j = i;
      int value = 0;
      while (j < text.size() && text[j] >= '0' && text[j] <= '9' && j - i < 4) {
        value = value * 10 + (text[j] - '0');
        ++j;
      }
      while (j < text.size() && text[j] >= '0' && text[j] <= '9') ++j;
      tokens.push_back({lower.substr(i, j - i), true, value});
      i = j;
    } else if (is_letter(c)) {
      const std::size_t j = word_end(text, i);
      Token token{lower.substr(i, j - i), false, 0};
      if (const auto value = number_word(token.text)) {
        token.number = true;
        token.value = *value;
      }
      tokens.push_back(std::move(token));
      i = j;
    } else if (c == '+' || c == '-' || c == '(' || c == ')' || c == ';' || c == ',' || c == ':') {
      tokens.push_back({kPunctuation.substr(kPunctuation.find(c), 1), false, 0});
      ++i;
    } else if (ends_sentence(text, i)) {
      tokens.push_back({".", false, 0});
      ++i;
    } else if (static_cast<unsigned char>(c) == 0xE2 && i + 2 < text.size() &&
               static_cast<unsigned char>(text[i + 1]) == 0x80 &&
               (static_cast<unsigned char>(text[i + 2]) == 0x93 || static_cast<unsigned char>(text[i + 2]) == 0x94)) {
      tokens.push_back({"-", false, 0});  // en and em dashes in ranges
      i += 3;
    } else {
      ++i;
    }
  }
}

// Tokens after "years" searched for "experience".
constexpr std::size_t kExperienceWindow = 20;

bool is(const std::vector<Token>& tokens, std::size_t i, std::string_view word) {
  return i < tokens.size() && tokens[i].text == word;
}

bool is_experience(std::string_view word) {
  return word == "experience" || word == "experienced" || word == "exp";
}

// Whether the text could hold a statement at all: every statement has a number (digits or a
// number word) and a word (a token of letters) "year(s)", "yr(s)", "experience(d)" or "exp",
// so most sentences are passed over without tokenising.
bool may_state_years(std::string_view text) {
  bool cue = false;
  bool digit = false;
  bool number_word_found = false;
  // Words of letters whose first letter passes `first_letters`, lower-cased into `word`;
  // `on_word` returns true to stop.
  auto for_each_word = [&](std::size_t min_length, std::size_t max_length, auto first_letters, auto on_word) {
    for (std::size_t i = 0; i < text.size();) {
      if (!is_letter(text[i])) {
        digit = digit || (text[i] >= '0' && text[i] <= '9');
        ++i;
        continue;
      }
      const std::size_t end = word_end(text, i);
      const std::size_t length = end - i;
      if (length >= min_length && length <= max_length && first_letters(text[i])) {
        char word[12];
        for (std::size_t k = 0; k < length; ++k) word[k] = static_cast<char>(text[i + k] | 0x20);
        if (on_word(std::string_view(word, length))) return;
      }
      i = end;
    }
  };
  // Every cue begins with "y" or "e": the other words are passed over unread.
  const auto y_or_e = [](char c) { return (c | 0x20) == 'y' || (c | 0x20) == 'e'; };
  for_each_word(2, 11, y_or_e, [&](std::string_view word) {
    cue = cue || word == "year" || word == "years" || word == "yrs" || word == "yr" || is_experience(word);
    return false;  // on to the end, so `digit` sees every byte
  });
  if (!cue || digit) return cue;
  // Few sentences name years or experience; only those are searched for a number word.
  const auto any_letter = [](char) { return true; };
  for_each_word(3, 9, any_letter, [&](std::string_view word) { return number_word_found = number_word(word).has_value(); });
  return number_word_found;
}

// Phrases that make a years statement one about leading people ("10+ years leading teams",
// "five years of supervisory experience", "3 years in a supervisory capacity", "two years as a
// supervisor", "5+ years of people management", "3 years managing staff"), as lower-case words.
// "managing" alone is not enough ("5 years managing projects"): only with the people managed.
constexpr std::array<std::array<std::string_view, 3>, 27> kLeadershipCues = {{
    {"lead"}, {"leads"}, {"leading"}, {"led"}, {"leader"}, {"leaders"}, {"leadership"},
    {"supervise"}, {"supervised"}, {"supervising"}, {"supervisory"}, {"supervision"},
    {"supervisor"}, {"supervisors"}, {"manager"}, {"managers"}, {"people"},
    {"direct", "reports"}, {"managing", "staff"}, {"managing", "people"}, {"managing", "teams"},
    {"managing", "team"}, {"managing", "a", "team"}, {"managing", "employees"}, {"managing", "others"},
    {"management", "experience"}, {"staff", "management"},
}};

// Words before "manager" or "management" that make it about things, not people:
// "project management experience", "3 years as a product manager".
constexpr std::array<std::string_view, 16> kThingsManaged = {
    "project", "projects", "program", "programme", "product", "vendor", "contract", "risk",
    "data", "change", "service", "portfolio", "records", "incident", "release", "account"};

// Whether a leadership cue starts at token `k`.
bool leadership_cue_at(const std::vector<Token>& tokens, std::size_t k) {
  for (const auto& cue : kLeadershipCues) {
    bool match = true;
    for (std::size_t w = 0; match && w < cue.size() && !cue[w].empty(); ++w) match = is(tokens, k + w, cue[w]);
    if (!match) continue;
    if (cue[0].starts_with("manag") && k > 0 &&
        std::find(kThingsManaged.begin(), kThingsManaged.end(), tokens[k - 1].text) != kThingsManaged.end()) {
      continue;
    }
    return true;
  }
  return false;
}

// Where a window around a statement stops: the end of a clause or sentence, or the start of
// another statement ("7 years of experience, including 3 years managing staff").
bool ends_window(const Token& token) {
  return token.number || token.text == ";" || token.text == "." || token.text == "," || token.text == "including";
}

// Words after "years" searched for a leadership cue; words before the number searched for
// "supervisory experience: 3 years", "leadership experience of at least 5 years".
constexpr std::size_t kLeadershipWindow = 8;
constexpr std::size_t kLeadershipLookBack = 6;

bool leadership_after(const std::vector<Token>& tokens, std::size_t after) {
  for (std::size_t k = after; k < tokens.size() && k < after + kLeadershipWindow; ++k) {
    if (ends_window(tokens[k])) break;
    if (leadership_cue_at(tokens, k)) return true;
  }
  return false;
}

bool leadership_before(const std::vector<Token>& tokens, std::size_t number) {
  bool introduced = false;  // "experience" or ":" between the cue and the number
  for (std::size_t k = number; k > 0 && k + kLeadershipLookBack > number; --k) {
    const Token& token = tokens[k - 1];
    if (ends_window(token)) break;
    if (introduced && leadership_cue_at(tokens, k - 1)) return true;
    introduced = introduced || is_experience(token.text) || token.text == ":";
  }
  return false;
}

// What one sentence asks: the years of experience, and of those the years leading people.
struct YearsStatements {
  std::optional<int> total;
  std::optional<int> leadership;
};

// The first statement, lowered only by an alternative ("... or six years ..."); "including
// five years leading teams" is a part of the statement before it, not an alternative.
class Smallest {
 public:
  void add(const std::vector<Token>& tokens, std::size_t begin, std::size_t end, int value) {
    if (!best_) {
      best_ = value;
    } else {
      bool alternative = false;
      for (std::size_t k = previous_end_; k < begin; ++k) {
        if (tokens[k].text == "or") alternative = true;
        if (tokens[k].text == "including") alternative = false;
      }
      if (alternative && value < *best_) best_ = value;
    }
    previous_end_ = end;
  }
  std::optional<int> value() const { return best_; }

 private:
  std::optional<int> best_;
  std::size_t previous_end_ = 0;  // token after the last statement
};

YearsStatements read_years(std::string_view sentence) {
  if (!may_state_years(sentence)) return {};
  thread_local std::string lower;
  thread_local std::vector<Token> tokens;
  lower.assign(sentence);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  tokenize(sentence, lower, tokens);
  Smallest total;
  Smallest leadership;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (!tokens[i].number || tokens[i].value <= 0 || tokens[i].value > 40) continue;
    const int value = tokens[i].value;
    std::size_t j = i + 1;
    // "two (2)", "5+", "5 plus", "5-7", "5 to 7", "five or more"
    if (is(tokens, j, "(") && j + 2 < tokens.size() && tokens[j + 1].number && is(tokens, j + 2, ")")) j += 3;
    // "5+ years" is how postings state a requirement; it needs no "experience" after it.
    const bool plus = is(tokens, j, "+") || is(tokens, j, "plus");
    if (plus) ++j;
    if ((is(tokens, j, "-") || is(tokens, j, "to")) && j + 1 < tokens.size() && tokens[j + 1].number) {
      j += 2;
      if (is(tokens, j, "(") && j + 2 < tokens.size() && tokens[j + 1].number && is(tokens, j + 2, ")")) j += 3;
      if (is(tokens, j, "+")) ++j;
    }
    if (is(tokens, j, "or") && (is(tokens, j + 1, "more") || is(tokens, j + 1, "greater"))) j += 2;
    bool statement = false;
    bool leads = false;
    if (j < tokens.size() && is_experience(tokens[j].text)) {
      statement = true;  // "10+ Experience"
      leads = leadership_after(tokens, j + 1) || leadership_before(tokens, i);
    } else if (is(tokens, j, "year") || is(tokens, j, "years") || is(tokens, j, "yrs") ||
               is(tokens, j, "yr")) {
      const std::size_t after = j + 1;
      if (is(tokens, after, "ago") || is(tokens, after, "old")) continue;
      // "-year roadmap": a hyphenated duration adjective describes something else.
      if (is(tokens, j - 1, "-") && tokens[j].text == "year") continue;
      // Years spent leading people are years of experience too: "two years as a supervisor".
      leads = leadership_after(tokens, after) || leadership_before(tokens, i);
      statement = plus || leads;
      // "3+ years of hands-on, production-grade software engineering experience": a long
      // phrase may come between, but not the end of the clause or of the sentence.
      for (std::size_t k = after; !statement && k < tokens.size() && k < after + kExperienceWindow; ++k) {
        if (tokens[k].text == ";" || tokens[k].text == ".") break;
        statement = is_experience(tokens[k].text);
      }
      // "Experience: 5 years", "experience of at least five years"
      for (std::size_t k = i; !statement && k > 0 && k + 8 > i && tokens[k - 1].text != "."; --k) {
        statement = is_experience(tokens[k - 1].text);
      }
      // "within two years", "for the next 3 years", "in the past 5 years" are not experience.
      if (i > 0 && (tokens[i - 1].text == "within" || tokens[i - 1].text == "next" ||
                    tokens[i - 1].text == "past" || tokens[i - 1].text == "last")) {
        statement = false;
      }
    }
    if (!statement) continue;
    total.add(tokens, i, j, value);
    if (leads) leadership.add(tokens, i, j, value);
  }
  return {total.value(), leadership.value()};
}

// `years`, found in sentence `first`, or a smaller alternative listed as a separate item right
// after it ("...; or" then "Four years ..."), as `read` finds them.
int with_listed_alternatives(std::span<const Sentence> sentences, std::size_t first, int years,
                             std::optional<int> (*read)(std::string_view)) {
  for (std::size_t k = first + 1; k < sentences.size(); ++k) {
    const std::string previous = ascii_lower(trim(sentences[k - 1].text));
    const std::string next = ascii_lower(trim(sentences[k].text));
    if (!previous.ends_with(" or") && !previous.ends_with(";or") && !next.starts_with("or ")) break;
    if (const auto alternative = read(sentences[k].text); alternative && *alternative < years) years = *alternative;
  }
  return years;
}

}  // namespace

std::optional<int> years_in_sentence(std::string_view sentence) { return read_years(sentence).total; }

std::optional<int> leadership_years_in_sentence(std::string_view sentence) {
  return read_years(sentence).leadership;
}

YearsRequired years_requirements(std::span<const Sentence> sentences) {
  // One pass for both: reading a sentence for years costs a scan of its bytes.
  YearsRequired out;
  for (std::size_t i = 0; i < sentences.size() && !(out.experience && out.leadership); ++i) {
    if (sentences[i].section == SectionKind::boilerplate) continue;
    const YearsStatements found = read_years(sentences[i].text);
    if (!out.experience && found.total) {
      out.experience = with_listed_alternatives(sentences, i, *found.total, years_in_sentence);
    }
    if (!out.leadership && found.leadership) {
      out.leadership = with_listed_alternatives(sentences, i, *found.leadership, leadership_years_in_sentence);
    }
  }
  return out;
}

std::optional<int> years_required(std::span<const Sentence> sentences) {
  return years_requirements(sentences).experience;
}

std::optional<int> years_leadership_required(std::span<const Sentence> sentences) {
  return years_requirements(sentences).leadership;
}

}  // namespace cio_gap
