#pragma once

#include <CLI/CLI.hpp>

#include <cstdint>

namespace cio_gap {

/// Checks an option's text before it is converted: decimal digits only (no sign, no
/// exponent, no "0x"), from `min` to `max`. CLI11 prints a failure as
/// "--option: must be a whole number from MIN to MAX, not 'TEXT'".
CLI::Validator whole_number(std::uintmax_t min, std::uintmax_t max);

/// Checks an option's text before it is converted: a finite decimal number (NaN and
/// infinities refused) from `min` to `max`: "--option: must be a number from MIN to MAX, not 'TEXT'".
CLI::Validator finite_number(double min, double max);

/// A share, as the reports print it or as a fraction: "25%" or "0.25" (both 0.25 once read;
/// use it with ->transform, which keeps the conversion). Anything else: "--option: must be a
/// share from 0 to 1, or a percentage from 0% to 100%, not 'TEXT'".
CLI::Validator share();

}  // namespace cio_gap
