#include "cio_gap/load/json_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <tuple>

#include "cio_gap/error.h"
#include "cio_gap/load/posting_builder.h"
#include "cio_gap/load/record_warnings.h"
#include "cio_gap/text/html_text.h"

namespace cio_gap {
namespace {

using nlohmann::json;


// Members of a top-level object that hold an array of records.
const std::vector<std::string> kWrappers = {"jobs", "postings", "results", "data", "items", "jobPostings", "hits"};

// How posting files are parsed: repaired, and arrays of records keep only their objects.
JsonReadOptions posting_read_options() {
  JsonReadOptions options;
  options.repair = true;
  options.skip_non_objects = true;
  options.record_members = kWrappers;
  return options;
}

const json* member(const json& object, const char* key) {
  if (!object.is_object()) return nullptr;
  const auto found = object.find(key);
  return found == object.end() ? nullptr : &*found;
}

std::string string_member(const json& object, const char* key) {
  const json* value = member(object, key);
  return value != nullptr && value->is_string() ? value->get<std::string>() : std::string();
}

bool type_is_job_posting(const json& type) {
  if (type.is_array()) {
    return std::any_of(type.begin(), type.end(), [](const json& t) { return type_is_job_posting(t); });
  }
  if (!type.is_string()) return false;
  const auto& name = type.get_ref<const std::string&>();
  constexpr std::string_view kName = "JobPosting";
  if (name == kName) return true;
  // "schema:JobPosting", "https://schema.org/JobPosting"
  return name.size() > kName.size() && name.compare(name.size() - kName.size(), kName.size(), kName) == 0 &&
         (name[name.size() - kName.size() - 1] == '/' || name[name.size() - kName.size() - 1] == ':');
}

// A link member: a string, an object's `link` or `url`, or the first link of a list.
std::string link_of(const json& value) {
  if (value.is_string()) return link_from(value.get_ref<const std::string&>());
  if (value.is_object()) {
    std::string link = link_from(string_member(value, "link"));
    return link.empty() ? link_from(string_member(value, "url")) : link;
  }
  if (value.is_array()) {
    for (const json& element : value) {
      if (!element.is_array()) {
        if (std::string link = link_of(element); !link.empty()) return link;
      }
    }
  }
  return {};
}

bool is_job_posting(const json& value) {
  const json* type = member(value, "@type");
  return type != nullptr && type_is_job_posting(*type);
}

bool is_lever(const json& record) {
  const json* lists = member(record, "lists");
  const json* text = member(record, "text");
  return lists != nullptr && lists->is_array() && text != nullptr && text->is_string();
}

bool is_usajobs(const json& record) {
  return member(record, "PositionTitle") != nullptr &&
         (member(record, "UserArea") != nullptr || member(record, "QualificationSummary") != nullptr);
}

std::string value_text(const json& value, const std::string& source, Diagnostics& diagnostics);

// Objects inside JSON-LD fields: OccupationalExperienceRequirements, EducationalOccupational-
// Credential, DefinedTerm and the like carry their text in one of a few members.
std::string object_text(const json& object, const std::string& source, Diagnostics& diagnostics) {
  static constexpr std::array<const char*, 7> kTextMembers = {
      "description", "text", "name", "credentialCategory", "educationalLevel", "value", "content"};
  for (const char* key : kTextMembers) {
    const json* value = member(object, key);
    if (value == nullptr) continue;
    std::string text = value_text(*value, source, diagnostics);
    if (!text.empty()) return text;
  }
  const json* months = member(object, "monthsOfExperience");
  if (months != nullptr && (months->is_number() || months->is_string())) {
    const std::string count = months->is_string() ? months->get<std::string>() : months->dump();
    return count + " months of experience";
  }
  return {};
}

// A field value as text: strings as field_text, lists one item per line ("- " before each
// when there are several), objects by their text member.
std::string value_text(const json& value, const std::string& source, Diagnostics& diagnostics) {
  switch (value.type()) {
    case json::value_t::string:
      return field_text(value.get_ref<const std::string&>(), source, diagnostics);
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float:
    case json::value_t::boolean:
      return value.dump();
    case json::value_t::object:
      return object_text(value, source, diagnostics);
    case json::value_t::array: {
      std::vector<std::string> items;
      for (const json& element : value) {
        std::string text = value_text(element, source, diagnostics);
        if (!text.empty()) items.push_back(std::move(text));
      }
      if (items.size() == 1) return items.front();
      std::string out;
      for (const std::string& item : items) {
        if (!out.empty()) out += '\n';
        if (item.rfind("- ", 0) != 0) out += "- ";
        out += item;
      }
      return out;
    }
    default:
      return {};
  }
}

// Lever's postings API: `text` is the title, `lists` the headed bullet lists.
PostingText lever_posting(const json& record, const std::string& source, Diagnostics& diagnostics) {
  PostingText posting;
  posting.source = source;
  posting.title = clean_title(string_member(record, "text"));
  std::string intro = field_text(string_member(record, "descriptionPlain"), source, diagnostics);
  if (intro.empty()) intro = field_text(string_member(record, "description"), source, diagnostics);
  posting.text = intro;
  for (const json& list : *member(record, "lists")) {
    const std::string heading = clean_title(string_member(list, "text"));
    const json* content = member(list, "content");
    const std::string body = content == nullptr ? std::string() : value_text(*content, source, diagnostics);
    if (body.empty()) continue;
    if (heading.empty()) {
      if (!posting.text.empty()) posting.text += "\n\n";
      posting.text += body;
    } else {
      append_section(posting.text, heading, body);
    }
  }
  std::string additional = field_text(string_member(record, "additionalPlain"), source, diagnostics);
  if (additional.empty()) additional = field_text(string_member(record, "additional"), source, diagnostics);
  if (!additional.empty()) {
    if (!posting.text.empty()) posting.text += "\n\n";
    posting.text += additional;
  }
  if (posting.title.empty()) posting.title = title_from_text(posting.text);
  return posting;
}

// USAJOBS search API: a MatchedObjectDescriptor with the text under UserArea.Details.
PostingText usajobs_posting(const json& descriptor, const std::string& source,
                            Diagnostics& diagnostics) {
  PostingText posting;
  posting.source = source;
  posting.title = clean_title(string_member(descriptor, "PositionTitle"));
  const json* user_area = member(descriptor, "UserArea");
  const json* details_member = user_area == nullptr ? nullptr : member(*user_area, "Details");
  static const json kNoDetails = json::object();
  const json& details = details_member != nullptr ? *details_member : kNoDetails;
  auto text_of = [&](const json& object, const char* key) {
    const json* value = member(object, key);
    return value == nullptr ? std::string() : value_text(*value, source, diagnostics);
  };
  posting.text = text_of(details, "JobSummary");
  const std::array<std::pair<const char*, std::string>, 5> sections = {{
      {"Major duties", text_of(details, "MajorDuties")},
      {"Qualifications", text_of(descriptor, "QualificationSummary")},
      {"Education", text_of(details, "Education")},
      {"Requirements", text_of(details, "Requirements")},
      {"Key requirements", text_of(details, "KeyRequirements")},
  }};
  for (const auto& [heading, body] : sections) {
    if (!body.empty()) append_section(posting.text, heading, body);
  }
  if (posting.title.empty()) posting.title = title_from_text(posting.text);
  return posting;
}

// How a summary points at a record: "#2".
std::string record_label(std::size_t index) { return fmt::format("#{}", index); }

std::string indexed(const std::string& source, std::size_t index) {
  return source + record_label(index);
}

struct RecordContext {
  const std::string& source;  // the file, or "file#line" for a JSON Lines record
  RecordWarnings& warnings;
  const std::vector<std::size_t>* kept_indices = nullptr;  // of a top-level array read with skipping
  const std::map<std::string, std::vector<std::size_t>>* member_kept_indices = nullptr;  // of its members
};

void add_record(const json& record, const std::string& name, std::size_t index, RecordContext& context,
                std::vector<PostingText>& postings) {
  Diagnostics record_diagnostics;
  if (auto posting = posting_from_record(record, name, record_diagnostics)) {
    postings.push_back(std::move(*posting));
  }
  context.warnings.add(name, record_label(index), index, record_diagnostics.warnings);
}

void add_records(const json& array, RecordContext& context, const std::vector<std::size_t>* indices,
                 std::vector<PostingText>& postings) {
  for (std::size_t i = 0; i < array.size(); ++i) {
    const std::size_t index = indices != nullptr && i < indices->size() ? (*indices)[i] : i;
    add_record(array[i], indexed(context.source, index), index, context, postings);
  }
}

// Whether an object is one record itself rather than a wrapper around records.
bool is_record(const json& object) {
  if (is_lever(object) || is_usajobs(object) || is_job_posting(object)) return true;
  for (auto it = object.begin(); it != object.end(); ++it) {
    const FieldMeaning meaning = field_meaning(it.key());
    if ((meaning.role == FieldMeaning::Role::description ||
         meaning.role == FieldMeaning::Role::section) &&
        (it->is_string() || it->is_array())) {
      return true;
    }
  }
  return false;
}

std::vector<PostingText> postings_from_value(const json& value, RecordContext& context, Diagnostics& diagnostics) {
  const std::string& source = context.source;
  std::vector<PostingText> postings;
  if (value.is_array()) {
    add_records(value, context, context.kept_indices, postings);
    return postings;
  }
  if (!value.is_object()) {
    diagnostics.warn(source + ": skipped: expected a JSON object or array of job postings");
    return postings;
  }
  if (const json* result = member(value, "SearchResult")) {
    const json* items = member(*result, "SearchResultItems");
    if (items != nullptr && items->is_array()) {
      for (std::size_t i = 0; i < items->size(); ++i) {
        const json& item = (*items)[i];
        const json* descriptor = member(item, "MatchedObjectDescriptor");
        add_record(descriptor != nullptr ? *descriptor : item, indexed(source, i), i, context, postings);
      }
      return postings;
    }
  }
  if (is_record(value)) {
    add_record(value, source, 0, context, postings);
    return postings;
  }
  for (const std::string& key : kWrappers) {
    const json* records = member(value, key.c_str());
    if (records != nullptr && records->is_array()) {
      const std::vector<std::size_t>* indices = nullptr;
      if (context.member_kept_indices != nullptr) {
        const auto found = context.member_kept_indices->find(key);
        if (found != context.member_kept_indices->end()) indices = &found->second;
      }
      add_records(*records, context, indices, postings);
      return postings;
    }
  }
  const std::vector<const json*> found = find_job_postings(value);
  if (found.size() == 1) {
    add_record(*found.front(), source, 0, context, postings);
  } else if (!found.empty()) {
    for (std::size_t i = 0; i < found.size(); ++i) {
      add_record(*found[i], indexed(source, i), i, context, postings);
    }
  } else {
    diagnostics.warn(source +
                     ": skipped: no job postings found (expected records with a title and "
                     "description field)");
  }
  return postings;
}

// Says what parse_json repaired, once per kind for a whole file.
void warn_repairs(const std::string& source, std::string_view text, const JsonRepair& repair, const char* what,
                  const char* read_as, Diagnostics& diagnostics) {
  if (repair.count == 0) return;
  const auto [line, column] = json_position(text, repair.first_offset);
  if (repair.count == 1) {
    diagnostics.warn(located(source, line, column, fmt::format("{} '{}' read as {}", what, repair.first_text, read_as)));
  } else {
    diagnostics.warn(located(source, line, column,
                             fmt::format("{} {}s read as {} (the first '{}')", group_digits(repair.count), what,
                                         read_as, repair.first_text)));
  }
}

// Both kinds of repair, the one met first first.
void warn_repairs(const std::string& source, std::string_view text, const JsonRepair& surrogates,
                  const JsonRepair& overflows, Diagnostics& diagnostics) {
  const bool surrogates_first = surrogates.count > 0 && (overflows.count == 0 || surrogates.first_offset < overflows.first_offset);
  if (surrogates_first) warn_repairs(source, text, surrogates, "lone surrogate", "U+FFFD", diagnostics);
  warn_repairs(source, text, overflows, "number out of range", "null", diagnostics);
  if (!surrogates_first) warn_repairs(source, text, surrogates, "lone surrogate", "U+FFFD", diagnostics);
}

void collect_job_postings(const json& value, std::vector<const json*>& found) {
  if (value.is_object()) {
    if (is_job_posting(value)) {
      found.push_back(&value);
      return;
    }
    for (const json& member_value : value) collect_job_postings(member_value, found);
  } else if (value.is_array()) {
    for (const json& element : value) collect_job_postings(element, found);
  }
}

// A .json file that is really JSON Lines: its first line is a whole object on its own.
bool looks_like_json_lines(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t\n");
  if (first == std::string_view::npos || text[first] != '{') return false;
  const std::size_t end = text.find('\n', first);
  if (end == std::string_view::npos) return false;
  if (text.find_first_not_of(" \t\n", end) == std::string_view::npos) return false;
  const JsonDocument line = parse_json(text.substr(first, end - first), {true, false, {}});
  return line.error.empty() && line.value.is_object();
}

}  // namespace

std::vector<PostingText> read_json_postings(const std::string& source, std::string_view text,
                                            Diagnostics& diagnostics) {
  const JsonDocument document = parse_json(text, posting_read_options());
  if (!document.error.empty() && !document.partial && looks_like_json_lines(text)) {
    return read_jsonl_postings(source, text, diagnostics);
  }
  warn_repairs(source, text, document.surrogates, document.overflows, diagnostics);
  if (!document.error.empty()) {
    std::string message = "invalid JSON: " + document.error;
    if (document.partial) message += "; the records before it are read";
    diagnostics.warn(located(source, document.line, document.column, message));
    if (!document.partial) return {};
  }
  RecordWarnings warnings(source, "records");
  if (document.skipped > 0) {
    const std::string label = record_label(document.first_skipped);
    warnings.add("skipped: not a JSON object", document.skipped, label, document.first_skipped,
                 indexed(source, document.first_skipped) + ": skipped: not a JSON object");
  }
  RecordContext context{source, warnings, &document.kept_indices, &document.member_kept_indices};
  std::vector<PostingText> postings = postings_from_value(document.value, context, diagnostics);
  warnings.flush(diagnostics);
  return postings;
}

std::vector<PostingText> read_jsonl_postings(const std::string& source, std::string_view text,
                                             Diagnostics& diagnostics) {
  std::vector<PostingText> postings;
  RecordWarnings warnings(source, "records");
  RecordWarnings bad_lines(source, "lines");
  JsonRepair surrogates;
  JsonRepair overflows;
  auto merge = [](JsonRepair& total, const JsonRepair& line, std::size_t line_start) {
    if (line.count == 0) return;
    if (total.count == 0) {
      total.first_offset = line_start + line.first_offset;
      total.first_text = line.first_text;
    }
    total.count += line.count;
  };
  int line_number = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t line_start = start;
    const std::size_t end = std::min(text.find('\n', start), text.size());
    const std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++line_number;
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    const JsonDocument document = parse_json(line, posting_read_options());
    merge(surrogates, document.surrogates, line_start);
    merge(overflows, document.overflows, line_start);
    if (!document.error.empty()) {
      std::string single = located(source, line_number, document.column, "invalid JSON: " + document.error);
      bad_lines.add("skipped: invalid JSON", 1,
                    fmt::format("line {}, column {}: {}", line_number, document.column, document.error),
                    static_cast<std::size_t>(line_number), std::move(single));
      continue;
    }
    const std::string name = indexed(source, static_cast<std::size_t>(line_number));
    RecordWarnings line_warnings(name, "records");
    RecordContext context{name, line_warnings, &document.kept_indices, &document.member_kept_indices};
    if (document.skipped > 0) {
      line_warnings.add("skipped: not a JSON object", document.skipped, record_label(document.first_skipped),
                        document.first_skipped, indexed(name, document.first_skipped) + ": skipped: not a JSON object");
    }
    Diagnostics line_diagnostics;
    std::vector<PostingText> found = postings_from_value(document.value, context, line_diagnostics);
    line_warnings.flush(line_diagnostics);
    warnings.add(name, record_label(static_cast<std::size_t>(line_number)), static_cast<std::size_t>(line_number),
                 line_diagnostics.warnings);
    for (PostingText& posting : found) postings.push_back(std::move(posting));
  }
  warn_repairs(source, text, surrogates, overflows, diagnostics);
  bad_lines.flush(diagnostics);
  warnings.flush(diagnostics);
  return postings;
}

