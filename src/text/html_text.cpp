#include "cio_gap/text/html_text.h"

#include <gumbo.h>

#include <algorithm>
#include <array>
#include <cstddef>

#include "cio_gap/text/html_parse.h"
#include "cio_gap/text/html_scan.h"

namespace cio_gap {
namespace {

char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string lowercase(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), ascii_lower);
  return out;
}

// --- gumbo helpers ---------------------------------------------------------------------

std::string_view attribute(const GumboNode* node, const char* name) {
  const GumboAttribute* found = gumbo_get_attribute(&node->v.element.attributes, name);
  return found == nullptr ? std::string_view() : std::string_view(found->value);
}

bool has_attribute(const GumboNode* node, const char* name) {
  return gumbo_get_attribute(&node->v.element.attributes, name) != nullptr;
}

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

bool has_class(const GumboNode* node, std::string_view wanted) {
  std::string_view classes = attribute(node, "class");
  while (!classes.empty()) {
    while (!classes.empty() && is_space(classes.front())) classes.remove_prefix(1);
    std::size_t end = 0;
    while (end < classes.size() && !is_space(classes[end])) ++end;
    if (classes.substr(0, end) == wanted) return true;
    classes.remove_prefix(end);
  }
  return false;
}

bool is_hidden(const GumboNode* node) {
  if (has_attribute(node, "hidden")) return true;
  if (lowercase(trimmed(attribute(node, "aria-hidden"))) == "true") return true;
  const std::string role = lowercase(trimmed(attribute(node, "role")));
  if (role == "navigation" || role == "banner" || role == "contentinfo") return true;
  std::string style;
  for (const char c : attribute(node, "style")) {
    if (!is_space(c)) style.push_back(ascii_lower(c));
  }
  if (style.find("display:none") != std::string::npos ||
      style.find("visibility:hidden") != std::string::npos) {
    return true;
  }
  // Text meant only for screen readers is not part of what the page shows.
  return has_class(node, "sr-only") || has_class(node, "screen-reader-text") ||
         has_class(node, "visually-hidden") || has_class(node, "visuallyhidden");
}

bool is_never_text(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_HEAD: case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_NAV: case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED:
    case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_CANVAS: case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_VIDEO: case GUMBO_TAG_DATALIST: case GUMBO_TAG_TITLE:
      return true;
    default:
      return false;
  }
}

// Elements after which a header or footer is part of content rather than page chrome (the
// HTML spec gives header/footer the banner/contentinfo role only outside these).
bool is_sectioning(GumboTag tag) {
  return tag == GUMBO_TAG_ARTICLE || tag == GUMBO_TAG_ASIDE || tag == GUMBO_TAG_MAIN ||
         tag == GUMBO_TAG_SECTION;
}

enum class Break { none, line, paragraph };

Break break_around(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
    case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_DL:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE: case GUMBO_TAG_HR:
    case GUMBO_TAG_FIGURE: case GUMBO_TAG_ADDRESS: case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_FIELDSET: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN:
    case GUMBO_TAG_ASIDE: case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER:
      return Break::paragraph;
    case GUMBO_TAG_DIV: case GUMBO_TAG_LI: case GUMBO_TAG_DT: case GUMBO_TAG_DD: case GUMBO_TAG_TR:
    case GUMBO_TAG_FORM: case GUMBO_TAG_CAPTION: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_LEGEND:
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_CENTER: case GUMBO_TAG_BODY: case GUMBO_TAG_HTML:
    case GUMBO_TAG_OPTION: case GUMBO_TAG_THEAD: case GUMBO_TAG_TBODY: case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_NOFRAMES: case GUMBO_TAG_MENU:
      return Break::line;
    default:
      return Break::none;
  }
}

bool is_heading(GumboTag tag) {
  return tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_H3 ||
         tag == GUMBO_TAG_H4 || tag == GUMBO_TAG_H5 || tag == GUMBO_TAG_H6;
}

// --- Text layout -----------------------------------------------------------------------

