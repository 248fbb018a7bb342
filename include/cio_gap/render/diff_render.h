#pragma once

#include <string>

#include "cio_gap/analyze/report_diff.h"
#include "cio_gap/render/render.h"

namespace cio_gap {

/// `diff` as text: per person, the score change and each gap closed, opened or changed.
std::string render_diff_text(const ReportDiff& diff, const RenderOptions& options);

/// `diff` as JSON (schema_version, kind "diff", old, new, profiles[], only_old[], only_new[]).
std::string render_diff_json(const ReportDiff& diff);

}  // namespace cio_gap
