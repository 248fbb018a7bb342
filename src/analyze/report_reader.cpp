#include "cio_gap/analyze/report_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>

#include "cio_gap/error.h"

namespace cio_gap {
namespace {

using nlohmann::json;

/// The names an assess report's fields have in one major version of the schema. Only the
/// fields the readers need; the rest of the report is not read.
struct FieldNames {
  const char* readiness_score;  ///< the score: "score" in 1.x
  bool batch_is_object;         ///< 2.x: {"kind": "batch", "reports": [...]}; 1.x: a bare array
  bool has_kind;                ///< 2.x: every document says what it is in "kind"
};

constexpr FieldNames kVersion1{"score", false, false};
constexpr FieldNames kVersion2{"readiness_score", true, true};

/// Reads one document, naming the failing place as a JSON pointer ("/reports/0/gaps/3").
class ReportReader {
 public:
  explicit ReportReader(const std::string& path) : path_(path) {}

  [[noreturn]] void fail(const std::string& pointer, const std::string& message) const {
    throw Error(located(path_, 0, 0, pointer.empty() ? message : pointer + ": " + message));
  }

  const json& member(const json& object, const std::string& pointer, const char* key, json::value_t type,
                     const char* what) const {
    const auto it = object.find(key);
    const bool ok = it != object.end() && is_type(*it, type);
    if (!ok) fail(pointer, fmt::format("no \"{}\" {}: not a cio-gap assess report", key, what));
    return *it;
  }

  // A member that older reports lack: none when absent, an error when present with another type.
  const json* optional_member(const json& object, const std::string& pointer, const char* key, json::value_t type,
                              const char* what) const {
    const auto it = object.find(key);
    if (it == object.end()) return nullptr;
    if (!is_type(*it, type)) fail(pointer + "/" + key, fmt::format("expected a {}", what));
    return &*it;
  }

  std::string string_member(const json& object, const std::string& pointer, const char* key) const {
    return member(object, pointer, key, json::value_t::string, "string").get<std::string>();
  }

  Status status(const std::string& text, const std::string& pointer) const {
    for (const Status s : {Status::have, Status::partial, Status::missing}) {
      if (text == to_string(s)) return s;
    }
    fail(pointer, fmt::format("unknown status \"{}\" (expected have, partial or missing)", text));
  }

  // A number, or null where no posting could be read for demands (since 1.1).
  std::optional<double> score(const json& report, const std::string& pointer, const char* key) const {
    const auto it = report.find(key);
    if (it != report.end() && it->is_null()) return std::nullopt;
    return member(report, pointer, key, json::value_t::number_float, "number").get<double>();
  }

  std::vector<ListedQualification> qualifications(const json& report, const std::string& pointer,
                                                  const char* key) const {
    const std::string here = pointer + "/" + key;
    std::vector<ListedQualification> out;
    const json& array = member(report, pointer, key, json::value_t::array, "array");
    for (std::size_t i = 0; i < array.size(); ++i) {
      const std::string at = fmt::format("{}/{}", here, i);
      const json& item = array[i];
      if (!item.is_object()) fail(at, "not an object");
      ListedQualification q{string_member(item, at, "id"), string_member(item, at, "name"),
                            status(string_member(item, at, "status"), at + "/status"), {}, {}, {}, {}};
      if (const json* n = optional_member(item, at, "required", json::value_t::number_unsigned, "count")) q.required = n->get<int>();
      if (const json* n = optional_member(item, at, "preferred", json::value_t::number_unsigned, "count")) q.preferred = n->get<int>();
      if (const json* n = optional_member(item, at, "demand", json::value_t::number_float, "number")) q.demand = n->get<double>();
      if (const json* n = optional_member(item, at, "share", json::value_t::number_float, "number")) q.share = n->get<double>();
      out.push_back(std::move(q));
    }
    return out;
  }

  ReadReport report(const json& report, const std::string& pointer, const FieldNames& names) const {
    if (names.has_kind) {
      const std::string kind = string_member(report, pointer, "kind");
      if (kind != "assess") fail(pointer, fmt::format("a cio-gap {}, not an assess report", kind));
    } else if (report.contains("kind")) {
      fail(pointer, "a cio-gap " + kind_of(report) + ", not an assess report");
    }
    ReadReport out;
    out.schema_version = report["schema_version"].get<std::string>();
    const json& profile = member(report, pointer, "profile", json::value_t::object, "object");
    out.profile.path = string_member(profile, pointer + "/profile", "path");
    // A profile without a name: "" in 1.x, null in 2.x.
    if (const auto name = profile.find("name"); !names.has_kind || name == profile.end() || !name->is_null()) {
      out.profile.name = string_member(profile, pointer + "/profile", "name");
    }
    if (const json* meta = optional_member(report, pointer, "meta", json::value_t::object, "object")) {
      out.date = string_member(*meta, pointer + "/meta", "date");
    }
    out.score = score(report, pointer, names.readiness_score);
    int left_out = 0;
    if (const json* n = optional_member(report, pointer, "postings_left_out", json::value_t::number_unsigned, "count")) {
      left_out = n->get<int>();
    }
    out.postings = member(report, pointer, "postings_count", json::value_t::number_unsigned, "count").get<int>() - left_out;
    out.gaps = qualifications(report, pointer, "gaps");
    out.qualifications = qualifications(report, pointer, "qualifications");
    if (const json* statuses = optional_member(report, pointer, "profile_status", json::value_t::object, "object")) {
      for (const auto& [id, value] : statuses->items()) {
        const std::string at = pointer + "/profile_status/" + id;
        if (!value.is_string()) fail(at, "not a string");
        out.statuses.emplace(id, status(value.get<std::string>(), at));
      }
    }
    return out;
  }

