#include "cio_gap/analyze/report_reader.h"

#include <fmt/format.h>

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
class Reader {
 public:
  explicit Reader(const std::string& path) : path_(path) {}

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

  ReadDocument document(const json& document) const {
    ReadDocument out;
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

  Status status(const json& object, const std::string& pointer) const {
    const std::string text = string_member(object, pointer, "status");
    for (const Status s : {Status::have, Status::partial, Status::missing}) {
      if (text == to_string(s)) return s;
    }
    fail(pointer + "/status", fmt::format("unknown status \"{}\" (expected have, partial or missing)", text));
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
      if (!array[i].is_object()) fail(at, "not an object");
      out.push_back({string_member(array[i], at, "id"), string_member(array[i], at, "name"), status(array[i], at)});
    }
    return out;
  }

  ReadReport report(const json& report, const std::string& pointer, const FieldNames& names) const {
    if (names.has_kind) {
      const std::string kind = string_member(report, pointer, "kind");
      if (kind != "assess") fail(pointer, fmt::format("a cio-gap {}, not an assess report", kind));
    } else if (const auto kind = report.find("kind"); kind != report.end() && kind->is_string()) {
      fail(pointer, fmt::format("a cio-gap {}, not an assess report", kind->get<std::string>()));
    }
    ReadReport out;
    out.schema_version = report["schema_version"].get<std::string>();
    const json& profile = member(report, pointer, "profile", json::value_t::object, "object");
    out.profile.path = string_member(profile, pointer + "/profile", "path");
    // A profile without a name: "" in 1.x, null in 2.x.
    if (const auto name = profile.find("name"); !names.has_kind || name == profile.end() || !name->is_null()) {
      out.profile.name = string_member(profile, pointer + "/profile", "name");
    }
    if (const auto meta = report.find("meta"); meta != report.end() && meta->is_object()) {
      if (const auto date = meta->find("date"); date != meta->end() && date->is_string()) {
        out.date = date->get<std::string>();
      }
    }
    out.readiness_score = score(report, pointer, names.readiness_score);
    out.gaps = qualifications(report, pointer, "gaps");
    out.qualifications = qualifications(report, pointer, "qualifications");
    return out;
  }

  std::string path_;
};

}  // namespace

ReadDocument read_reports(const nlohmann::json& document, const std::string& path) {
  return Reader(path).document(document);
}

}  // namespace cio_gap
