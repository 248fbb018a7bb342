#pragma once

#include <nlohmann/json.hpp>

#include <string>

#include "cio_gap/analyze/report_diff.h"
#include "cio_gap/render/render.h"

namespace cio_gap {

/// A signed part of a score change to one decimal: "+0.9", "-6.0", "0.0".
std::string signed_score(double change);

/// What the market did, in words: "postings 12 -> 15; 3 more postings demand mergers-acquisitions;
/// travel-relocation no longer demanded" (the largest moves, at most `most`, then "and N more");
/// "demand unchanged" when nothing moved.
std::string market_moves_text(const ScoreSplit& split, std::size_t most);

/// What the person did, in words: "negotiation partial -> have" (at most `most`, then "and N
/// more"); "no status changed" when nothing moved.
std::string person_moves_text(const ScoreSplit& split, std::size_t most);

/// The split in one line: "market -6.0 (...), you +0.9 (...)".
std::string split_text(const ScoreSplit& split, std::size_t most);

/// A split as JSON (the schema's score_split), or null.
nlohmann::ordered_json split_json(const std::optional<ScoreSplit>& split);

/// `diff` as text: per person, the score change and each gap closed, opened or changed.
std::string render_diff_text(const ReportDiff& diff, const RenderOptions& options);

/// `diff` as JSON (schema_version, kind "diff", old, new, profiles[], only_old[], only_new[]).
std::string render_diff_json(const ReportDiff& diff);

/// `diff` as Markdown: per person, the score change, its split and the gaps that moved.
std::string render_diff_markdown(const ReportDiff& diff);

}  // namespace cio_gap
