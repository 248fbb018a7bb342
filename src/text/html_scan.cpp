#include "cio_gap/text/html_scan.h"

#include <algorithm>
#include <array>
#include <vector>

namespace cio_gap {
namespace {

char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

bool starts_with_nocase(std::string_view text, std::size_t at, std::string_view prefix) {
  if (at > text.size() || text.size() - at < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (ascii_lower(text[at + i]) != prefix[i]) return false;
  }
  return true;
}

template <std::size_t N>
bool is_one_of(std::string_view name, const std::array<std::string_view, N>& names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// Elements that never hold others, and the options of a select (unclosed ones, common in old
// pages, do not deepen the tree).
bool never_nests(std::string_view name) {
  static constexpr std::array<std::string_view, 19> kNames = {
      "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
      "param", "source", "track", "wbr", "option", "optgroup", "colgroup", "keygen", "basefont"};
  return is_one_of(name, kNames);
}

// The formatting elements gumbo keeps in its list of active formatting elements.
bool is_formatting(std::string_view name) {
  static constexpr std::array<std::string_view, 14> kNames = {"a",     "b",      "big", "code", "em", "font", "i",
                                                              "nobr",  "s",      "small", "strike", "strong", "tt", "u"};
  return is_one_of(name, kNames);
}

// Start tags that close an open <p> (HTML5 "in body": the block-level group).
bool closes_p(std::string_view name) {
  static constexpr std::array<std::string_view, 36> kNames = {
      "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div",
      "dl",      "fieldset", "figcaption", "figure", "footer", "header", "hgroup", "main", "menu",
      "nav",     "ol",      "p",          "section", "summary", "ul", "h1", "h2", "h3",
      "h4",      "h5",      "h6",         "pre",    "listing", "form", "plaintext", "hr", "xmp"};
  return is_one_of(name, kNames);
}

// Elements that end the button scope in which <p> is looked for.
bool ends_button_scope(std::string_view name) {
  static constexpr std::array<std::string_view, 11> kNames = {
      "applet", "caption", "html", "table", "td", "th", "marquee", "object", "template", "button", "svg"};
  return is_one_of(name, kNames) || name == "math";
}

// HTML elements that, inside SVG or MathML, close the foreign element and go on as HTML.
bool breaks_out_of_foreign(std::string_view name) {
  static constexpr std::array<std::string_view, 44> kNames = {
      "b",  "big",  "blockquote", "body", "br",   "center", "code",  "dd",     "div",  "dl",  "dt",
      "em", "embed", "h1",        "h2",   "h3",   "h4",     "h5",    "h6",     "head", "hr",  "i",
      "img", "li",  "listing",    "menu", "meta", "nobr",   "ol",    "p",      "pre",  "ruby", "s",
      "small", "span", "strong",  "strike", "sub", "sup",   "table", "tt",     "u",    "ul",  "var"};
  return is_one_of(name, kNames);
}

// The elements HTML5 calls special: an <li> or <dd> does not close an item across them.
bool is_special(std::string_view name) {
  static constexpr std::array<std::string_view, 81> kNames = {
      "address", "applet", "area", "article", "aside", "base", "basefont", "bgsound", "blockquote", "body",
      "br", "button", "caption", "center", "col", "colgroup", "dd", "details", "dir", "div", "dl", "dt",
      "embed", "fieldset", "figcaption", "figure", "footer", "form", "frame", "frameset", "h1", "h2", "h3",
      "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html", "iframe", "img", "input", "isindex", "li",
      "link", "listing", "main", "marquee", "menu", "meta", "nav", "noembed", "noframes", "noscript",
      "object", "ol", "p", "param", "plaintext", "pre", "script", "section", "select", "source", "style",
      "summary", "table", "tbody", "td", "template", "textarea", "tfoot", "th", "thead", "title", "tr",
      "track", "ul", "wbr"};
  return is_one_of(name, kNames) || name == "xmp" || name == "svg" || name == "math";
}

// Elements inside SVG or MathML whose content is HTML again.
bool is_integration_point(std::string_view name) {
  static constexpr std::array<std::string_view, 8> kNames = {"foreignobject", "desc", "mi", "mo",
                                                             "mn", "ms", "mtext", "annotation-xml"};
  return is_one_of(name, kNames);
}

// Elements whose content is text up to their end tag. Read that way even inside SVG, where
// it is markup: the text then ends no later than gumbo's, so nothing is hidden from the count.
// (<plaintext> makes the rest of the page text, but not inside SVG; it is read as markup.)
enum class TextKind { none, rawtext, script };

TextKind text_kind(std::string_view name) {
  if (name == "script") return TextKind::script;
  if (name == "style" || name == "textarea" || name == "title" || name == "xmp" || name == "iframe" ||
      name == "noembed" || name == "noframes") {
    return TextKind::rawtext;
  }
  return TextKind::none;
}

struct Tag {
  std::string name;  // lower case
  bool closing = false;
  bool self_closing = false;
  int attributes = 0;
  std::size_t end = 0;  // just past the '>' (or the input's end)
};

// Reads the tag whose name starts at `at` (after "<" or "</"), following the HTML5 tag, attribute
// name and attribute value states: a quote opens a value only right after '='.
Tag read_tag(std::string_view html, std::size_t at, bool closing) {
  Tag tag;
  tag.closing = closing;
  const std::size_t n = html.size();
  std::size_t i = at;
  while (i < n && !is_space(html[i]) && html[i] != '/' && html[i] != '>') tag.name.push_back(ascii_lower(html[i++]));
  while (i < n) {
    const char c = html[i];
    if (is_space(c)) {
      ++i;
    } else if (c == '>') {
      tag.end = i + 1;
      return tag;
    } else if (c == '/') {
      ++i;
      if (i < n && html[i] == '>') {
        tag.self_closing = true;
        tag.end = i + 1;
        return tag;
      }
    } else {
      // An attribute name: up to a space, '/', '>' or '=' (a leading '=' belongs to it).
      ++tag.attributes;
      ++i;
      while (i < n && !is_space(html[i]) && html[i] != '/' && html[i] != '>' && html[i] != '=') ++i;
      while (i < n && is_space(html[i])) ++i;
      if (i >= n || html[i] != '=') continue;
      ++i;
      while (i < n && is_space(html[i])) ++i;
      if (i >= n) break;
      if (html[i] == '"' || html[i] == '\'') {
        const std::size_t close = html.find(html[i], i + 1);
        i = close == std::string_view::npos ? n : close + 1;
      } else {
        while (i < n && !is_space(html[i]) && html[i] != '>') ++i;
      }
    }
  }
  tag.end = n;  // a tag cut off by the end of input is dropped; counted all the same
  return tag;
}

// Where a comment that starts at `at` (just after "<!--") ends: "<!-->" and "<!--->" end at
// once, otherwise the first "--" (more dashes allowed) followed by ">" or "!>".
std::size_t comment_end(std::string_view html, std::size_t at) {
  if (html.compare(at, 1, ">") == 0) return at + 1;
  if (html.compare(at, 2, "->") == 0) return at + 2;
  std::size_t from = at;
  while (true) {
    const std::size_t dashes = html.find("--", from);
    if (dashes == std::string_view::npos) return html.size();
    std::size_t i = dashes + 2;
    while (i < html.size() && html[i] == '-') ++i;
    if (html.compare(i, 1, ">") == 0) return i + 1;
    if (html.compare(i, 2, "!>") == 0) return i + 2;
    from = i;
  }
}

bool is_end_tag_of(std::string_view html, std::size_t at, std::string_view name) {
  // "</name" followed by a space, '/' or '>'
  if (!starts_with_nocase(html, at, "</") || !starts_with_nocase(html, at + 2, name)) return false;
  const std::size_t after = at + 2 + name.size();
  return after < html.size() && (is_space(html[after]) || html[after] == '/' || html[after] == '>');
}

// Where the raw text of a rawtext or RCDATA element ends: at its end tag.
std::size_t rawtext_end(std::string_view html, std::size_t at, std::string_view name) {
  for (std::size_t i = html.find("</", at); i != std::string_view::npos; i = html.find("</", i + 2)) {
    if (is_end_tag_of(html, i, name)) return i;
  }
  return html.size();
}

// Where a script's text ends, following the script data, escaped ("<!--") and double-escaped
// ("<!--<script>") states: in the double-escaped state "</script>" does not end it.
std::size_t script_end(std::string_view html, std::size_t at) {
  enum { data, escaped, double_escaped } state = data;
  for (std::size_t i = html.find_first_of("<-", at); i != std::string_view::npos; i = html.find_first_of("<-", i)) {
    if (html.compare(i, 3, "-->") == 0 && state != data) {
      state = data;
      i += 3;
    } else if (state == data && html.compare(i, 4, "<!--") == 0) {
      state = escaped;
      i += 4;
    } else if (state != double_escaped && is_end_tag_of(html, i, "script")) {
      return i;
    } else if (state == escaped && html.compare(i, 1, "<") == 0 && starts_with_nocase(html, i + 1, "script") &&
               i + 7 < html.size() && (is_space(html[i + 7]) || html[i + 7] == '/' || html[i + 7] == '>')) {
      state = double_escaped;
      i += 7;
    } else if (state == double_escaped && is_end_tag_of(html, i, "script")) {
      state = escaped;
      i += 8;
    } else {
      ++i;
    }
  }
  return html.size();
}

// The open elements as the tree builder would hold them, roughly, and the formatting elements
// it would reopen.
class TreeEstimate {
 public:
  std::string start(const Tag& tag) {
    if (++elements_ > kMaxHtmlElements) return "has more than " + std::to_string(kMaxHtmlElements) + " elements";
    const std::string& name = tag.name;
    if (foreign() && breaks_out_of_foreign(name)) close_foreign();
    // A new <a> (or <nobr>) closes the one still open.
    if (name == "a" || name == "nobr") end(tag);
    if (closes_p(name) || name == "li" || name == "dd" || name == "dt") close_p();
    if (name == "li") close_item({"li"});
    if (name == "dd" || name == "dt") close_item({"dd", "dt"});
    // An unclosed cell, row or row group closes when the next one starts in the same table.
    if (name == "td" || name == "th") close_in_table({"td", "th"});
    if (name == "tr") close_in_table({"tr"});
    if (name == "tbody" || name == "thead" || name == "tfoot") close_in_table({"tbody", "thead", "tfoot"});
    if (!closes_p(name) && name != "li" && name != "dd" && name != "dt") {
      if (std::string refusal = reopen(); !refusal.empty()) return refusal;
    }
    const bool closed_at_once = never_nests(name) || (tag.self_closing && foreign());
    if (closed_at_once) return {};
    open_.push_back(name);
    if (static_cast<int>(open_.size()) > kMaxHtmlDepth) {
      return "nested more than " + std::to_string(kMaxHtmlDepth) + " levels deep";
    }
    return {};
  }

  // An end tag closes back to its start tag; stray ones change nothing, except that a
  // formatting element closed earlier is no longer reopened.
  void end(const Tag& tag) {
    const auto found = std::find(open_.rbegin(), open_.rend(), tag.name);
    if (found == open_.rend()) {
      const auto off = std::find(closed_formatting_.rbegin(), closed_formatting_.rend(), tag.name);
      if (off != closed_formatting_.rend()) closed_formatting_.erase(std::next(off).base());
      return;
    }
    pop_to(static_cast<std::size_t>(open_.rend() - found) - 1, !is_formatting(tag.name));
  }

  std::string text() { return reopen(); }

  bool foreign() const {
    for (auto it = open_.rbegin(); it != open_.rend(); ++it) {
      if (*it == "svg" || *it == "math") return true;
      if (is_integration_point(*it)) return false;
    }
    return false;
  }

 private:
  // Removes the open elements from `index` up; formatting elements among them stay in the
  // active list (unless `keep_formatting` is false for the element at `index` itself).
  void pop_to(std::size_t index, bool keep_formatting) {
    for (std::size_t i = index; i < open_.size(); ++i) {
      if (is_formatting(open_[i]) && (keep_formatting || i != index)) closed_formatting_.push_back(open_[i]);
    }
    open_.resize(index);
  }

  void close_p() {
    for (std::size_t i = open_.size(); i > 0; --i) {
      if (open_[i - 1] == "p") return pop_to(i - 1, true);
      if (ends_button_scope(open_[i - 1])) return;
    }
  }

  void close_item(std::initializer_list<std::string_view> names) {
    for (std::size_t i = open_.size(); i > 0; --i) {
      const std::string& name = open_[i - 1];
      if (std::find(names.begin(), names.end(), name) != names.end()) return pop_to(i - 1, true);
      if (is_special(name) && name != "address" && name != "div" && name != "p") return;
    }
  }

  void close_in_table(std::initializer_list<std::string_view> names) {
    for (std::size_t i = open_.size(); i > 0; --i) {
      const std::string& name = open_[i - 1];
      if (std::find(names.begin(), names.end(), name) != names.end()) return pop_to(i - 1, true);
      if (name == "table") return;
    }
  }

  // Text and most start tags reopen every formatting element closed by something else.
  std::string reopen() {
    if (closed_formatting_.empty()) return {};
    reopened_ += static_cast<long>(closed_formatting_.size());
    if (reopened_ > kMaxHtmlReopened) {
      return "reopens more than " + std::to_string(kMaxHtmlReopened) +
             " formatting elements (<b>, <i>, <font>, ... left open across paragraphs)";
    }
    for (std::string& name : closed_formatting_) open_.push_back(std::move(name));
    closed_formatting_.clear();
    if (static_cast<int>(open_.size()) > kMaxHtmlDepth) {
      return "nested more than " + std::to_string(kMaxHtmlDepth) + " levels deep";
    }
    return {};
  }

  void close_foreign() {
    for (std::size_t i = open_.size(); i > 0; --i) {
      if (open_[i - 1] == "svg" || open_[i - 1] == "math") return pop_to(i - 1, true);
    }
  }

  std::vector<std::string> open_;
  std::vector<std::string> closed_formatting_;  // in the active list, no longer open
  int elements_ = 0;
  long reopened_ = 0;
};

}  // namespace

std::string html_limit_exceeded(std::string_view html) {
  TreeEstimate tree;
  int tags = 0;
  const std::size_t n = html.size();
  std::size_t i = 0;
  while (i < n) {
    const std::size_t lt = html.find('<', i);
    if (lt != i) {
      if (std::string refusal = tree.text(); !refusal.empty()) return refusal;
    }
    if (lt == std::string_view::npos || lt + 1 >= n) break;
    const char next = html[lt + 1];
    if (next == '!') {
      if (html.compare(lt + 2, 2, "--") == 0) {
        i = comment_end(html, lt + 4);
      } else if (html.compare(lt + 2, 7, "[CDATA[") == 0 && tree.foreign()) {
        const std::size_t end = html.find("]]>", lt + 9);
        i = end == std::string_view::npos ? n : end + 3;
      } else {  // DOCTYPE and bogus comments end at the first '>'
        const std::size_t end = html.find('>', lt + 2);
        i = end == std::string_view::npos ? n : end + 1;
      }
      continue;
    }
    if (next == '?' || (next == '/' && lt + 2 < n && !is_ascii_alpha(html[lt + 2]) && html[lt + 2] != '>')) {
      const std::size_t end = html.find('>', lt + 2);
      i = end == std::string_view::npos ? n : end + 1;
      continue;
    }
    const bool closing = next == '/';
    const std::size_t name_at = closing ? lt + 2 : lt + 1;
    if (name_at >= n || !is_ascii_alpha(html[name_at])) {
      i = closing ? name_at + 1 : lt + 1;  // "</>" is dropped; a lone '<' is text
      continue;
    }
    const Tag tag = read_tag(html, name_at, closing);
    i = tag.end;
    if (tag.attributes > kMaxHtmlAttributes) {
      return "has an element with more than " + std::to_string(kMaxHtmlAttributes) + " attributes";
    }
    if (closing) {
      if (++tags > kMaxHtmlTags) return "has more than " + std::to_string(kMaxHtmlTags) + " tags";
      tree.end(tag);
      continue;
    }
    if (std::string refusal = tree.start(tag); !refusal.empty()) return refusal;
    if (++tags > kMaxHtmlTags) return "has more than " + std::to_string(kMaxHtmlTags) + " tags";
    switch (text_kind(tag.name)) {
      case TextKind::none:
        break;
      case TextKind::rawtext:
        i = rawtext_end(html, i, tag.name);
        break;
      case TextKind::script:
        i = script_end(html, i);
        break;
    }
  }
  return {};
}

}  // namespace cio_gap
