#include "cio_gap/load/pdf_streams.h"

#include <zlib.h>

#include <algorithm>
#include <array>

namespace cio_gap {
namespace {

constexpr std::size_t kDictionaryLookBack = 4096;  // bytes searched back from "stream" for its dictionary

bool is_space(char c) { return c == ' ' || c == '\r' || c == '\n' || c == '\t' || c == '\f' || c == '\0'; }

// Bytes a zlib stream inflates to, up to `limit`; a damaged stream counts what came out.
std::uint64_t inflated_size(std::string_view data, std::uint64_t limit) {
  z_stream stream{};
  if (inflateInit(&stream) != Z_OK) return 0;
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(std::min<std::size_t>(data.size(), UINT32_MAX));
  std::array<unsigned char, 65536> sink;
  std::uint64_t total = 0;
  for (;;) {
    stream.next_out = sink.data();
    stream.avail_out = static_cast<uInt>(sink.size());
    const int status = inflate(&stream, Z_NO_FLUSH);
    total += sink.size() - stream.avail_out;
    if (status != Z_OK || total > limit) break;
  }
  inflateEnd(&stream);
  return total;
}

}  // namespace

std::uint64_t pdf_content_bytes(std::string_view pdf, std::uint64_t stop_after) {
  std::uint64_t total = 0;
  std::size_t at = 0;
  std::size_t previous_end = 0;  // a dictionary is looked for after the stream before it only
  while (total <= stop_after) {
    at = pdf.find("stream", at);
    if (at == std::string_view::npos) break;
    const std::size_t keyword = at;
    at += 6;
    // "stream" right after a dictionary's ">>", not "endstream" or text inside a stream.
    std::size_t before = keyword;
    while (before > 0 && is_space(pdf[before - 1])) --before;
    if (before < 2 || pdf.substr(before - 2, 2) != ">>") continue;
    std::size_t data_begin = at;
    if (data_begin < pdf.size() && pdf[data_begin] == '\r') ++data_begin;
    if (data_begin < pdf.size() && pdf[data_begin] == '\n') ++data_begin;
    std::size_t data_end = pdf.find("endstream", data_begin);
    if (data_end == std::string_view::npos) data_end = pdf.size();
    at = data_end;
    // The line end before "endstream" belongs to the syntax, not to the data.
    if (data_end > data_begin && pdf[data_end - 1] == '\n') --data_end;
    if (data_end > data_begin && pdf[data_end - 1] == '\r') --data_end;
    const std::size_t dictionary_begin =
        std::max(previous_end, keyword > kDictionaryLookBack ? keyword - kDictionaryLookBack : std::size_t{0});
    previous_end = data_end;
    std::string_view dictionary = pdf.substr(dictionary_begin, keyword - dictionary_begin);
    const std::size_t object = dictionary.rfind(" obj");
    if (object != std::string_view::npos) dictionary.remove_prefix(object);
    if (dictionary.find("/Image") != std::string_view::npos || dictionary.find("/Length1") != std::string_view::npos ||
        dictionary.find("/Length2") != std::string_view::npos || dictionary.find("/FontFile") != std::string_view::npos ||
        dictionary.find("/Metadata") != std::string_view::npos) {
      continue;
    }
    const std::string_view data = pdf.substr(data_begin, data_end - data_begin);
    if (dictionary.find("/FlateDecode") != std::string_view::npos || dictionary.find("/Fl ") != std::string_view::npos) {
      total += inflated_size(data, stop_after - std::min(total, stop_after));
    } else {
      total += data.size();
    }
  }
  return total;
}

}  // namespace cio_gap
