#include "cio_gap/text/normalize.h"

#include <algorithm>
#include <array>
#include <functional>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

enum ByteKind : std::uint8_t { kEmit, kSpace, kDrop, kSpecial };

// What normalize_for_matching does with each byte, where one byte decides it.
constexpr std::array<std::uint8_t, 256> kByteKinds = [] {
  std::array<std::uint8_t, 256> kinds{};
  for (const char c : {' ', '\t', '\r', '\f', '\v', '-', '_', '\n'}) kinds[static_cast<unsigned char>(c)] = kSpace;
  kinds['\''] = kDrop;
  kinds['`'] = kDrop;
  kinds[0xC2] = kSpecial;
  kinds[0xE2] = kSpecial;
  return kinds;
}();

// normalize_for_matching's folding as one table-driven pass, writing the folded bytes (when
// `text` is set), their lower-case form and the offset of the input byte each came from (when
// `offsets` is set). Returns the folded size, never more than the input's. Locals only, so the
// byte stores cannot alias the loop's state.
template <bool kWithText, bool kWithOffsets>
std::size_t fold_into(std::string_view in, char* text, char* lower, std::uint32_t* offsets) {
  const auto* p = reinterpret_cast<const unsigned char*>(in.data());
  const std::size_t n = in.size();
  std::size_t size = 0;
  bool pending_space = false;
  auto emit = [&](unsigned char c, std::size_t from) {
    if constexpr (kWithText) text[size] = static_cast<char>(c);
    lower[size] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    if constexpr (kWithOffsets) offsets[size] = static_cast<std::uint32_t>(from);
    ++size;
  };
  for (std::size_t i = 0; i < n; ++i) {
#if defined(__SSE2__)
    // Most of a posting is 16-byte stretches of ASCII text whose spaces are single: those fold
    // to themselves, so they are copied a block at a time.
    while (!pending_space && i + 16 <= n) {
      const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
      const __m128i special = _mm_or_si128(
          _mm_or_si128(_mm_cmplt_epi8(block, _mm_set1_epi8(' ')),  // controls, line breaks, bytes >= 0x80
                       _mm_or_si128(_mm_cmpeq_epi8(block, _mm_set1_epi8('-')), _mm_cmpeq_epi8(block, _mm_set1_epi8('_')))),
          _mm_or_si128(_mm_cmpeq_epi8(block, _mm_set1_epi8('\'')), _mm_cmpeq_epi8(block, _mm_set1_epi8('`'))));
      const auto spaces = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(block, _mm_set1_epi8(' '))));
      if (_mm_movemask_epi8(special) != 0 || (spaces & (spaces >> 1)) != 0 || (spaces & 0x8000u) != 0 ||
          ((spaces & 1u) != 0 && size == 0)) {
        break;
      }
      const __m128i upper = _mm_and_si128(_mm_cmpgt_epi8(block, _mm_set1_epi8('A' - 1)),
                                          _mm_cmplt_epi8(block, _mm_set1_epi8('Z' + 1)));
      _mm_storeu_si128(reinterpret_cast<__m128i*>(lower + size),
                       _mm_or_si128(block, _mm_and_si128(upper, _mm_set1_epi8(0x20))));
      if constexpr (kWithText) _mm_storeu_si128(reinterpret_cast<__m128i*>(text + size), block);
      if constexpr (kWithOffsets) {
        __m128i from = _mm_add_epi32(_mm_set1_epi32(static_cast<int>(i)), _mm_setr_epi32(0, 1, 2, 3));
        for (int quarter = 0; quarter < 4; ++quarter) {
          _mm_storeu_si128(reinterpret_cast<__m128i*>(offsets + size + 4 * static_cast<std::size_t>(quarter)), from);
          from = _mm_add_epi32(from, _mm_set1_epi32(4));
        }
      }
      size += 16;
      i += 16;
    }
    if (i >= n) break;
#endif
    const unsigned char c = p[i];
    const std::uint8_t kind = kByteKinds[c];
    if (kind == kSpace) {
      pending_space = true;
      continue;
    }
    if (kind == kDrop) continue;
    unsigned char out = c;
    std::size_t advance = 0;
    if (kind == kSpecial) {
      if (c == 0xC2) {
        if (i + 1 < n && p[i + 1] == 0xA0) {  // no-break space
          pending_space = true;
          ++i;
          continue;
        }
      } else if (i + 2 < n && p[i + 1] == 0x80) {
        const Fold fold = fold_e2_80(p[i + 2]);
        if (fold == Fold::drop) {
          i += 2;
          continue;
        }
        if (fold == Fold::space) {
          pending_space = true;
          i += 2;
          continue;
        }
        if (p[i + 2] == 0x9C || p[i + 2] == 0x9D) {  // “ ”
          out = '"';
          advance = 2;
        }
      } else if (i + 2 < n && p[i + 1] == 0x88 && p[i + 2] == 0x92) {  // − minus sign
        pending_space = true;
        i += 2;
        continue;
      }
    }
    if (pending_space && size > 0) emit(' ', i - 1);
    pending_space = false;
    emit(out, i);
    i += advance;
    // The common case, a run of bytes kept as they are, in a tight loop.
    while (i + 1 < n && kByteKinds[p[i + 1]] == kEmit) {
      ++i;
      emit(p[i], i);
    }
  }
  return size;
}

}  // namespace

void MatchText::clear() {
  text.clear();
  lower.clear();
  source_offsets.clear();
  texts_ = 0;
}

std::size_t MatchText::append(std::string_view utf8) {
  if (texts_++ > 0) {
    text.push_back('\n');
    lower.push_back('\n');
    source_offsets.push_back(0);
  }
  // Folding never lengthens text, so the input's size bounds the output.
  const std::size_t start = text.size();
  text.resize(start + utf8.size());
  lower.resize(start + utf8.size());
  source_offsets.resize(start + utf8.size());
  const std::size_t size = fold_into<true, true>(utf8, text.data() + start, lower.data() + start,
                                                 source_offsets.data() + start);
  text.resize(start + size);
  lower.resize(start + size);
  source_offsets.resize(start + size);
  return start;
}

std::string_view fold_lower(std::string_view utf8, std::string& buffer) {
  if (buffer.size() < utf8.size()) buffer.resize(utf8.size());
  const std::size_t size = fold_into<false, false>(utf8, nullptr, buffer.data(), nullptr);
  return std::string_view(buffer).substr(0, size);
}

std::size_t folded_fingerprint(std::string_view utf8) {
  thread_local std::string folded;
  return std::hash<std::string_view>{}(fold_lower(utf8, folded));
}

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

bool contains_word(std::string_view haystack, std::string_view needle) {
  const std::string h = ascii_lower(normalize_phrase(haystack));
  const std::string n = ascii_lower(normalize_phrase(needle));
  for (auto at = h.find(n); !n.empty() && at != std::string::npos; at = h.find(n, at + 1)) {
    const auto end = at + n.size();
    if ((at == 0 || !is_word_byte(h[at - 1])) && (end == h.size() || !is_word_byte(h[end]))) return true;
  }
  return false;
}

}  // namespace cio_gap
