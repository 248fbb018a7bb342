#include "cio_gap/analyze/report_meta.h"

#include <fmt/format.h>

#include <charconv>

#include "cio_gap/error.h"
#include "cio_gap/match/rules_image.h"
#include "cio_gap/text/content_hash.h"

namespace cio_gap {

std::string rules_fingerprint(const RuleSet& rules) {
  ContentHash hash;
  // What the rules match is hashed already for the rules image; what they say is added here.
  hash.add_number(RulesImage::matching_fingerprint(rules));
  for (const Rule& rule : rules.rules) {
    hash.add(rule.name);
    hash.add(rule.category);
    hash.add(rule.credentials);
    hash.add(rule.advice);
    hash.add(rule.advice_partial);
  }
  return fmt::format("{:016x}", hash.value());
}

std::string report_date(const char* source_date_epoch, std::time_t now) {
  std::time_t when = now;
  if (source_date_epoch != nullptr && *source_date_epoch != '\0') {
    const std::string_view text(source_date_epoch);
    long long seconds = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), seconds);
    if (error != std::errc() || end != text.data() + text.size() || seconds < 0 || seconds > 253402300799LL) {
      throw Error(fmt::format("SOURCE_DATE_EPOCH: not a number of seconds since 1970: '{}'", text));
    }
    when = static_cast<std::time_t>(seconds);
  }
  std::tm day{};
  gmtime_r(&when, &day);
  return fmt::format("{:04}-{:02}-{:02}", day.tm_year + 1900, day.tm_mon + 1, day.tm_mday);
}

ReportMeta report_meta(const RuleSet& rules, const std::vector<std::string>& jobs, const ScanResult& scan,
                       std::string date) {
  ReportMeta meta;
  meta.date = std::move(date);
  meta.tool_version = CIO_GAP_VERSION;
  meta.rules_fingerprint = rules_fingerprint(rules);
  meta.jobs = jobs;
  meta.postings_read = scan.total;
  meta.files_skipped = scan.files_skipped;
  meta.duplicates = scan.duplicates;
  return meta;
}

}  // namespace cio_gap
