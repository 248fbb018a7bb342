#include "cio_gap/load/yaml_reader.h"

#include <charconv>

#include "cio_gap/error.h"
#include "cio_gap/text/suggest.h"

namespace cio_gap {

YamlReader::YamlReader(std::string path, std::string_view content) : path_(std::move(path)) {
  try {
    root_ = YAML::Load(std::string(content));
  } catch (const YAML::Exception& e) {
    throw Error(located(path_, e.mark.line + 1, e.mark.column + 1, e.msg));
  }
  // yaml-cpp returns a null document for an empty or comment-only file.
  if (!root_ || root_.IsNull()) throw Error(located(path_, 0, 0, "empty document"));
}

void YamlReader::fail(const YAML::Node& node, const std::string& message) const {
  const YAML::Mark mark = node.Mark();
  if (mark.is_null()) throw Error(located(path_, 0, 0, message));
  throw Error(located(path_, mark.line + 1, mark.column + 1, message));
}

void YamlReader::expect_map(const YAML::Node& node, const std::string& what,
                            const std::vector<std::string>& allowed) const {
  if (!node.IsMap()) fail(node, what + " must be a mapping");
  for (const auto& entry : node) {
    if (!entry.first.IsScalar()) fail(entry.first, "keys of " + what + " must be plain names");
    const std::string key = entry.first.Scalar();
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
      fail(entry.first, "unknown key '" + key + "' in " + what + did_you_mean(key, allowed));
    }
  }
}

std::string YamlReader::scalar(const YAML::Node& node, const std::string& what) const {
  if (!node.IsScalar()) fail(node, what + " must be a single value");
  return node.Scalar();
}

int YamlReader::integer(const YAML::Node& node, const std::string& what, int max) const {
  const std::string text = scalar(node, what);
  int value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < 0 || value > max) {
    fail(node, what + " must be a whole number from 0 to " + std::to_string(max) + ", not '" +
                   text + "'");
  }
  return value;
}

bool YamlReader::boolean(const YAML::Node& node, const std::string& what) const {
  const std::string text = scalar(node, what);
  if (text == "true") return true;
  if (text == "false") return false;
  fail(node, what + " must be true or false, not '" + text + "'");
}

std::vector<std::string> YamlReader::string_list(const YAML::Node& node,
                                                 const std::string& what) const {
  std::vector<std::string> out;
  if (node.IsNull()) return out;
  if (node.IsScalar()) {
    out.push_back(node.Scalar());
    return out;
  }
  if (!node.IsSequence()) fail(node, what + " must be a list");
  for (const auto& item : node) out.push_back(scalar(item, "each entry of " + what));
  return out;
}

std::vector<std::pair<std::string, int>> YamlReader::located_list(const YAML::Node& node,
                                                                 const std::string& what) const {
  std::vector<std::pair<std::string, int>> out;
  if (node.IsNull()) return out;
  if (node.IsScalar()) {
    out.emplace_back(node.Scalar(), line_of(node));
    return out;
  }
  if (!node.IsSequence()) fail(node, what + " must be a list");
  for (const auto& item : node) out.emplace_back(scalar(item, "each entry of " + what), line_of(item));
  return out;
}

}  // namespace cio_gap
