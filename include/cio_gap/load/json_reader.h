#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "cio_gap/load/json_document.h"
#include "cio_gap/model/diagnostics.h"
#include "cio_gap/model/posting.h"

namespace cio_gap {

/// Postings in a JSON document: a JobPosting object or an array of them (also inside
/// `@graph`), a Greenhouse board (`{"jobs": [...]}`), Lever postings (`[{text, lists}]`),
/// USAJOBS search results (`SearchResult.SearchResultItems`), or any record or array of
/// records with a recognisable title and description field (see field_meaning), also under
/// a `jobs`, `postings`, `results`, `data` or `items` member. A record of an array is
/// named "source#N", N its 0-based index; a lone top-level record keeps the plain source.
/// Problems become warnings ("source:line:col: invalid JSON: ..."); the records before a
/// syntax error are still read. Warnings about records are summarised per file and reason:
/// one record gives "source#N: skipped: why", more give "source: 1,048,575 records skipped:
/// why (first at #0)".
std::vector<PostingText> read_json_postings(const std::string& source, std::string_view text,
                                            Diagnostics& diagnostics);

/// JSON Lines: one record per non-empty line, named "source#N" with N the 1-based line
/// number in the file. A bad line is a warning ("source:line:col: invalid JSON: ...") and
/// the other lines still count; many bad lines give one warning ("source: 1,000 lines
/// skipped: invalid JSON (first at line 3: ...)"), records skipped are summarised as above.
std::vector<PostingText> read_jsonl_postings(const std::string& source, std::string_view text,
                                             Diagnostics& diagnostics);

/// The schema.org JobPosting objects in a JSON-LD value (at the top, in arrays, in `@graph`,
/// or nested as e.g. `mainEntity`), outermost first, in document order.
std::vector<const nlohmann::json*> find_job_postings(const nlohmann::json& value);

/// One record (a JobPosting, Lever or USAJOBS object, or any object with a description
/// field) as a posting named `source`; nothing, with a warning, when it holds no text.
std::optional<PostingText> posting_from_record(const nlohmann::json& record,
                                               const std::string& source,
                                               Diagnostics& diagnostics);

/// Sets the posting's company and link from a record's members, named as field_meaning
/// names them (JobSpy, SerpAPI, Greenhouse, Lever, USAJOBS, JSON-LD): a company is a string or
/// an object's `name` (JSON-LD `hiringOrganization`); a link is a string, an object's `link` or
/// `url`, or the first of a list of them (SerpAPI `apply_options`). With no link of its own, a
/// JSON-LD posting's `hiringOrganization.url` stands in. Members absent leave the fields as
/// they are.
void read_company_and_link(const nlohmann::json& record, PostingText& posting);

}  // namespace cio_gap