// Builds the text one word at a time; breaks, spaces, list markers and cell separators are
// held back until the next word so that empty elements leave no trace.
class TextLayout {
 public:
  void request_break(Break kind) {
    if (out_.empty() || kind == Break::none) return;
    int wanted = kind == Break::paragraph ? 2 : 1;
    // A heading sits directly above what it introduces, and a list stays tight even when
    // its items wrap their text in paragraphs (<li><p>...</p></li>, as Greenhouse writes).
    if (wanted == 2 && (heading_ended_ || list_items_ > 0)) wanted = 1;
    pending_breaks_ = std::max(pending_breaks_, wanted);
    pending_cell_ = false;
  }

  void line_break() {  // <br>: every one counts, so two make a blank line
    if (out_.empty()) return;
    pending_breaks_ = std::min(pending_breaks_ + 1, 2);
    pending_cell_ = false;
  }

  void start_list_item() {
    request_break(Break::line);
    prefix_ = "- ";
    ++list_items_;
  }
  void end_list_item() {
    prefix_.clear();
    --list_items_;
    request_break(Break::line);
  }

  void start_cell() {
    if (!out_.empty() && out_.back() != '\n' && pending_breaks_ == 0) pending_cell_ = true;
  }

  void end_heading() {
    request_break(Break::line);
    heading_ended_ = true;
  }

  void space() { pending_space_ = true; }

  // Appends a run of non-space text.
  void word(std::string_view text) {
    if (text.empty()) return;
    if (pending_breaks_ > 0 && !out_.empty()) {
      while (!out_.empty() && out_.back() == ' ') out_.pop_back();
      out_.append(static_cast<std::size_t>(pending_breaks_), '\n');
    } else if (pending_cell_) {
      out_ += " | ";
    } else if (pending_space_ && !out_.empty() && out_.back() != '\n') {
      out_ += ' ';
    }
    pending_breaks_ = 0;
    pending_space_ = false;
    pending_cell_ = false;
    heading_ended_ = false;
    if (!prefix_.empty() && (out_.empty() || out_.back() == '\n')) {
      out_ += prefix_;
      prefix_.clear();
    }
    out_ += text;
  }

  // Text of a <pre>: spaces kept, each newline a line break.
  void preformatted(std::string_view text) {
    std::size_t start = 0;
    while (start <= text.size()) {
      const std::size_t nl = text.find('\n', start);
      const std::string_view line =
          text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start);
      std::size_t lead = 0;
      while (lead < line.size() && line[lead] == ' ') ++lead;
      if (lead < line.size()) {
        word(line.substr(lead));
      }
      if (nl == std::string_view::npos) break;
      line_break();
      start = nl + 1;
    }
  }

  std::string finish() {
    while (!out_.empty() && (out_.back() == ' ' || out_.back() == '\n')) out_.pop_back();
    return std::move(out_);
  }

 private:
  std::string out_;
  int pending_breaks_ = 0;
  bool pending_space_ = false;
  bool pending_cell_ = false;
  bool heading_ended_ = false;
  int list_items_ = 0;  // open <li> elements
  std::string prefix_;
};

// Splits text at whitespace (ASCII and the no-break space, which &nbsp; decodes to).
template <typename OnWord, typename OnSpace>
void split_words(std::string_view text, OnWord on_word, OnSpace on_space) {
  std::size_t i = 0;
  std::size_t word_start = 0;
  auto flush = [&](std::size_t end) {
    if (end > word_start) on_word(text.substr(word_start, end - word_start));
  };
  while (i < text.size()) {
    std::size_t width = 0;
    if (is_space(text[i])) {
      width = 1;
    } else if (text[i] == '\xC2' && i + 1 < text.size() && text[i + 1] == '\xA0') {
      width = 2;
    }
    if (width > 0) {
      flush(i);
      on_space();
      i += width;
      word_start = i;
    } else {
      ++i;
    }
  }
  flush(text.size());
}

