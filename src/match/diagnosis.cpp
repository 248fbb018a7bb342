#include "cio_gap/match/diagnosis.h"

#include <algorithm>

namespace cio_gap {

Diagnosis diagnose(std::span<const Sentence> sentences, const std::vector<Finding>& findings) {
  if (!findings.empty()) return Diagnosis::none;
  // The title names a role but does not describe it: a posting that is a title over benefits
  // text has no role text.
  const bool role_text = std::any_of(sentences.begin(), sentences.end(), [](const Sentence& sentence) {
    return sentence.section != SectionKind::boilerplate && !sentence.title;
  });
  return role_text ? Diagnosis::no_qualifications : Diagnosis::no_role_text;
}

}  // namespace cio_gap
