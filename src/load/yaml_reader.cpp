#include "cio_gap/load/yaml_reader.h"

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <optional>
#include <sstream>
#include <unordered_map>

#include "cio_gap/error.h"
#include "cio_gap/text/suggest.h"

namespace cio_gap {
namespace {

// 1-based line and byte column of `offset`, counted as yaml-cpp counts them.
std::pair<int, int> position_of(std::string_view text, std::size_t offset) {
  const std::string_view before = text.substr(0, offset);
  const auto line = static_cast<int>(std::count(before.begin(), before.end(), '\n')) + 1;
  const std::size_t line_start = before.rfind('\n');
  const std::size_t column = line_start == std::string_view::npos ? offset : offset - line_start - 1;
  return {line, static_cast<int>(column) + 1};
}

[[noreturn]] void fail_at(const std::string& path, std::string_view text, std::size_t offset,
                          const std::string& message) {
  const auto [line, column] = position_of(text, offset);
  throw Error(located(path, line, column, message));
}

// Length of the UTF-8 sequence at `i` and its code point, or 0 when the bytes are not strict
// UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF).
std::size_t utf8_sequence(std::string_view text, std::size_t i, char32_t& code) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char c = byte(i);
  if (c < 0x80) {
    code = c;
    return 1;
  }
  std::size_t length = 0;
  unsigned char low = 0x80;
  unsigned char high = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) {
    length = 2;
    code = c & 0x1Fu;
  } else if (c >= 0xE0 && c <= 0xEF) {
    length = 3;
    code = c & 0x0Fu;
    if (c == 0xE0) low = 0xA0;
    if (c == 0xED) high = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    length = 4;
    code = c & 0x07u;
    if (c == 0xF0) low = 0x90;
    if (c == 0xF4) high = 0x8F;
  } else {
    return 0;
  }
  if (text.size() - i < length) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    const unsigned char next = byte(i + k);
    if (next < (k == 1 ? low : 0x80) || next > (k == 1 ? high : 0xBF)) return 0;
    code = (code << 6) | (next & 0x3Fu);
  }
  return length;
}

// The first character that YAML input may not hold: bytes that are not strict UTF-8, NUL, and
// control characters other than tab and line ends (C0, DEL and C1, which terminals obey).
struct Forbidden {
  std::size_t offset = std::string_view::npos;  ///< npos when every character is allowed
  bool invalid_utf8 = false;
  char32_t code = 0;
};

Forbidden first_forbidden(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    char32_t code = 0;
    const std::size_t length = utf8_sequence(text, i, code);
    if (length == 0) return {i, true, 0};
    const bool control = (code < 0x20 && code != '\t' && code != '\n' && code != '\r') ||
                         (code >= 0x7F && code <= 0x9F);
    if (control) return {i, false, code};
    i += length;
  }
  return {};
}

std::string describe_control(char32_t code) {
  return fmt::format("control character U+{:04X} is not allowed", static_cast<std::uint32_t>(code));
}

// The text yaml-cpp may see: the content without a UTF-8 BOM, once every byte is known to be
// text. yaml-cpp would otherwise guess an encoding, and control characters would reach error
// messages and reports.
std::string_view checked_text(const std::string& path, std::string_view content) {
  if (content.size() > kMaxYamlBytes) {
    throw Error(located(path, 0, 0, "larger than " + std::to_string(kMaxYamlBytes) + " bytes"));
  }
  if (content.starts_with("\xFF\xFE") || content.starts_with("\xFE\xFF")) {
    throw Error(located(path, 0, 0, "UTF-16 text; save the file as UTF-8"));
  }
  std::string_view text = content;
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  const Forbidden bad = first_forbidden(text);
  if (bad.offset == std::string_view::npos) return text;
  fail_at(path, text, bad.offset,
          bad.invalid_utf8  ? "invalid UTF-8 (save the file as UTF-8)"
          : bad.code == 0 ? "NUL byte (a binary file?)"
                          : describe_control(bad.code));
}

// Names the alias at `mark` (yaml-cpp's event carries only a number): aliases make shared or
// cyclic nodes, and a recursive walk of a "billion laughs" or `&a [*a]` never ends.
std::string alias_message(std::string_view text, const YAML::Mark& mark) {
  const auto offset = static_cast<std::size_t>(std::max(mark.pos, 0));
  std::string name = "*";
  if (offset < text.size() && text[offset] == '*') {
    std::size_t end = std::min({text.find_first_of(" \t\r\n,[]{}", offset), offset + 64, text.size()});
    while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0u) == 0x80u) --end;
    name = std::string(text.substr(offset, end - offset));
  }
  return "alias '" + name + "' is not supported; write the value out in full";
}

// Walks the parser's events without building a tree, and throws Error at the first thing
// yaml-cpp would turn into a hang, a blow-up or a silent surprise.
class StructureCheck : public YAML::EventHandler {
 public:
  StructureCheck(const std::string& path, std::string_view text) : path_(path), text_(text) {}

