#include "cio_gap/load/json_document.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <optional>
#include <tuple>

namespace cio_gap {
namespace {

using nlohmann::json;

// nlohmann's messages read "[json.exception.parse_error.101] parse error at line 1, column 2:
// syntax error ..."; the position is reported separately, so keep only the reason.
std::string parse_error_reason(const std::string& what) {
  const std::size_t column = what.find("column ");
  const std::size_t colon = what.find(": ", column == std::string::npos ? 0 : column);
  if (colon != std::string::npos) return what.substr(colon + 2);
  const std::size_t bracket = what.find("] ");
  return bracket == std::string::npos ? what : what.substr(bracket + 2);
}

// Builds the tree from nlohmann's SAX events. Unlike json::parse it keeps what it built when
// an error comes (the completed elements of a top-level array), knows where every error is,
// number overflows included, and can leave out the elements of a top-level array that are
// not objects as they arrive.
class DocumentBuilder {
 public:
  using number_integer_t = json::number_integer_t;
  using number_unsigned_t = json::number_unsigned_t;
  using number_float_t = json::number_float_t;
  using string_t = json::string_t;
  using binary_t = json::binary_t;

  explicit DocumentBuilder(const JsonReadOptions& options)
      : skip_non_objects_(options.skip_non_objects), record_members_(options.record_members) {}

  bool null() { return put(json(nullptr)); }
  bool boolean(bool value) { return put(json(value)); }
  bool number_integer(number_integer_t value) { return put(json(value)); }
  bool number_unsigned(number_unsigned_t value) { return put(json(value)); }
  bool number_float(number_float_t value, const string_t& /*text*/) { return put(json(value)); }
  bool string(string_t& value) { return put(json(std::move(value))); }
  bool binary(binary_t& value) { return put(json::binary(std::move(value))); }
  bool start_object(std::size_t /*size*/) { return open(json::object()); }
  bool start_array(std::size_t /*size*/) { return open(json::array()); }
  bool key(string_t& name) {
    if (skip_depth_ == 0) key_ = std::move(name);
    return true;
  }
  bool end_object() { return close(); }
  bool end_array() { return close(); }
  bool parse_error(std::size_t position, const std::string& last_token, const nlohmann::detail::exception& error) {
    // A number overflow is found once the whole number is read: point at its first digit.
    constexpr int kNumberOverflow = 406;
    const std::size_t back = error.id == kNumberOverflow ? last_token.size() : 1;
    fail(position >= back ? position - back : 0, error.what());
    return false;
  }

  void fail(std::size_t offset, const std::string& what) {
    if (!error_.empty()) return;
    error_ = what;
    error_offset_ = offset;
  }
  std::size_t error_offset() const { return error_offset_; }

  void finish(JsonDocument& document) {
    document.skipped = skipped_;
    document.first_skipped = first_skipped_;
    if (error_.empty()) {
      document.value = std::move(root_);
      document.kept_indices = std::move(indices_);
      document.member_kept_indices = std::move(member_indices_);
      return;
    }
    document.error = parse_error_reason(error_);
    if (root_.is_array() && completed_ > 0) {
      // The element being read when the error came is incomplete: only those before it count.
      auto& elements = root_.get_ref<json::array_t&>();
      elements.resize(completed_);
      if (indices_.size() > completed_) indices_.resize(completed_);
      document.value = std::move(root_);
      document.kept_indices = std::move(indices_);
      document.partial = true;
    } else {
      document.value = nullptr;
    }
  }

 private:
  bool in_top_array() const { return stack_.size() == 1 && root_.is_array(); }

  // An array of records: the top-level array, or an array that is a member of the top-level
  // object named as holding records ({"jobs": [...]}).
  bool in_record_array() const {
    return in_top_array() || (member_holds_records_ && stack_.size() == 2 && root_.is_object() && stack_.back()->is_array());
  }

  // Where the original indices of the current record array's kept elements go.
  std::vector<std::size_t>& record_indices() { return in_top_array() ? indices_ : member_indices_[member_]; }
  std::size_t& record_index() { return in_top_array() ? next_index_ : member_next_index_; }

  void skip_element() {
    std::size_t& index = record_index();
    if (skipped_++ == 0) first_skipped_ = index;
    ++index;
  }

  // Places a finished value in its container; returns where it now is.
  json* place(json&& value) {
    if (stack_.empty()) {
      root_ = std::move(value);
      return &root_;
    }
    json& parent = *stack_.back();
    if (parent.is_object()) {
      json& slot = parent[key_];
      slot = std::move(value);
      return &slot;
    }
    if (skip_non_objects_ && in_record_array()) record_indices().push_back(record_index()++);
    parent.get_ref<json::array_t&>().push_back(std::move(value));
    return &parent.get_ref<json::array_t&>().back();
  }

  bool put(json&& value) {
    if (skip_depth_ > 0) return true;
    if (skip_non_objects_ && in_record_array()) {
      skip_element();
      if (in_top_array()) completed_ = root_.size();
      return true;
    }
    place(std::move(value));
    if (in_top_array()) completed_ = root_.size();
    return true;
  }

