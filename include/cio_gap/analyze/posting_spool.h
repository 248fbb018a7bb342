#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "cio_gap/model/report.h"

namespace cio_gap {

/// The short summaries of a scan's postings (PostingSummary), kept out of memory: appended in
/// file order in a compact binary form to an unlinked temporary file in $TMPDIR (or /tmp), read
/// back in file order or one at a time by the offset `append` returned. Memory holds a buffer
/// of at most 1 MiB however many postings there are; a small scan never touches the disk. The
/// file is gone when the spool is (and when the process ends, however it ends).
class PostingSpool {
 public:
  PostingSpool() = default;
  ~PostingSpool();
  PostingSpool(const PostingSpool&) = delete;
  PostingSpool& operator=(const PostingSpool&) = delete;

  /// Adds a posting after the others; returns where it is, for `read`. Throws Error when the
  /// temporary file cannot be made or written ("TMPDIR: cannot ...: reason").
  std::uint64_t append(const PostingSummary& posting);

  /// Postings appended.
  std::size_t size() const { return count_; }
  bool empty() const { return count_ == 0; }

  /// The posting appended at `offset`.
  PostingSummary read(std::uint64_t offset) const;

  /// Hands every posting to `visit` in the order appended, with its offset.
  void for_each(const std::function<void(const PostingSummary&, std::uint64_t)>& visit) const;

  /// Every posting, in order: for tests and small scans only.
  std::vector<PostingSummary> read_all() const;

 private:
  void flush();
  void read_file(std::uint64_t offset, char* to, std::size_t size) const;

  int fd_ = -1;
  std::string directory_;     // where the file was made, for messages
  std::string buffer_;        // records appended since the last write
  std::uint64_t written_ = 0;  // bytes in the file; buffer_ starts there
  std::size_t count_ = 0;
};

}  // namespace cio_gap
