#include "cio_gap/load/posting_builder.h"

#include <algorithm>
#include <array>

#include "cio_gap/text/html_text.h"

namespace cio_gap {
namespace {

using Role = FieldMeaning::Role;

struct KnownField {
  std::string_view key;  // letters and digits only, lower case
  FieldMeaning meaning;
};

// Ranks order the candidates of a role: the first-listed title or description present wins;
// sections appear in rank order.
constexpr std::array<KnownField, 44> kKnownFields = {{
    {"title", {Role::title, 0, {}}},
    {"jobtitle", {Role::title, 1, {}}},
    {"jobtitleprimary", {Role::title, 2, {}}},
    {"positiontitle", {Role::title, 3, {}}},
    {"businesstitle", {Role::title, 4, {}}},
    {"position", {Role::title, 5, {}}},
    {"name", {Role::title, 6, {}}},
    {"description", {Role::description, 0, {}}},
    {"jobdescription", {Role::description, 1, {}}},
    {"descriptionplain", {Role::description, 2, {}}},
    {"content", {Role::description, 3, {}}},
    {"body", {Role::description, 4, {}}},
    {"text", {Role::description, 5, {}}},
    {"responsibilities", {Role::section, 0, "Responsibilities"}},
    {"requirements", {Role::section, 1, "Requirements"}},
    {"qualifications", {Role::section, 2, "Qualifications"}},
    {"minimumqualrequirements", {Role::section, 3, "Minimum Qualification Requirements"}},
    {"experiencerequirements", {Role::section, 4, "Experience requirements"}},
    {"educationrequirements", {Role::section, 5, "Education requirements"}},
    {"skills", {Role::section, 6, "Skills"}},
    {"skillsdesc", {Role::section, 7, "Skills"}},
    {"preferredskills", {Role::section, 8, "Preferred Skills"}},
    {"preferredqualifications", {Role::section, 9, "Preferred qualifications"}},
    {"minimumqualifications", {Role::section, 3, "Minimum qualifications"}},
    // Company: JobSpy `company`, SerpAPI `company_name`, JSON-LD `hiringOrganization`, NYC Open
    // Data `Agency`. `company_url` and the like describe the company, not the posting.
    {"company", {Role::company, 0, {}}},
    {"companyname", {Role::company, 1, {}}},
    {"hiringorganization", {Role::company, 2, {}}},
    {"organizationname", {Role::company, 3, {}}},
    {"employer", {Role::company, 4, {}}},
    {"employername", {Role::company, 5, {}}},
    {"agency", {Role::company, 6, {}}},
    // Link: JobSpy `job_url` (before `job_url_direct`, often empty), LinkedIn
    // `job_posting_url` (before `application_url`, the employer's form), Greenhouse
    // `absolute_url`, Lever `hostedUrl`, JSON-LD `url`, SerpAPI `apply_options`/`share_link`.
    {"joburl", {Role::url, 0, {}}},
    {"jobpostingurl", {Role::url, 1, {}}},
    {"absoluteurl", {Role::url, 2, {}}},
    {"hostedurl", {Role::url, 3, {}}},
    {"url", {Role::url, 4, {}}},
    {"joburldirect", {Role::url, 5, {}}},
    {"applyurl", {Role::url, 6, {}}},
    {"applicationurl", {Role::url, 7, {}}},
    {"applylinks", {Role::url, 8, {}}},
    {"applyoptions", {Role::url, 9, {}}},
    {"sharelink", {Role::url, 10, {}}},
    {"link", {Role::url, 11, {}}},
    {"positionuri", {Role::url, 12, {}}},  // USAJOBS
}};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

// Cuts at a character boundary so the title stays valid UTF-8.
std::string cut_utf8(std::string text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  std::size_t end = max_bytes;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  text.resize(end);
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text;
}

std::string collapse_spaces(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (const char c : trim(text)) {
    if (is_space(c)) {
      space = true;
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

}  // namespace

FieldMeaning field_meaning(std::string_view field_name) {
  std::string key;
  for (const char c : field_name) {
    if (c >= 'A' && c <= 'Z') {
      key.push_back(static_cast<char>(c - 'A' + 'a'));
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      key.push_back(c);
    }
  }
  for (const KnownField& known : kKnownFields) {
    if (known.key == key) return known.meaning;
  }
  return {};
}

std::string link_from(std::string_view value) {
  value = trim(value);
  std::size_t start = std::string_view::npos;
  for (const std::string_view scheme : {"https://", "http://"}) {
    start = std::min(start, value.find(scheme));
  }
  if (start == std::string_view::npos) return {};
  std::size_t end = start;
  while (end < value.size() && !is_space(value[end]) && value[end] != '"' && value[end] != '\'' &&
         value[end] != '<' && value[end] != '>' && value[end] != ']' && value[end] != '}') {
    ++end;
  }
  // Punctuation after an address in prose ends the sentence, not the address.
  while (end > start && (value[end - 1] == ',' || value[end - 1] == '.' || value[end - 1] == ';' ||
                         value[end - 1] == ')')) {
    --end;
  }
  // A link cut short leads nowhere: a longer one is dropped.
  if (end - start > kMaxLinkBytes) return {};
  return std::string(value.substr(start, end - start));
}

std::string title_from_text(std::string_view text) {
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    std::string_view line = text.substr(start, end - start);
    while (!line.empty() && (line.front() == '#' || is_space(line.front()))) line.remove_prefix(1);
    if (!trim(line).empty()) return clean_title(line);
    start = end + 1;
  }
  return {};
}

std::string clean_title(std::string_view title) {
  return cut_utf8(collapse_spaces(title), kMaxTitleBytes);
}

void append_section(std::string& text, std::string_view heading, std::string_view body) {
  if (!text.empty()) text += "\n\n";
  text += heading;
  text += '\n';
  text += body;
}

std::string field_text(std::string_view value, const std::string& source, Diagnostics& diagnostics) {
  std::string html;
  if (value.find("&lt;") != std::string_view::npos && !looks_like_html(value)) {
    html = decode_html_entities(value);
    if (!looks_like_html(html)) html.clear();
  } else if (looks_like_html(value)) {
    html = std::string(value);
  }
  if (html.empty()) {
    // Scrapers often leave entities in plain text ("R&amp;D"); a bare '&' stays as it is.
    static constexpr std::array<std::string_view, 7> kEntities = {
        "&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&nbsp;", "&#"};
    const bool escaped = std::any_of(kEntities.begin(), kEntities.end(), [&](std::string_view e) {
      return value.find(e) != std::string_view::npos;
    });
    if (!escaped) return std::string(trim(value));
    const std::string decoded = decode_html_entities(value);
    return std::string(trim(decoded));
  }
  HtmlText parsed = html_to_text(html);
  if (!parsed.refusal.empty()) {
    diagnostics.warn(source + ": HTML " + parsed.refusal + "; field ignored");
    return {};
  }
  return std::move(parsed.text);
}

void PostingBuilder::add(const FieldMeaning& meaning, std::string text) {
  if (trim(text).empty()) return;
  switch (meaning.role) {
    case Role::ignored:
      return;
    case Role::title:
      if (title_.empty() || meaning.rank < title_rank_) {
        title_ = clean_title(text);
        title_rank_ = meaning.rank;
      }
      return;
    case Role::description:
      if (description_.empty() || meaning.rank < description_rank_) {
        description_ = std::move(text);
        description_rank_ = meaning.rank;
      }
      return;
    case Role::section:
      sections_.push_back({meaning.rank, meaning.heading, std::move(text)});
      return;
    case Role::company:
      if (company_.empty() || meaning.rank < company_rank_) {
        company_ = clean_title(text);
        company_rank_ = meaning.rank;
      }
      return;
    case Role::url:
      if (std::string link = link_from(text); !link.empty() && (url_.empty() || meaning.rank < url_rank_)) {
        url_ = std::move(link);
        url_rank_ = meaning.rank;
      }
      return;
  }
}

bool PostingBuilder::has_text() const { return !description_.empty() || !sections_.empty(); }

std::optional<PostingText> PostingBuilder::build(const std::string& source) const {
  if (!has_text()) return std::nullopt;
  std::vector<const Section*> ordered;
  for (const Section& section : sections_) ordered.push_back(&section);
  std::stable_sort(ordered.begin(), ordered.end(),
                   [](const Section* a, const Section* b) { return a->rank < b->rank; });
  PostingText posting;
  posting.source = source;
  posting.text = description_;
  for (const Section* section : ordered) {
    // A field that repeats the description adds nothing but duplicate findings.
    if (section->text == description_) continue;
    append_section(posting.text, section->heading, section->text);
  }
  posting.title = title_.empty() ? title_from_text(posting.text) : title_;
  posting.company = company_;
  posting.url = url_;
  return posting;
}

}  // namespace cio_gap
