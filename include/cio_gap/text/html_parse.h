#pragma once

#include <gumbo.h>

#include <cstddef>
#include <memory>
#include <string_view>

namespace cio_gap {

/// Memory gumbo may use to parse a page: this much, plus kHtmlParseBytesPerByte for every
/// byte of the page. A saved job page needs about 6 bytes a byte (with malloc's overhead); the
/// most elements html_limit_exceeded lets through, 100,000 short paragraphs, about 60 MiB; 900
/// unclosed <b>s reopened in 20,000 paragraphs would need 6.8 GB.
inline constexpr std::size_t kHtmlParseBaseBytes = std::size_t{96} << 20;
inline constexpr std::size_t kHtmlParseBytesPerByte = 8;

/// The memory budget for parsing `html_bytes` of HTML.
std::size_t html_parse_budget(std::size_t html_bytes);

/// One gumbo parse within a memory budget: every allocation is counted, and when the next one
/// would pass the budget the parse is abandoned and all its memory freed.
class HtmlParse {
 public:
  HtmlParse(std::string_view html, std::size_t limit, GumboTag fragment_context = GUMBO_TAG_LAST);
  HtmlParse(const HtmlParse&) = delete;
  HtmlParse& operator=(const HtmlParse&) = delete;
  ~HtmlParse();

  /// The tree; nullptr when it would not fit in the budget.
  const GumboOutput* output() const { return output_; }
  /// The budget, in bytes.
  std::size_t limit() const;

 private:
  struct Budget;
  std::unique_ptr<Budget> budget_;
  GumboOptions options_{};
  GumboOutput* output_ = nullptr;
};

}  // namespace cio_gap
