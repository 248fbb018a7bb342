#include "cio_gap/match/rules_image.h"

#include <array>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

#include "cio_gap/text/content_hash.h"

namespace cio_gap {
namespace {

constexpr std::string_view kMagic = "cio-gap rules image 3\n";
// Arrays read in place start at this alignment from the image's first byte.
constexpr std::size_t kArrayAlignment = 8;

// Plain bytes in this machine's order: an image is made and read by the same build.
class ImageWriter {
 public:
  void number(std::uint64_t value) { bytes_.append(reinterpret_cast<const char*>(&value), sizeof value); }
  void text(std::string_view value) {
    number(value.size());
    bytes_.append(value);
  }
  void texts(const std::vector<std::string>& values) {
    number(values.size());
    for (const auto& value : values) text(value);
  }
  template <typename T>
  void items(const std::vector<T>& values) {
    static_assert(std::is_trivially_copyable_v<T>);
    number(values.size());
    bytes_.append(reinterpret_cast<const char*>(values.data()), values.size() * sizeof(T));
  }
  template <typename T, std::size_t N>
  void items(const T (&values)[N]) {
    static_assert(std::is_trivially_copyable_v<T>);
    bytes_.append(reinterpret_cast<const char*>(values), sizeof values);
  }
  // An array the reader can use where it lies: its count, zero bytes up to the alignment, then
  // its items.
  template <typename T>
  void aligned_items(const T* values, std::size_t count) {
    static_assert(std::is_trivially_copyable_v<T> && alignof(T) <= kArrayAlignment);
    number(count);
    bytes_.append((kArrayAlignment - bytes_.size() % kArrayAlignment) % kArrayAlignment, '\0');
    bytes_.append(reinterpret_cast<const char*>(values), count * sizeof(T));
  }
  std::string& bytes() { return bytes_; }

 private:
  std::string bytes_;
};

class ImageReader {
 public:
  explicit ImageReader(std::string_view image) : begin_(image.data()), rest_(image) {}

  std::uint64_t number() {
    std::uint64_t value = 0;
    std::memcpy(&value, take(sizeof value).data(), sizeof value);
    return value;
  }
  std::string_view view() { return take(count(1)); }
  std::string text() { return std::string(view()); }
  std::vector<std::string> texts() {
    std::vector<std::string> values(count(sizeof(std::uint64_t)));
    for (auto& value : values) value = text();
    return values;
  }
  template <typename T>
  void items(std::vector<T>& values) {
    values.resize(count(sizeof(T)));
    if (values.empty()) return;  // memcpy may not be given the null data() of an empty vector
    std::memcpy(values.data(), take(values.size() * sizeof(T)).data(), values.size() * sizeof(T));
  }
  template <typename T, std::size_t N>
  void items(T (&values)[N]) {
    std::memcpy(values, take(sizeof values).data(), sizeof values);
  }
  // An array written by aligned_items: where it lies when the image is aligned in memory, else
  // a copy in `copy`.
  template <typename T>
  const T* aligned_items(std::vector<T>& copy, std::size_t& n) {
    n = count(sizeof(T));
    const auto at = static_cast<std::size_t>(rest_.data() - begin_);
    take((kArrayAlignment - at % kArrayAlignment) % kArrayAlignment);
    const std::string_view bytes = take(n * sizeof(T));
    if (reinterpret_cast<std::uintptr_t>(bytes.data()) % alignof(T) == 0) return reinterpret_cast<const T*>(bytes.data());
    copy.resize(n);
    if (n > 0) std::memcpy(copy.data(), bytes.data(), bytes.size());
    return copy.data();
  }
  // A count of items of at least `size` bytes each, no more than the bytes left could hold.
  std::size_t count(std::size_t size) {
    const std::uint64_t n = number();
    if (n > rest_.size() / size) throw std::runtime_error("rules image: malformed");
    return static_cast<std::size_t>(n);
  }
 private:
  std::string_view take(std::size_t bytes) {
    if (bytes > rest_.size()) throw std::runtime_error("rules image: truncated");
    const std::string_view taken = rest_.substr(0, bytes);
    rest_.remove_prefix(bytes);
    return taken;
  }

