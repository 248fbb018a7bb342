#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "cio_gap/model/diagnostics.h"

namespace cio_gap {

/// Warnings about the records of one file, gathered by reason, so that a file of a million bad
/// records says so in one line and keeps no million strings. A reason met once is said as it
/// was ("a.json#2: skipped: not a JSON object"); one met more often is said once for all
/// ("a.json: 1,048,575 records skipped: not a JSON object (first at #0)"), in the order of the
/// records. At most 16 reasons are told apart; records with further reasons are counted
/// together ("a.json: 20 more records with other warnings (first at #40)").
class RecordWarnings {
 public:
  /// `source` names the file; `unit` is what it holds ("records", "lines").
  RecordWarnings(std::string source, std::string unit);

  /// The warnings one record gave; `record` is its name ("a.json#2": the prefix the warnings
  /// start with), `label` how a summary points at it ("#2"), `position` its place in the file.
  void add(const std::string& record, const std::string& label, std::size_t position,
           std::vector<std::string>& warnings);

  /// `count` records with one `reason` ("skipped: not a JSON object"), the first at `label`
  /// (`position`); `single` is the warning to give when there is only one.
  void add(const std::string& reason, std::size_t count, const std::string& label, std::size_t position,
           std::string single);

  /// Hands the warnings, summarised, to `diagnostics`, and forgets them.
  void flush(Diagnostics& diagnostics);

 private:
  static constexpr std::size_t kMaxReasons = 16;
  struct Reason {
    std::string single;
    std::string first_label;
    std::size_t count = 0;
    std::size_t position = 0;
  };
  std::string source_;
  std::string unit_;
  std::map<std::string, Reason> reasons_;  ///< "" holds the reasons past kMaxReasons
};

}  // namespace cio_gap
