#include "cio_gap/load/profile_loader.h"

#include <algorithm>
#include <cctype>
#include <filesystem>

#include "cio_gap/error.h"
#include "cio_gap/load/file_reader.h"
#include "cio_gap/load/resume_reader.h"
#include "cio_gap/load/yaml_reader.h"
#include "cio_gap/text/suggest.h"
#include "cio_gap/text/title_match.h"

namespace cio_gap {
namespace {

const std::vector<std::string> kProfileKeys = {
    "name",         "current_role", "years_experience", "years_leadership",
    "skills",       "education",    "certifications",   "achievements",
    "volunteered",  "mentoring",    "relocation",       "preferred_role_type",
    "resume",       "target_roles"};
const std::vector<std::string> kLevels = {"none", "exposure", "working", "strong", "expert"};
const std::vector<std::string> kDegrees = {"bachelor", "master", "mba", "doctorate"};
const std::vector<std::string> kAchievementKinds = {"made", "built", "saved", "achieved"};
const std::vector<std::string> kRelocation = {"open", "no", "remote-only"};
const std::vector<std::string> kRoleTypes = {"caretaker", "fixer", "growth"};

bool looks_like_id(const std::string& key) {
  return key.find('-') != std::string::npos &&
         std::all_of(key.begin(), key.end(), [](char c) {
           return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
         });
}

// Choices are read case-insensitively ("Strong", "MBA"): the case carries no meaning here.
std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

std::string one_of(const YamlReader& yaml, const YAML::Node& node, const std::string& what,
                   const std::vector<std::string>& allowed) {
  const std::string value = lower(yaml.scalar(node, what));
  if (std::find(allowed.begin(), allowed.end(), value) == allowed.end()) {
    std::string list;
    for (const auto& option : allowed) list += (list.empty() ? "" : "|") + option;
    yaml.fail(node, what + " must be " + list + ", not '" + value + "'" + did_you_mean(value, allowed));
  }
  return value;
}

Level parse_level(const YamlReader& yaml, const YAML::Node& node, const std::string& what) {
  const std::string value = lower(yaml.scalar(node, what));
  if (value.size() == 1 && value[0] >= '0' && value[0] <= '4') return static_cast<Level>(value[0] - '0');
  const auto it = std::find(kLevels.begin(), kLevels.end(), value);
  if (it == kLevels.end()) {
    yaml.fail(node, what + " must be none|exposure|working|strong|expert or 0-4, not '" + value +
                        "'" + did_you_mean(value, kLevels));
  }
  return static_cast<Level>(it - kLevels.begin());
}

}  // namespace

Profile parse_profile(const std::string& path, std::string_view content, const RuleSet& rules) {
  const YamlReader yaml(path, content);
  const YAML::Node& root = yaml.root();
  if (!root.IsMap()) yaml.fail(root, "the profile must be a mapping");
  Profile profile;
  profile.path = path;
  // Each key, and each entry of a list, is read on its own: every mistake is reported at once.
  ErrorList errors;
  for (const auto& entry : root) errors.attempt([&] { yaml.expect_key(entry.first, "the profile", kProfileKeys); });
  auto read = [&](const char* key, auto&& part) {
    if (const YAML::Node node = root[key]; node) errors.attempt([&] { part(node); });
  };
  read("name", [&](const YAML::Node& node) { profile.name = yaml.scalar(node, "name"); });
  read("current_role", [&](const YAML::Node& node) { profile.current_role = yaml.scalar(node, "current_role"); });
  read("years_experience",
       [&](const YAML::Node& node) { profile.years_experience = yaml.integer(node, "years_experience", 70); });
  read("years_leadership",
       [&](const YAML::Node& node) { profile.years_leadership = yaml.integer(node, "years_leadership", 70); });

  std::vector<std::string> ids;
  for (const auto& rule : rules.rules) ids.push_back(rule.id);
  read("skills", [&](const YAML::Node& skills) {
    if (skills.IsNull()) return;
    if (!skills.IsMap()) yaml.fail(skills, "skills must map a qualification id or skill name to a level");
    for (const auto& entry : skills) {
      errors.attempt([&] {
        SkillClaim claim;
        claim.name = yaml.scalar(entry.first, "a skill name");
        claim.line = YamlReader::line_of(entry.first);
        claim.is_rule_id = std::find(ids.begin(), ids.end(), claim.name) != ids.end();
        if (!claim.is_rule_id && looks_like_id(claim.name)) {
          yaml.fail(entry.first, "unknown qualification id '" + claim.name + "'" + did_you_mean(claim.name, ids));
        }
        claim.level = parse_level(yaml, entry.second, "the level of '" + claim.name + "'");
        profile.skills.push_back(std::move(claim));
      });
    }
  });
  read("education", [&](const YAML::Node& education) {
    if (education.IsNull()) return;
    if (!education.IsSequence()) yaml.fail(education, "education must be a list of {degree, field}");
    for (const auto& item : education) {
      errors.attempt([&] {
        yaml.expect_map(item, "an education entry", {"degree", "field"});
        if (!item["degree"]) yaml.fail(item, "education entry is missing 'degree'");
        Degree degree;
        degree.degree = one_of(yaml, item["degree"], "degree", kDegrees);
        if (item["field"]) degree.field = yaml.scalar(item["field"], "field");
        profile.education.push_back(std::move(degree));
      });
    }
  });
  read("certifications",
       [&](const YAML::Node& node) { profile.certifications = yaml.string_list(node, "certifications"); });
  read("achievements", [&](const YAML::Node& achievements) {
    if (achievements.IsNull()) return;
    if (!achievements.IsSequence()) yaml.fail(achievements, "achievements must be a list of {kind, text}");
    for (const auto& item : achievements) {
      errors.attempt([&] {
        yaml.expect_map(item, "an achievement", {"kind", "text"});
        if (!item["kind"]) yaml.fail(item, "achievement is missing 'kind' (made|built|saved|achieved)");
        if (!item["text"]) yaml.fail(item, "achievement is missing 'text'");
        profile.achievements.push_back({one_of(yaml, item["kind"], "kind", kAchievementKinds),
                                        yaml.scalar(item["text"], "text")});
      });
    }
  });
  read("volunteered", [&](const YAML::Node& node) { profile.volunteered = yaml.string_list(node, "volunteered"); });
  read("mentoring", [&](const YAML::Node& node) { profile.mentoring = yaml.string_list(node, "mentoring"); });
  read("relocation", [&](const YAML::Node& node) {
    // YAML 1.1 readers turn a bare `no` into false; accept both spellings.
    profile.relocation = node.IsScalar() && node.Scalar() == "false" ? "no" : one_of(yaml, node, "relocation", kRelocation);
  });
  read("preferred_role_type", [&](const YAML::Node& node) {
    profile.preferred_role_type = one_of(yaml, node, "preferred_role_type", kRoleTypes);
  });
  read("resume", [&](const YAML::Node& node) {
    profile.resume = yaml.scalar(node, "resume");
    if (profile.resume.empty()) yaml.fail(node, "resume must name a file (.pdf, .docx, .odt, .md or .txt)");
    if (!is_resume_format(profile.resume)) {
      yaml.fail(node, "resume must be a .pdf, .docx, .odt, .md or .txt file, not '" + profile.resume + "'");
    }
    profile.resume_line = YamlReader::line_of(node);
    profile.resume_column = YamlReader::column_of(node);
    // Relative to the profile, so a profile and its résumé can move together.
    const std::filesystem::path written(profile.resume);
    profile.resume_path = written.is_absolute()
                              ? profile.resume
                              : (std::filesystem::path(path).parent_path() / written).lexically_normal().string();
  });
  read("target_roles", [&](const YAML::Node& roles) {
    if (roles.IsNull()) return;
    if (!roles.IsScalar() && !roles.IsSequence()) yaml.fail(roles, "target_roles must be a list of job titles");
    const std::vector<std::string> titles = yaml.string_list(roles, "target_roles");
    for (std::size_t i = 0; i < titles.size(); ++i) {
      // A title of punctuation alone would silently match nothing.
      if (title_words(titles[i]).empty()) {
        yaml.fail(roles.IsSequence() ? roles[i] : roles, "target_roles: '" + titles[i] + "' names no job title");
      }
    }
    profile.target_roles = titles;
  });
  errors.finish();
  return profile;
}

Profile load_profile(const std::string& path, const RuleSet& rules) {
  return parse_profile(path, read_file(path, kMaxYamlBytes), rules);
}

}  // namespace cio_gap
