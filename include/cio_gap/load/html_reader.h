#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "cio_gap/model/diagnostics.h"
#include "cio_gap/model/posting.h"

namespace cio_gap {

/// One HTML page as one posting named `source`. When the page carries a schema.org
/// JobPosting in JSON-LD, the posting comes from it: its title, its description as visible
/// text, then responsibilities, qualifications, skills, experience and education
/// requirements each under a heading line ("Responsibilities", ...). Otherwise it is the
/// page's visible text (see html_to_text), titled by the first <h1>, or else by the first
/// line. Nothing, with a warning, when the page has no text or is too big to parse.
std::optional<PostingText> read_html_posting(const std::string& source, std::string_view html,
                                             Diagnostics& diagnostics);

}  // namespace cio_gap