std::vector<const nlohmann::json*> find_job_postings(const nlohmann::json& value) {
  std::vector<const json*> found;
  collect_job_postings(value, found);
  return found;
}

std::optional<PostingText> posting_from_record(const nlohmann::json& record,
                                               const std::string& source,
                                               Diagnostics& diagnostics) {
  if (!record.is_object()) {
    diagnostics.warn(source + ": skipped: not a JSON object");
    return std::nullopt;
  }
  std::optional<PostingText> posting;
  if (is_lever(record)) {
    posting = lever_posting(record, source, diagnostics);
  } else if (is_usajobs(record)) {
    posting = usajobs_posting(record, source, diagnostics);
  } else {
    PostingBuilder builder;
    for (auto it = record.begin(); it != record.end(); ++it) {
      const FieldMeaning meaning = field_meaning(it.key());
      // Company and link are read below, from the members as they are (an object's name).
      if (meaning.role == FieldMeaning::Role::ignored || meaning.role == FieldMeaning::Role::company ||
          meaning.role == FieldMeaning::Role::url) {
        continue;
      }
      if (meaning.role == FieldMeaning::Role::title) {
        if (it->is_string()) builder.add(meaning, it->get<std::string>());
        continue;
      }
      builder.add(meaning, value_text(*it, source, diagnostics));
    }
    posting = builder.build(source);
  }
  if (!posting || posting->text.empty()) {
    diagnostics.warn(source + ": skipped: no description");
    return std::nullopt;
  }
  read_company_and_link(record, *posting);
  return posting;
}

