#include "cio_gap/load/scan_reader.h"

#include <fmt/format.h>

#include <array>
#include <charconv>
#include <limits>
#include <optional>
#include <thread>
#include <vector>
#include <algorithm>

#include "cio_gap/error.h"
#include "cio_gap/load/json_document.h"

namespace cio_gap {
namespace {

using nlohmann::json;

// Where a line is, for its errors: every one is "path:line:col: message".
struct Place {
  const std::string& path;
  int line = 0;

  [[noreturn]] void fail(const std::string& message, int column = 1) const {
    throw Error(located(path, line, column, message));
  }
};

const json& member(const json& object, const char* name, const Place& place) {
  const auto it = object.find(name);
  if (it == object.end()) place.fail(fmt::format("no \"{}\" in this line of scan output", name));
  return *it;
}

std::string text_of(const json& value, const char* name, const Place& place) {
  if (!value.is_string()) place.fail(fmt::format("\"{}\" is not a string", name));
  return value.get<std::string>();
}

std::string string_member(const json& object, const char* name, const Place& place) {
  return text_of(member(object, name, place), name, place);
}

// A string or null (empty when null), as company and url are written.
std::string optional_string(const json& object, const char* name, const Place& place) {
  const json& value = member(object, name, place);
  return value.is_null() ? std::string() : text_of(value, name, place);
}

std::vector<std::string> strings_member(const json& object, const char* name, const Place& place) {
  const json& value = member(object, name, place);
  if (!value.is_array()) place.fail(fmt::format("\"{}\" is not an array of strings", name));
  std::vector<std::string> out;
  for (const json& item : value) out.push_back(text_of(item, name, place));
  return out;
}

long long integer_of(const json& value, const char* name, const Place& place, long long min, long long max) {
  if (!value.is_number_integer() || value.get<long long>() < min || value.get<long long>() > max) {
    place.fail(fmt::format("\"{}\" is not a whole number from {} to {}", name, min, max));
  }
  return value.get<long long>();
}

int count_member(const json& object, const char* name, const Place& place) {
  return static_cast<int>(integer_of(member(object, name, place), name, place, 0, std::numeric_limits<int>::max()));
}

std::optional<int> years_member(const json& object, const char* name, const Place& place) {
  const json& value = member(object, name, place);
  if (value.is_null()) return std::nullopt;
  return static_cast<int>(integer_of(value, name, place, 0, std::numeric_limits<int>::max()));
}

// The enumerator whose to_string is the value's text; `none` for null.
template <typename Enum, std::size_t N>
Enum enum_member(const json& object, const char* name, const std::array<Enum, N>& values, Enum none,
                 const Place& place) {
  const json& value = member(object, name, place);
  if (value.is_null()) return none;
  const std::string text = text_of(value, name, place);
  for (const Enum candidate : values) {
    if (text == to_string(candidate)) return candidate;
  }
  place.fail(fmt::format("\"{}\": unknown value '{}'", name, text));
}

std::uint64_t fingerprint_member(const json& object, const Place& place) {
  const std::string text = string_member(object, "fingerprint", place);
  std::uint64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value, 16);
  if (text.size() != 16 || error != std::errc() || end != text.data() + text.size()) {
    place.fail("\"fingerprint\" is not 16 hexadecimal digits");
  }
  return value;
}

bool is_header(const json& line) { return line.contains("schema_version"); }
bool is_summary(const json& line) { return line.contains("postings_read") && !line.contains("source"); }

ScanHeader read_header(const json& line, const Place& place) {
  ScanHeader header;
  header.schema_version = string_member(line, "schema_version", place);
  header.tool_version = string_member(line, "tool_version", place);
  header.rules_fingerprint = string_member(line, "rules_fingerprint", place);
  header.jobs = strings_member(line, "jobs", place);
  header.target_roles = strings_member(line, "target_roles", place);
  header.exclude = strings_member(line, "exclude", place);
  header.max_filesize = static_cast<std::uintmax_t>(
      integer_of(member(line, "max_filesize", place), "max_filesize", place, 0, std::numeric_limits<long long>::max()));
  return header;
}

ScanResult read_summary(const json& line, const Place& place) {
  ScanResult counts;
  counts.total = count_member(line, "postings_read", place);
  counts.duplicates = count_member(line, "duplicates", place);
  counts.off_target = count_member(line, "postings_off_target", place);
  counts.files_skipped = count_member(line, "files_skipped", place);
  counts.files_excluded = count_member(line, "files_excluded", place);
  if (counts.off_target > counts.total) place.fail("\"postings_off_target\" is more than \"postings_read\"");
  return counts;
}

Evidence read_evidence(const json& item, const Place& place) {
  if (!item.is_object()) place.fail("an \"evidence\" item is not an object");
  Evidence evidence;
  evidence.line = static_cast<int>(integer_of(member(item, "line", place), "line", place, 1, std::numeric_limits<int>::max()));
  const json& page = member(item, "page", place);
  evidence.page = page.is_null() ? 0 : static_cast<int>(integer_of(page, "page", place, 1, std::numeric_limits<int>::max()));
  evidence.text = string_member(item, "text", place);
  constexpr std::array kSections = {SectionKind::general, SectionKind::duties, SectionKind::required,
                                    SectionKind::preferred, SectionKind::boilerplate};
  evidence.section = enum_member(item, "section", kSections, SectionKind::general, place);
  return evidence;
}

}  // namespace

