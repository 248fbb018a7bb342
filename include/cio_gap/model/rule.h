#pragma once

#include <array>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace cio_gap {

/// An example sentence a rule carries, with its line in the rule file.
struct RuleExample {
  std::string text;
  int line = 0;
};

/// Words a pattern or a sense refers to: a shared word set by name, or words written in place.
/// Words are matched like keywords: whole words, case-insensitive, with their -s/-ed/-ing forms.
struct WordRef {
  std::string set;                 ///< name of a RuleSet::word_sets entry, or empty
  std::vector<std::string> words;  ///< the words themselves when `set` is empty
  int line = 0;                    ///< where it is written, for messages
  int column = 0;
};

/// A pattern of concepts: a word of the first term, then within a few words a word of the
/// next, and so on, in one sentence or list item ("lead ... team").
struct RulePattern {
  std::vector<WordRef> terms;  ///< at least two
  /// gaps[i]: at most this many words between terms[i] and terms[i + 1]
  std::vector<int> gaps;
  /// unordered[i]: terms[i + 1] may also come before terms[i] ("near" rather than "within")
  std::vector<bool> unordered;
  int line = 0;
};

/// The context a keyword needs to mean what the rule means ("security" as in information
/// security, not the security a benefits plan gives): another word in the same sentence that
/// must be there, or must not.
struct Sense {
  /// the rule's keywords or acronyms it governs, as written in the rule; empty: every keyword
  /// and pattern of the rule
  std::vector<std::string> keywords;
  std::vector<WordRef> requires_any;  ///< one of these words must be in the sentence
  std::vector<WordRef> forbids_any;   ///< none of these may be
  int within = 0;  ///< the words must be at most this many words from the keyword; 0: anywhere in the sentence
  int line = 0;
};

/// Words defined once in the rules and shared by patterns and senses.
struct WordSet {
  std::string name;
  std::vector<std::string> words;
  std::string file;
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
  std::vector<RulePattern> patterns;  ///< patterns of concepts, beside the literal keywords
  std::vector<Sense> senses;          ///< context some keywords need
  bool inflect = true;                ///< also match generated -s/-ed/-ing forms
  std::vector<std::string> credentials;  ///< names that, in a profile's certifications, show it is held
  std::string advice;                 ///< what a person lacking it (missing) should do next
  /// what a person with some of it (partial) should do next, building on that; empty: `advice`
  std::string advice_partial;
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
  /// qualifiers that make a clause required, so an optional marker elsewhere in the sentence
  /// does not reach it: "Bachelor's degree required, Master's preferred"
  std::vector<std::string> required_markers;
  /// Cue vocabulary that tells what a paragraph is about: index by ParagraphCue.
  std::array<std::vector<std::string>, 5> paragraph_cues;
  /// Words that make a sentence strong evidence ("own", "manage", "responsible for").
  std::vector<std::string> strong_evidence;
  /// Phrases that signal the kind of leadership a role wants (Harris): index by RoleType.
  std::array<std::vector<std::string>, 3> role_types;
};

/// What a paragraph's cue words say it is about. Only `role` text demands anything.
enum class ParagraphCue { role = 0, employer = 1, benefits = 2, legal = 3, apply = 4 };

/// The kinds of CIO role Harris distinguishes.
enum class RoleType { caretaker = 0, fixer = 1, growth = 2 };

const char* to_string(RoleType type);

/// Every active rule, in load order, plus the section vocabulary.
struct RuleSet {
  std::vector<Rule> rules;
  std::vector<WordSet> word_sets;  ///< shared words, by name
  SectionVocabulary vocabulary;
  /// The compiled image these rules were read from or compiled into (a cached rule pack), if
  /// any: the extractor takes its matcher from it instead of building one.
  std::shared_ptr<const std::string_view> compiled;
};

const char* to_string(SectionKind kind);

}  // namespace cio_gap