  void OnDocumentStart(const YAML::Mark& mark) override {
    if (++documents_ == 1) return;
    const auto offset = static_cast<std::size_t>(std::max(mark.pos, 0));
    fail(mark, text_.substr(std::min(offset, text_.size())).starts_with("---")
                   ? "a second document starts here; a file holds one document"
                   : "unexpected text after the end of the document");
  }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t) override { node(mark, kNullKey); }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    fail(mark, alias_message(text_, mark));
  }
  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                const std::string& value) override {
    // A double-quoted "\e", "\0" or "\ud800" escape makes what the raw text could not hold.
    const Forbidden bad = first_forbidden(value);
    if (bad.offset != std::string_view::npos) {
      fail(mark, bad.invalid_utf8 ? "invalid character (an escaped surrogate?)" : describe_control(bad.code));
    }
    node(mark, value);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    open(mark, false);
  }
  void OnSequenceEnd() override { frames_.pop_back(); }
  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    open(mark, true);
  }
  void OnMapEnd() override { frames_.pop_back(); }

 private:
  // NUL cannot occur in checked text, so no scalar key collides with this one.
  static constexpr std::string_view kNullKey{"\0~", 2};

  struct Frame {
    bool is_map = false;
    bool expecting_key = true;
    std::unordered_map<std::string, int> key_lines;  // scalar key -> 1-based line
  };

  [[noreturn]] void fail(const YAML::Mark& mark, const std::string& message) const {
    throw Error(located(path_, mark.line + 1, mark.column + 1, message));
  }

  // Counts a node and, when it is a key of the mapping being read, checks it is new.
  // `key` is the scalar's text; collections pass nothing and are never compared.
  void node(const YAML::Mark& mark, std::string_view key = {}, bool is_scalar = true) {
    if (++nodes_ > kMaxYamlNodes) fail(mark, "more than " + std::to_string(kMaxYamlNodes) + " nodes");
    if (frames_.empty() || !frames_.back().is_map) return;
    Frame& map = frames_.back();
    const bool is_key = map.expecting_key;
    map.expecting_key = !is_key;
    if (!is_key || !is_scalar) return;  // a value, or a list or mapping used as a key
    const auto [it, inserted] = map.key_lines.emplace(std::string(key), mark.line + 1);
    if (!inserted) {
      const std::string shown = key == kNullKey ? "~" : std::string(key);
      fail(mark, "duplicate key '" + shown + "' (first on line " + std::to_string(it->second) + ")");
    }
  }

  void open(const YAML::Mark& mark, bool is_map) {
    node(mark, {}, false);
    if (static_cast<int>(frames_.size()) >= kMaxYamlDepth) {
      fail(mark, "nested deeper than " + std::to_string(kMaxYamlDepth) + " levels");
    }
    frames_.push_back(Frame{is_map, true, {}});
  }

  const std::string& path_;
  std::string_view text_;
  int documents_ = 0;
  int nodes_ = 0;
  std::vector<Frame> frames_;
};

// The first line at or before `line` (1-based) indented with a tab, and the tab's column; {0, 0}
// when none is. YAML forbids tabs in indentation, and yaml-cpp reports them as whatever the
// next token makes of them.
std::pair<int, int> tab_in_indentation(std::string_view text, int line) {
  int number = 1;
  for (std::size_t start = 0; start < text.size() && number <= line; ++number) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    for (std::size_t i = start; i < end && (text[i] == ' ' || text[i] == '\t'); ++i) {
      if (text[i] == '\t') return {number, static_cast<int>(i - start) + 1};
    }
    start = end + 1;
  }
  return {0, 0};
}

// Where a quoted value is left open: the opening quote of one that never closes, or of one
// that runs on into a line that reads as the next key. yaml-cpp accepts both without a word
// (the value swallows the rest of the file), so they are looked for here.
std::optional<std::size_t> unclosed_quote(std::string_view text) {
  std::size_t i = 0;
  bool line_start = true;
  char previous = '\n';
  while (i < text.size()) {
    const char c = text[i];
    if (c == '#' && (previous == ' ' || previous == '\t' || previous == '\n')) {
      i = std::min(text.find('\n', i), text.size());  // a comment: to the end of the line
      continue;
    }
    const bool value_start = line_start || previous == ' ' || previous == '[' || previous == '{' || previous == ',';
    if ((c == '"' || c == '\'') && value_start) {
      const std::size_t open = i;
      bool closed = false;
      for (++i; i < text.size(); ++i) {
        if (c == '"' && text[i] == '\\') {
          ++i;
        } else if (text[i] == c) {
          if (c == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
            ++i;  // '' inside single quotes is a quote
            continue;
          }
          closed = true;
          break;
        } else if (text[i] == '\n') {
          // A continuation line that reads as "key: value" is where the value should have ended.
          std::size_t k = i + 1;
          while (k < text.size() && text[k] == ' ') ++k;
          const std::size_t eol = std::min(text.find('\n', k), text.size());
          const std::string_view next = text.substr(k, eol - k);
          const auto colon = next.find(": ");
          const bool key_like = colon != std::string_view::npos && colon > 0 &&
                                std::all_of(next.begin(), next.begin() + static_cast<std::ptrdiff_t>(colon), [](char ch) {
                                  return std::isalnum(static_cast<unsigned char>(ch)) || ch == '_' || ch == '-' || ch == ' ';
                                });
          if (key_like || next.starts_with("- ")) return open;
        }
      }
      if (!closed) return open;
      previous = c;
      ++i;
      line_start = false;
      continue;
    }
    if (c == '\n') {
      line_start = true;
    } else if (c != ' ' && c != '-') {
      line_start = false;
    }
    previous = c;
    ++i;
  }
  return std::nullopt;
}

