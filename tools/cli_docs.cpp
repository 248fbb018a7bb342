// Writes the man page and the shell completions into a folder at build time:
//   cio_gap_cli_docs OUT_DIR  ->  OUT_DIR/cio-gap.1, cio-gap.bash, _cio-gap, cio-gap.fish
#include <cstdio>
#include <exception>
#include <fstream>
#include <string>

#include "cio_gap/cli/cli.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: cio_gap_cli_docs OUT_DIR\n");
    return 2;
  }
  const std::string dir = argv[1];
  try {
    for (const auto& [kind, name] : {std::pair<std::string, std::string>{"man", "cio-gap.1"},
                                     {"bash", "cio-gap.bash"}, {"zsh", "_cio-gap"}, {"fish", "cio-gap.fish"}}) {
      std::ofstream out(dir + "/" + name, std::ios::binary);
      out << cio_gap::render_cli_document(kind);
      if (!out) {
        std::fprintf(stderr, "cio_gap_cli_docs: cannot write %s/%s\n", dir.c_str(), name.c_str());
        return 1;
      }
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "cio_gap_cli_docs: %s\n", e.what());
    return 1;
  }
  return 0;
}