void read_company_and_link(const nlohmann::json& record, PostingText& posting) {
  if (!record.is_object()) return;
  int company_rank = 0;
  int url_rank = 0;
  std::string company;
  std::string url;
  for (auto it = record.begin(); it != record.end(); ++it) {
    const FieldMeaning meaning = field_meaning(it.key());
    if (meaning.role == FieldMeaning::Role::company) {
      // Scrapers leave entities in names ("AT&amp;T"); a bare '&' stays as it is.
      const std::string name =
          clean_title(decode_html_entities(it->is_string() ? it->get<std::string>() : string_member(*it, "name")));
      if (!name.empty() && (company.empty() || meaning.rank < company_rank)) {
        company = name;
        company_rank = meaning.rank;
      }
    } else if (meaning.role == FieldMeaning::Role::url) {
      const std::string link = link_of(*it);
      if (!link.empty() && (url.empty() || meaning.rank < url_rank)) {
        url = link;
        url_rank = meaning.rank;
      }
    }
  }
  if (url.empty()) {
    if (const json* organization = member(record, "hiringOrganization")) url = link_from(string_member(*organization, "url"));
  }
  if (!company.empty()) posting.company = std::move(company);
  if (!url.empty()) posting.url = std::move(url);
}

}  // namespace cio_gap
