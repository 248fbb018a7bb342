#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

struct zip;  // libzip's archive handle

namespace cio_gap {

/// Largest entry unpacked from a zip (a DOCX's word/document.xml, an ODT's content.xml). A
/// posting's document.xml is some hundred kilobytes; a parsed XML tree takes a few times it.
inline constexpr std::uint64_t kMaxZipEntryBytes = 16u * 1024u * 1024u;
/// Highest ratio of unpacked to packed size accepted for an entry over 1 MiB. XML packs
/// about 5 to 20 to 1; a run of zeros packs a thousand to one (a zip bomb).
inline constexpr std::uint64_t kMaxZipRatio = 100;

/// A zip archive read from memory with libzip. libzip is small, well kept and packaged
/// everywhere, and reads the central directory first, so an entry's sizes are known (and
/// checked) before a byte of it is inflated.
class ZipArchive {
 public:
  /// Opens the archive held in `bytes` (which must outlive it); check ok() and error().
  explicit ZipArchive(std::string_view bytes);
  ~ZipArchive();
  ZipArchive(const ZipArchive&) = delete;
  ZipArchive& operator=(const ZipArchive&) = delete;

  bool ok() const { return archive_ != nullptr; }
  /// Why it could not be opened ("not a zip archive"), when !ok().
  const std::string& error() const { return error_; }

  /// Whether the archive holds an entry of this name.
  bool has(const std::string& name) const;

  /// The unpacked entry, or nothing with `problem` set: "word/document.xml: N bytes unpacked,
  /// more than 16777216", "...: packed 1000 to 1 (a zip bomb?)", "...: damaged (reason)".
  /// Reading stops at the size the central directory gives, whatever the data holds.
  std::optional<std::string> read(const std::string& name, std::string& problem) const;

 private:
  ::zip* archive_ = nullptr;
  std::string error_;
};

}  // namespace cio_gap
