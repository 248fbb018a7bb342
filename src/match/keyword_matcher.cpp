#include "cio_gap/match/keyword_matcher.h"

#include <hs/hs.h>

#include <algorithm>
#include <map>

#include "cio_gap/error.h"
#include "cio_gap/text/normalize.h"

namespace cio_gap {

struct KeywordMatcher::Database {
  hs_database_t* db = nullptr;
  ~Database() { hs_free_database(db); }
};

struct KeywordMatcher::Scratch::State {
  hs_scratch_t* scratch = nullptr;
  ~State() { hs_free_scratch(scratch); }
};

KeywordMatcher::KeywordMatcher(const std::vector<Literal>& literals)
    : database_(std::make_unique<Database>()) {
  // One Hyperscan pattern per distinct (text, case) pair; several payloads may share it.
  std::map<std::pair<std::string, bool>, std::size_t> index;
  for (const auto& literal : literals) {
    if (literal.text.empty()) continue;
    auto [it, inserted] = index.try_emplace({literal.text, literal.case_sensitive}, literals_.size());
    if (inserted) {
      literals_.push_back(literal);
      payloads_.emplace_back();
    }
    auto& payloads = payloads_[it->second];
    if (std::find(payloads.begin(), payloads.end(), literal.payload) == payloads.end()) {
      payloads.push_back(literal.payload);
    }
  }
  if (literals_.empty()) return;

  std::vector<const char*> expressions;
  std::vector<std::size_t> lengths;
  std::vector<unsigned> flags;
  std::vector<unsigned> ids;
  for (std::size_t i = 0; i < literals_.size(); ++i) {
    expressions.push_back(literals_[i].text.data());
    lengths.push_back(literals_[i].text.size());
    flags.push_back(literals_[i].case_sensitive ? 0u : static_cast<unsigned>(HS_FLAG_CASELESS));
    ids.push_back(static_cast<unsigned>(i));
  }
  hs_compile_error_t* error = nullptr;
  if (hs_compile_lit_multi(expressions.data(), flags.data(), ids.data(), lengths.data(),
                           static_cast<unsigned>(expressions.size()), HS_MODE_BLOCK, nullptr,
                           &database_->db, &error) != HS_SUCCESS) {
    std::string message = error && error->message ? error->message : "unknown error";
    hs_free_compile_error(error);
    throw Error("cannot compile the keyword matcher: " + message);
  }
}

KeywordMatcher::~KeywordMatcher() = default;

KeywordMatcher::Scratch::Scratch(const KeywordMatcher& matcher) : state_(std::make_unique<State>()) {
  if (matcher.database_->db &&
      hs_alloc_scratch(matcher.database_->db, &state_->scratch) != HS_SUCCESS) {
    throw Error("cannot allocate keyword matcher scratch space");
  }
}

KeywordMatcher::Scratch::~Scratch() = default;

namespace {

struct ScanContext {
  std::string_view text;
  const std::vector<Literal>* literals;
  std::vector<std::pair<std::size_t, unsigned>> raw;  // (end, literal id)
};

int on_match(unsigned id, unsigned long long /*from*/, unsigned long long to, unsigned /*flags*/,
             void* context) {
  auto* scan = static_cast<ScanContext*>(context);
  scan->raw.emplace_back(static_cast<std::size_t>(to), id);
  return 0;
}

}  // namespace

std::vector<LiteralHit> KeywordMatcher::find_all(std::string_view text, Scratch& scratch) const {
  std::vector<LiteralHit> hits;
  if (!database_->db || text.empty()) return hits;
  ScanContext context{text, &literals_, {}};
  hs_scan(database_->db, text.data(), static_cast<unsigned>(text.size()), 0,
          scratch.state_->scratch, on_match, &context);
  for (const auto& [end, id] : context.raw) {
    const std::size_t length = literals_[id].text.size();
    const std::size_t begin = end - length;
    // Whole words only: a literal that starts or ends with a word byte must not touch
    // another word byte ("IT" in "it's" is caught by case, "Tform" in "platform" here).
    const std::string_view literal = literals_[id].text;
    if (is_word_byte(literal.front()) && begin > 0 && is_word_byte(text[begin - 1])) continue;
    if (is_word_byte(literal.back()) && end < text.size() && is_word_byte(text[end])) continue;
    for (const auto payload : payloads_[id]) hits.push_back({begin, end, payload});
  }
  std::sort(hits.begin(), hits.end(), [](const LiteralHit& a, const LiteralHit& b) {
    return a.begin != b.begin ? a.begin < b.begin
                              : (a.end != b.end ? a.end < b.end : a.payload < b.payload);
  });
  return hits;
}

}  // namespace cio_gap