  ReadDocument document(const json& document) const {
    ReadDocument out{path_, false, {}};
    if (document.is_array()) {
      // A 1.x batch.
      if (document.empty()) fail("", "an empty array, not cio-gap assess reports");
      out.batch = true;
      for (std::size_t i = 0; i < document.size(); ++i) {
        const std::string at = fmt::format("/{}", i);
        const FieldNames& names = names_of(document[i], at);
        if (names.batch_is_object) fail(at, "a 2.x report inside an array: a 2.x batch is an object with \"reports\"");
        out.reports.push_back(report(document[i], at, names));
      }
      return out;
    }
    if (!document.is_object()) fail("", "not a cio-gap assess report (expected a JSON object or array)");
    const FieldNames& names = names_of(document, "");
    if (names.has_kind && string_member(document, "", "kind") == "batch") {
      out.batch = true;
      const json& reports = member(document, "", "reports", json::value_t::array, "array");
      if (reports.empty()) fail("/reports", "an empty batch, not cio-gap assess reports");
      for (std::size_t i = 0; i < reports.size(); ++i) {
        const std::string at = fmt::format("/reports/{}", i);
        out.reports.push_back(report(reports[i], at, names_of(reports[i], at)));
      }
      return out;
    }
    out.reports.push_back(report(document, "", names));
    return out;
  }

 private:
  static bool is_type(const json& value, json::value_t type) {
    if (type == json::value_t::number_float) return value.is_number();
    // A count: a whole number, never negative.
    if (type == json::value_t::number_unsigned) return value.is_number_integer() && value.get<std::int64_t>() >= 0;
    return value.type() == type;
  }

  static std::string kind_of(const json& report) {
    const json& kind = report["kind"];
    return kind.is_string() ? kind.get<std::string>() : "output";
  }

  // Readers of version N.x understand every N.y (minor versions only add); 1.x and 2.x are read.
  const FieldNames& names_of(const json& report, const std::string& pointer) const {
    if (!report.is_object()) fail(pointer, "not a cio-gap assess report (expected a JSON object)");
    const std::string version = string_member(report, pointer, "schema_version");
    const std::string major = version.substr(0, version.find('.'));
    if (major == "1") return kVersion1;
    if (major == "2") return kVersion2;
    fail(pointer + "/schema_version",
         fmt::format("schema_version \"{}\" is not supported (this cio-gap reads 1.x and 2.x)", version));
  }

  std::string path_;
};

}  // namespace

bool ReadReport::has_demand() const {
  return std::all_of(qualifications.begin(), qualifications.end(), [](const auto& q) { return q.demand.has_value(); });
}

std::optional<Status> ReadReport::status_of(const std::string& id) const {
  for (const auto& q : qualifications) {
    if (q.id == id) return q.status;
  }
  if (const auto it = statuses.find(id); it != statuses.end()) return it->second;
  return std::nullopt;
}

ReadDocument read_report_document(const json& document, const std::string& path) {
  return ReportReader(path).document(document);
}

std::vector<std::optional<std::size_t>> pair_profiles(const std::vector<ReportedProfile>& olds,
                                                      const std::vector<ReportedProfile>& news) {
  std::vector<bool> used(olds.size(), false);
  const auto find_old = [&](auto same) -> std::optional<std::size_t> {
    for (std::size_t i = 0; i < olds.size(); ++i) {
      if (!used[i] && same(olds[i])) return i;
    }
    return std::nullopt;
  };
  std::vector<std::optional<std::size_t>> out;
  for (const ReportedProfile& who : news) {
    auto match = find_old([&](const ReportedProfile& p) { return !who.path.empty() && p.path == who.path; });
    if (!match) match = find_old([&](const ReportedProfile& p) { return !who.name.empty() && p.name == who.name; });
    if (match) used[*match] = true;
    out.push_back(match);
  }
  return out;
}

}  // namespace cio_gap
