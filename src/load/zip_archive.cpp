#include "cio_gap/load/zip_archive.h"

#include <zip.h>

#include <algorithm>

namespace cio_gap {

ZipArchive::ZipArchive(std::string_view bytes) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  if (source != nullptr) {
    archive_ = zip_open_from_source(source, ZIP_RDONLY, &error);
    if (archive_ == nullptr) zip_source_free(source);
  }
  if (archive_ == nullptr) {
    const int code = zip_error_code_zip(&error);
    error_ = code == ZIP_ER_NOZIP ? "not a zip archive" : std::string("damaged zip archive (") + zip_error_strerror(&error) + ")";
  }
  zip_error_fini(&error);
}

ZipArchive::~ZipArchive() {
  if (archive_ != nullptr) zip_discard(archive_);
}

bool ZipArchive::has(const std::string& name) const {
  return archive_ != nullptr && zip_name_locate(archive_, name.c_str(), 0) >= 0;
}

std::optional<std::string> ZipArchive::read(const std::string& name, std::string& problem) const {
  if (archive_ == nullptr) {
    problem = error_;
    return std::nullopt;
  }
  const zip_int64_t index = zip_name_locate(archive_, name.c_str(), 0);
  if (index < 0) {
    problem = name + " is missing";
    return std::nullopt;
  }
  zip_stat_t info;
  zip_stat_init(&info);
  if (zip_stat_index(archive_, static_cast<zip_uint64_t>(index), 0, &info) != 0 ||
      (info.valid & (ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE)) != (ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE)) {
    problem = name + ": damaged (no sizes in the zip directory)";
    return std::nullopt;
  }
  // Both checks use the central directory alone: nothing has been inflated yet.
  if (info.size > kMaxZipEntryBytes) {
    problem = name + ": " + std::to_string(info.size) + " bytes unpacked, more than " +
              std::to_string(kMaxZipEntryBytes) + " (a zip bomb?)";
    return std::nullopt;
  }
  constexpr zip_uint64_t kRatioFloor = 1024 * 1024;
  if (info.size > kRatioFloor && info.size / std::max<zip_uint64_t>(info.comp_size, 1) > kMaxZipRatio) {
    problem = name + ": packed " + std::to_string(info.size / std::max<zip_uint64_t>(info.comp_size, 1)) +
              " to 1 (a zip bomb?)";
    return std::nullopt;
  }
  zip_file_t* file = zip_fopen_index(archive_, static_cast<zip_uint64_t>(index), 0);
  if (file == nullptr) {
    problem = name + ": damaged (" + zip_strerror(archive_) + ")";
    return std::nullopt;
  }
  // A directory can lie about the size; the read stops there all the same.
  std::string data(static_cast<std::size_t>(info.size), '\0');
  std::size_t got = 0;
  while (got < data.size()) {
    const zip_int64_t n = zip_fread(file, data.data() + got, data.size() - got);
    if (n < 0) {
      problem = name + ": damaged (" + zip_file_strerror(file) + ")";
      zip_fclose(file);
      return std::nullopt;
    }
    if (n == 0) break;
    got += static_cast<std::size_t>(n);
  }
  zip_fclose(file);
  if (got != data.size()) {
    problem = name + ": damaged (shorter than the zip directory says)";
    return std::nullopt;
  }
  return data;
}

}  // namespace cio_gap
