#include "cio_gap/text/paragraph_roles.h"

#include <algorithm>

namespace cio_gap {
namespace {

constexpr std::size_t kRole = static_cast<std::size_t>(ParagraphCue::role);

// The strongest non-role cue of a paragraph and its count.
std::pair<ParagraphCue, int> strongest_other(const ParagraphFacts& facts) {
  ParagraphCue best = ParagraphCue::employer;
  int count = 0;
  for (std::size_t c = kRole + 1; c < facts.cues.size(); ++c) {
    if (facts.cues[c] > count) {
      count = facts.cues[c];
      best = static_cast<ParagraphCue>(c);
    }
  }
  return {best, count};
}

}  // namespace

const char* to_string(ParagraphCue role) {
  switch (role) {
    case ParagraphCue::role: return "role";
    case ParagraphCue::employer: return "employer";
    case ParagraphCue::benefits: return "benefits";
    case ParagraphCue::legal: return "legal";
    case ParagraphCue::apply: return "apply";
  }
  return "role";
}

std::vector<ParagraphCue> classify_paragraphs(std::span<const ParagraphFacts> paragraphs) {
  std::vector<ParagraphCue> roles(paragraphs.size(), ParagraphCue::role);
  std::size_t first_role = paragraphs.size();
  std::size_t last_role = 0;
  bool any_role = false;
  for (std::size_t p = 0; p < paragraphs.size(); ++p) {
    const ParagraphFacts& facts = paragraphs[p];
    const bool role_text = facts.cues[kRole] > 0 || (facts.headed && (facts.section == SectionKind::duties ||
                                                                       facts.section == SectionKind::required ||
                                                                       facts.section == SectionKind::preferred) &&
                                                      strongest_other(facts).second == 0);
    if (role_text && !facts.title) {
      first_role = std::min(first_role, p);
      last_role = p;
      any_role = true;
    }
  }
  for (std::size_t p = 0; p < paragraphs.size(); ++p) {
    const ParagraphFacts& facts = paragraphs[p];
    if (facts.title || facts.section == SectionKind::boilerplate) continue;
    const int role = facts.cues[kRole];
    const auto [other, count] = strongest_other(facts);
    if (facts.continues && p > 0 && role == 0 && count == 0) {
      roles[p] = roles[p - 1];
      continue;
    }
    if (count == 0) continue;
    // Under a heading of duties or requirements, a paragraph with a role cue is the role's own:
    // "administers retirement benefits; fulfills equal employment opportunity responsibilities".
    const bool role_heading = facts.headed && (facts.section == SectionKind::duties || facts.section == SectionKind::required);
    const bool outweighed = role_heading ? count >= 3 && role == 0 : (count >= 2 && role == 0) || (count >= 3 && count >= 2 * role);
    const bool opening = !facts.headed && p < first_role && role == 0;
    // A list item trails only in a run of text that is not about the role (a benefits list).
    const bool run = p > 0 && roles[p - 1] != ParagraphCue::role;
    const bool trailing = any_role && p > last_role && role == 0 && (!facts.item || run);
    if (outweighed || opening || trailing) roles[p] = other;
  }
  return roles;
}

}  // namespace cio_gap
