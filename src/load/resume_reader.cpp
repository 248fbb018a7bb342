#include "cio_gap/load/resume_reader.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>

#include "cio_gap/error.h"
#include "cio_gap/load/posting_reader.h"
#include "cio_gap/model/diagnostics.h"

namespace cio_gap {
namespace {

std::string lower_extension(std::string_view path) {
  const auto slash = path.find_last_of('/');
  const auto dot = path.find_last_of('.');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return "";
  std::string ext(path.substr(dot));
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext;
}

bool blank(const std::string& text) {
  return std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isspace(c) != 0; });
}

}  // namespace

bool is_resume_format(std::string_view path) {
  static constexpr std::array<std::string_view, 5> kFormats = {".pdf", ".docx", ".odt", ".md", ".txt"};
  const std::string ext = lower_extension(path);
  return std::find(kFormats.begin(), kFormats.end(), ext) != kFormats.end();
}

PostingText read_resume(const std::string& path, const ReadLimits& limits) {
  if (!is_resume_format(path)) {
    throw Error(located(path, 0, 0, "a résumé must be .pdf, .docx, .odt, .md or .txt"));
  }
  Diagnostics diagnostics;
  std::optional<PostingText> resume = read_document(path, limits, diagnostics);
  // A file the readers skip (missing, unreadable, too large, encrypted) says why in its
  // warning, which names the file: for a résumé that ends the run.
  if (!resume && !diagnostics.warnings.empty()) {
    std::string why = diagnostics.warnings.front();
    const std::string skipped = path + ": skipped: ";
    if (why.starts_with(skipped)) why = path + ": cannot read the résumé: " + why.substr(skipped.size());
    throw Error(why);
  }
  if (!resume || blank(resume->text)) throw Error(located(path, 0, 0, "the résumé has no text to read"));
  return std::move(*resume);
}

}  // namespace cio_gap
