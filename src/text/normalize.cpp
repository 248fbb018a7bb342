#include "cio_gap/text/normalize.h"

#include <algorithm>

namespace cio_gap {
namespace {

enum class Fold { keep, drop, space };

// The few non-ASCII characters that job text uses for punctuation. Three-byte UTF-8
// sequences starting E2 80 cover the General Punctuation block.
Fold fold_e2_80(unsigned char third) {
  switch (third) {
    case 0x98: case 0x99: case 0x9A: case 0x9B:  // ‘ ’ ‚ ‛
    case 0xB2:                                    // ′
      return Fold::drop;
    case 0x90: case 0x91: case 0x92: case 0x93: case 0x94: case 0x95:  // ‐ ‑ ‒ – — ―
    case 0x80: case 0x81: case 0x82: case 0x83: case 0x84: case 0x85:  // en/em spaces
    case 0x86: case 0x87: case 0x88: case 0x89: case 0x8A: case 0x8B:  // thin spaces, ZWSP
    case 0xA8: case 0xA9: case 0xAF:                                   // line/para sep, NNBSP
      return Fold::space;
    default:
      return Fold::keep;
  }
}

}  // namespace

int NormalizedText::line_at(std::size_t offset) const {
  auto it = std::upper_bound(line_starts.begin(), line_starts.end(), offset,
                             [](std::size_t value, const auto& mark) { return value < mark.first; });
  if (it == line_starts.begin()) return line_starts.empty() ? 1 : line_starts.front().second;
  return std::prev(it)->second;
}

NormalizedText normalize_for_matching(std::string_view in, int first_line, bool with_offsets) {
  NormalizedText out;
  out.text.reserve(in.size());
  out.line_starts.emplace_back(0, first_line);
  int line = first_line;
  bool pending_space = false;
  std::size_t i = 0;
  auto emit = [&](char c) {
    if (pending_space && !out.text.empty()) {
      out.text.push_back(' ');
      if (with_offsets) out.source_offsets.push_back(static_cast<std::uint32_t>(i > 0 ? i - 1 : 0));
    }
    pending_space = false;
    out.text.push_back(c);
    if (with_offsets) out.source_offsets.push_back(static_cast<std::uint32_t>(i));
  };
  for (; i < in.size(); ++i) {
    const auto c = static_cast<unsigned char>(in[i]);
    if (c == '\n') {
      ++line;
      pending_space = true;
      const std::size_t at = out.text.size() + (out.text.empty() ? 0 : 1);
      if (out.line_starts.back().first == at) {
        out.line_starts.back().second = line;
      } else {
        out.line_starts.emplace_back(at, line);
      }
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' || c == '-' || c == '_') {
      pending_space = true;
      continue;
    }
    if (c == '\'' || c == '`') continue;
    if (c == 0xC2 && i + 1 < in.size() && static_cast<unsigned char>(in[i + 1]) == 0xA0) {
      pending_space = true;  // no-break space
      ++i;
      continue;
    }
    if (c == 0xE2 && i + 2 < in.size() && static_cast<unsigned char>(in[i + 1]) == 0x80) {
      const Fold fold = fold_e2_80(static_cast<unsigned char>(in[i + 2]));
      if (fold == Fold::drop) {
        i += 2;
        continue;
      }
      if (fold == Fold::space) {
        pending_space = true;
        i += 2;
        continue;
      }
      const auto third = static_cast<unsigned char>(in[i + 2]);
      if (third == 0x9C || third == 0x9D) {  // “ ”
        emit('"');
        i += 2;
        continue;
      }
    }
    if (c == 0xE2 && i + 2 < in.size() && static_cast<unsigned char>(in[i + 1]) == 0x88 &&
        static_cast<unsigned char>(in[i + 2]) == 0x92) {  // − minus sign
      pending_space = true;
      i += 2;
      continue;
    }
    emit(static_cast<char>(c));
  }
  // Line marks past the end (trailing blank lines) are harmless but useless.
  while (out.line_starts.size() > 1 && out.line_starts.back().first >= out.text.size()) {
    out.line_starts.pop_back();
  }
  return out;
}

std::string normalize_phrase(std::string_view utf8) { return normalize_for_matching(utf8).text; }

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n\f\v");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r\n\f\v");
  return text.substr(first, last - first + 1);
}

}  // namespace cio_gap
