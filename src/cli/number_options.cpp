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

CLI::Validator share() {
  const CLI::Validator as_fraction = finite_number(0.0, 1.0);
  const CLI::Validator as_percent = finite_number(0.0, 100.0);
  return CLI::Validator(
      [as_fraction, as_percent](std::string& text) -> std::string {
        const std::string error = fmt::format("must be a share from 0 to 1, or a percentage from 0% to 100%, not '{}'", text);
        if (text.ends_with('%')) {
          std::string number = text.substr(0, text.size() - 1);
          if (!as_percent(number).empty()) return error;
          double value = 0;
          std::from_chars(number.data(), number.data() + number.size(), value, std::chars_format::general);
          text = fmt::format("{}", value / 100.0);  // the option holds the fraction
          return {};
        }
        std::string number = text;
        return as_fraction(number).empty() ? std::string() : error;
      },
      "0-1 or 0%-100%");
}

}  // namespace cio_gap
