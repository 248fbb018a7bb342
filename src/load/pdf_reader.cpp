#include "cio_gap/load/pdf_reader.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <climits>
#include <memory>
#include <mutex>
#include <vector>

#include "cio_gap/load/pdf_streams.h"
#include "cio_gap/load/posting_builder.h"
#include "cio_gap/text/page_layout.h"

namespace cio_gap {
namespace {

// poppler prints its complaints about a damaged file to standard error; the reader's one
// warning says what matters, so they are dropped.
void ignore_poppler_message(const std::string& /*message*/, void* /*closure*/) {}

// poppler keeps process-wide state (its error callback, font and cache tables); reading one
// PDF at a time keeps a parallel scan clear of it. PDFs are rare enough in a folder of
// postings that the scan's other threads go on with the rest meanwhile.
std::mutex& poppler_mutex() {
  static std::mutex mutex;
  return mutex;
}

std::string utf8_of(const poppler::ustring& text) {
  const poppler::byte_array bytes = text.to_utf8();
  return std::string(bytes.begin(), bytes.end());
}

}  // namespace

std::optional<PostingText> read_pdf_posting(const std::string& source, std::string_view bytes,
                                            std::size_t max_text_bytes, Diagnostics& diagnostics) {
  auto skipped = [&](const std::string& why) {
    diagnostics.warn(source + ": skipped: " + why);
    return std::nullopt;
  };
  if (bytes.size() > static_cast<std::size_t>(INT_MAX)) return skipped("PDF too large to read");
  // Before poppler sees it: poppler holds a whole page's glyphs, so a page's content must be
  // bounded before it is read.
  if (pdf_content_bytes(bytes, kMaxPdfContentBytes) > kMaxPdfContentBytes) {
    return skipped("its page contents unpack to more than " + std::to_string(kMaxPdfContentBytes) +
                   " bytes (a compression bomb?)");
  }

  const std::lock_guard<std::mutex> lock(poppler_mutex());
  static std::once_flag silenced;
  std::call_once(silenced, [] { poppler::set_debug_error_function(ignore_poppler_message, nullptr); });

  const std::unique_ptr<poppler::document> document(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!document) return skipped("not a readable PDF (damaged or truncated)");
  if (document->is_locked()) return skipped("the PDF is locked with a password");
  const int page_count = document->pages();
  if (page_count <= 0) return skipped("not a readable PDF (no pages)");

  std::vector<std::vector<LaidOutLine>> pages;
  std::size_t text_bytes = 0;
  int read = 0;
  for (; read < page_count && read < kMaxPdfPages && text_bytes <= max_text_bytes; ++read) {
    const std::unique_ptr<poppler::page> page(document->create_page(read));
    std::vector<WordBox> words;
    if (page) {
      for (const poppler::text_box& box : page->text_list()) {
        const poppler::rectf rect = box.bbox();
        words.push_back({utf8_of(box.text()), rect.left(), rect.top(), rect.right(), rect.bottom()});
        text_bytes += words.back().text.size() + 1;
      }
    }
    pages.push_back(lay_out_page(std::move(words)));
  }
  const PagedText text = join_pages(pages);
  const std::string pages_read = std::to_string(read) + " of " + std::to_string(page_count) + " pages";
  if (text.text.find_first_not_of(" \t\n") == std::string::npos) {
    return skipped(read < page_count ? "the PDF has no text to read in its first " + pages_read
                                     : "the PDF has no text to read (a scanned image?)");
  }
  if (read < page_count) {
    diagnostics.warn(source + ": read the first " + pages_read + ": " +
                     (text_bytes > max_text_bytes
                          ? "its text passed " + std::to_string(max_text_bytes) + " bytes (--max-filesize)"
                          : "a posting is read up to " + std::to_string(kMaxPdfPages) + " pages"));
  }
  PostingText posting;
  posting.source = source;
  posting.title = title_from_text(text.text);
  posting.text = text.text;
  posting.page_lines = text.page_lines;
  return posting;
}

}  // namespace cio_gap
