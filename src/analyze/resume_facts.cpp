#include "cio_gap/analyze/resume_facts.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>
#include <vector>

#include "cio_gap/text/normalize.h"

namespace cio_gap {
namespace {

// Words that make a line a job title. Written here rather than in the rules: they read
// résumés, which the rule packs do not describe.
constexpr std::array<std::string_view, 24> kTitleWords = {
    "chief",      "officer",     "director",  "manager",    "head of",   "vice president", "vp",    "president",
    "lead",       "engineer",    "architect", "administrator", "analyst", "consultant",    "cio",   "cto",
    "ciso",       "supervisor",  "coordinator", "specialist", "developer", "founder",      "partner", "principal"};

// Headings whose dates are not years of work.
constexpr std::array<std::string_view, 6> kNotWorkHeadings = {"education", "academic", "degree", "training",
                                                                "certification", "course"};
constexpr std::array<std::string_view, 3> kWorkHeadings = {"experience", "employment", "career"};
constexpr std::array<std::string_view, 4> kNow = {"present", "current", "now", "today"};


template <std::size_t N>
bool names_any(std::string_view text, const std::array<std::string_view, N>& words) {
  return std::any_of(words.begin(), words.end(), [&](std::string_view word) { return contains_word(text, word); });
}

// "Dana Rivera", "Dana M. Rivera-Cole": two to four capitalised words of letters.
bool reads_as_name(std::string_view line) {
  int words = 0;
  bool at_word_start = true;
  for (const char c : line) {
    const auto u = static_cast<unsigned char>(c);
    if (c == ' ') {
      at_word_start = true;
      continue;
    }
    if (std::isdigit(u) || c == '@' || c == ':' || c == '|' || c == ',') return false;
    if (at_word_start) {
      // A word starts with a capital (or a UTF-8 letter, as in "Élodie").
      if (!(std::isupper(u) || u >= 0x80)) return false;
      ++words;
    } else if (!(std::isalpha(u) || u >= 0x80 || c == '.' || c == '-' || c == '\'')) {
      return false;
    }
    at_word_start = false;
  }
  return words >= 2 && words <= 4 && !contains_word(line, "resume") && !contains_word(line, "curriculum vitae");
}

// The title part of "Director of IT Operations | Cascade Power | 2019 - Present".
std::string title_part(std::string_view line) {
  std::size_t cut = line.size();
  for (const std::string_view separator : {" | ", " — ", " – ", " - ", " · ", " • ", " (", " at ", "\t", "  "}) {
    cut = std::min(cut, line.find(separator));
  }
  for (std::size_t i = 0; i < cut; ++i) {
    if (std::isdigit(static_cast<unsigned char>(line[i]))) {
      cut = i;
      break;
    }
  }
  std::string_view title = trim(line.substr(0, cut));
  while (!title.empty() && (title.back() == ',' || title.back() == ';')) title = trim(title.substr(0, title.size() - 1));
  return std::string(title);
}

bool is_title_line(std::string_view line) {
  const std::string title = title_part(line);
  return line.size() <= 160 && !title.empty() && title.find('@') == std::string::npos && names_any(title, kTitleWords);
}

// A year from 1950 to `current_year` starting at `at`, as a whole word.
std::optional<int> year_at(std::string_view text, std::size_t at, int current_year) {
  if (at + 4 > text.size()) return std::nullopt;
  if (at > 0 && std::isalnum(static_cast<unsigned char>(text[at - 1]))) return std::nullopt;
  if (at + 4 < text.size() && std::isalnum(static_cast<unsigned char>(text[at + 4]))) return std::nullopt;
  int year = 0;
  for (std::size_t i = at; i < at + 4; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return std::nullopt;
    year = year * 10 + (text[i] - '0');
  }
  if (year < 1950 || year > current_year) return std::nullopt;
  return year;
}

struct Span {
  int from;
  int to;
};

// Date ranges in one line: "2015 - 2019", "Jan 2015 – Mar 2019", "2019–Present", "2012 to now".
std::vector<Span> date_ranges(std::string_view line, int current_year) {
  std::vector<Span> spans;
  for (std::size_t i = 0; i + 4 <= line.size(); ++i) {
    const auto from = year_at(line, i, current_year);
    if (!from) continue;
    std::size_t j = i + 4;
    auto skip_spaces = [&] {
      while (j < line.size() && (line[j] == ' ' || line[j] == ',')) ++j;
    };
    skip_spaces();
    if (line.substr(j).starts_with("-")) {
      j += 1;
    } else if (line.substr(j).starts_with("–") || line.substr(j).starts_with("—")) {
      j += 3;  // both are three bytes in UTF-8
    } else if (line.substr(j, 3) == "to ") {
      j += 2;
    } else {
      continue;
    }
    skip_spaces();
    // An optional month: "Mar 2019", "March 2019", "Mar. 2019".
    std::size_t k = j;
    while (k < line.size() && std::isalpha(static_cast<unsigned char>(line[k]))) ++k;
    const std::string word = ascii_lower(line.substr(j, k - j));
    if (std::find(kNow.begin(), kNow.end(), word) != kNow.end()) {
      spans.push_back({*from, current_year});
      i = k - 1;
      continue;
    }
    if (k > j && k - j <= 9) {
      j = k;
      if (j < line.size() && line[j] == '.') ++j;
      skip_spaces();
    }
    if (const auto to = year_at(line, j, current_year); to && *to >= *from) {
      spans.push_back({*from, *to});
      i = j + 3;
    }
  }
  return spans;
}

}  // namespace

ResumeFacts resume_facts(const PostingText& resume, const Segmenter& segmenter, int current_year) {
  ResumeFacts facts;
  std::vector<std::string_view> lines;
  for (std::size_t start = 0; start <= resume.text.size();) {
    const auto end = std::min(resume.text.find('\n', start), resume.text.size());
    lines.push_back(std::string_view(resume.text).substr(start, end - start));
    start = end + 1;
  }
  auto line_number = [&](std::size_t i) { return static_cast<int>(i) + 1 + resume.line_offset; };

  std::size_t first = 0;
  while (first < lines.size() && trim(lines[first]).empty()) ++first;
  if (first < lines.size()) {
    std::string_view line = trim(lines[first]);
    while (line.starts_with('#')) line = trim(line.substr(1));
    if (reads_as_name(line)) {
      facts.name = std::string(line);
      facts.name_line = line_number(first);
    }
  }

  std::string heading;
  bool in_work = false;
  int earliest = 0;
  int latest = 0;
  // The first line is the name or a title such as "Curriculum Vitae", never a section.
  for (std::size_t i = first + 1; i < lines.size(); ++i) {
    const std::string_view line = trim(lines[i]);
    if (line.empty()) continue;
    if (const std::string h = segmenter.heading_text(line); !h.empty() && line.size() <= 60) {
      heading = h;
      in_work = names_any(heading, kWorkHeadings);
      continue;
    }
    // The title: among the lines under the name before any heading, or first under experience.
    const bool near_top = heading.empty() && i > first && i <= first + 4;
    if (facts.current_role.empty() && (near_top || in_work) && is_title_line(line)) {
      facts.current_role = title_part(line);
      facts.role_line = line_number(i);
    }
    if (names_any(heading, kNotWorkHeadings)) continue;
    for (const Span& span : date_ranges(line, current_year)) {
      earliest = earliest == 0 ? span.from : std::min(earliest, span.from);
      latest = std::max(latest, span.to);
    }
  }
  if (earliest > 0) {
    facts.years_experience = latest - earliest;
    facts.years_basis = std::to_string(earliest) + "-" + std::to_string(latest);
  }
  return facts;
}

}  // namespace cio_gap
