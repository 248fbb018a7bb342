#pragma once

#include <optional>
#include <string>

#include "cio_gap/model/posting.h"
#include "cio_gap/text/segmenter.h"

namespace cio_gap {

/// What a résumé states about the person, where it states it plainly enough to draft a
/// profile from; each field empty (0, nullopt) when the résumé does not.
struct ResumeFacts {
  std::string name;          ///< the first line, when it reads as a name ("Dana Rivera")
  int name_line = 0;
  std::string current_role;  ///< the first job title: under the name, or first under the experience heading
  int role_line = 0;
  std::optional<int> years_experience;  ///< from the earliest year a job starts to the latest it ends
  std::string years_basis;   ///< the span behind it, "2009-2026"
};

/// Reads name, current role and years from a résumé. Dates under education, training or
/// certification headings are left out of the years; "present" (or "current", "now", "today")
/// is `current_year`.
ResumeFacts resume_facts(const PostingText& resume, const Segmenter& segmenter, int current_year);

}  // namespace cio_gap
