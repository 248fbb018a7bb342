#pragma once

#include <array>
#include <span>
#include <vector>

#include "cio_gap/model/rule.h"

namespace cio_gap {

/// What the classifier knows of one paragraph (or list item) of a posting.
struct ParagraphFacts {
  SectionKind section = SectionKind::general;  ///< from the heading in force
  bool headed = false;  ///< a heading came before it
  bool item = false;    ///< a list item rather than prose
  bool title = false;   ///< the posting's title line
  /// a sentence of the same long paragraph as the one before (decided sentence by sentence):
  /// with no cue of its own, it goes with that one
  bool continues = false;
  std::array<int, 5> cues{};  ///< cue words found in it, per ParagraphCue
};

/// Decides for every paragraph whether it describes the role or is about the employer, benefits
/// and pay, legal notices or how to apply, from the cue vocabulary of rules/sections.yaml as
/// well as the headings. Only role text demands anything. A paragraph is not about the role when
///   - its non-role cues outweigh its role cues: at least two and no role cue ("We offer medical,
///     dental and vision cover"), or at least three and twice the role cues; under a heading of
///     duties or requirements, at least three and no role cue (a duty may name benefits);
///   - it opens the posting before any heading and before any role cue, and names the employer
///     ("Acme is a leading provider of ..."), or it trails the last role cue and is not a list
///     item of the role ("Acme is an equal opportunity employer", a benefits paragraph after the
///     last requirement), with one non-role cue and no role cue.
/// The title stays role text, and boilerplate headings keep their meaning.
std::vector<ParagraphCue> classify_paragraphs(std::span<const ParagraphFacts> paragraphs);

const char* to_string(ParagraphCue role);

}  // namespace cio_gap