int schema_major(std::string_view version) {
  int major = -1;
  const auto [end, error] = std::from_chars(version.data(), version.data() + version.size(), major);
  if (error != std::errc() || end == version.data() + version.size() || *end != '.') return -1;
  return major;
}

ScanReader::ScanReader(const RuleSet& rules, std::string_view schema_version, unsigned threads)
    : schema_version_(schema_version), threads_(threads == 0 ? std::thread::hardware_concurrency() : threads) {
  for (std::size_t r = 0; r < rules.rules.size(); ++r) rule_index_.emplace(rules.rules[r].id, r);
}

namespace {

// One line, parsed on its own (in parallel with the lines around it); what it means in the
// stream (a posting before any header, a summary that miscounts) is decided in order after.
struct ParsedLine {
  enum class Kind { header, posting, summary } kind = Kind::posting;
  std::string syntax_error;  // not JSON, or not an object: thrown whatever the order
  std::string field_error;   // a field of a header, posting or summary not as scan writes it
  ScanHeader header;
  PostingFindings posting;
  ScanResult summary;
};

using RuleIndex = std::unordered_map<std::string, std::size_t>;

PostingFindings read_posting(const json& line, const Place& place, const RuleIndex& rule_index_) {
  PostingFindings posting;
  posting.source = string_member(line, "source", place);
  posting.title = string_member(line, "title", place);
  posting.company = optional_string(line, "company", place);
  posting.url = optional_string(line, "url", place);
  posting.years_required = years_member(line, "years_required", place);
  posting.years_leadership_required = years_member(line, "years_leadership_required", place);
  constexpr std::array kDiagnoses = {Diagnosis::no_role_text, Diagnosis::no_qualifications};
  posting.diagnosis = enum_member(line, "diagnosis", kDiagnoses, Diagnosis::none, place);
  // The role type is what the signals come to: the one type set is the one that dominates.
  constexpr std::array kRoleTypes = {RoleType::caretaker, RoleType::fixer, RoleType::growth};
  constexpr auto kNoRoleType = static_cast<RoleType>(-1);
  const RoleType type = enum_member(line, "role_type", kRoleTypes, kNoRoleType, place);
  if (type != kNoRoleType) posting.role_signals[static_cast<std::size_t>(type)] = 1;
  if (const auto it = line.find("duplicate"); it != line.end()) {
    if (!it->is_boolean()) place.fail("\"duplicate\" is not true or false");
    posting.duplicate = it->get<bool>();
  }
  posting.fingerprint = fingerprint_member(line, place);
  const json& qualifications = member(line, "qualifications", place);
  if (!qualifications.is_array()) place.fail("\"qualifications\" is not an array");
  for (const json& item : qualifications) {
    if (!item.is_object()) place.fail("a \"qualifications\" item is not an object");
    const std::string id = string_member(item, "id", place);
    const auto rule = rule_index_.find(id);
    if (rule == rule_index_.end()) place.fail(fmt::format("unknown qualification id '{}' for these rules", id));
    Finding finding;
    finding.rule = rule->second;
    constexpr std::array kTiers = {Tier::required, Tier::preferred};
    finding.tier = enum_member(item, "tier", kTiers, Tier::required, place);
    const json& evidence = member(item, "evidence", place);
    if (!evidence.is_array()) place.fail("\"evidence\" is not an array");
    // A report cites a finding's first sentence only: the others are not kept.
    if (!evidence.empty()) finding.evidence.push_back(read_evidence(evidence.front(), place));
    if (!posting.findings.empty() && finding.rule <= posting.findings.back().rule) {
      place.fail("\"qualifications\" not in the order of the rules (or one repeated): not as scan writes them");
    }
    posting.findings.push_back(std::move(finding));
  }
  return posting;
}


void parse_line(const std::string& text, const Place& place, ParsedLine& out, const RuleIndex& rule_index,
                const std::string& schema_version_) {
  const JsonDocument document = parse_json(text);
  if (!document.error.empty()) {
    out.syntax_error = located(place.path, place.line, document.column, document.error);
    return;
  }
  const json& line = document.value;
  if (!line.is_object()) {
    out.syntax_error = located(place.path, place.line, 1, "not a line of scan output: not a JSON object");
    return;
  }
  out.kind = is_header(line) ? ParsedLine::Kind::header
             : is_summary(line) ? ParsedLine::Kind::summary
                                : ParsedLine::Kind::posting;
  try {
    if (out.kind == ParsedLine::Kind::header) {
      const std::string version = string_member(line, "schema_version", place);
      if (schema_major(version) != schema_major(schema_version_)) {
        place.fail(fmt::format("scan output of schema_version {}, which this cio-gap (schema_version {}) cannot "
                               "read: scan again with this version",
                               version, schema_version_));
      }
      out.header = read_header(line, place);
    } else if (out.kind == ParsedLine::Kind::summary) {
      out.summary = read_summary(line, place);
    } else {
      out.posting = read_posting(line, place, rule_index);
    }
  } catch (const Error& e) {
    out.field_error = e.what();
  }
}

}  // namespace

