#include "cio_gap/load/posting_reader.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace fs = std::filesystem;

namespace cio_gap {
namespace {

using namespace std::string_literals;

const std::string kRaw = std::string(CIO_GAP_SHARED_DIR) + "/corpus/raw/";
const std::string kSame = std::string(CIO_GAP_SOURCE_DIR) + "/tests/fixtures/formats/same/";

std::vector<PostingText> read_path(const std::string& path, const std::string& source,
                                   Diagnostics& diagnostics, ReadLimits limits = {}) {
  return read_postings(JobFile{path, source}, limits, diagnostics);
}

std::vector<std::string> titles(const std::vector<PostingText>& postings) {
  std::vector<std::string> out;
  for (const PostingText& posting : postings) out.push_back(posting.title);
  return out;
}

std::vector<std::string> sources(const std::vector<PostingText>& postings) {
  std::vector<std::string> out;
  for (const PostingText& posting : postings) out.push_back(posting.source);
  return out;
}

void expect_every_posting_has_title_and_text(const std::vector<PostingText>& postings) {
  for (const PostingText& posting : postings) {
    EXPECT_FALSE(posting.title.empty()) << posting.source;
    EXPECT_GT(posting.text.size(), 200u) << posting.source;
  }
}

// Replaces standard input for one test.
class StdinFrom {
 public:
  explicit StdinFrom(const std::string& content) : input_(content), saved_(std::cin.rdbuf(input_.rdbuf())) {}
  ~StdinFrom() {
    std::cin.rdbuf(saved_);
    std::cin.clear();
  }
  StdinFrom(const StdinFrom&) = delete;
  StdinFrom& operator=(const StdinFrom&) = delete;

