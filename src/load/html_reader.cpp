#include "cio_gap/load/html_reader.h"

#include "cio_gap/load/json_reader.h"
#include "cio_gap/load/posting_builder.h"
#include "cio_gap/text/html_text.h"

namespace cio_gap {

std::optional<PostingText> read_html_posting(const std::string& source, std::string_view html,
                                             Diagnostics& diagnostics) {
  HtmlText page = html_to_text(html);
  if (!page.refusal.empty()) {
    diagnostics.warn(source + ": skipped: HTML " + page.refusal);
    return std::nullopt;
  }

  // Structured data is what the employer meant to publish; the visible page adds menus.
  std::vector<const nlohmann::json*> job_postings;
  std::vector<JsonDocument> blocks;
  blocks.reserve(page.json_ld.size());
  for (const std::string& block : page.json_ld) {
    blocks.push_back(parse_json(block, {true, false, {}}));
    if (!blocks.back().error.empty()) {
      // Broken structured data is common and harmless unless it was the posting.
      if (block.find("JobPosting") != std::string::npos) {
        diagnostics.warn(source + ": JobPosting JSON-LD ignored: invalid JSON: " +
                         blocks.back().error);
      }
      continue;
    }
    for (const nlohmann::json* found : find_job_postings(blocks.back().value)) {
      job_postings.push_back(found);
    }
  }
  if (!job_postings.empty()) {
    if (job_postings.size() > 1) {
      diagnostics.warn(source + ": the page holds " + std::to_string(job_postings.size()) +
                       " JobPosting entries; read the first");
    }
    Diagnostics record_diagnostics;
    std::optional<PostingText> posting =
        posting_from_record(*job_postings.front(), source, record_diagnostics);
    if (posting) {
      for (std::string& warning : record_diagnostics.warnings) diagnostics.warn(std::move(warning));
      return posting;
    }
    // A JobPosting without a description still names the job; the page holds the text.
  }

  if (page.text.empty()) {
    diagnostics.warn(source + ": skipped: no visible text");
    return std::nullopt;
  }
  PostingText posting;
  posting.source = source;
  if (!job_postings.empty()) {
    const nlohmann::json& job = *job_postings.front();
    const auto title = job.find("title");
    if (title != job.end() && title->is_string()) posting.title = clean_title(title->get<std::string>());
    read_company_and_link(job, posting);
  }
  if (posting.title.empty()) posting.title = clean_title(page.heading);
  if (posting.title.empty()) posting.title = title_from_text(page.text);
  posting.text = std::move(page.text);
  return posting;
}

}  // namespace cio_gap
