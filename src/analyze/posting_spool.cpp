#include "cio_gap/analyze/posting_spool.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <algorithm>
#include <cstring>

#include "cio_gap/error.h"

namespace cio_gap {
namespace {

// Records wait in memory up to this size before they are written out.
constexpr std::size_t kBufferBytes = 1u << 20;
// How much of the file a pass in order reads at once.
constexpr std::size_t kReadBytes = 256u * 1024u;

// The record format is private to one process and one file, so numbers are written in the
// machine's own byte order: [u32 size of the rest] [u8 flags] [i32 years] [i32 leadership
// years] [u8 diagnosis] [i32 qualifications] 4 x [u32 length, bytes] (source, title, company,
// url) [u32 count] count x [u32 rule, top bit set when preferred].
enum : std::uint8_t { kDuplicate = 1, kYears = 2, kLeadershipYears = 4 };
constexpr std::uint32_t kPreferredBit = 0x80000000u;

template <typename T>
void put(std::string& out, T value) {
  char bytes[sizeof(T)];
  std::memcpy(bytes, &value, sizeof(T));
  out.append(bytes, sizeof(T));
}

void put_text(std::string& out, const std::string& text) {
  put(out, static_cast<std::uint32_t>(text.size()));
  out += text;
}

// Reads a record's fields in order; the record was written by this process, so it is whole.
class Reader {
 public:
  explicit Reader(const char* at) : at_(at) {}
  template <typename T>
  T get() {
    T value;
    std::memcpy(&value, at_, sizeof(T));
    at_ += sizeof(T);
    return value;
  }
  std::string text() {
    const auto size = get<std::uint32_t>();
    std::string out(at_, size);
    at_ += size;
    return out;
  }

