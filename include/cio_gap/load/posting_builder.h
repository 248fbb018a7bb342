#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cio_gap/model/diagnostics.h"
#include "cio_gap/model/posting.h"

namespace cio_gap {

/// Longest title kept; a title taken from a first line that is a whole paragraph is cut here.
inline constexpr std::size_t kMaxTitleBytes = 200;

/// Longest link kept; a longer one is dropped (cut short, it would lead nowhere).
inline constexpr std::size_t kMaxLinkBytes = 2000;

/// What a field of a record (a CSV column, a JSON member) holds, judged by its name.
struct FieldMeaning {
  enum class Role { ignored, title, description, section, company, url };
  Role role = Role::ignored;
  int rank = 0;              ///< among fields of one role, the lowest rank wins (or orders sections)
  std::string_view heading;  ///< for sections: the heading line placed above the field's text
};

/// The meaning of a field name, matched case-insensitively ignoring everything but letters
/// and digits ("Job Description", "job_description" and "jobDescription" are one name).
/// Titles: title, job title, job title (primary), position title, business title, position,
/// name. Descriptions: description, job description, description plain, content, body, text.
/// Sections: responsibilities, requirements, qualifications, minimum qual requirements,
/// experience requirements, education requirements, skills, skills desc, preferred skills.
/// Company: company, company name, hiring organization, organization name, employer, employer
/// name, agency. Link: job url, job posting url, absolute url, hosted url, url, apply url,
/// application url, apply links, apply options, share link, link, position uri.
FieldMeaning field_meaning(std::string_view field_name);

/// The first web address in a field: the value itself when it is one, else the first
/// "http://" or "https://" address inside it (a scraper's list of links), up to a space,
/// quote or bracket; "" when there is none or it is longer than kMaxLinkBytes.
std::string link_from(std::string_view value);

/// The title rule for text without a title field: the first non-empty line, leading '#'s
/// and spaces stripped, whitespace collapsed, cut to kMaxTitleBytes.
std::string title_from_text(std::string_view text);

/// A title field's value with whitespace runs collapsed and cut to kMaxTitleBytes.
std::string clean_title(std::string_view title);

/// Appends a heading line and the text under it, a blank line after what came before.
void append_section(std::string& text, std::string_view heading, std::string_view body);

/// A field value as plain text: HTML (also entity-escaped HTML) becomes its visible text,
/// plain text is kept with surrounding blank space trimmed, its entities ("R&amp;D") decoded.
/// HTML too big to parse (see html_to_text) is dropped with a warning naming `source`.
std::string field_text(std::string_view value, const std::string& source, Diagnostics& diagnostics);

/// Collects the fields of one record by meaning and assembles its posting: the best title,
/// the best description, then each section under its heading in a fixed order.
class PostingBuilder {
 public:
  /// Offers a field's text (already plain); empty text is ignored.
  void add(const FieldMeaning& meaning, std::string text);

  /// Whether a description or section was offered, i.e. the record can be a posting.
  bool has_text() const;

  /// The posting named `source`, or nothing when the record has no text. The title is the
  /// title field, or else the title rule applied to the text; company and link are the best
  /// fields of their kind, or empty.
  std::optional<PostingText> build(const std::string& source) const;

 private:
  struct Section {
    int rank = 0;
    std::string_view heading;
    std::string text;
  };
  std::string title_;
  int title_rank_ = 0;
  std::string description_;
  int description_rank_ = 0;
  std::string company_;
  int company_rank_ = 0;
  std::string url_;
  int url_rank_ = 0;
  std::vector<Section> sections_;
};

}  // namespace cio_gap
