#include "cio_gap/analyze/report_diff.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "cio_gap/error.h"
#include "cio_gap/render/render.h"

namespace cio_gap {
namespace {

using nlohmann::json;

/// A gap or a qualification as an assess report lists it.
struct ListedQualification {
  std::string id;
  std::string name;
  Status status = Status::missing;
};

/// What the diff needs of one assess report, checked.
struct ReadReport {
  ReportedProfile profile;
  std::optional<double> score;  ///< none: the report had no posting read for demands
  std::vector<ListedQualification> gaps;            ///< rank order
  std::vector<ListedQualification> qualifications;  ///< every demanded one
};

/// Reads one document, naming the failing place as a JSON pointer ("/0/gaps/3").
class ReportReader {
 public:
  explicit ReportReader(const std::string& path) : path_(path) {}

  [[noreturn]] void fail(const std::string& pointer, const std::string& message) const {
    throw Error(located(path_, 0, 0, pointer.empty() ? message : pointer + ": " + message));
  }

  const json& member(const json& object, const std::string& pointer, const char* key, json::value_t type,
                     const char* what) const {
    const auto it = object.find(key);
    const bool ok = it != object.end() &&
                    (type == json::value_t::number_float ? it->is_number() : it->type() == type);
    if (!ok) fail(pointer, fmt::format("no \"{}\" {}: not a cio-gap assess report", key, what));
    return *it;
  }

  std::string string_member(const json& object, const std::string& pointer, const char* key) const {
    return member(object, pointer, key, json::value_t::string, "string").get<std::string>();
  }

  Status status(const json& object, const std::string& pointer) const {
    const std::string text = string_member(object, pointer, "status");
    for (const Status s : {Status::have, Status::partial, Status::missing}) {
      if (text == to_string(s)) return s;
    }
    fail(pointer + "/status", fmt::format("unknown status \"{}\" (expected have, partial or missing)", text));
  }

  // A number, or null in a 1.1 report whose postings could none be read for demands.
  std::optional<double> score(const json& report, const std::string& pointer) const {
    const auto it = report.find("score");
    if (it != report.end() && it->is_null()) return std::nullopt;
    return member(report, pointer, "score", json::value_t::number_float, "number").get<double>();
  }

  std::vector<ListedQualification> qualifications(const json& report, const std::string& pointer,
                                                  const char* key) const {
    const std::string here = pointer + "/" + key;
    std::vector<ListedQualification> out;
    const json& array = member(report, pointer, key, json::value_t::array, "array");
    for (std::size_t i = 0; i < array.size(); ++i) {
      const std::string at = fmt::format("{}/{}", here, i);
      if (!array[i].is_object()) fail(at, "not an object");
      out.push_back({string_member(array[i], at, "id"), string_member(array[i], at, "name"), status(array[i], at)});
    }
    return out;
  }

  ReadReport report(const json& report, const std::string& pointer) const {
    if (!report.is_object()) fail(pointer, "not a cio-gap assess report (expected a JSON object)");
    check_version(report, pointer);
    if (report.contains("kind")) fail(pointer, "a cio-gap diff, not an assess report");
    ReadReport out;
    const json& profile = member(report, pointer, "profile", json::value_t::object, "object");
    out.profile.path = string_member(profile, pointer + "/profile", "path");
    out.profile.name = string_member(profile, pointer + "/profile", "name");
    out.score = score(report, pointer);
    out.gaps = qualifications(report, pointer, "gaps");
    out.qualifications = qualifications(report, pointer, "qualifications");
    return out;
  }

  // One report, or the array of a batch run.
  std::vector<ReadReport> document(const json& document) const {
    if (document.is_object()) return {report(document, "")};
    if (!document.is_array()) fail("", "not a cio-gap assess report (expected a JSON object or array)");
    if (document.empty()) fail("", "an empty array, not cio-gap assess reports");
    std::vector<ReadReport> out;
    for (std::size_t i = 0; i < document.size(); ++i) out.push_back(report(document[i], fmt::format("/{}", i)));
    return out;
  }

 private:
  // Readers of version 1.x understand every 1.y: minor versions only add.
  void check_version(const json& report, const std::string& pointer) const {
    const std::string version = string_member(report, pointer, "schema_version");
    const std::string supported = kSchemaVersion;
    const auto major = [](const std::string& v) { return v.substr(0, v.find('.')); };
    if (major(version) != major(supported)) {
      fail(pointer + "/schema_version",
           fmt::format("schema_version \"{}\" is not supported (this cio-gap reads {}.x)", version, major(supported)));
    }
  }

  std::string path_;
};

std::optional<Status> status_of(const std::vector<ListedQualification>& list, const std::string& id) {
  for (const auto& q : list) {
    if (q.id == id) return q.status;
  }
  return std::nullopt;
}

bool is_gap(const ReadReport& report, const std::string& id) { return status_of(report.gaps, id).has_value(); }

ProfileDiff compare(const ReadReport& old_report, const ReadReport& new_report) {
  ProfileDiff diff;
  diff.profile = new_report.profile;
  diff.old_score = old_report.score;
  diff.new_score = new_report.score;
  if (old_report.score && new_report.score) {
    // Scores have one decimal; rounding keeps 64.3 - 60.1 from printing as 4.199999.
    double change = std::round((*new_report.score - *old_report.score) * 10.0) / 10.0;
    if (change == 0) change = 0;  // never "-0"
    diff.change = change;
  }
  for (const auto& gap : old_report.gaps) {
    if (!is_gap(new_report, gap.id)) {
      diff.closed.push_back({gap.id, gap.name, gap.status, status_of(new_report.qualifications, gap.id)});
    }
  }
  for (const auto& gap : new_report.gaps) {
    const auto old_gap = status_of(old_report.gaps, gap.id);
    if (!old_gap) {
      diff.opened.push_back({gap.id, gap.name, status_of(old_report.qualifications, gap.id), gap.status});
    } else if (*old_gap != gap.status) {
      diff.changed.push_back({gap.id, gap.name, *old_gap, gap.status});
    }
  }
  return diff;
}

}  // namespace

ReportDiff diff_reports(const json& old_report, const json& new_report, const std::string& old_path,
                        const std::string& new_path) {
  const std::vector<ReadReport> olds = ReportReader(old_path).document(old_report);
  const std::vector<ReadReport> news = ReportReader(new_path).document(new_report);
  ReportDiff diff{old_path, new_path, {}, {}, {}};
  // Two single reports are one person's progress even if the profile file moved.
  if (old_report.is_object() && new_report.is_object()) {
    diff.profiles.push_back(compare(olds.front(), news.front()));
    return diff;
  }
  std::vector<bool> used(olds.size(), false);
  const auto find_old = [&](auto same) {
    for (std::size_t i = 0; i < olds.size(); ++i) {
      if (!used[i] && same(olds[i].profile)) return i;
    }
    return olds.size();
  };
  for (const auto& report : news) {
    const ReportedProfile& who = report.profile;
    std::size_t match = find_old([&](const ReportedProfile& p) { return !who.path.empty() && p.path == who.path; });
    if (match == olds.size()) {
      match = find_old([&](const ReportedProfile& p) { return !who.name.empty() && p.name == who.name; });
    }
    if (match == olds.size()) {
      diff.only_new.push_back(who);
      continue;
    }
    used[match] = true;
    diff.profiles.push_back(compare(olds[match], report));
  }
  for (std::size_t i = 0; i < olds.size(); ++i) {
    if (!used[i]) diff.only_old.push_back(olds[i].profile);
  }
  return diff;
}

}  // namespace cio_gap