 private:
  const char* at_;
};

PostingSummary decode(const char* body) {
  Reader in(body);
  PostingSummary posting;
  const auto flags = in.get<std::uint8_t>();
  const auto years = in.get<std::int32_t>();
  const auto leadership = in.get<std::int32_t>();
  posting.duplicate = (flags & kDuplicate) != 0;
  if ((flags & kYears) != 0) posting.years_required = years;
  if ((flags & kLeadershipYears) != 0) posting.years_leadership_required = leadership;
  posting.diagnosis = static_cast<Diagnosis>(in.get<std::uint8_t>());
  posting.qualifications = in.get<std::int32_t>();
  posting.source = in.text();
  posting.title = in.text();
  posting.company = in.text();
  posting.url = in.text();
  const auto count = in.get<std::uint32_t>();
  posting.demands.reserve(count);
  for (std::uint32_t i = 0; i < count; ++i) {
    const auto value = in.get<std::uint32_t>();
    posting.demands.push_back({value & ~kPreferredBit, (value & kPreferredBit) != 0});
  }
  return posting;
}

std::uint32_t record_size(const char* at) {
  std::uint32_t size = 0;
  std::memcpy(&size, at, sizeof(size));
  return size;
}

std::string temporary_directory() {
  const char* dir = std::getenv("TMPDIR");
  return dir != nullptr && *dir != '\0' ? dir : "/tmp";
}

// An unnamed file in `directory`: O_TMPFILE where the file system has it, else a named file
// unlinked at once.
int open_unnamed(const std::string& directory) {
  const int fd = ::open(directory.c_str(), O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
  if (fd >= 0 || (errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL)) return fd;
  std::string name = directory + "/cio-gap-postings-XXXXXX";
  const int named = ::mkostemp(name.data(), O_CLOEXEC);
  if (named >= 0) ::unlink(name.c_str());
  return named;
}

}  // namespace

PostingSpool::~PostingSpool() {
  if (fd_ >= 0) ::close(fd_);
}

std::uint64_t PostingSpool::append(const PostingSummary& posting) {
  const std::uint64_t offset = written_ + buffer_.size();
  const std::size_t start = buffer_.size();
  put(buffer_, std::uint32_t{0});  // the size, filled in below
  put(buffer_, static_cast<std::uint8_t>((posting.duplicate ? kDuplicate : 0) | (posting.years_required ? kYears : 0) |
                                         (posting.years_leadership_required ? kLeadershipYears : 0)));
  put(buffer_, static_cast<std::int32_t>(posting.years_required.value_or(0)));
  put(buffer_, static_cast<std::int32_t>(posting.years_leadership_required.value_or(0)));
  put(buffer_, static_cast<std::uint8_t>(posting.diagnosis));
  put(buffer_, static_cast<std::int32_t>(posting.qualifications));
  put_text(buffer_, posting.source);
  put_text(buffer_, posting.title);
  put_text(buffer_, posting.company);
  put_text(buffer_, posting.url);
  put(buffer_, static_cast<std::uint32_t>(posting.demands.size()));
  for (const DemandedRule& demand : posting.demands) put(buffer_, demand.rule | (demand.preferred ? kPreferredBit : 0));
  const auto size = static_cast<std::uint32_t>(buffer_.size() - start - sizeof(std::uint32_t));
  std::memcpy(buffer_.data() + start, &size, sizeof(size));
  ++count_;
  if (buffer_.size() >= kBufferBytes) flush();
  return offset;
}

void PostingSpool::flush() {
  if (buffer_.empty()) return;
  if (fd_ < 0) {
    directory_ = temporary_directory();
    fd_ = open_unnamed(directory_);
    if (fd_ < 0) {
      throw Error(located(directory_, 0, 0, std::string("cannot make a temporary file for the postings: ") +
                                                std::strerror(errno)));
    }
  }
  std::size_t done = 0;
  while (done < buffer_.size()) {
    const ssize_t n = ::pwrite(fd_, buffer_.data() + done, buffer_.size() - done,
                               static_cast<off_t>(written_ + done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      throw Error(located(directory_, 0, 0, std::string("cannot write the postings' temporary file: ") +
                                                std::strerror(n < 0 ? errno : ENOSPC)));
    }
    done += static_cast<std::size_t>(n);
  }
  written_ += buffer_.size();
  buffer_.clear();
}

void PostingSpool::read_file(std::uint64_t offset, char* to, std::size_t size) const {
  std::size_t done = 0;
  while (done < size) {
    const ssize_t n = ::pread(fd_, to + done, size - done, static_cast<off_t>(offset + done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      throw Error(located(directory_, 0, 0, std::string("cannot read the postings' temporary file: ") +
                                                (n < 0 ? std::strerror(errno) : "it is shorter than written")));
    }
    done += static_cast<std::size_t>(n);
  }
}

PostingSummary PostingSpool::read(std::uint64_t offset) const {
  if (offset >= written_) return decode(buffer_.data() + (offset - written_) + sizeof(std::uint32_t));
  char head[sizeof(std::uint32_t)];
  read_file(offset, head, sizeof(head));
  std::string body(record_size(head), '\0');
  read_file(offset + sizeof(head), body.data(), body.size());
  return decode(body.data());
}

void PostingSpool::for_each(const std::function<void(const PostingSummary&, std::uint64_t)>& visit) const {
  // The file in blocks, a record cut by a block's end finished by the next read; then the buffer.
  std::string block;
  std::uint64_t next = 0;  // offset of the first record not yet visited
  while (next < written_) {
    const std::size_t want = static_cast<std::size_t>(std::min<std::uint64_t>(kReadBytes, written_ - next));
    block.resize(want);
    read_file(next, block.data(), want);
    std::size_t at = 0;
    while (at + sizeof(std::uint32_t) <= block.size()) {
      const std::size_t whole = sizeof(std::uint32_t) + record_size(block.data() + at);
      if (at + whole > block.size()) {
        if (at == 0) {  // one record larger than a block: read it whole
          block.resize(whole);
          read_file(next, block.data(), whole);
          continue;
        }
        break;
      }
      visit(decode(block.data() + at + sizeof(std::uint32_t)), next + at);
      at += whole;
    }
    next += at;
  }
  for (std::size_t at = 0; at < buffer_.size();) {
    visit(decode(buffer_.data() + at + sizeof(std::uint32_t)), written_ + at);
    at += sizeof(std::uint32_t) + record_size(buffer_.data() + at);
  }
}

std::vector<PostingSummary> PostingSpool::read_all() const {
  std::vector<PostingSummary> all;
  for_each([&](const PostingSummary& posting, std::uint64_t) { all.push_back(posting); });
  return all;
}

}  // namespace cio_gap