  const char* begin_;
  std::string_view rest_;
};

// Every list of the section vocabulary, in the order the image holds them.
template <typename Vocabulary>
auto vocabulary_lists(Vocabulary& v) {
  return std::array{&v.duties, &v.required, &v.preferred, &v.boilerplate, &v.optional_markers,
                    &v.optional_prefix_markers, &v.negation_markers, &v.required_markers, &v.role_types[0],
                    &v.role_types[1], &v.role_types[2], &v.paragraph_cues[0], &v.paragraph_cues[1],
                    &v.paragraph_cues[2], &v.paragraph_cues[3], &v.paragraph_cues[4], &v.strong_evidence};
}

void write_refs(ImageWriter& out, const std::vector<WordRef>& refs) {
  out.number(refs.size());
  for (const auto& ref : refs) {
    out.text(ref.set);
    out.texts(ref.words);
    out.number(static_cast<std::uint64_t>(ref.line));
    out.number(static_cast<std::uint64_t>(ref.column));
  }
}

std::vector<WordRef> read_refs(ImageReader& in) {
  std::vector<WordRef> refs(in.count(32));
  for (auto& ref : refs) {
    ref.set = in.text();
    ref.words = in.texts();
    ref.line = static_cast<int>(in.number());
    ref.column = static_cast<int>(in.number());
  }
  return refs;
}

void write_rules(ImageWriter& out, const RuleSet& rules) {
  out.number(rules.word_sets.size());
  for (const WordSet& set : rules.word_sets) {
    out.text(set.name);
    out.texts(set.words);
    out.text(set.file);
    out.number(static_cast<std::uint64_t>(set.line));
  }
  out.number(rules.rules.size());
  for (const Rule& rule : rules.rules) {
    for (const std::string* field : {&rule.id, &rule.name, &rule.category, &rule.advice, &rule.advice_partial, &rule.file}) {
      out.text(*field);
    }
    for (const auto* list : {&rule.keywords, &rule.acronyms, &rule.excludes, &rule.credentials}) out.texts(*list);
    out.number(rule.inflect ? 1 : 0);
    out.number(static_cast<std::uint64_t>(rule.line));
    for (const auto* examples : {&rule.must_match, &rule.must_not_match}) {
      out.number(examples->size());
      for (const auto& example : *examples) {
        out.text(example.text);
        out.number(static_cast<std::uint64_t>(example.line));
      }
    }
    out.number(rule.patterns.size());
    for (const auto& pattern : rule.patterns) {
      write_refs(out, pattern.terms);
      out.number(pattern.gaps.size());
      for (std::size_t g = 0; g < pattern.gaps.size(); ++g) {
        out.number(static_cast<std::uint64_t>(pattern.gaps[g]));
        out.number(pattern.unordered[g] ? 1 : 0);
      }
      out.number(static_cast<std::uint64_t>(pattern.line));
    }
    out.number(rule.senses.size());
    for (const auto& sense : rule.senses) {
      out.texts(sense.keywords);
      write_refs(out, sense.requires_any);
      write_refs(out, sense.forbids_any);
      out.number(static_cast<std::uint64_t>(sense.within));
      out.number(static_cast<std::uint64_t>(sense.line));
    }
  }
  for (const auto* list : vocabulary_lists(rules.vocabulary)) out.texts(*list);
}

RuleSet read_rules_section(ImageReader& in) {
  RuleSet rules;
  rules.word_sets.resize(in.count(32));
  for (WordSet& set : rules.word_sets) {
    set.name = in.text();
    set.words = in.texts();
    set.file = in.text();
    set.line = static_cast<int>(in.number());
  }
  rules.rules.resize(in.count(8));
  for (Rule& rule : rules.rules) {
    for (std::string* field : {&rule.id, &rule.name, &rule.category, &rule.advice, &rule.advice_partial, &rule.file}) {
      *field = in.text();
    }
    for (auto* list : {&rule.keywords, &rule.acronyms, &rule.excludes, &rule.credentials}) *list = in.texts();
    rule.inflect = in.number() != 0;
    rule.line = static_cast<int>(in.number());
    for (auto* examples : {&rule.must_match, &rule.must_not_match}) {
      examples->resize(in.count(16));
      for (auto& example : *examples) {
        example.text = in.text();
        example.line = static_cast<int>(in.number());
      }
    }
    rule.patterns.resize(in.count(32));
    for (auto& pattern : rule.patterns) {
      pattern.terms = read_refs(in);
      const std::size_t gaps = in.count(16);
      for (std::size_t g = 0; g < gaps; ++g) {
        pattern.gaps.push_back(static_cast<int>(in.number()));
        pattern.unordered.push_back(in.number() != 0);
      }
      pattern.line = static_cast<int>(in.number());
    }
    rule.senses.resize(in.count(32));
    for (auto& sense : rule.senses) {
      sense.keywords = in.texts();
      sense.requires_any = read_refs(in);
      sense.forbids_any = read_refs(in);
      sense.within = static_cast<int>(in.number());
      sense.line = static_cast<int>(in.number());
    }
  }
  for (auto* list : vocabulary_lists(rules.vocabulary)) *list = in.texts();
  return rules;
}

// Opens an image: checks its header and returns its fingerprint; the reader is then at the
// rules section.
std::uint64_t open_image(ImageReader& in, std::uint64_t layout) {
  if (in.view() != kMagic || in.number() != layout) throw std::runtime_error("rules image: not this build's");
  return in.number();
}

}  // namespace

// What must agree between the program that made an image and the one reading it, besides
// the rules: the layout of the arrays copied as they are.
std::uint64_t RulesImage::layout() {
  return (sizeof(KeywordMatcher::Cell) << 16) | sizeof(KeywordMatcher::Output);
}

std::uint64_t RulesImage::matching_fingerprint(const RuleSet& rules) {
  ContentHash hash;
  auto add_refs = [&](const std::vector<WordRef>& refs) {
    hash.add_number(refs.size());
    for (const auto& ref : refs) {
      hash.add(ref.set);
      hash.add(ref.words);
    }
  };
  hash.add_number(rules.word_sets.size());
  for (const WordSet& set : rules.word_sets) {
    hash.add(set.name);
    hash.add(set.words);
  }
  hash.add_number(rules.rules.size());
  for (const Rule& rule : rules.rules) {
    hash.add(rule.id);
    hash.add(rule.keywords);
    hash.add(rule.acronyms);
    hash.add(rule.excludes);
    hash.add_number(rule.inflect ? 1 : 0);
    hash.add_number(rule.patterns.size());
    for (const auto& pattern : rule.patterns) {
      add_refs(pattern.terms);
      for (std::size_t g = 0; g < pattern.gaps.size(); ++g) {
        hash.add_number(static_cast<std::uint64_t>(pattern.gaps[g]));
        hash.add_number(pattern.unordered[g] ? 1 : 0);
      }
    }
    hash.add_number(rule.senses.size());
    for (const auto& sense : rule.senses) {
      hash.add(sense.keywords);
      add_refs(sense.requires_any);
      add_refs(sense.forbids_any);
      hash.add_number(static_cast<std::uint64_t>(sense.within));
    }
  }
  for (const auto* list : vocabulary_lists(rules.vocabulary)) hash.add(*list);
  return hash.value();
}

std::string RulesImage::write(const RuleSet& rules, const Extractor& extractor) {
  const KeywordMatcher& matcher = *extractor.matcher_;
  ImageWriter out;
  out.text(kMagic);
  out.number(layout());
  out.number(matching_fingerprint(rules));
  ImageWriter rules_section;
  write_rules(rules_section, rules);
  out.text(rules_section.bytes());
  out.number(extractor.patterns_.size());
  for (const auto& pattern : extractor.patterns_) {
    out.number(static_cast<std::uint64_t>(pattern.kind));
    out.number(pattern.rule);
    out.number(pattern.detail);
    out.text(pattern.text);
  }
  out.text(matcher.texts_);
  // Field by field: the struct's padding bytes would make the image differ from build to build.
  out.number(matcher.literals_.size());
  for (const auto& literal : matcher.literals_) {
    out.number(literal.offset);
    out.number(literal.length);
    out.number((literal.case_sensitive ? 1u : 0u) | (literal.word_end ? 2u : 0u));
  }
  out.items(matcher.outputs_);
  // Where the matcher reads them: its own arrays, or those of the image it was restored from.
  out.aligned_items(matcher.cell_data_, matcher.cell_count_);
  out.aligned_items(matcher.first_output_data_, matcher.cell_count_);
  out.items(matcher.nonword_starts_);
  out.items(matcher.codes_);
  out.items(matcher.starts_);
  return std::move(out.bytes());
}

RuleSet RulesImage::read_rules(std::string_view image) {
  ImageReader in(image);
  open_image(in, layout());
  ImageReader rules(in.view());
  return read_rules_section(rules);
}

bool RulesImage::restore(std::string_view image, Extractor& extractor, std::shared_ptr<const void> owner) {
  if (image.empty()) return false;
  ImageReader in(image);
  const std::uint64_t fingerprint = open_image(in, layout());
  if (fingerprint != matching_fingerprint(extractor.rules())) return false;
  in.view();  // the rules section
  std::vector<Extractor::Pattern> patterns(in.count(32));
  for (auto& pattern : patterns) {
    pattern.kind = static_cast<Extractor::PatternKind>(in.number());
    pattern.rule = static_cast<std::size_t>(in.number());
    pattern.detail = static_cast<std::uint32_t>(in.number());
    pattern.text = in.text();
  }
  std::unique_ptr<KeywordMatcher> matcher(new KeywordMatcher());
  matcher->texts_ = in.text();
  matcher->literals_.resize(in.count(24));
  for (auto& literal : matcher->literals_) {
    literal.offset = static_cast<std::uint32_t>(in.number());
    literal.length = static_cast<std::uint32_t>(in.number());
    const std::uint64_t flags = in.number();
    literal.case_sensitive = (flags & 1u) != 0;
    literal.word_end = (flags & 2u) != 0;
  }
  in.items(matcher->outputs_);
  matcher->cell_data_ = in.aligned_items(matcher->cells_, matcher->cell_count_);
  std::size_t first_outputs = 0;
  matcher->first_output_data_ = in.aligned_items(matcher->first_output_, first_outputs);
  if (first_outputs != matcher->cell_count_) throw std::runtime_error("rules image: malformed");
  matcher->image_ = std::move(owner);
  in.items(matcher->nonword_starts_);
  in.items(matcher->codes_);
  in.items(matcher->starts_);
  extractor.patterns_ = std::move(patterns);
  extractor.matcher_ = std::move(matcher);
  return true;
}

}  // namespace cio_gap
