#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "cio_gap/model/diagnostics.h"

namespace cio_gap {

/// The warnings about the records (rows, lines) of one file, said once per reason: a file of a
/// million bad rows gets one line, not a million, and memory holds one entry per reason.
/// A reason met once is said as it was met ("jobs.csv#row=3: skipped: no description"); met
/// more often, as a count with the first place ("big.csv: 1048575 rows skipped: no description
/// (first at row 1)").
class RecordWarnings {
 public:
  /// `source` names the file; `unit` is what a record is called ("row", "line").
  RecordWarnings(std::string source, std::string unit);

  /// Notes `reason` ("skipped: no description", "with more than 1024 columns") at record
  /// `position`; `alone` is the warning to give when no other record has the same reason.
  void add(const std::string& reason, std::size_t position, std::string alone);

  /// Gives the warnings, in the order their reasons were first met, and forgets them.
  void flush(Diagnostics& diagnostics);

 private:
  struct Reason {
    std::string text;
    std::size_t count = 0;
    std::size_t first = 0;
    std::string alone;
  };
  std::string source_;
  std::string unit_;
  std::vector<Reason> reasons_;
};

}  // namespace cio_gap
