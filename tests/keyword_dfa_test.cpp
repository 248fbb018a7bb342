// The matcher's two engines, the trie walk and the automaton, must find the same hits in the
// same order: on random literal sets, on texts made of the built-in rules' words with noise,
// and on the shared corpus of postings.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <random>
#include <tuple>

#include "cio_gap/load/rule_loader.h"
#include "cio_gap/match/extractor.h"
#include "cio_gap/match/keyword_matcher.h"
#include "cio_gap/text/normalize.h"
#include "test_files.h"

namespace cio_gap {
namespace {

using Engine = KeywordMatcher::Engine;
using HitTuple = std::tuple<std::size_t, std::size_t, std::uint32_t>;

std::vector<HitTuple> scan(const KeywordMatcher& matcher, std::string_view text, std::string_view lower, Engine engine) {
  std::vector<LiteralHit> hits{{1, 2, 3}};  // appended to, never cleared
  matcher.find_all(text, lower, hits, engine);
  std::vector<HitTuple> out;
  for (std::size_t i = 1; i < hits.size(); ++i) out.emplace_back(hits[i].begin, hits[i].end, hits[i].payload);
  return out;
}

// Both engines on `text` as given (lower-cased for the folded copy); returns the hits.
std::vector<HitTuple> expect_same_hits(const KeywordMatcher& matcher, const std::string& text, const std::string& label) {
  const std::string lower = ascii_lower(text);
  const auto trie = scan(matcher, text, lower, Engine::trie);
  const auto dfa = scan(matcher, text, lower, Engine::dfa);
  EXPECT_EQ(trie, dfa) << label;
  return dfa;
}

std::string random_text(std::mt19937& random, const std::string& alphabet, std::size_t length) {
  std::string out;
  for (std::size_t i = 0; i < length; ++i) out += alphabet[random() % alphabet.size()];
  return out;
}

TEST(KeywordDfaTest, SmallRandomSetsMatchTheTrie) {
  std::mt19937 random(2024);
  const std::string alphabet = "abAB .-#+\xC3\n";
  const std::string literal_alphabet = "abAB .-#+\xC3";
  for (int round = 0; round < 400; ++round) {
    std::vector<Literal> literals;
    const std::size_t count = 1 + random() % 60;
    for (std::size_t i = 0; i < count; ++i) {
      literals.push_back({random_text(random, literal_alphabet, 1 + random() % 7), random() % 4 == 0,
                          static_cast<std::uint32_t>(random() % 20)});
    }
    const KeywordMatcher matcher(literals);
    // Short texts scan in one lane, long ones in several.
    const std::string text = random_text(random, alphabet, round % 2 == 0 ? random() % 200 : 300 + random() % 2000);
    expect_same_hits(matcher, text, "round " + std::to_string(round));
  }
}

TEST(KeywordDfaTest, LargeRandomSetsPastTheTableDepthMatchTheTrie) {
  // Tens of thousands of literals: more states than the automaton's table holds, so the deep
  // ones are reached through the trie.
  std::mt19937 random(77);
  const std::string alphabet = "abcdefghijklmnopqrstuvwxyz -.#E\xC3";
  for (int round = 0; round < 3; ++round) {
    std::vector<Literal> literals;
    for (std::size_t i = 0; i < 30000; ++i) {
      literals.push_back({random_text(random, alphabet, 1 + random() % 14), random() % 8 == 0,
                          static_cast<std::uint32_t>(random() % 50)});
    }
    const KeywordMatcher matcher(literals);
    std::string text;
    while (text.size() < 20000) {
      text += random() % 3 == 0 ? literals[random() % literals.size()].text : random_text(random, alphabet, random() % 8);
      text += " \n-."[random() % 4];
    }
    EXPECT_GT(expect_same_hits(matcher, text, "round " + std::to_string(round)).size(), 100u);
  }
}

// The words of the built-in rules: keywords, acronyms, word sets and the section vocabulary.
std::vector<std::string> rule_words(const RuleSet& rules) {
  std::vector<std::string> words;
  for (const Rule& rule : rules.rules) {
    for (const auto* list : {&rule.keywords, &rule.acronyms, &rule.excludes}) words.insert(words.end(), list->begin(), list->end());
  }
  for (const WordSet& set : rules.word_sets) words.insert(words.end(), set.words.begin(), set.words.end());
  const auto& v = rules.vocabulary;
  for (const auto* list : {&v.duties, &v.required, &v.preferred, &v.boilerplate, &v.optional_markers, &v.negation_markers,
                           &v.required_markers, &v.strong_evidence}) {
    words.insert(words.end(), list->begin(), list->end());
  }
  return words;
}

// Rule words in every guise: cases, inflections, glued into longer words, between punctuation,
// non-ASCII bytes and line breaks.
std::string noisy_text(std::mt19937& random, const std::vector<std::string>& words, std::size_t size) {
  static const std::vector<std::string> noise = {" ", " ", " ", ", ", ". ", "\n", " - ", "/", "(", ") ", "#", "+", ".",
                                                 "\xC3\xA9", "\xE2\x80\x94", "x", "s ", "ing ", "ed ", "ly", "\t", "'s "};
  std::string text;
  while (text.size() < size) {
    std::string word = words[random() % words.size()];
    switch (random() % 5) {
      case 0: word = ascii_lower(word); break;
      case 1:
        for (char& c : word) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        break;
      case 2:
        if (!word.empty()) word[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(word[0])));
        break;
      default: break;
    }
    text += word;
    text += noise[random() % noise.size()];
    if (random() % 4 == 0) text += noise[random() % noise.size()];
  }
  return text;
}

TEST(KeywordDfaTest, BuiltInRulesOnNoisyTextsMatchTheTrie) {
  const RuleSet rules = load_rules({true, {}});
  const auto words = rule_words(rules);
  // The matcher built here and the one read from the rules image.
  const Extractor built(rules, Extractor::Matcher::build);
  const Extractor restored(rules);
  std::mt19937 random(5);
  std::size_t hits = 0;
  for (int round = 0; round < 40; ++round) {
    const std::string text = noisy_text(random, words, round % 4 == 0 ? 150 : 6000);
    hits += expect_same_hits(built.matcher(), text, "built, round " + std::to_string(round)).size();
    expect_same_hits(restored.matcher(), text, "restored, round " + std::to_string(round));
    MatchText folded;
    folded.append(text);
    EXPECT_EQ(scan(built.matcher(), folded.text, folded.lower, Engine::trie),
              scan(built.matcher(), folded.text, folded.lower, Engine::dfa))
        << "folded, round " << round;
  }
  EXPECT_GT(hits, 10000u);
}

TEST(KeywordDfaTest, SharedCorpusPostingsMatchTheTrie) {
  const Extractor extractor(load_rules({true, {}}));
  std::size_t files = 0;
  std::size_t hits = 0;
  for (const char* folder : {"/corpus/postings", "/corpus/cityofla"}) {
    std::vector<std::filesystem::path> paths;
    for (const auto& entry : std::filesystem::directory_iterator(std::string(CIO_GAP_SHARED_DIR) + folder)) {
      paths.push_back(entry.path());
    }
    std::sort(paths.begin(), paths.end());
    for (const auto& path : paths) {
      const std::string bytes = testing_support::slurp(path);
      // As the extractor folds a posting, and as the bytes stand.
      MatchText folded;
      folded.append(bytes);
      const auto trie = scan(extractor.matcher(), folded.text, folded.lower, Engine::trie);
      ASSERT_EQ(trie, scan(extractor.matcher(), folded.text, folded.lower, Engine::dfa)) << path;
      expect_same_hits(extractor.matcher(), bytes, path.string());
      hits += trie.size();
      ++files;
    }
  }
  EXPECT_GT(files, 600u);
  EXPECT_GT(hits, 100000u);
}

}  // namespace
}  // namespace cio_gap
