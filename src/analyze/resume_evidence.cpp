#include "cio_gap/analyze/resume_evidence.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "cio_gap/text/normalize.h"
#include "cio_gap/text/segmenter.h"

namespace cio_gap {
namespace {

// Headings under which a résumé lists skills as words. Kept here rather than in the rules:
// they describe résumés, not postings, and no rule pack needs to change them.
constexpr std::array<std::string_view, 12> kSkillsHeadings = {
    "skills",        "skill set",     "competencies", "competences",  "expertise",     "proficiencies",
    "technologies",  "technical",     "tools",        "keywords",     "strengths",     "specialties"};

// Evidence lines kept per qualification.
constexpr std::size_t kLinesPerQualification = 3;

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
  return out;
}

// The "Label" of a line that starts "Label: ..." (at most a few words), or "".
std::string_view line_label(std::string_view sentence) {
  const auto colon = sentence.find(':');
  if (colon == std::string_view::npos || colon > 40) return {};
  return sentence.substr(0, colon);
}

}  // namespace

bool is_skills_heading(std::string_view heading) {
  const std::string lower = lower_ascii(heading);
  return std::any_of(kSkillsHeadings.begin(), kSkillsHeadings.end(),
                     [&](std::string_view word) { return contains_word(lower, word); });
}

std::string resume_location(const PostingText& resume, int line) {
  const int page = page_of_line(resume.page_lines, line);
  return resume.source + ":" + (page > 0 ? "p" + std::to_string(page) + ":" : "") + std::to_string(line);
}

std::vector<std::vector<ProfileEvidence>> resume_evidence(const PostingText& resume, const Extractor& extractor) {
  std::vector<std::vector<ProfileEvidence>> out(extractor.rules().rules.size());
  // Every heading counts here, the ones postings use and the ones only résumés do ("Skills"):
  // the heading of each line, by line number.
  const Segmenter segmenter(extractor.rules().vocabulary);
  std::vector<std::string> heading_of_line{""};
  std::string heading;
  for (std::size_t start = 0; start <= resume.text.size();) {
    const auto end = std::min(resume.text.find('\n', start), resume.text.size());
    const std::string_view line = trim(std::string_view(resume.text).substr(start, end - start));
    if (std::string h = line.empty() ? "" : segmenter.heading_text(line); !h.empty()) heading = std::move(h);
    heading_of_line.push_back(heading);
    start = end + 1;
  }
  KeywordMatcher::Scratch scratch(extractor.matcher());
  // A résumé has no employer boilerplate: a paragraph a posting would read as "about the
  // company" or "benefits" is still the person's own record, so only negated, excluded and
  // other-sense mentions are left out.
  for (const Hit& hit : extractor.hits(resume, scratch)) {
    if (hit.status != HitStatus::counted && hit.status != HitStatus::boilerplate) continue;
    if (hit.strength == 0) continue;  // the first line stands for a title: a name, not evidence
    const auto index = static_cast<std::size_t>(std::max(hit.line - resume.line_offset, 0));
    const std::string& under = index < heading_of_line.size() ? heading_of_line[index] : heading;
    const bool skills_only = is_skills_heading(under) || is_skills_heading(line_label(hit.sentence));
    const Status strength = skills_only ? Status::partial : Status::have;
    auto& items = out[hit.rule];
    const std::string location = resume_location(resume, hit.line);
    if (std::any_of(items.begin(), items.end(), [&](const auto& e) { return e.location == location; })) continue;
    items.push_back({"resume", hit.sentence, strength, location});
  }
  for (auto& items : out) {
    // Work done first, then text order; a few lines are enough to cite.
    std::stable_sort(items.begin(), items.end(), [](const auto& a, const auto& b) {
      return a.strength == Status::have && b.strength != Status::have;
    });
    if (items.size() > kLinesPerQualification) items.resize(kLinesPerQualification);
  }
  return out;
}

}  // namespace cio_gap
