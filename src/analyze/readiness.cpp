#include "cio_gap/analyze/readiness.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "cio_gap/text/normalize.h"

namespace cio_gap {
namespace {

// The three articles, named as the report cites them.
constexpr const char* kAlvarez = "Gene Alvarez, managing vice president at Gartner: the qualities of successful CIOs";
constexpr const char* kSevenSteps = "The 7 steps to becoming CIO: tips InformationWeek gathered from current CIOs";
constexpr const char* kHarris = "Kathy Harris, executive recruiter, interviewed by InformationWeek: making the leap from IT pro to CIO";

Status status_of(const RuleSet& rules, const std::vector<Status>& status_by_rule, std::string_view id) {
  for (std::size_t r = 0; r < rules.rules.size() && r < status_by_rule.size(); ++r) {
    if (rules.rules[r].id == id) return status_by_rule[r];
  }
  return Status::missing;
}

bool contains_any(std::string_view text, std::initializer_list<std::string_view> needles) {
  const std::string lower = ascii_lower(text);
  return std::any_of(needles.begin(), needles.end(),
                     [&](std::string_view needle) { return lower.find(needle) != std::string::npos; });
}

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

ReadinessCheck make(std::string check, std::string title, bool pass, std::string detail, std::string advice,
                    const char* source) {
  return {std::move(check), std::move(title), pass, std::move(detail), std::move(advice), source};
}

}  // namespace

bool is_quantified(std::string_view text) {
  if (std::any_of(text.begin(), text.end(), [](char c) { return (c >= '0' && c <= '9') || c == '%' || c == '$'; })) {
    return true;
  }
  return contains_any(text, {"\xE2\x82\xAC", "\xC2\xA3", "million", "billion", "doubled", "tripled", "halved",
                             "twice", "three times", "ten times"});
}

bool is_business_framed(std::string_view text) {
  return contains_any(text, {"$", "\xE2\x82\xAC", "\xC2\xA3", "revenue", "sales", "cost", "saving", "saved", "profit",
                             "margin", "customer", "client", "market", "growth", "retention", "churn", "risk",
                             "efficien", "productivity", "roi", "return on", "satisfaction", "business",
                             "members", "patients", "citizens", "residents", "donors", "funding"});
}

std::optional<RoleType> dominant_role_type(const PostingFindings& posting) {
  const auto& s = posting.role_signals;
  const auto best = std::max_element(s.begin(), s.end());
  if (*best == 0) return std::nullopt;
  return static_cast<RoleType>(best - s.begin());
}

std::vector<ReadinessCheck> readiness_checks(const Profile& profile, const DemandTally& tally, const RuleSet& rules,
                                             const std::vector<Status>& status_by_rule) {
  std::vector<ReadinessCheck> checks;
  auto status = [&](std::string_view id) { return status_of(rules, status_by_rule, id); };

  // Alvarez: willingness, communication, a coaching mindset, family support.
  const std::size_t volunteered = profile.volunteered.size();
  checks.push_back(make(
      "willingness", "Willingness to take on projects", volunteered > 0,
      volunteered > 0 ? plural(volunteered, "project volunteered for", "projects volunteered for")
                      : "no volunteered projects listed (volunteered:)",
      volunteered > 0
          ? "Keep volunteering for the projects others pass on, and tell your manager which skills you want to "
            "build, so your name comes up when a stretch opportunity opens."
          : "Alvarez sees willingness as the first mark of a future CIO: put your hand up for a project nobody "
            "else wants, before you hold a leadership title, and tell your manager you are available for work "
            "that would teach you new skills.",
      kAlvarez));

  const Status communication = status("communication");
  checks.push_back(make(
      "communication", "Communication in the language of the business", communication == Status::have,
      fmt::format("communication: {}, executive-presence: {}", to_string(communication),
                  to_string(status("executive-presence"))),
      communication == Status::have
          ? "Keep translating technology into business outcomes; technical skill is assumed at this level, "
            "the ability to explain it is what sets leaders apart."
          : "Practise explaining IT in business terms: write the one-page summary of your next project for "
            "non-technical readers. Alvarez notes that volunteering outside work is a low-risk way to build "
            "public speaking and management skills you can bring back.",
      kAlvarez));

  const bool coaching = !profile.mentoring.empty() || status("talent-development") == Status::have;
  checks.push_back(make(
      "coaching-mindset", "A coaching mindset", coaching,
      coaching ? fmt::format("{}; talent-development: {}", plural(profile.mentoring.size(), "mentoring entry", "mentoring entries"),
                             to_string(status("talent-development")))
               : "no mentoring listed and talent-development not shown",
      coaching
          ? "Keep asking the people you coach where they want to go and what they need to learn to get there."
          : "Offer to mentor a junior colleague: ask where they want to be, which of the needed skills they "
            "already have, and which you can help them build. Alvarez describes this coaching habit, applied "
            "to peers as well as reports, as a trait the CIOs he interviewed share.",
      kAlvarez));

  int travel = 0;
  for (const auto& demand : tally.by_rule) {
    if (rules.rules[demand.rule].id == "travel-relocation") travel = demand.required + demand.preferred;
  }
  const int counted = tally.read_for_demands();
  const bool mobile = profile.relocation == "open";
  const bool family_pass = mobile || (!profile.relocation.empty() && travel == 0);
  checks.push_back(make(
      "family-support", "Family support for travel and moves", family_pass,
      fmt::format("{} of {} postings require travel or relocation; relocation: {}", travel, counted,
                  profile.relocation.empty() ? "not stated" : profile.relocation),
      family_pass
          ? "Keep the people at home part of the plan: talk through what the next move would ask of them."
          : "Several CIOs Alvarez interviewed credit their families' readiness to move for the next opportunity. "
            "Talk with your family about travel and relocation now, and state your answer in relocation: "
            "(open, no or remote-only) so the report can weigh the postings that require it.",
      kAlvarez));

  // The seven steps: broad experience, a track record, internal relationships, an outward
  // focus, an advanced degree.
  const std::array<std::pair<const char*, const char*>, 5> areas = {{{"software-development", "software development"},
                                                                      {"infrastructure", "infrastructure"},
                                                                      {"it-service-management", "operations"},
                                                                      {"enterprise-architecture", "architecture"},
                                                                      {"project-management", "project management"}}};
  std::vector<std::string> lacking;
  for (const auto& [id, name] : areas) {
    if (status(id) != Status::have) lacking.emplace_back(name);
  }
  checks.push_back(make(
      "broad-experience", "Broad experience across IT", lacking.size() <= 1,
      // A pass says what is shown; only a warning lists what is not.
      lacking.empty()       ? "experience in all five areas"
      : lacking.size() == 1 ? fmt::format("experience in four of the five areas; {} is the one left to add", lacking.front())
                            : fmt::format("not yet shown: {}", fmt::join(lacking, ", ")),
      lacking.size() <= 1
          ? "Keep your breadth current, and learn the business inside out: think of yourself as a business "
            "person first and a technologist second."
          : "Spend time in as many areas of IT as you can: ask to rotate into, shadow or help the teams for " +
                fmt::format("{}", fmt::join(lacking, ", ")) + ", even for one project each.",
      kSevenSteps));

  const std::size_t achievements = profile.achievements.size();
  checks.push_back(make(
      "track-record", "A track record of delivered results", achievements >= 2,
      plural(achievements, "achievement listed", "achievements listed"),
      achievements >= 2
          ? "Keep adding results as you deliver them, in numbers, while the details are fresh."
          : "Take every chance to show you can deliver: volunteer to lead a project, inside IT or outside it, "
            "and record what it achieved in achievements:.",
      kSevenSteps));

  const Status relationships = status("stakeholder-management");
  checks.push_back(make(
      "internal-relationships", "Relationships with business leaders", relationships == Status::have,
      fmt::format("stakeholder-management: {}", to_string(relationships)),
      relationships == Status::have
          ? "Keep meeting line-of-business managers: how they decide and how their performance is measured."
          : "Get to know the heads of the business units, personally and professionally: ask how decisions are "
            "made, what they are accountable for and how they are measured, and get used to working with "
            "upper management.",
      kSevenSteps));

  const Status outward = status("customer-focus");
  checks.push_back(make(
      "outward-focus", "Focus on the company's customers", outward == Status::have,
      fmt::format("customer-focus: {}", to_string(outward)),
      outward == Status::have
          ? "Keep connecting your work to the customers who buy the company's products."
          : "Look beyond internal users to the customers who buy your company's products: sit in on sales or "
            "support calls, read customer feedback, and propose one technology change that serves them.",
      kSevenSteps));

  const Status degree = status("advanced-degree");
  checks.push_back(make(
      "advanced-degree", "An advanced degree", degree == Status::have,
      degree == Status::have ? "advanced degree held" : "no master's, MBA or doctorate listed",
      degree == Status::have
          ? "What you learned applies at every stage; keep using it."
          : "Do not keep postponing the MBA or MS: a part-time or executive programme can run alongside your "
            "job, and what it teaches pays off at every later step.",
      kSevenSteps));

  // Harris: the four interview stories, business framing, networking, role type, expectations.
  std::vector<std::string> missing_kinds;
  std::vector<std::string> unquantified;
  for (const char* kind : {"made", "built", "saved", "achieved"}) {
    bool present = false;
    bool quantified = false;
    for (const auto& a : profile.achievements) {
      if (a.kind != kind) continue;
      present = true;
      quantified = quantified || is_quantified(a.text);
    }
    if (!present) missing_kinds.emplace_back(kind);
    else if (!quantified) unquantified.emplace_back(kind);
  }
  const bool stories = missing_kinds.empty() && unquantified.empty();
  std::string stories_detail = stories ? "made, built, saved and achieved: each present with a number" : "";
  if (!missing_kinds.empty()) stories_detail = fmt::format("missing: {}", fmt::join(missing_kinds, ", "));
  if (!unquantified.empty()) {
    stories_detail += fmt::format("{}without a number: {}", stories_detail.empty() ? "" : "; ", fmt::join(unquantified, ", "));
  }
  checks.push_back(make(
      "interview-stories", "Interview stories: made, built, saved, achieved", stories, stories_detail,
      stories ? "Rehearse each story as the business advantage it brought, with its number first."
              : "Harris says senior interviews probe four things: what you made, built, saved and achieved. "
                "Prepare one story for each, with a figure (a count, a percentage, an amount) that shows the "
                "business advantage you brought.",
      kHarris));

  std::vector<std::string> technical;
  for (const auto& a : profile.achievements) {
    if (!is_business_framed(a.text)) technical.push_back(a.text);
  }
  const bool framed = !profile.achievements.empty() && technical.empty();
  checks.push_back(make(
      "business-framing", "Achievements framed as business results", framed,
      profile.achievements.empty() ? "no achievements listed"
      : technical.empty()          ? "every achievement names a business result"
                                   : fmt::format("framed as technology only: {}", fmt::join(technical, "; ")),
      framed ? "Keep describing results by what they did for the business."
             : "Harris's first step to leadership is seeing technology as a tool for the business, not an end in "
               "itself. Rewrite each achievement around its business effect: revenue, cost, customers, risk or "
               "time saved.",
      kHarris));

  bool networking = false;
  auto scan_networking = [&](const std::string& text) {
    networking = networking || contains_any(text, {"network", "association", "conference", "meetup", "chapter",
                                                   "forum", "council", "panel", "speaker", "isaca", "society for",
                                                   "alumni", "board member", "advisory board"});
  };
  for (const auto& text : profile.volunteered) scan_networking(text);
  for (const auto& text : profile.mentoring) scan_networking(text);
  for (const auto& a : profile.achievements) scan_networking(a.text);
  checks.push_back(make(
      "networking", "A professional network", networking,
      networking ? "networking activity found in the profile" : "no networking activity found (associations, conferences, panels)",
      networking ? "Keep your network warm: senior roles are often filled through referrals."
                 : "Harris observes that many senior IT roles are filled through networking and referrals. Join a "
                   "local CIO or IT leadership association, go to its meetings, and list that activity in "
                   "volunteered: so it counts here.",
      kHarris));

  const std::array<int, 3>& types = tally.role_types;
  const auto most = static_cast<std::size_t>(std::max_element(types.begin(), types.end()) - types.begin());
  const std::string signalled = fmt::format("postings signal caretaker {}, fixer {}, growth {}", types[0], types[1], types[2]);
  bool role_pass = false;
  std::string role_detail;
  if (profile.preferred_role_type.empty()) {
    role_detail = signalled + "; preferred_role_type not stated";
  } else {
    role_detail = signalled + "; you prefer " + profile.preferred_role_type;
    role_pass = types[most] == 0 || profile.preferred_role_type == to_string(static_cast<RoleType>(most));
  }
  checks.push_back(make(
      "role-type", "Role type: caretaker, fixer or growth", role_pass, role_detail,
      role_pass ? "Check each offer's role type against your strengths before you accept; the first offer is not always the fit."
                : "Harris distinguishes roles that need a caretaker, a fixer or a leader of growth. Decide which you "
                  "are best at (state it in preferred_role_type:), and weigh offers whose role type differs "
                  "before you take the first one.",
      kHarris));

  checks.push_back(make(
      "expectations", "Expectations at 30, 60 and 90 days", false,
      "postings rarely state them; ask before you accept",
      "Harris's test of fit is understanding what the employer expects: ask in the interviews what you should "
      "have achieved at 30, 60 and 90 days, and agree the roadmap before you sign.",
      kHarris));
  return checks;
}

}  // namespace cio_gap
