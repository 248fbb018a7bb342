#include "cio_gap/match/rules_cache.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <cstdlib>
#include <cstring>
#include <exception>
#include <memory>
#include <random>
#include <string>
#include <string_view>
#include <system_error>

#include "cio_gap/match/extractor.h"
#include "cio_gap/match/rules_image.h"
#include "cio_gap/text/content_hash.h"

namespace cio_gap {
namespace {

// A cache entry: this header line, the key, the size and CRC-32 of the image, zero bytes up to
// kEntryHeaderBytes (so the image's arrays are aligned where the file is mapped), the image.
constexpr std::string_view kHeader = "cio-gap compiled rules 1\n";
constexpr std::size_t kEntryHeaderBytes = 64;
static_assert(kHeader.size() + 3 * sizeof(std::uint64_t) <= kEntryHeaderBytes);

// An image and what keeps its bytes: a mapped cache entry or a string.
struct MappedEntry {
  void* address = nullptr;
  std::size_t size = 0;
  std::string_view image;
  MappedEntry() = default;
  MappedEntry(const MappedEntry&) = delete;
  MappedEntry& operator=(const MappedEntry&) = delete;
  ~MappedEntry() {
    if (address) ::munmap(address, size);
  }
};
struct OwnedImage {
  std::string bytes;
  std::string_view image;
};

std::uint64_t crc_of(std::string_view bytes) {
  return crc32_z(crc32_z(0L, Z_NULL, 0), reinterpret_cast<const Bytef*>(bytes.data()), bytes.size());
}

std::uint64_t cache_key(bool use_defaults, const std::vector<RulePackFile>& files) {
  ContentHash hash;
  hash.add(kHeader);
  hash.add(CIO_GAP_VERSION);
  hash.add_number(use_defaults ? 1 : 0);
  if (use_defaults) {
    // The built-in rules as this build has them (a development build may change them without
    // a new version number).
    const std::string_view image = built_in_rules_image();
    hash.add_number(image.size());
    hash.add_number(crc_of(image));
  }
  hash.add_number(files.size());
  for (const auto& file : files) {
    hash.add(file.path);  // rules remember their file, for messages
    hash.add(file.content);
  }
  return hash.value();
}

std::string hex(std::uint64_t value) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, value >>= 4) out[static_cast<std::size_t>(i)] = kDigits[value & 15u];
  return out;
}

void append_number(std::string& out, std::uint64_t value) {
  out.append(reinterpret_cast<const char*>(&value), sizeof value);
}

std::uint64_t number_at(std::string_view bytes, std::size_t offset) {
  std::uint64_t value = 0;
  std::memcpy(&value, bytes.data() + offset, sizeof value);
  return value;
}

// The entry mapped into memory (read in place: a large pack's image is tens of megabytes), when
// it can be read, is whole and was made for `key`; nothing otherwise.
std::shared_ptr<MappedEntry> map_entry(const std::filesystem::path& path, std::uint64_t key) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return nullptr;
  auto entry = std::make_shared<MappedEntry>();
  struct stat info {};
  if (::fstat(fd, &info) == 0 && S_ISREG(info.st_mode) && static_cast<std::uint64_t>(info.st_size) > kEntryHeaderBytes) {
    void* address = ::mmap(nullptr, static_cast<std::size_t>(info.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
    if (address != MAP_FAILED) {
      entry->address = address;
      entry->size = static_cast<std::size_t>(info.st_size);
    }
  }
  ::close(fd);
  if (!entry->address) return nullptr;
  const std::string_view bytes(static_cast<const char*>(entry->address), entry->size);
  if (bytes.substr(0, kHeader.size()) != kHeader || number_at(bytes, kHeader.size()) != key) return nullptr;
  const std::uint64_t size = number_at(bytes, kHeader.size() + 8);
  const std::uint64_t crc = number_at(bytes, kHeader.size() + 16);
  if (size != bytes.size() - kEntryHeaderBytes) return nullptr;
  entry->image = bytes.substr(kEntryHeaderBytes);
  if (crc_of(entry->image) != crc) return nullptr;
  return entry;
}

bool write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

// Writes the entry beside its final name and renames it there, so a reader (another run at
// the same time) sees the old entry or the whole new one, never a part.
bool write_entry(const std::filesystem::path& dir, const std::filesystem::path& path, std::uint64_t key,
                 std::string_view image) {
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return false;
  std::string entry(kHeader);
  append_number(entry, key);
  append_number(entry, image.size());
  append_number(entry, crc_of(image));
  entry.resize(kEntryHeaderBytes, '\0');
  entry.append(image);
  std::random_device random;
  const std::filesystem::path temporary =
      path.string() + ".tmp-" + std::to_string(::getpid()) + "-" + hex(random()).substr(8);
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) return false;
  const bool written = write_all(fd, entry);
  const bool closed = ::close(fd) == 0;
  if (!written || !closed || ::rename(temporary.c_str(), path.c_str()) != 0) {
    ::unlink(temporary.c_str());
    return false;
  }
  return true;
}

}  // namespace

std::optional<std::filesystem::path> rules_cache_dir() {
  if (const char* off = std::getenv("CIO_GAP_NO_CACHE"); off && *off && std::string_view(off) != "0") return std::nullopt;
  // Relative values are ignored, as the XDG base directory specification asks.
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg && *xdg == '/') return std::filesystem::path(xdg) / "cio-gap";
  if (const char* home = std::getenv("HOME"); home && *home == '/') return std::filesystem::path(home) / ".cache" / "cio-gap";
  return std::nullopt;
}

CachedRules load_rules_cached(const RuleSources& sources, const std::optional<std::filesystem::path>& dir) {
  CachedRules loaded;
  if (sources.packs.empty() || !dir) {
    loaded.rules = load_rules(sources);
    return loaded;
  }
  const std::vector<RulePackFile> files = read_rule_packs(sources.packs);
  const std::uint64_t key = cache_key(sources.use_defaults, files);
  const std::filesystem::path path = *dir / ("rules-" + hex(key) + ".image");
  if (auto entry = map_entry(path, key)) {
    try {
      loaded.rules = RulesImage::read_rules(entry->image);
      loaded.rules.compiled = std::shared_ptr<const std::string_view>(entry, &entry->image);
      loaded.use = RulesCacheUse::hit;
      return loaded;
    } catch (const std::exception&) {
      // An image of another layout or a damaged one: compiled again below.
    }
  }
  loaded.rules = load_rules(sources.use_defaults, files);
  auto owned = std::make_shared<OwnedImage>();
  {
    const Extractor extractor(loaded.rules, Extractor::Matcher::build);
    owned->bytes = RulesImage::write(loaded.rules, extractor);
  }
  owned->image = owned->bytes;
  loaded.use = write_entry(*dir, path, key, owned->image) ? RulesCacheUse::written : RulesCacheUse::unwritable;
  loaded.rules.compiled = std::shared_ptr<const std::string_view>(owned, &owned->image);
  return loaded;
}

}  // namespace cio_gap
