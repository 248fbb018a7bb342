#pragma once

#include <array>
#include <string>
#include <vector>

namespace cio_gap {

/// An example sentence a rule carries, with its line in the rule file.
struct RuleExample {
  std::string text;
  int line = 0;
};

/// One qualification that postings can demand: what signals it and what to do when lacking it.
struct Rule {
  std::string id;        ///< stable identifier, e.g. "budget-management"
  std::string name;      ///< human name, e.g. "Budget management"
  std::string category;  ///< strategy, business, leadership, delivery, technology, credential, role
  std::vector<std::string> keywords;  ///< case-insensitive phrases, whole words
  std::vector<std::string> acronyms;  ///< case-sensitive tokens (SAP, ITIL, CISSP)
  std::vector<std::string> excludes;  ///< phrases whose hits cancel keyword hits they cover
  bool inflect = true;                ///< also match generated -s/-ed/-ing forms
  std::vector<std::string> credentials;  ///< names that, in a profile's certifications, show it is held
  std::string advice;                 ///< what a person lacking it should do next
  std::vector<RuleExample> must_match;      ///< example sentences the rule must fire on
  std::vector<RuleExample> must_not_match;  ///< example sentences it must not fire on
  std::string file;  ///< rule file it came from (for messages)
  int line = 0;      ///< line of its `id:` in that file
};

/// What a section of a posting is about; decides whether its hits demand anything.
enum class SectionKind {
  general,      ///< text before any heading or under an unrecognised one: counts as required
  duties,       ///< duties / responsibilities: required
  required,     ///< required / minimum qualifications
  preferred,    ///< preferred / desirable qualifications: preferred
  boilerplate,  ///< employer, benefits, salary, application, selection, EEO: demands nothing
};

/// The heading and qualifier vocabulary, data rather than code so packs can extend it.
struct SectionVocabulary {
  std::vector<std::string> duties;       ///< heading phrases introducing duties
  std::vector<std::string> required;     ///< heading phrases introducing requirements
  std::vector<std::string> preferred;    ///< heading phrases introducing optional qualifications
  std::vector<std::string> boilerplate;  ///< heading phrases introducing text that demands nothing
  std::vector<std::string> optional_markers;  ///< sentence qualifiers: "a plus", "preferred"
  /// qualifiers that make only what follows them optional: "ideally", "preferably"
  std::vector<std::string> optional_prefix_markers;
  std::vector<std::string> negation_markers;  ///< sentence qualifiers: "not required"
  /// Phrases that signal the kind of leadership a role wants (Harris): index by RoleType.
  std::array<std::vector<std::string>, 3> role_types;
};

/// The kinds of CIO role Harris distinguishes.
enum class RoleType { caretaker = 0, fixer = 1, growth = 2 };

const char* to_string(RoleType type);

/// Every active rule, in load order, plus the section vocabulary.
struct RuleSet {
  std::vector<Rule> rules;
  SectionVocabulary vocabulary;
};

const char* to_string(SectionKind kind);

}  // namespace cio_gap
