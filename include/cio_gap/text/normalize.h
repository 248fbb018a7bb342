#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cio_gap {

/// Text prepared for keyword matching, with a way back to the original lines.
struct NormalizedText {
  std::string text;  ///< case preserved; quotes, dashes, hyphens and whitespace runs folded
  /// (offset in `text`, 1-based line) at every place a new source line starts, ascending.
  std::vector<std::pair<std::size_t, int>> line_starts;
  /// When requested: for each byte of `text`, the offset of the input byte it came from.
  std::vector<std::uint32_t> source_offsets;

  /// The source line of the byte at `offset`.
  int line_at(std::size_t offset) const;
};

/// Folds text the way keywords are folded, so one literal matches every spelling variant:
/// curly quotes and apostrophes are dropped ("bachelor’s" -> "bachelors"), dashes and hyphens
/// become spaces ("C-suite" -> "C suite"), every run of whitespace (line breaks included)
/// becomes one space, leading and trailing space removed. `first_line` numbers the first line.
NormalizedText normalize_for_matching(std::string_view utf8, int first_line = 1,
                                     bool with_offsets = false);

/// normalize_for_matching(...).text, for keywords and short phrases.
std::string normalize_phrase(std::string_view utf8);

/// Many texts folded as normalize_for_matching folds each one, back to back in one buffer and
/// separated by '\n' (which no folded text and no normalised literal holds), so a single scan
/// finds every text's literals. Reused from posting to posting, it allocates nothing once warm.
struct MatchText {
  std::string text;   ///< the folded texts, '\n' between them
  std::string lower;  ///< `text` with ASCII letters lower-cased
  /// For each byte of `text`: the offset in its own input of the byte it came from.
  std::vector<std::uint32_t> source_offsets;

  /// Empties the buffers, keeping their capacity.
  void clear();
  /// Folds `utf8` onto the end (after a '\n' unless it is the first text); returns where its
  /// folded form starts. It ends at the next '\n' or at the end of `text`.
  std::size_t append(std::string_view utf8);

 private:
  std::size_t texts_ = 0;
};

/// ascii_lower(normalize_phrase(utf8)), written into `buffer` (reused, so no allocation once it
/// is large enough); the view is valid until `buffer` changes.
std::string_view fold_lower(std::string_view utf8, std::string& buffer);

/// std::hash of ascii_lower(normalize_phrase(utf8)), computed without allocating: the same
/// value for texts that differ only in case, punctuation folding and whitespace.
std::size_t folded_fingerprint(std::string_view utf8);

/// ASCII lower-casing (non-ASCII bytes kept), so offsets stay aligned with the input.
std::string ascii_lower(std::string_view text);

/// True for bytes that belong to a word: ASCII letters and digits, and any non-ASCII byte.
constexpr bool is_word_byte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || u >= 0x80;
}

/// Whitespace-trimmed view.
std::string_view trim(std::string_view text);

/// Whether `needle` occurs in `haystack` as whole words, ignoring case and punctuation spacing
/// (both normalised as phrases): "ITIL" in "ITIL 4 Foundation", "skills" in "Technical Skills".
bool contains_word(std::string_view haystack, std::string_view needle);

}  // namespace cio_gap
