#include "cio_gap/match/rules_cache.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "cio_gap/error.h"
#include "cio_gap/match/extractor.h"
#include "test_rules.h"
#include "test_files.h"

namespace cio_gap {
namespace {

using testing_support::slurp;
using testing_support::spit;

namespace fs = std::filesystem;

class RulesCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("cio-gap-rules-cache-" + std::to_string(::getpid()) + "-" +
                                         ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_ / "pack");
    spit(root_ / "pack" / "rules.yaml", testing::kTestRules);
    cache_ = root_ / "cache" / "cio-gap";
  }
  void TearDown() override { fs::remove_all(root_); }

  RuleSources sources() const { return {false, {(root_ / "pack").string()}}; }

  // The one entry in the cache folder.
  fs::path entry() const {
    fs::path found;
    for (const auto& item : fs::directory_iterator(cache_)) {
      EXPECT_TRUE(found.empty()) << "more than one file in the cache: " << item.path();
      found = item.path();
    }
    return found;
  }

  // What the extractor finds in a sentence with these rules: the matcher at work.
  static std::string findings(const RuleSet& rules) {
    const Extractor extractor(rules);
    KeywordMatcher::Scratch scratch{extractor.matcher()};
    std::string out;
    for (const Hit& hit : extractor.hits_in_text("Owns the P&L and the budget; an MBA is a plus; manage vendors.", scratch)) {
      out += rules.rules[hit.rule].id + ":" + hit.keyword + ":" + to_string(hit.status) + ":" +
             std::to_string(static_cast<int>(hit.tier)) + "\n";
    }
    return out;
  }

  fs::path root_;
  fs::path cache_;
};

TEST_F(RulesCacheTest, TheSecondLoadReadsTheCompiledPackAndFindsTheSame) {
  const CachedRules first = load_rules_cached(sources(), cache_);
  EXPECT_EQ(first.use, RulesCacheUse::written);
  ASSERT_TRUE(first.rules.compiled);
  EXPECT_EQ(entry().filename().string().substr(0, 6), "rules-");

  const CachedRules second = load_rules_cached(sources(), cache_);
  EXPECT_EQ(second.use, RulesCacheUse::hit);
  ASSERT_EQ(second.rules.rules.size(), 6u);
  EXPECT_EQ(second.rules.rules[0].id, "budget-management");
  EXPECT_EQ(second.rules.rules[0].file, (root_ / "pack" / "rules.yaml").string());
  EXPECT_EQ(second.rules.rules[0].advice, "Help your manager prepare next year's budget.");

  const std::string expected = findings(load_rules(sources()));
  EXPECT_EQ(expected,
            "budget-management:P&L:counted:0\nbudget-management:budget:counted:0\n"
            "advanced-degree:MBA:counted:1\nvendor-management:manage vendors:counted:0\n");
  EXPECT_EQ(findings(first.rules), expected);
  EXPECT_EQ(findings(second.rules), expected);
}

TEST_F(RulesCacheTest, AChangedPackIsCompiledAgain) {
  load_rules_cached(sources(), cache_);
  std::string changed = testing::kTestRules;
  changed.replace(changed.find("cost control"), 12, "cost savings");
  spit(root_ / "pack" / "rules.yaml", changed);
  const CachedRules loaded = load_rules_cached(sources(), cache_);
  EXPECT_EQ(loaded.use, RulesCacheUse::written);
  EXPECT_EQ(loaded.rules.rules[0].keywords[1], "cost savings");
}

TEST_F(RulesCacheTest, ACorruptOrTruncatedEntryIsIgnoredAndWrittenAgain) {
  load_rules_cached(sources(), cache_);
  const fs::path path = entry();
  const std::string good = slurp(path);
  const std::string expected = findings(load_rules(sources()));

  std::string flipped = good;
  flipped[flipped.size() / 2] = static_cast<char>(flipped[flipped.size() / 2] ^ 0x20);
  for (const std::string& bad : {flipped, good.substr(0, good.size() / 3), std::string("garbage"), std::string()}) {
    spit(path, bad);
    const CachedRules loaded = load_rules_cached(sources(), cache_);
    EXPECT_EQ(loaded.use, RulesCacheUse::written);
    EXPECT_EQ(findings(loaded.rules), expected);
    EXPECT_EQ(slurp(path), good);
  }
}

TEST_F(RulesCacheTest, AnUnwritableCacheIsNoError) {
  // A cache folder under a regular file can be neither made nor written, even by root.
  spit(root_ / "file", "x");
  const CachedRules loaded = load_rules_cached(sources(), root_ / "file" / "cio-gap");
  EXPECT_EQ(loaded.use, RulesCacheUse::unwritable);
  EXPECT_EQ(findings(loaded.rules), findings(load_rules(sources())));
  // An entry that is a folder cannot be read or replaced: compiled each time, no error.
  load_rules_cached(sources(), cache_);
  const fs::path path = entry();
  fs::remove(path);
  fs::create_directory(path);
  EXPECT_EQ(load_rules_cached(sources(), cache_).use, RulesCacheUse::unwritable);
}

TEST_F(RulesCacheTest, ErrorsInAPackAreReportedAsWithoutTheCache) {
  spit(root_ / "pack" / "rules.yaml", "rules:\n  - id: Bad Id\n");
  try {
    load_rules_cached(sources(), cache_);
    FAIL() << "no error";
  } catch (const Error& error) {
    try {
      load_rules(sources());
      FAIL() << "no error without the cache";
    } catch (const Error& plain) {
      EXPECT_STREQ(error.what(), plain.what());
    }
  }
  EXPECT_FALSE(fs::exists(cache_) && !fs::is_empty(cache_));
}

TEST_F(RulesCacheTest, NoPackNeedsNoCache) {
  const CachedRules loaded = load_rules_cached({true, {}}, cache_);
  EXPECT_EQ(loaded.use, RulesCacheUse::not_used);
  EXPECT_FALSE(fs::exists(cache_));
}

TEST(RulesCacheDirTest, FollowsXdgCacheHomeThenHomeAndCanBeTurnedOff) {
  const auto keep = [](const char* name) {
    const char* value = std::getenv(name);
    return value ? std::optional<std::string>(value) : std::nullopt;
  };
  const auto xdg = keep("XDG_CACHE_HOME"), home = keep("HOME"), off = keep("CIO_GAP_NO_CACHE");
  ::unsetenv("CIO_GAP_NO_CACHE");
  ::setenv("XDG_CACHE_HOME", "/tmp/xdg", 1);
  ::setenv("HOME", "/home/someone", 1);
  EXPECT_EQ(rules_cache_dir(), fs::path("/tmp/xdg/cio-gap"));
  ::setenv("XDG_CACHE_HOME", "relative", 1);
  EXPECT_EQ(rules_cache_dir(), fs::path("/home/someone/.cache/cio-gap"));
  ::setenv("CIO_GAP_NO_CACHE", "0", 1);
  EXPECT_EQ(rules_cache_dir(), fs::path("/home/someone/.cache/cio-gap"));
  ::setenv("CIO_GAP_NO_CACHE", "1", 1);
  EXPECT_EQ(rules_cache_dir(), std::nullopt);
  const auto restore = [](const char* name, const std::optional<std::string>& value) {
    if (value) {
      ::setenv(name, value->c_str(), 1);
    } else {
      ::unsetenv(name);
    }
  };
  restore("XDG_CACHE_HOME", xdg);
  restore("HOME", home);
  restore("CIO_GAP_NO_CACHE", off);
}

}  // namespace
}  // namespace cio_gap