void ScanReader::read(std::istream& in, const std::string& path, const ScanEvents& events) const {
  int header_line = 0;  // the line of the header of the scan being read; 0 between scans
  int postings = 0;     // posting lines of that scan
  bool any_scan = false;
  int last_line = 0;
  // Parsing JSON is most of the work: lines are read in batches and parsed on every core, then
  // handed on in order, so memory holds one batch whatever the size of the scan.
  constexpr std::size_t kBatch = 4096;
  const unsigned threads = std::max(1u, std::min(threads_, std::thread::hardware_concurrency()));
  std::vector<std::string> texts;
  std::vector<int> numbers;
  std::vector<ParsedLine> parsed;
  for (bool more = true; more;) {
    texts.clear();
    numbers.clear();
    std::string text;
    while (texts.size() < kBatch && (more = static_cast<bool>(std::getline(in, text)))) {
      ++last_line;
      if (!text.empty() && text.back() == '\r') text.pop_back();
      if (text.empty()) continue;
      texts.push_back(std::move(text));
      numbers.push_back(last_line);
    }
    parsed.assign(texts.size(), ParsedLine{});
    auto parse_range = [&](std::size_t from, std::size_t to) {
      for (std::size_t i = from; i < to; ++i) {
        parse_line(texts[i], Place{path, numbers[i]}, parsed[i], rule_index_, schema_version_);
      }
    };
    if (threads == 1 || texts.size() < 64) {
      parse_range(0, texts.size());
    } else {
      std::vector<std::jthread> pool;
      const std::size_t share = (texts.size() + threads - 1) / threads;
      for (unsigned t = 1; t < threads; ++t) {
        pool.emplace_back(parse_range, std::min(texts.size(), t * share), std::min(texts.size(), (t + 1) * share));
      }
      parse_range(0, std::min(texts.size(), share));
    }
    for (std::size_t i = 0; i < parsed.size(); ++i) {
      const Place place{path, numbers[i]};
      ParsedLine& line = parsed[i];
      if (!line.syntax_error.empty()) throw Error(line.syntax_error);
      if (line.kind == ParsedLine::Kind::header) {
        if (!line.field_error.empty()) throw Error(line.field_error);
        if (header_line != 0) {
          place.fail(fmt::format("a scan begins before the one of line {} has its summary line: that scan did not "
                                 "finish",
                                 header_line));
        }
        header_line = place.line;
        postings = 0;
        any_scan = true;
        if (events.header) events.header(line.header, place.line);
        continue;
      }
      if (header_line == 0) {
        place.fail("no header line before this one: not the output of `cio-gap scan --format jsonl` (schema_version " +
                   schema_version_ + "), or of an older version: scan again");
      }
      if (!line.field_error.empty()) throw Error(line.field_error);
      if (line.kind == ParsedLine::Kind::summary) {
        const ScanResult& counts = line.summary;
        if (counts.total - counts.off_target != postings) {
          place.fail(fmt::format("the summary counts {} postings, but the scan of line {} has {} posting lines",
                                 counts.total - counts.off_target, header_line, postings));
        }
        header_line = 0;
        if (events.summary) events.summary(counts);
        continue;
      }
      ++postings;
      if (events.posting) events.posting(std::move(line.posting));
    }
  }
  if (header_line != 0) {
    throw Error(located(path, last_line, 0,
                        fmt::format("ends before the summary line of the scan of line {}: the scan did not finish, "
                                    "or the file was cut short",
                                    header_line)));
  }
  if (!any_scan) throw Error(located(path, 0, 0, "no scan output in it (empty)"));
}

}  // namespace cio_gap
