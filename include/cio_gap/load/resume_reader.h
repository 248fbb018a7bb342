#pragma once

#include <string>
#include <string_view>

#include "cio_gap/load/job_files.h"
#include "cio_gap/model/posting.h"

namespace cio_gap {

/// Whether a file name has a résumé format: .pdf, .docx, .odt, .md or .txt (any case).
bool is_resume_format(std::string_view path);

/// Reads a résumé as one text, read like a posting (read_document), named by `path` in
/// citations. Throws Error ("path: why") when the file is not a résumé format, cannot be read,
/// or holds no text.
PostingText read_resume(const std::string& path, const ReadLimits& limits);

}  // namespace cio_gap
