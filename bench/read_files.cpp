// The floor for cio-gap's throughput: opens and reads every file under the given folders, with
// the same number of threads cio-gap uses and one reused buffer per thread, and does nothing
// with the bytes. bench/run prints cio-gap's speed as a share of this one.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

namespace {

// Bytes read from one file into `buffer`, which grows to the largest file seen.
std::size_t read_whole(const std::string& path, std::vector<char>& buffer) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return 0;
  struct stat info {};
  if (::fstat(fd, &info) == 0 && static_cast<std::size_t>(info.st_size) + 1 > buffer.size()) {
    buffer.resize(static_cast<std::size_t>(info.st_size) + 1);
  }
  std::size_t done = 0;
  for (;;) {
    const ssize_t n = ::read(fd, buffer.data() + done, buffer.size() - done);
    if (n <= 0) break;
    done += static_cast<std::size_t>(n);
    if (done == buffer.size()) buffer.resize(buffer.size() * 2);
  }
  ::close(fd);
  return done;
}

}  // namespace

int main(int argc, char** argv) {
  unsigned threads = std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::string> files;
  for (int a = 1; a < argc; ++a) {
    const std::string arg = argv[a];
    if ((arg == "-j" || arg == "--threads") && a + 1 < argc) {
      threads = static_cast<unsigned>(std::max(1, std::atoi(argv[++a])));
      continue;
    }
    std::error_code error;
    for (std::filesystem::recursive_directory_iterator it(arg, error), end; !error && it != end; it.increment(error)) {
      if (it->is_regular_file(error)) files.push_back(it->path().string());
    }
    if (error) {
      std::fprintf(stderr, "read_files: %s: %s\n", arg.c_str(), error.message().c_str());
      return 2;
    }
  }
  std::atomic<std::size_t> next{0};
  std::atomic<std::size_t> total{0};
  auto work = [&] {
    std::vector<char> buffer(1 << 16);
    std::size_t bytes = 0;
    for (std::size_t i = next++; i < files.size(); i = next++) bytes += read_whole(files[i], buffer);
    total += bytes;
  };
  {
    std::vector<std::jthread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
  }
  std::printf("files=%zu bytes=%zu\n", files.size(), total.load());
  return 0;
}
