#include <algorithm>

#include "cio_gap/model/posting.h"
#include "cio_gap/model/profile.h"
#include "cio_gap/model/report.h"
#include "cio_gap/model/rule.h"

namespace cio_gap {

const char* to_string(SectionKind kind) {
  switch (kind) {
    case SectionKind::general: return "general";
    case SectionKind::duties: return "duties";
    case SectionKind::required: return "required";
    case SectionKind::preferred: return "preferred";
    case SectionKind::boilerplate: return "boilerplate";
  }
  return "general";
}

const char* to_string(RoleType type) {
  switch (type) {
    case RoleType::caretaker: return "caretaker";
    case RoleType::fixer: return "fixer";
    case RoleType::growth: return "growth";
  }
  return "caretaker";
}

int page_of_line(const std::vector<int>& page_lines, int line) {
  // The last page starting at or before the line: an empty page shares its number with the
  // page after it, which holds the line.
  const auto after = std::upper_bound(page_lines.begin(), page_lines.end(), line);
  if (after == page_lines.begin()) return page_lines.empty() ? 0 : 1;
  return static_cast<int>(after - page_lines.begin());
}

const char* to_string(Tier tier) { return tier == Tier::required ? "required" : "preferred"; }

const char* to_string(Diagnosis diagnosis) {
  switch (diagnosis) {
    case Diagnosis::none: return "";
    case Diagnosis::no_role_text: return "no-role-text";
    case Diagnosis::no_qualifications: return "no-qualifications";
  }
  return "";
}

const char* describe(Diagnosis diagnosis) {
  switch (diagnosis) {
    case Diagnosis::none: return "";
    case Diagnosis::no_role_text: return "no role text found: nothing in it describes the role";
    case Diagnosis::no_qualifications: return "no qualification found in the role text";
  }
  return "";
}

const char* to_string(Level level) {
  switch (level) {
    case Level::none: return "none";
    case Level::exposure: return "exposure";
    case Level::working: return "working";
    case Level::strong: return "strong";
    case Level::expert: return "expert";
  }
  return "none";
}

const char* to_string(Status status) {
  switch (status) {
    case Status::have: return "have";
    case Status::partial: return "partial";
    case Status::missing: return "missing";
  }
  return "missing";
}

}  // namespace cio_gap
