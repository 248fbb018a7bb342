#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace cio_gap {

/// Runs the command line with explicit streams, so end-to-end tests run it in-process.
/// Returns the exit code: 0 success, 1 a threshold was not met, 2 usage or input error.
int run_cli(const std::vector<std::string>& args, std::istream& in, std::ostream& out,
            std::ostream& err);

/// As above, telling whether `out` is a terminal (colour and progress follow it).
int run_cli(const std::vector<std::string>& args, std::istream& in, std::ostream& out,
            std::ostream& err, bool out_is_terminal);

/// The man page ("man") or a shell completion script ("bash", "zsh", "fish"), written from the
/// same command definitions as --help. Throws std::invalid_argument for another kind.
std::string render_cli_document(const std::string& kind);

/// Runs the command line on the process's argv and standard streams.
int run_cli(int argc, char** argv);

}  // namespace cio_gap
