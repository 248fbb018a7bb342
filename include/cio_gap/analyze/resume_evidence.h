#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "cio_gap/match/extractor.h"
#include "cio_gap/model/posting.h"
#include "cio_gap/model/report.h"

namespace cio_gap {

/// Whether a résumé heading (or a "Label:" at the start of a line) introduces a list of
/// skills rather than work done: "Skills", "Core competencies", "Technical proficiencies".
bool is_skills_heading(std::string_view heading);

/// What a résumé shows, by rule index: the lines that mention each qualification, read with the
/// same rules as the postings (negations and other senses do not count). A mention in a role,
/// a summary or an achievement is `have`; a qualification named only under a skills heading
/// is `partial`: a list of words is weaker evidence than work done. At most a few lines per
/// qualification, work done first; each cites "source:line" (with ":pN:" for paged files).
std::vector<std::vector<ProfileEvidence>> resume_evidence(const PostingText& resume, const Extractor& extractor);

/// "source:line", or "source:pN:line" when the text has pages.
std::string resume_location(const PostingText& resume, int line);

}  // namespace cio_gap