// yaml-cpp's message in words a person who has never read the YAML specification follows.
std::string explained(const std::string& message) {
  if (message == YAML::ErrorMsg::MAP_VALUE) {
    return "unexpected ':' here: a key above may lack its ':', a value with ': ' in it needs quotes, or this "
           "line's indentation does not line up with the lines above";
  }
  if (message == YAML::ErrorMsg::END_OF_SEQ_FLOW) return "a list opened with '[' is not closed with ']'";
  if (message == YAML::ErrorMsg::END_OF_MAP_FLOW) return "a mapping opened with '{' is not closed with '}'";
  if (message == YAML::ErrorMsg::END_OF_MAP || message == YAML::ErrorMsg::END_OF_SEQ) {
    return "this line's indentation does not line up with the lines above";
  }
  if (message == YAML::ErrorMsg::BLOCK_ENTRY) {
    return "a '- ' list entry is not expected here: check its indentation, or the ':' of the key above";
  }
  if (message == YAML::ErrorMsg::MAP_KEY) return "unexpected '?' here: quote a value that starts with '?'";
  return message;
}

}  // namespace

YamlReader::YamlReader(std::string path, std::string_view content, Origin origin) : path_(std::move(path)) {
  const std::string_view text = checked_text(path_, content);
  try {
    // First the event-only pass, so no tree is built from a hostile file; then the tree.
    // One extra HandleNextDocument call is enough to see a second document: LoadAll's loop,
    // which can spin forever on stray tokens, is never run.
    if (origin == Origin::file) {
      std::istringstream events{std::string(text)};
      YAML::Parser parser(events);
      StructureCheck check(path_, text);
      if (parser.HandleNextDocument(check)) parser.HandleNextDocument(check);
    }
    root_ = YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    // yaml-cpp looks an alias up before reporting it; an unknown one is still an alias.
    if (e.msg.starts_with(YAML::ErrorMsg::UNKNOWN_ANCHOR)) {
      throw Error(located(path_, e.mark.line + 1, e.mark.column + 1, alias_message(text, e.mark)));
    }
    if (const auto [line, column] = tab_in_indentation(text, e.mark.line + 1); line > 0) {
      throw Error(located(path_, line, column, "a tab indents this line; YAML needs spaces for indentation"));
    }
    throw Error(located(path_, e.mark.line + 1, e.mark.column + 1, explained(e.msg)));
  }
  if (const auto open = origin == Origin::file ? unclosed_quote(text) : std::nullopt) {
    const char quote = text[*open];
    fail_at(path_, text, *open,
            std::string("this quoted value is not closed: add the closing ") + quote + " on the same line");
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
  for (const auto& entry : node) expect_key(entry.first, what, allowed);
}

void YamlReader::expect_key(const YAML::Node& key, const std::string& what,
                            const std::vector<std::string>& allowed) const {
  if (!key.IsScalar()) fail(key, "keys of " + what + " must be plain names");
  const std::string name = key.Scalar();
  if (std::find(allowed.begin(), allowed.end(), name) != allowed.end()) return;
  const std::string suggestion = did_you_mean(name, allowed);
  std::string valid;
  for (const auto& option : allowed) valid += (valid.empty() ? "" : ", ") + option;
  fail(key, "unknown key '" + name + "' in " + what + suggestion + "; valid keys: " + valid);
}

std::string YamlReader::scalar(const YAML::Node& node, const std::string& what) const {
  if (!node.IsScalar()) fail(node, what + " must be a single value");
  return node.Scalar();
}

int YamlReader::integer(const YAML::Node& node, const std::string& what, int max) const {
  const std::string text = scalar(node, what);
  // Decimal digits only: YAML 1.1 would read 017 as octal, and 1e3, .inf, .nan, 0x1F and
  // 0o17 are numbers to some readers and surprises to the person who typed them.
  const bool digits = !text.empty() && text.size() <= 9 &&
                      std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
                      (text.size() == 1 || text.front() != '0');
  int value = 0;
  if (digits) std::from_chars(text.data(), text.data() + text.size(), value);
  if (!digits || value > max) {
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
