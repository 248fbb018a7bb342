#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace cio_gap {

/// The fingerprints of the postings seen so far, to flag the ones that repeat: 64-bit values
/// in one flat table (open addressing, linear probing, at most 3/4 full), so a posting costs
/// 11 to 21 bytes, not the node, pointer and bucket (about 40 bytes) a std::unordered_set takes.
/// Hand-written because no Debian-packaged library offers a flat set of integers.
class FingerprintSet {
 public:
  /// Adds `fingerprint`; false when it was there already.
  bool insert(std::uint64_t fingerprint);
  std::size_t size() const { return size_; }

 private:
  void grow();

  std::vector<std::uint64_t> slots_;  // 0 marks an empty slot; the fingerprint 0 is kept apart
  std::size_t size_ = 0;
  bool has_zero_ = false;
};

}  // namespace cio_gap
