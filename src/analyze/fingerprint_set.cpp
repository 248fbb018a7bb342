#include "cio_gap/analyze/fingerprint_set.h"

namespace cio_gap {
namespace {

// The fingerprints are hashes already, but a poor one would cluster: mix them once more.
std::size_t slot_of(std::uint64_t fingerprint, std::size_t mask) {
  fingerprint ^= fingerprint >> 33;
  fingerprint *= 0xff51afd7ed558ccdULL;
  fingerprint ^= fingerprint >> 33;
  return static_cast<std::size_t>(fingerprint) & mask;
}

}  // namespace

bool FingerprintSet::insert(std::uint64_t fingerprint) {
  if (fingerprint == 0) {
    if (has_zero_) return false;
    has_zero_ = true;
    ++size_;
    return true;
  }
  if ((size_ + 1) * 4 > slots_.size() * 3) grow();
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t slot = slot_of(fingerprint, mask);; slot = (slot + 1) & mask) {
    if (slots_[slot] == fingerprint) return false;
    if (slots_[slot] == 0) {
      slots_[slot] = fingerprint;
      ++size_;
      return true;
    }
  }
}

void FingerprintSet::grow() {
  std::vector<std::uint64_t> old;
  old.swap(slots_);
  slots_.assign(old.empty() ? 1024 : old.size() * 2, 0);
  const std::size_t mask = slots_.size() - 1;
  for (const std::uint64_t fingerprint : old) {
    if (fingerprint == 0) continue;
    std::size_t slot = slot_of(fingerprint, mask);
    while (slots_[slot] != 0) slot = (slot + 1) & mask;
    slots_[slot] = fingerprint;
  }
}

}  // namespace cio_gap
