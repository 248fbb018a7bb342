#pragma once

// Internal to the CLI layer: the man page and the shell completions, written from the same
// CLI11 definitions as --help, so they never disagree with the program.

#include <CLI/CLI.hpp>

#include <string>

namespace cio_gap::cli {

/// cio-gap.1: every command with its options, exit status, environment, examples.
std::string man_page(const CLI::App& app, const std::string& version);

/// A bash completion script (complete -F): commands, options, format values, files.
std::string bash_completion(const CLI::App& app);

/// A zsh completion function (#compdef cio-gap).
std::string zsh_completion(const CLI::App& app);

/// fish completions (complete -c cio-gap ...).
std::string fish_completion(const CLI::App& app);

}  // namespace cio_gap::cli
