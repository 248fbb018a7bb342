#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "cio_gap/model/rule.h"

namespace cio_gap {

/// A text many sentences share, such as the heading they are under: held once, however many
/// sentences (a posting of a million lines under one long heading must not copy it a million
/// times). Empty by default; immutable once made.
class SharedText {
 public:
  SharedText() = default;
  SharedText(std::string text)  // NOLINT(google-explicit-constructor): assigned from headings
      : text_(text.empty() ? nullptr : std::make_shared<const std::string>(std::move(text))) {}
  SharedText(const char* text) : SharedText(std::string(text)) {}  // NOLINT(google-explicit-constructor)
  operator std::string_view() const { return text_ ? std::string_view(*text_) : std::string_view(); }  // NOLINT
  bool empty() const { return text_ == nullptr; }
  void clear() { text_.reset(); }

 private:
  std::shared_ptr<const std::string> text_;
};

/// One sentence (or list item) of a posting, with the section it sits in.
struct Sentence {
  int line = 0;              ///< 1-based line where it starts
  SectionKind section = SectionKind::general;
  SharedText heading;        ///< the heading in force ("" before the first one)
  std::string text;          ///< original text; lines of a wrapped sentence joined with '\n'
  int paragraph = 0;         ///< index of its paragraph or list item in the posting
  bool item = false;         ///< its paragraph is a list item
  bool title = false;        ///< the posting's title (set by the extractor)
};

/// Splits a posting into sentences and assigns each the section its heading names.
/// Headings are Markdown `#` lines, short lines in capitals, short lines ending in a colon,
/// bold lines, and short lines made of a vocabulary phrase. A heading the vocabulary does
/// not know keeps the section in force (a "NOTES:" under "REQUIREMENTS" still demands),
/// except that a Markdown heading closes every deeper-or-equal section.
class Segmenter {
 public:
  explicit Segmenter(const SectionVocabulary& vocabulary);

  std::vector<Sentence> split(std::string_view text) const;

  /// As split, into the first elements of `sentences`, whose strings are reused: returns how
  /// many it filled. Elements past that are left as they were, for the next call to reuse.
  std::size_t split(std::string_view text, std::vector<Sentence>& sentences) const;

  /// The section a heading names, or general when it names none.
  SectionKind classify_heading(std::string_view heading) const;

  /// The heading text if `line` is a heading ("" otherwise): markers and colon removed.
  std::string heading_text(std::string_view line) const;

 private:
  struct Phrase {
    std::string text;  // normalised, lower case
    SectionKind kind;
  };
  bool introduces_optional_list(std::string_view sentence) const;
  SectionKind classify_uncached(std::string_view heading) const;

  std::vector<Phrase> phrases_;
  std::vector<std::string> optional_markers_;  // normalised, lower case
  struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
  };
  std::unordered_set<std::string, TextHash, std::equal_to<>> phrase_texts_;  // every phrases_[i].text
  std::uint64_t id_;  // tells one segmenter's cached answers from another's
};

/// Splits one paragraph (lines joined with '\n') into sentences at '.', '!' or '?' followed
/// by a space and a capital, digit or quote; abbreviations ("e.g.", "B.S.", "Inc.") do not end
/// a sentence. Returns (offset, length) pairs into `paragraph`.
std::vector<std::pair<std::size_t, std::size_t>> split_sentences(std::string_view paragraph);

/// As split_sentences, and also where scraped text runs pieces together: at a '.', '!' or '?'
/// with a capitalised word right after it ("discipline.Preferred"; not "Ph.D", "U.S.Army",
/// "www.Example.org"), where a lower-case word of three or more letters runs into a
/// capitalised one ("2 yearsSchedule"; not "JavaScript", "iPhone"), where a word of five or
/// more capitals does ("REQUIREDHere"; not "SQLServer"), at "•", "●", "▪", "◦" or "·" between
/// whitespace, at " - " or " * " when a line has two or more and the first follows a colon or
/// starts the line, and at three or more blanks or a tab inside a line. Pieces are trimmed.
/// What Segmenter::split splits paragraphs with.
std::vector<std::pair<std::size_t, std::size_t>> split_items(std::string_view paragraph);

}  // namespace cio_gap