// Walks the tree without recursion (the input decides the depth) and lays out its text.
class TextWalker {
 public:
  void walk(const GumboNode* root) {
    struct Frame {
      const GumboNode* node;
      unsigned next_child;
    };
    std::vector<Frame> stack;
    if (!enter(root)) return;
    stack.push_back({root, 0});
    while (!stack.empty()) {
      Frame& frame = stack.back();
      const GumboVector& children = frame.node->v.element.children;
      if (frame.next_child >= children.length) {
        leave(frame.node);
        stack.pop_back();
        continue;
      }
      const auto* child = static_cast<const GumboNode*>(children.data[frame.next_child++]);
      if (child->type == GUMBO_NODE_ELEMENT) {
        if (enter(child)) stack.push_back({child, 0});
      } else if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_CDATA ||
                 child->type == GUMBO_NODE_WHITESPACE) {
        text(child->v.text.text);
      }
    }
  }

  std::string finish_text() { return layout_.finish(); }
  std::string heading() const { return std::string(trimmed(heading_)); }

 private:
  // Returns whether to descend into the element.
  bool enter(const GumboNode* node) {
    const GumboTag tag = node->v.element.tag;
    if (is_never_text(tag) || is_hidden(node)) return false;
    if ((tag == GUMBO_TAG_HEADER || tag == GUMBO_TAG_FOOTER) && sectioning_depth_ == 0) return false;
    if (is_sectioning(tag)) ++sectioning_depth_;
    if (tag == GUMBO_TAG_PRE) ++pre_depth_;
    if (tag == GUMBO_TAG_H1 && !heading_done_) in_heading_ = true;
    if (tag == GUMBO_TAG_BR) {
      layout_.line_break();
    } else if (tag == GUMBO_TAG_LI) {
      layout_.start_list_item();
    } else if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) {
      layout_.start_cell();
    } else {
      layout_.request_break(break_around(tag));
    }
    return true;
  }

  void leave(const GumboNode* node) {
    const GumboTag tag = node->v.element.tag;
    if (is_sectioning(tag)) --sectioning_depth_;
    if (tag == GUMBO_TAG_PRE) --pre_depth_;
    if (tag == GUMBO_TAG_H1 && in_heading_) {
      in_heading_ = false;
      heading_done_ = !trimmed(heading_).empty();
    }
    if (is_heading(tag)) {
      layout_.end_heading();
    } else if (tag == GUMBO_TAG_LI) {
      layout_.end_list_item();
    } else if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) {
      layout_.space();
    } else {
      layout_.request_break(break_around(tag));
    }
  }

  void text(std::string_view content) {
    if (in_heading_) {
      split_words(
          content,
          [&](std::string_view w) {
            if (heading_space_ && !heading_.empty()) heading_ += ' ';
            heading_space_ = false;
            heading_ += w;
          },
          [&] { heading_space_ = true; });
    }
    if (pre_depth_ > 0) {
      layout_.preformatted(content);
      return;
    }
    split_words(content, [&](std::string_view w) { layout_.word(w); }, [&] { layout_.space(); });
  }

  TextLayout layout_;
  int sectioning_depth_ = 0;
  int pre_depth_ = 0;
  bool in_heading_ = false;
  bool heading_done_ = false;
  bool heading_space_ = false;
  std::string heading_;
};

const GumboNode* find_body(const GumboNode* root) {
  if (root == nullptr || root->type != GUMBO_NODE_ELEMENT) return root;
  const GumboVector& children = root->v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    const auto* child = static_cast<const GumboNode*>(children.data[i]);
    if (child->type == GUMBO_NODE_ELEMENT && child->v.element.tag == GUMBO_TAG_BODY) return child;
  }
  return root;
}

// Visits every element below `root` (iteratively), calling `visit(node)`; descends only when
// `visit` returns true.
template <typename Visit>
void for_each_element(const GumboNode* root, Visit visit) {
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* node = stack.back();
    stack.pop_back();
    if (node->type != GUMBO_NODE_ELEMENT) continue;
    if (!visit(node)) continue;
    const GumboVector& children = node->v.element.children;
    for (unsigned i = children.length; i > 0; --i) {
      stack.push_back(static_cast<const GumboNode*>(children.data[i - 1]));
    }
  }
}