  bool open(json&& container) {
    if (skip_depth_ > 0) {
      ++skip_depth_;
      return true;
    }
    if (skip_non_objects_ && in_record_array() && container.is_array()) {
      skip_element();
      skip_depth_ = 1;
      return true;
    }
    if (stack_.size() == 1 && root_.is_object() && container.is_array()) {
      member_ = key_;
      member_holds_records_ = std::find(record_members_.begin(), record_members_.end(), member_) != record_members_.end();
      member_next_index_ = 0;
      member_indices_.erase(member_);
    }
    stack_.push_back(place(std::move(container)));
    return true;
  }

  bool close() {
    if (skip_depth_ > 0) {
      --skip_depth_;
      if (skip_depth_ == 0 && in_top_array()) completed_ = root_.size();
      return true;
    }
    stack_.pop_back();
    if (in_top_array()) completed_ = root_.size();
    return true;
  }

  bool skip_non_objects_;
  const std::vector<std::string>& record_members_;
  bool member_holds_records_ = false;
  json root_;
  std::vector<json*> stack_;
  string_t key_;
  int skip_depth_ = 0;
  std::size_t completed_ = 0;
  std::size_t next_index_ = 0;
  std::vector<std::size_t> indices_;
  string_t member_;
  std::size_t member_next_index_ = 0;
  std::map<std::string, std::vector<std::size_t>> member_indices_;
  std::size_t skipped_ = 0;
  std::size_t first_skipped_ = 0;
  std::string error_;
  std::size_t error_offset_ = 0;
};

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The code unit of a "\uXXXX" escape at `at`, or -1.
int escape_unit(std::string_view text, std::size_t at) {
  if (at + 6 > text.size() || text[at] != '\\' || text[at + 1] != 'u') return -1;
  int unit = 0;
  for (std::size_t k = 2; k < 6; ++k) {
    const int digit = hex_value(text[at + k]);
    if (digit < 0) return -1;
    unit = unit * 16 + digit;
  }
  return unit;
}

void note(JsonRepair& repair, std::size_t offset, std::string_view text) {
  if (repair.count++ == 0) {
    repair.first_offset = offset;
    repair.first_text = std::string(text.substr(0, 40));
  }
}

// One pass over the text before it is parsed: bounds the nesting (nlohmann builds without
// recursion, but copying, comparing, dumping and our readers recurse) and, with `repair`,
// rewrites lone surrogate escapes as "\ufffd" and out-of-range numbers as "null" padded with
// spaces, in a copy of the same length so that positions hold. Returns the offset of the
// bracket too deep, if one is.
std::optional<std::size_t> prepare_json(std::string_view text, bool repair, JsonDocument& document,
                                        std::string& repaired) {
  auto edit = [&](std::size_t at, std::string_view with) {
    if (repaired.empty()) repaired.assign(text);
    repaired.replace(at, with.size(), with);
  };
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '"') {
        in_string = false;
      } else if (c == '\\') {
        const int unit = repair ? escape_unit(text, i) : -1;
        if (unit >= 0xD800 && unit <= 0xDBFF) {
          const int next = escape_unit(text, i + 6);
          if (next >= 0xDC00 && next <= 0xDFFF) {
            i += 11;  // a whole pair
            continue;
          }
        }
        if (unit >= 0xD800 && unit <= 0xDFFF) {
          note(document.surrogates, i, text.substr(i, 6));
          edit(i, "\\ufffd");
          i += 5;
          continue;
        }
        ++i;  // the escaped character
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxJsonDepth) return i;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    } else if (repair && (c == '-' || (c >= '0' && c <= '9'))) {
      std::size_t end = i;
      while (end < text.size() && std::string_view("0123456789+-.eE").find(text[end]) != std::string_view::npos) ++end;
      const std::string_view number = text.substr(i, end - i);
      // Only a long number or one with an exponent can be beyond a double's range.
      if (number.size() >= 5 && (number.find_first_of("eE") != std::string_view::npos || number.size() > 300)) {
        const std::string copy(number);
        if (std::isinf(std::strtod(copy.c_str(), nullptr))) {
          note(document.overflows, i, number);
          edit(i, "null" + std::string(number.size() - 4, ' '));
        }
      }
      i = end - 1;
    }
  }
  return std::nullopt;
}

}  // namespace

std::pair<int, int> json_position(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  const std::string_view before = text.substr(0, offset);
  const auto line = 1 + std::count(before.begin(), before.end(), '\n');
  const std::size_t last_newline = before.rfind('\n');
  const std::size_t line_start = last_newline == std::string_view::npos ? 0 : last_newline + 1;
  return {static_cast<int>(line), static_cast<int>(offset - line_start + 1)};
}

JsonDocument parse_json(std::string_view text, const JsonReadOptions& options) {
  JsonDocument document;
  std::string repaired;
  const std::optional<std::size_t> too_deep = prepare_json(text, options.repair, document, repaired);
  if (too_deep) {
    document.error = "nested deeper than " + std::to_string(kMaxJsonDepth) + " levels";
    std::tie(document.line, document.column) = json_position(text, *too_deep);
    return document;
  }
  const std::string_view input = repaired.empty() ? text : std::string_view(repaired);
  DocumentBuilder builder(options);
  try {
    json::sax_parse(input.begin(), input.end(), &builder);
  } catch (const std::exception& e) {
    builder.fail(0, e.what());  // nothing of the input throws; allocation might
  }
  builder.finish(document);
  if (!document.error.empty()) std::tie(document.line, document.column) = json_position(text, builder.error_offset());
  return document;
}

}  // namespace cio_gap