 private:
  std::istringstream input_;
  std::streambuf* saved_;
};

TEST(PostingReaderTest, FormatComesFromTheExtension) {
  EXPECT_EQ(format_for_path("a.txt"), PostingFormat::text);
  EXPECT_EQ(format_for_path("a.md"), PostingFormat::markdown);
  EXPECT_EQ(format_for_path("a.MARKDOWN"), PostingFormat::markdown);
  EXPECT_EQ(format_for_path("dir/a.HTML"), PostingFormat::html);
  EXPECT_EQ(format_for_path("a.htm"), PostingFormat::html);
  EXPECT_EQ(format_for_path("a.json"), PostingFormat::json);
  EXPECT_EQ(format_for_path("a.jsonl"), PostingFormat::jsonl);
  EXPECT_EQ(format_for_path("a.ndjson"), PostingFormat::jsonl);
  EXPECT_EQ(format_for_path("a.csv"), PostingFormat::csv);
  EXPECT_EQ(format_for_path("a.tsv"), PostingFormat::csv);
  EXPECT_EQ(format_for_path("a.PDF"), PostingFormat::pdf);
  EXPECT_EQ(format_for_path("a.docx"), PostingFormat::docx);
  EXPECT_EQ(format_for_path("a.odt"), PostingFormat::odt);
  EXPECT_EQ(format_for_path("a.doc"), PostingFormat::text);
  EXPECT_EQ(format_for_path("posting"), PostingFormat::text);
  EXPECT_EQ(format_for_path("-"), PostingFormat::text);
}

TEST(PostingReaderTest, ReadDocumentReadsAnySingleDocumentByPath) {
  const std::string documents = std::string(CIO_GAP_SOURCE_DIR) + "/tests/fixtures/documents/";
  Diagnostics diagnostics;
  for (const char* name : {"posting.docx", "posting.odt"}) {
    const std::optional<PostingText> posting = read_document(documents + name, {}, diagnostics);
    ASSERT_TRUE(posting) << name;
    EXPECT_EQ(posting->source, documents + name);
    EXPECT_EQ(posting->title, "Vice President, Information Technology") << name;
    EXPECT_TRUE(posting->text.starts_with("Vice President, Information Technology\n")) << name;
    EXPECT_TRUE(posting->page_lines.empty()) << name;
  }
  const std::optional<PostingText> pdf = read_document(documents + "posting.pdf", {}, diagnostics);
  ASSERT_TRUE(pdf);
  EXPECT_EQ(pdf->page_lines.size(), 2u);
  const std::optional<PostingText> text = read_document(kSame + "posting.txt", {}, diagnostics);
  ASSERT_TRUE(text);
  EXPECT_TRUE(text->page_lines.empty());
  EXPECT_TRUE(diagnostics.warnings.empty());
  // A file of several records gives its first, with a warning.
  const fs::path two = fs::temp_directory_path() / ("cio-gap-two-records-" + std::to_string(::getpid()) + ".jsonl");
  std::ofstream(two) << "{\"title\": \"CIO\", \"description\": \"Own the budget.\"}\n"
                        "{\"title\": \"CTO\", \"description\": \"Lead the team.\"}\n";
  const std::optional<PostingText> first = read_document(two.string(), {}, diagnostics);
  fs::remove(two);
  ASSERT_TRUE(first);
  EXPECT_EQ(first->title, "CIO");
  EXPECT_FALSE(read_document(documents + "missing.pdf", {}, diagnostics));
  EXPECT_EQ(diagnostics.warnings,
            (std::vector<std::string>{two.string() + ": holds 2 records; read the first",
                                      documents + "missing.pdf: skipped: No such file or directory"}));
}

TEST(PostingReaderTest, TextFileIsOnePostingTitledByItsFirstLine) {
  Diagnostics diagnostics;
  const auto postings =
      parse_postings("jobs/cio.md", "\n# Chief Information Officer\n\nLead IT.\n", PostingFormat::markdown,
                     diagnostics);
  ASSERT_EQ(postings.size(), 1u);
  EXPECT_EQ(postings[0].source, "jobs/cio.md");
  EXPECT_EQ(postings[0].title, "Chief Information Officer");
  EXPECT_EQ(postings[0].text, "\n# Chief Information Officer\n\nLead IT.\n");
  EXPECT_EQ(postings[0].line_offset, 0);
  EXPECT_TRUE(diagnostics.warnings.empty());
}

TEST(PostingReaderTest, DecodesOnceBeforeParsing) {
  Diagnostics diagnostics;
  const auto utf16 = parse_postings("u.txt", "\xFF\xFE" "C\0I\0O\0\r\0\n\0"s, PostingFormat::text, diagnostics);
  ASSERT_EQ(utf16.size(), 1u);
  EXPECT_EQ(utf16[0].text, "CIO\n");
  const auto bom_csv = parse_postings("b.csv", "\xEF\xBB\xBFtitle,description\r\nCIO,\"Lead\r\nIT\"\r\n",
                                      PostingFormat::csv, diagnostics);
  ASSERT_EQ(bom_csv.size(), 1u);
  EXPECT_EQ(bom_csv[0].title, "CIO");
  EXPECT_EQ(bom_csv[0].text, "Lead\nIT");
  EXPECT_TRUE(diagnostics.warnings.empty());
}

TEST(PostingReaderTest, Windows1252AndBinaryAreWarnings) {
  Diagnostics diagnostics;
  const auto latin = parse_postings("jobs/old.txt", "Caf\xE9 manager\n", PostingFormat::text, diagnostics);
  ASSERT_EQ(latin.size(), 1u);
  EXPECT_EQ(latin[0].title, "Caf\xC3\xA9 manager");
  EXPECT_TRUE(parse_postings("jobs/x.bin", "\x7F" "ELF\0\0"s, PostingFormat::text, diagnostics).empty());
  EXPECT_TRUE(parse_postings("jobs/empty.txt", " \n\n", PostingFormat::text, diagnostics).empty());
  EXPECT_EQ(diagnostics.warnings,
            (std::vector<std::string>{"jobs/old.txt: not valid UTF-8; read as Windows-1252",
                                      "jobs/x.bin: skipped: binary file", "jobs/empty.txt: skipped: no text"}));
}

TEST(PostingReaderTest, StrayBytesInUtf8AreRepairedOneByOne) {
  // One Windows-1252 byte must not turn "7–10 years" into "7â€“10 years".
  Diagnostics diagnostics;
  const auto postings = parse_postings(
      "jobs/mixed.txt", "IT Director\nCaf\xE9 chain\nRequires 7\xE2\x80\x93" "10 years of experience.\n\x93Go\x94\n",
      PostingFormat::text, diagnostics);
  ASSERT_EQ(postings.size(), 1u);
  EXPECT_EQ(postings[0].text,
            "IT Director\nCaf\xC3\xA9 chain\nRequires 7\xE2\x80\x93" "10 years of experience.\n\u201CGo\u201D\n");
  EXPECT_EQ(diagnostics.warnings,
            (std::vector<std::string>{
                "jobs/mixed.txt: 3 bytes not valid UTF-8 (first on line 2); read as Windows-1252, the rest as UTF-8"}));
}

class PostingReaderFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    root_ = fs::temp_directory_path() /
            ("cio-gap-posting-reader-" + std::to_string(::getpid()) + "-" + info->name());
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  void TearDown() override {
    std::error_code ignored;
    fs::remove_all(root_, ignored);
  }
  std::string write(const std::string& name, const std::string& content) {
    const fs::path path = root_ / name;
    std::ofstream(path, std::ios::binary) << content;
    return path.string();
  }

