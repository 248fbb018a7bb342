#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cio_gap/model/posting.h"

namespace cio_gap {

/// How well a person claims to know a qualification.
enum class Level { none = 0, exposure = 1, working = 2, strong = 3, expert = 4 };

const char* to_string(Level level);

/// One `skills:` entry: a qualification id or free text, with a level.
struct SkillClaim {
  std::string name;  ///< the key as written
  bool is_rule_id = false;  ///< the key names a rule; otherwise it is free text to match
  Level level = Level::none;
  int line = 0;
};

/// One `education:` entry.
struct Degree {
  std::string degree;  ///< bachelor, master, mba or doctorate
  std::string field;
};

/// One `achievements:` entry (Harris: what you made, built, saved, achieved).
struct Achievement {
  std::string kind;  ///< made, built, saved or achieved
  std::string text;
};

/// A self-assessment, as written in the profile YAML. Plain data; see load/profile_loader.h.
struct Profile {
  std::string path;  ///< file it came from
  std::string name;
  std::string current_role;
  std::optional<int> years_experience;
  std::optional<int> years_leadership;
  std::vector<SkillClaim> skills;
  std::vector<Degree> education;
  std::vector<std::string> certifications;
  std::vector<Achievement> achievements;
  std::vector<std::string> volunteered;  ///< Alvarez: willingness
  std::vector<std::string> mentoring;    ///< Alvarez: coaching mindset
  std::string relocation;                ///< open, no, remote-only, or "" when not given
  std::string preferred_role_type;       ///< caretaker, fixer, growth, or ""
  std::string resume;       ///< `resume:` as written (a path relative to the profile), or ""
  std::string resume_path;  ///< that path resolved against the profile's folder
  int resume_line = 0;      ///< where `resume:` is written, for messages
  int resume_column = 0;
  /// The résumé's text once read (load/resume_reader), read as evidence beside the entries
  /// written here; empty when there is none.
  PostingText resume_text;
  std::vector<std::string> target_roles; ///< job titles the person aims at ("CIO", "VP of IT"); none: all
};

}  // namespace cio_gap
