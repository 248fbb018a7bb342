#include "cio_gap/load/json_reader.h"

#include <algorithm>
#include <array>
#include <tuple>

#include "cio_gap/error.h"
#include "cio_gap/load/posting_builder.h"
#include "cio_gap/text/html_text.h"

namespace cio_gap {
namespace {

using nlohmann::json;

// 1-based line and column of a byte offset.
std::pair<int, int> position_of(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  const std::string_view before = text.substr(0, offset);
  const auto line = 1 + std::count(before.begin(), before.end(), '\n');
  const std::size_t last_newline = before.rfind('\n');
  const std::size_t line_start = last_newline == std::string_view::npos ? 0 : last_newline + 1;
  return {static_cast<int>(line), static_cast<int>(offset - line_start + 1)};
}

// nlohmann's messages read "[json.exception.parse_error.101] parse error at line 1, column 2:
// syntax error ..."; the position is reported separately, so keep only the reason.
std::string parse_error_reason(const std::string& what) {
  const std::size_t column = what.find("column ");
  const std::size_t colon = what.find(": ", column == std::string::npos ? 0 : column);
  if (colon != std::string::npos) return what.substr(colon + 2);
  const std::size_t bracket = what.find("] ");
  return bracket == std::string::npos ? what : what.substr(bracket + 2);
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

std::string indexed(const std::string& source, std::size_t index) {
  return source + "#" + std::to_string(index);
}

void add_record(const json& record, const std::string& source, Diagnostics& diagnostics,
                std::vector<PostingText>& postings) {
  if (auto posting = posting_from_record(record, source, diagnostics)) {
    postings.push_back(std::move(*posting));
  }
}

void add_records(const json& array, const std::string& source, Diagnostics& diagnostics,
                 std::vector<PostingText>& postings) {
  for (std::size_t i = 0; i < array.size(); ++i) {
    add_record(array[i], indexed(source, i), diagnostics, postings);
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

std::vector<PostingText> postings_from_value(const json& value, const std::string& source,
                                             Diagnostics& diagnostics) {
  std::vector<PostingText> postings;
  if (value.is_array()) {
    add_records(value, source, diagnostics, postings);
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
        add_record(descriptor != nullptr ? *descriptor : item, indexed(source, i), diagnostics,
                   postings);
      }
      return postings;
    }
  }
  if (is_record(value)) {
    add_record(value, source, diagnostics, postings);
    return postings;
  }
  static constexpr std::array<const char*, 7> kWrappers = {
      "jobs", "postings", "results", "data", "items", "jobPostings", "hits"};
  for (const char* key : kWrappers) {
    const json* records = member(value, key);
    if (records != nullptr && records->is_array()) {
      add_records(*records, source, diagnostics, postings);
      return postings;
    }
  }
  const std::vector<const json*> found = find_job_postings(value);
  if (found.size() == 1) {
    add_record(*found.front(), source, diagnostics, postings);
  } else if (!found.empty()) {
    for (std::size_t i = 0; i < found.size(); ++i) {
      add_record(*found[i], indexed(source, i), diagnostics, postings);
    }
  } else {
    diagnostics.warn(source +
                     ": skipped: no job postings found (expected records with a title and "
                     "description field)");
  }
  return postings;
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
  const JsonDocument line = parse_json(text.substr(first, end - first));
  return line.error.empty() && line.value.is_object();
}

}  // namespace

JsonDocument parse_json(std::string_view text) {
  JsonDocument document;
  // nlohmann builds the tree without recursion, but copying, comparing, dumping and our own
  // readers recurse, so depth is bounded before anything is built.
  int depth = 0;
  bool in_string = false;
  bool escaped = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxJsonDepth) {
        document.error = "nested deeper than " + std::to_string(kMaxJsonDepth) + " levels";
        std::tie(document.line, document.column) = position_of(text, i);
        return document;
      }
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  try {
    document.value = json::parse(text.begin(), text.end());
  } catch (const json::exception& e) {
    document.value = nullptr;
    document.error = parse_error_reason(e.what());
    std::size_t offset = 0;
    if (const auto* parse_error = dynamic_cast<const json::parse_error*>(&e)) {
      offset = parse_error->byte > 0 ? parse_error->byte - 1 : 0;
    }
    std::tie(document.line, document.column) = position_of(text, offset);
  }
  return document;
}

std::vector<PostingText> read_json_postings(const std::string& source, std::string_view text,
                                            Diagnostics& diagnostics) {
  const JsonDocument document = parse_json(text);
  if (!document.error.empty()) {
    if (looks_like_json_lines(text)) return read_jsonl_postings(source, text, diagnostics);
    diagnostics.warn(
        located(source, document.line, document.column, "invalid JSON: " + document.error));
    return {};
  }
  return postings_from_value(document.value, source, diagnostics);
}

std::vector<PostingText> read_jsonl_postings(const std::string& source, std::string_view text,
                                             Diagnostics& diagnostics) {
  std::vector<PostingText> postings;
  int line_number = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    const std::string_view line = text.substr(start, end - start);
    start = end + 1;
    ++line_number;
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    const JsonDocument document = parse_json(line);
    if (!document.error.empty()) {
      diagnostics.warn(
          located(source, line_number, document.column, "invalid JSON: " + document.error));
      continue;
    }
    std::vector<PostingText> found =
        postings_from_value(document.value, indexed(source, static_cast<std::size_t>(line_number)),
                            diagnostics);
    for (PostingText& posting : found) postings.push_back(std::move(posting));
  }
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