  fs::path root_;
  Diagnostics diagnostics_;
};

TEST_F(PostingReaderFileTest, CountsFilesReadAndSkipped) {
  const std::string good = write("good.txt", "IT Director\nRun IT.\n");
  const std::string binary = write("x.bin", "\x89PNG\r\n\x1A\n\0\0"s);
  const std::string empty = write("empty.json", "[]");
  EXPECT_EQ(read_path(good, "good.txt", diagnostics_).size(), 1u);
  EXPECT_TRUE(read_path(binary, "x.bin", diagnostics_).empty());
  EXPECT_TRUE(read_path(empty, "empty.json", diagnostics_).empty());
  EXPECT_TRUE(read_path((root_ / "gone.txt").string(), "gone.txt", diagnostics_).empty());
  EXPECT_EQ(diagnostics_.warnings,
            (std::vector<std::string>{"x.bin: skipped: binary file", "empty.json: skipped: no postings found",
                                      "gone.txt: skipped: No such file or directory"}));
  EXPECT_EQ(diagnostics_.files_read, 1);
  EXPECT_EQ(diagnostics_.files_skipped, 3);
}

TEST_F(PostingReaderFileTest, OverSizeFileIsSkippedWithoutReading) {
  const std::string big = write("big.txt", std::string(5000, 'x'));
  ReadLimits limits;
  limits.max_filesize = 4096;
  EXPECT_TRUE(read_path(big, "jobs/big.txt", diagnostics_, limits).empty());
  limits.max_filesize = 4000;
  EXPECT_TRUE(read_path(big, "jobs/big.txt", diagnostics_, limits).empty());
  EXPECT_EQ(diagnostics_.warnings,
            (std::vector<std::string>{"jobs/big.txt: skipped: larger than 4 KiB (--max-filesize)",
                                      "jobs/big.txt: skipped: larger than 4000 bytes (--max-filesize)"}));
  EXPECT_EQ(diagnostics_.files_skipped, 2);
}

TEST_F(PostingReaderFileTest, FolderIsNotAPostingFile) {
  EXPECT_TRUE(read_path(root_.string(), "jobs", diagnostics_).empty());
  EXPECT_EQ(diagnostics_.warnings, std::vector<std::string>{"jobs: skipped: Is a directory"});
}

TEST_F(PostingReaderFileTest, UnreadableFileIsAWarning) {
  if (::geteuid() == 0) GTEST_SKIP() << "root reads every file";
  const std::string locked = write("locked.txt", "CIO\n");
  fs::permissions(locked, fs::perms::none);
  EXPECT_TRUE(read_path(locked, "locked.txt", diagnostics_).empty());
  EXPECT_EQ(diagnostics_.warnings, std::vector<std::string>{"locked.txt: skipped: Permission denied"});
}

TEST(PostingReaderStdinTest, StandardInputTextIsOnePosting) {
  StdinFrom input("Chief Data Officer\nOwn the data strategy.\n");
  Diagnostics diagnostics;
  const auto postings = read_postings(JobFile{"-", "-"}, ReadLimits{}, diagnostics);
  ASSERT_EQ(postings.size(), 1u);
  EXPECT_EQ(postings[0].source, "-");
  EXPECT_EQ(postings[0].title, "Chief Data Officer");
  EXPECT_EQ(diagnostics.files_read, 1);
}

TEST(PostingReaderStdinTest, StandardInputStartingWithABraceIsJson) {
  {
    StdinFrom input("  {\"title\": \"CTO\", \"description\": \"Build.\"}\n");
    Diagnostics diagnostics;
    const auto postings = read_postings(JobFile{"-", "-"}, ReadLimits{}, diagnostics);
    EXPECT_EQ(sources(postings), std::vector<std::string>{"-"});
    EXPECT_EQ(titles(postings), std::vector<std::string>{"CTO"});
  }
  {
    StdinFrom input("{\"title\": \"A\", \"description\": \"a\"}\n{\"title\": \"B\", \"description\": \"b\"}\n");
    Diagnostics diagnostics;
    const auto postings = read_postings(JobFile{"-", "-"}, ReadLimits{}, diagnostics);
    EXPECT_EQ(sources(postings), (std::vector<std::string>{"-#1", "-#2"}));
  }
  {
    StdinFrom input("[{\"title\": \"A\", \"description\": \"a\"}]");
    Diagnostics diagnostics;
    EXPECT_EQ(sources(read_postings(JobFile{"-", "-"}, ReadLimits{}, diagnostics)),
              std::vector<std::string>{"-#0"});
  }
}

TEST(PostingReaderStdinTest, StandardInputOverTheLimitIsSkipped) {
  StdinFrom input(std::string(3000, 'x'));
  Diagnostics diagnostics;
  ReadLimits limits;
  limits.max_filesize = 2048;
  EXPECT_TRUE(read_postings(JobFile{"-", "-"}, limits, diagnostics).empty());
  EXPECT_EQ(diagnostics.warnings,
            std::vector<std::string>{"-: skipped: larger than 2 KiB (--max-filesize)"});
}

// --- The shared corpus: scraped files as they come -------------------------------------

TEST(PostingReaderCorpusTest, FamilyPromiseSavedPage) {
  Diagnostics diagnostics;
  const auto postings = read_path(kRaw + "familypromise_cto_saved_page.html", "familypromise.html", diagnostics);
  ASSERT_EQ(postings.size(), 1u);
  EXPECT_EQ(postings[0].source, "familypromise.html");
  EXPECT_EQ(postings[0].title, "Chief Technology Officer");
  const std::string& text = postings[0].text;
  EXPECT_EQ(text.rfind("Chief Technology Officer\nGet Involved / Join Our Team\n", 0), 0u) << text;
  EXPECT_NE(text.find("KEY RESPONSIBILITIES:\n- Guide the technical strategic vision for the organization.\n"),
            std::string::npos);
  EXPECT_NE(text.find("PREFERRED\n- Experience in nonprofits, specifically in human services.\n"),
            std::string::npos);
  // Menus, forms, footer and scripts are not part of the posting.
  for (const char* chrome : {"Who We Are", "Make A DOnation", "Privacy Policies", "gform", "Share This"}) {
    EXPECT_EQ(text.find(chrome), std::string::npos) << chrome;
  }
  EXPECT_TRUE(diagnostics.warnings.empty());
}

TEST(PostingReaderCorpusTest, JobSpyCsv) {
  Diagnostics diagnostics;
  const auto postings = read_path(kRaw + "jobspy_jobs_sample.csv", "jobspy.csv", diagnostics);
  EXPECT_EQ(titles(postings), std::vector<std::string>{"Manager - IT Infrastructure"});
  EXPECT_EQ(sources(postings), std::vector<std::string>{"jobspy.csv#row=1"});
  expect_every_posting_has_title_and_text(postings);
  ASSERT_FALSE(postings.empty());
  EXPECT_EQ(postings[0].text.rfind("**Job Profile**\n\n* Develop and execute a strategic roadmap", 0), 0u);
  EXPECT_TRUE(diagnostics.warnings.empty());
}

TEST(PostingReaderCorpusTest, JobSpyForkTildeFile) {
  Diagnostics diagnostics;
  const auto postings = read_path(kRaw + "jobspy_fork_output_tilde_delimited_head.csv", "fork.csv", diagnostics);
  // The sample was cut off in its second record, before that record's description.
  EXPECT_EQ(titles(postings), std::vector<std::string>{"Field Service Automation Engineer (Washington PA)"});
  EXPECT_EQ(sources(postings), std::vector<std::string>{"fork.csv#row=1"});
  expect_every_posting_has_title_and_text(postings);
  ASSERT_FALSE(postings.empty());
  EXPECT_EQ(postings[0].text.rfind("Abbott is a global healthcare leader", 0), 0u);
  EXPECT_NE(postings[0].text.find("\nRequired Qualifications\n\xE2\x80\xA2 Associates Degree or equivalent experience.\n"),
            std::string::npos);
  EXPECT_EQ(diagnostics.warnings,
            std::vector<std::string>{"fork.csv#row=2: skipped: no description (the row has 14 fields, the header 17)"});
}

TEST(PostingReaderCorpusTest, LinkedInCsv) {
  Diagnostics diagnostics;
  const auto postings = read_path(kRaw + "linkedin_arshkon_job_postings_sample.csv", "linkedin.csv", diagnostics);
  EXPECT_EQ(titles(postings),
            (std::vector<std::string>{"Vice President \xE2\x80\x93 Services North America",
                                      "Office/Bookkeeping Assistant", "Community Association Manager"}));
  EXPECT_EQ(sources(postings),
            (std::vector<std::string>{"linkedin.csv#row=1", "linkedin.csv#row=2", "linkedin.csv#row=3"}));
  expect_every_posting_has_title_and_text(postings);
  EXPECT_TRUE(diagnostics.warnings.empty());
}

TEST(PostingReaderCorpusTest, NycOpenDataCsv) {
  Diagnostics diagnostics;
  const auto postings = read_path(kRaw + "nyc_open_data_jobs_sample.csv", "nyc.csv", diagnostics);
  EXPECT_EQ(titles(postings),
            (std::vector<std::string>{"Account Manager", "EXECUTIVE DIRECTOR, BUSINESS DEVELOPMENT"}));
  expect_every_posting_has_title_and_text(postings);
  ASSERT_EQ(postings.size(), 2u);
  EXPECT_NE(postings[1].text.find("\n\nMinimum Qualification Requirements\n1. A baccalaureate degree"),
            std::string::npos);
  EXPECT_TRUE(diagnostics.warnings.empty());
}

TEST(PostingReaderCorpusTest, SerpApiCsv) {
  Diagnostics diagnostics;
  const auto postings = read_path(kRaw + "serpapi_google_jobs_sample.csv", "serpapi.csv", diagnostics);
  EXPECT_EQ(titles(postings),
            (std::vector<std::string>{"Machine Learning Engineer - Platforms",
                                      "Lead Machine Learning Engineer (Gen AI, Python, Go, AWS) | New York, NY, USA"}));
  expect_every_posting_has_title_and_text(postings);
  for (const PostingText& posting : postings) EXPECT_EQ(posting.text.find('\r'), std::string::npos);
  EXPECT_TRUE(diagnostics.warnings.empty());
}

TEST(PostingReaderCorpusTest, UsajobsSearchResponse) {
  Diagnostics diagnostics;
  const auto postings = read_path(kRaw + "usajobs_search_api_response_sample.json", "usajobs.json", diagnostics);
  EXPECT_EQ(titles(postings), (std::vector<std::string>{"IT Specialist (INET) (Web Developer)",
                                                        "Information Technology (IT) Project Manager"}));
  EXPECT_EQ(sources(postings), (std::vector<std::string>{"usajobs.json#0", "usajobs.json#1"}));
  expect_every_posting_has_title_and_text(postings);
  ASSERT_EQ(postings.size(), 2u);
  EXPECT_EQ(postings[0].text.rfind("This position is located in the Consumer Financial Protection Bureau", 0), 0u);
  EXPECT_NE(postings[0].text.find("\n\nQualifications\nYou must meet the following requirements"),
            std::string::npos);
  EXPECT_TRUE(diagnostics.warnings.empty());
}

TEST(PostingReaderCorpusTest, EveryRawFileYieldsItsPostings) {
  Diagnostics diagnostics;
  std::vector<std::string> found;
  for (const JobFile& file : collect_job_files({kRaw}, ReadLimits{}, diagnostics)) {
    found.push_back(file.source + " " + std::to_string(read_postings(file, ReadLimits{}, diagnostics).size()));
  }
  EXPECT_EQ(found, (std::vector<std::string>{
                       "familypromise_cto_saved_page.html 1", "jobspy_fork_output_tilde_delimited_head.csv 1",
                       "jobspy_jobs_sample.csv 1", "linkedin_arshkon_job_postings_sample.csv 3",
                       "nyc_open_data_jobs_sample.csv 2", "serpapi_google_jobs_sample.csv 2",
                       "usajobs_search_api_response_sample.json 2"}));
  EXPECT_EQ(diagnostics.files_read, 7);
  EXPECT_EQ(diagnostics.files_skipped, 0);
}

TEST(PostingReaderCorpusTest, CityOfLosAngelesBulletins) {
  Diagnostics diagnostics;
  const std::string folder = std::string(CIO_GAP_SHARED_DIR) + "/corpus/cityofla";
  const std::vector<JobFile> files = collect_job_files({folder}, ReadLimits{}, diagnostics);
  ASSERT_EQ(files.size(), 683u);
  std::size_t postings = 0;
  for (const JobFile& file : files) {
    for (const PostingText& posting : read_postings(file, ReadLimits{}, diagnostics)) {
      ++postings;
      EXPECT_FALSE(posting.title.empty()) << posting.source;
      EXPECT_EQ(posting.source, file.source);
    }
  }
  EXPECT_EQ(postings, 683u);
  EXPECT_EQ(diagnostics.warnings,
            std::vector<std::string>{"POLICE COMMANDER 2251 092917.txt: not valid UTF-8; read as Windows-1252"});
  EXPECT_EQ(diagnostics.files_read, 683);
}

// --- One posting in every container ---------------------------------------------------

std::string same_body() {
  std::ifstream in(kSame + "posting.txt", std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  const std::string whole = text.str();
  // posting.txt is the title, a blank line, the body and a final newline.
  const std::string title = "Senior IT Infrastructure Manager\n\n";
  EXPECT_EQ(whole.rfind(title, 0), 0u);
  return whole.substr(title.size(), whole.size() - title.size() - 1);
}

TEST(PostingReaderSameTest, EveryContainerYieldsTheSameText) {
  const std::string body = same_body();
  ASSERT_GT(body.size(), 1200u);
  const std::vector<std::pair<std::string, std::string>> containers = {
      {"posting.csv", "posting.csv#row=1"}, {"posting.jsonl", "posting.jsonl#1"},
      {"greenhouse.json", "greenhouse.json#0"}, {"lever.json", "lever.json#0"},
      {"posting.html", "posting.html"}};
  for (const auto& [file, source] : containers) {
    Diagnostics diagnostics;
    const auto postings = read_path(kSame + file, file, diagnostics);
    ASSERT_EQ(postings.size(), 1u) << file;
    EXPECT_EQ(postings[0].source, source);
    EXPECT_EQ(postings[0].title, "Senior IT Infrastructure Manager") << file;
    EXPECT_EQ(postings[0].text, body) << file;
    EXPECT_TRUE(diagnostics.warnings.empty()) << file;
  }
  Diagnostics diagnostics;
  const auto text = read_path(kSame + "posting.txt", "posting.txt", diagnostics);
  ASSERT_EQ(text.size(), 1u);
  EXPECT_EQ(text[0].title, "Senior IT Infrastructure Manager");
  EXPECT_EQ(text[0].text, "Senior IT Infrastructure Manager\n\n" + body + "\n");
}

}  // namespace
}  // namespace cio_gap