std::vector<std::string> json_ld_blocks(const GumboNode* root) {
  std::vector<std::string> blocks;
  for_each_element(root, [&](const GumboNode* node) {
    if (node->v.element.tag != GUMBO_TAG_SCRIPT) return true;
    const std::string type = lowercase(trimmed(attribute(node, "type")));
    if (type.rfind("application/ld+json", 0) != 0) return false;
    std::string content;
    const GumboVector& children = node->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
      const auto* child = static_cast<const GumboNode*>(children.data[i]);
      if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE ||
          child->type == GUMBO_NODE_CDATA) {
        content += child->v.text.text;
      }
    }
    blocks.push_back(std::move(content));
    return false;
  });
  return blocks;
}

// The one <main> (or role="main"), or else the one <article>, that holds the posting.
const GumboNode* content_root(const GumboNode* body) {
  std::vector<const GumboNode*> mains;
  std::vector<const GumboNode*> articles;
  for_each_element(body, [&](const GumboNode* node) {
    const GumboTag tag = node->v.element.tag;
    if (is_never_text(tag) || is_hidden(node)) return false;
    if (tag == GUMBO_TAG_MAIN || lowercase(trimmed(attribute(node, "role"))) == "main") {
      mains.push_back(node);
    } else if (tag == GUMBO_TAG_ARTICLE) {
      articles.push_back(node);
    }
    return true;
  });
  if (mains.size() == 1) return mains.front();
  if (mains.empty() && articles.size() == 1) return articles.front();
  return body;
}

}  // namespace

HtmlText html_to_text(std::string_view html) { return html_to_text(html, html_parse_budget(html.size())); }

HtmlText html_to_text(std::string_view html, std::size_t parse_budget) {
  HtmlText result;
  result.refusal = html_limit_exceeded(html);
  if (!result.refusal.empty()) return result;
  const HtmlParse parse(html, parse_budget);
  if (parse.output() == nullptr) {
    result.refusal = "needs more than " + std::to_string((parse.limit() + (1 << 20) - 1) >> 20) + " MiB of memory to parse";
    return result;
  }
  const GumboNode* body = find_body(parse.output()->root);
  result.json_ld = json_ld_blocks(parse.output()->root);

  TextWalker whole;
  whole.walk(body);
  result.heading = whole.heading();
  result.text = whole.finish_text();

  const GumboNode* root = content_root(body);
  if (root != body) {
    TextWalker part;
    part.walk(root);
    std::string text = part.finish_text();
    // Trust the element only when it holds most of the page; a lone <article> can be a
    // teaser box while the posting sits elsewhere.
    if (text.size() * 4 >= result.text.size()) {
      result.heading = part.heading().empty() ? result.heading : part.heading();
      result.text = std::move(text);
    }
  }
  return result;
}

bool looks_like_html(std::string_view text) {
  static constexpr std::array<std::string_view, 22> kMarkers = {
      "<p>",   "<p ",    "</p>",   "<br>",   "<br/>",  "<br />", "<li>",    "<li ",
      "</li>", "<ul>",   "<ol>",   "<div",   "</div>", "<h1",    "<h2",     "<h3",
      "<h4",   "<span",  "<strong>", "<b>",   "<table", "<em>"};
  const std::string lower = lowercase(text);
  return std::any_of(kMarkers.begin(), kMarkers.end(),
                     [&](std::string_view marker) { return lower.find(marker) != std::string::npos; });
}

std::string decode_html_entities(std::string_view text) {
  if (text.find('&') == std::string_view::npos) return std::string(text);
  // Escape every '<' first so gumbo sees one text node and only decodes references.
  std::string escaped;
  escaped.reserve(text.size() + 16);
  for (const char c : text) {
    if (c == '<') {
      escaped += "&lt;";
    } else {
      escaped.push_back(c);
    }
  }
  const HtmlParse parse(escaped, html_parse_budget(escaped.size()), GUMBO_TAG_PRE);
  if (parse.output() == nullptr) return std::string(text);
  std::string out;
  out.reserve(text.size());
  for_each_element(parse.output()->root, [&](const GumboNode* node) {
    const GumboVector& children = node->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
      const auto* child = static_cast<const GumboNode*>(children.data[i]);
      if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_WHITESPACE) {
        out += child->v.text.text;
      }
    }
    return true;
  });
  return out;
}

}  // namespace cio_gap
