#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cio_gap {

/// Deepest nesting of arrays and objects accepted. Job data needs a handful of levels; the
/// limit keeps recursive code (ours, and nlohmann's copy and dump) off hostile input.
inline constexpr int kMaxJsonDepth = 128;

/// How parse_json reads a text.
struct JsonReadOptions {
  /// Repairs what scrapers commonly get wrong instead of failing on it: a lone UTF-16
  /// surrogate escape ("\ud83d", from a string cut inside an emoji) becomes U+FFFD, and a
  /// number beyond the range of a double ("1e999") becomes null. The repairs are counted.
  bool repair = false;
  /// In an array of records (the top-level array, or an array member of the top-level
  /// object named in `record_members`, such as {"jobs": [...]}), elements that are not
  /// objects are counted and not kept, so an array of a million numbers costs no memory
  /// (`kept_indices` and `member_kept_indices` say where each kept one was).
  bool skip_non_objects = false;
  std::vector<std::string> record_members;
};

/// What parse_json repaired (see JsonReadOptions::repair): how many, and the first of each.
struct JsonRepair {
  std::size_t count = 0;
  std::size_t first_offset = 0;  ///< byte offset of the first one
  std::string first_text;        ///< as written: "\ud83d", "1e999"
};

/// One JSON text, parsed or not.
struct JsonDocument {
  nlohmann::json value;  ///< null when parsing failed (but see `partial`)
  std::string error;     ///< empty on success, else what went wrong ("syntax error ...")
  int line = 0;          ///< 1-based position of the error
  int column = 0;
  /// With an error in a top-level array: `value` holds the elements completed before it.
  bool partial = false;
  /// With skip_non_objects and a top-level array: the original index of each element kept.
  std::vector<std::size_t> kept_indices;
  /// With skip_non_objects, for each array member of a top-level object: the same.
  std::map<std::string, std::vector<std::size_t>> member_kept_indices;
  std::size_t skipped = 0;        ///< elements of arrays of records skipped: not objects
  std::size_t first_skipped = 0;  ///< the index of the first of them
  JsonRepair surrogates;          ///< lone surrogate escapes read as U+FFFD
  JsonRepair overflows;           ///< numbers out of range read as null
};

/// Parses JSON without throwing (nlohmann's SAX interface building the tree), refusing
/// nesting deeper than kMaxJsonDepth. Errors carry the line and column where they are, a
/// number overflow included.
JsonDocument parse_json(std::string_view text, const JsonReadOptions& options = {});

/// 1-based line and column of a byte offset of `text`.
std::pair<int, int> json_position(std::string_view text, std::size_t offset);

}  // namespace cio_gap
