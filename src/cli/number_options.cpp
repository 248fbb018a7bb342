#include "cio_gap/cli/number_options.h"

#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <string>

namespace cio_gap {

CLI::Validator whole_number(std::uintmax_t min, std::uintmax_t max) {
  const std::string range = fmt::format("a whole number from {} to {}", min, max);
  return CLI::Validator(
      [min, max, range](std::string& text) -> std::string {
        std::uintmax_t value = 0;
        const char* end = text.data() + text.size();
        const bool digits = !text.empty() && text.find_first_not_of("0123456789") == std::string::npos;
        const auto [stop, error] = std::from_chars(text.data(), end, value);
        if (!digits || error != std::errc() || stop != end || value < min || value > max) {
          return fmt::format("must be {}, not '{}'", range, text);
        }
        return {};
      },
      fmt::format("in [{} - {}]", min, max));
}

CLI::Validator finite_number(double min, double max) {
  const std::string range = fmt::format("a number from {:g} to {:g}", min, max);
  return CLI::Validator(
      [min, max, range](std::string& text) -> std::string {
        double value = 0;
        const char* end = text.data() + text.size();
        // Plain decimals only: "nan", "inf", "0x1p-2" and "1e999" are not numbers a person means here.
        const bool plain = !text.empty() && text.find_first_not_of("0123456789.-+eE") == std::string::npos;
        const auto [stop, error] = std::from_chars(text.data(), end, value, std::chars_format::general);
        if (!plain || error != std::errc() || stop != end || !std::isfinite(value) || value < min || value > max) {
          return fmt::format("must be {}, not '{}'", range, text);
        }
        return {};
      },
      fmt::format("in [{:g} - {:g}]", min, max));
}

}  // namespace cio_gap
