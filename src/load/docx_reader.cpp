#include "cio_gap/load/docx_reader.h"

#include <pugixml.hpp>

#include <algorithm>
#include <cstring>
#include <map>

#include "cio_gap/load/posting_builder.h"
#include "cio_gap/load/zip_archive.h"

namespace cio_gap {
namespace {

// Elements are matched by local name: "w:p" and "p" under any prefix bound to the namespace.
std::string_view local_name(const pugi::xml_node& node) {
  std::string_view name = node.name();
  const std::size_t colon = name.find(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

std::string_view attribute(const pugi::xml_node& node, std::string_view local) {
  for (const pugi::xml_attribute& a : node.attributes()) {
    std::string_view name = a.name();
    const std::size_t colon = name.find(':');
    if (colon != std::string_view::npos) name.remove_prefix(colon + 1);
    if (name == local) return a.value();
  }
  return {};
}

pugi::xml_node child(const pugi::xml_node& node, std::string_view local) {
  for (const pugi::xml_node& c : node.children()) {
    if (local_name(c) == local) return c;
  }
  return {};
}

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  });
  return out;
}

// Heading level of a style: 1-9, 0 for none, -1 for the document title.
int level_of_style_name(std::string_view name) {
  const std::string folded = lower(name);
  if (folded == "title") return -1;
  std::string_view rest = folded;
  if (!rest.starts_with("heading")) return 0;
  rest.remove_prefix(7);
  if (rest.starts_with(" ") || rest.starts_with("_")) rest.remove_prefix(1);
  if (rest.size() == 1 && rest[0] >= '1' && rest[0] <= '9') return rest[0] - '0';
  return 0;
}

int level_of_outline(std::string_view value) {
  if (value.size() == 1 && value[0] >= '0' && value[0] <= '8') return value[0] - '0' + 1;
  return 0;
}

// Builds the headed text line by line, spacing blocks as the HTML reader does.
class HeadedText {
 public:
  enum class Kind { heading, paragraph, item, cell };

  void add(Kind kind, std::string_view raw, int level) {
    const std::string text = clean(raw, kind == Kind::heading);
    if (text.empty()) return;
    if (!text_.empty()) {
      const bool tight = kind != Kind::heading &&
                         (last_ == Kind::heading || (kind != Kind::paragraph && kind == last_));
      text_ += tight ? "\n" : "\n\n";
    }
    if (kind == Kind::item) text_ += "- ";
    text_ += text;
    last_ = kind;
    if (level == -1 && title_.empty()) title_ = text;
    if (level == 1 && first_heading_.empty()) first_heading_ = text;
  }

  const std::string& text() const { return text_; }
  std::string title() const { return title_.empty() ? first_heading_ : title_; }

 private:
  // Whitespace runs collapse to one space within each line; a heading is one line.
  static std::string clean(std::string_view raw, bool one_line) {
    std::string out;
    bool space = false;
    for (const char c : raw) {
      if (c == '\n' && !one_line) {
        while (!out.empty() && out.back() == ' ') out.pop_back();
        if (!out.empty() && out.back() != '\n') out += '\n';
        space = false;
      } else if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
        space = true;
      } else {
        if (space && !out.empty() && out.back() != '\n') out += ' ';
        space = false;
        out += c;
      }
    }
    while (!out.empty() && (out.back() == ' ' || out.back() == '\n')) out.pop_back();
    return out;
  }

  std::string text_;
  std::string title_;
  std::string first_heading_;
  Kind last_ = Kind::paragraph;
};

// The walk over one document's XML; recursion stops at kMaxOfficeXmlDepth.
class OfficeWalk {
 public:
  explicit OfficeWalk(std::map<std::string, int> style_levels) : style_levels_(std::move(style_levels)) {}

  bool too_deep() const { return too_deep_; }
  HeadedText& out() { return out_; }

  // DOCX: w:body's paragraphs and tables, inside content controls and custom XML too.
  void docx_blocks(const pugi::xml_node& node, int depth, bool in_cell) {
    if (!deep_enough(depth)) return;
    for (const pugi::xml_node& c : node.children()) {
      const std::string_view name = local_name(c);
      if (name == "p") {
        docx_paragraph(c, depth + 1, in_cell);
      } else if (name == "tbl") {
        docx_blocks(c, depth + 1, true);
      } else if (name != "sectPr" && name != "tblPr" && name != "tblGrid" && name != "del") {
        docx_blocks(c, depth + 1, in_cell);
      }
    }
  }

  // ODT: office:text's headings, paragraphs, lists and tables.
  void odt_blocks(const pugi::xml_node& node, int depth, HeadedText::Kind kind) {
    if (!deep_enough(depth)) return;
    for (const pugi::xml_node& c : node.children()) {
      const std::string_view name = local_name(c);
      if (name == "h") {
        std::string text;
        odt_inline(c, depth + 1, text);
        int level = 1;
        const std::string_view value = attribute(c, "outline-level");
        if (value.size() == 1 && value[0] >= '1' && value[0] <= '9') level = value[0] - '0';
        out_.add(kind == HeadedText::Kind::paragraph ? HeadedText::Kind::heading : kind, text, level);
      } else if (name == "p") {
        std::string text;
        odt_inline(c, depth + 1, text);
        const int level = lower(attribute(c, "style-name")) == "title" ? -1 : 0;
        out_.add(kind, text, level);
      } else if (name == "list") {
        odt_blocks(c, depth + 1, HeadedText::Kind::item);
      } else if (name == "table") {
        odt_blocks(c, depth + 1, HeadedText::Kind::cell);
      } else if (name != "sequence-decls" && name != "tracked-changes" && name != "annotation" &&
                 name != "table-columns" && name != "table-column" && name != "forms") {
        odt_blocks(c, depth + 1, kind);
      }
    }
  }

 private:
  bool deep_enough(int depth) {
    if (depth <= kMaxOfficeXmlDepth) return true;
    too_deep_ = true;
    return false;
  }

  void docx_paragraph(const pugi::xml_node& p, int depth, bool in_cell) {
    const pugi::xml_node properties = child(p, "pPr");
    int level = 0;
    const std::string style(attribute(child(properties, "pStyle"), "val"));
    if (!style.empty()) {
      const auto found = style_levels_.find(style);
      level = found != style_levels_.end() ? found->second : level_of_style_name(style);
    }
    const pugi::xml_node outline = child(properties, "outlineLvl");
    if (outline) level = level_of_outline(attribute(outline, "val"));
    const pugi::xml_node numbering = child(properties, "numPr");
    const bool item = numbering && attribute(child(numbering, "numId"), "val") != "0";
    std::string text;
    docx_inline(p, depth, text);
    HeadedText::Kind kind = HeadedText::Kind::paragraph;
    if (in_cell) kind = HeadedText::Kind::cell;
    else if (level > 0 || level == -1) kind = HeadedText::Kind::heading;
    else if (item) kind = HeadedText::Kind::item;
    out_.add(kind, text, level);
  }

  void docx_inline(const pugi::xml_node& node, int depth, std::string& text) {
    if (!deep_enough(depth)) return;
    for (const pugi::xml_node& c : node.children()) {
      const std::string_view name = local_name(c);
      if (name == "t") {
        text += c.child_value();
      } else if (name == "tab") {
        text += ' ';
      } else if (name == "br" || name == "cr") {
        text += '\n';
      } else if (name == "noBreakHyphen") {
        text += '-';
      } else if (name != "pPr" && name != "rPr" && name != "del" && name != "delText" && name != "instrText" &&
                 name != "fldChar" && name != "commentReference" && name != "footnoteReference") {
        docx_inline(c, depth + 1, text);
      }
    }
  }

  void odt_inline(const pugi::xml_node& node, int depth, std::string& text) {
    if (!deep_enough(depth)) return;
    for (const pugi::xml_node& c : node.children()) {
      if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
        text += c.value();
        continue;
      }
      const std::string_view name = local_name(c);
      if (name == "s") {
        text += ' ';  // several spaces collapse to one anyway
      } else if (name == "tab") {
        text += ' ';
      } else if (name == "line-break") {
        text += '\n';
      } else if (name != "note" && name != "annotation" && name != "annotation-end") {
        odt_inline(c, depth + 1, text);
      }
    }
  }

  std::map<std::string, int> style_levels_;
  HeadedText out_;
  bool too_deep_ = false;
};

// Line and column of a byte offset, for an XML error.
std::string position(std::string_view text, std::ptrdiff_t offset) {
  const auto end = static_cast<std::size_t>(std::clamp<std::ptrdiff_t>(offset, 0, static_cast<std::ptrdiff_t>(text.size())));
  int line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < end; ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  return std::to_string(line) + ":" + std::to_string(end - line_start + 1);
}

bool parse_xml(pugi::xml_document& document, const std::string& data, const std::string& entry, std::string& problem) {
  const pugi::xml_parse_result parsed =
      document.load_buffer(data.data(), data.size(), pugi::parse_default | pugi::parse_ws_pcdata, pugi::encoding_utf8);
  if (parsed) return true;
  problem = entry + ":" + position(data, parsed.offset) + ": invalid XML: " + parsed.description();
  return false;
}

// Heading levels of word/styles.xml's paragraph styles, by style id (-1 for Title).
std::map<std::string, int> docx_style_levels(const pugi::xml_document& styles) {
  std::map<std::string, int> levels;
  for (const pugi::xml_node& style : child(styles, "styles").children()) {
    if (local_name(style) != "style") continue;
    const std::string id(attribute(style, "styleId"));
    int level = level_of_style_name(attribute(child(style, "name"), "val"));
    const pugi::xml_node outline = child(child(style, "pPr"), "outlineLvl");
    if (outline && level == 0) level = level_of_outline(attribute(outline, "val"));
    if (level == 0) level = level_of_style_name(id);
    if (!id.empty() && level != 0) levels[id] = level;
  }
  return levels;
}

}  // namespace

namespace {

// The posting from a document's parsed XML and the heading levels of its styles.
std::optional<PostingText> posting_from_xml(const std::string& source, const std::string& xml,
                                            const std::string& entry, OfficeFormat format,
                                            std::map<std::string, int> style_levels, Diagnostics& diagnostics) {
  auto skipped = [&](const std::string& why) {
    diagnostics.warn(source + ": skipped: " + why);
    return std::nullopt;
  };
  pugi::xml_document document;
  std::string problem;
  if (!parse_xml(document, xml, entry, problem)) return skipped(problem);
  OfficeWalk walk(std::move(style_levels));
  if (format == OfficeFormat::docx) {
    walk.docx_blocks(child(child(document, "document"), "body"), 0, false);
  } else {
    walk.odt_blocks(child(child(child(document, "document-content"), "body"), "text"), 0,
                    HeadedText::Kind::paragraph);
  }
  if (walk.too_deep()) {
    return skipped(entry + ": XML nested more than " + std::to_string(kMaxOfficeXmlDepth) + " levels deep");
  }
  if (walk.out().text().empty()) return skipped("no text");
  PostingText posting;
  posting.source = source;
  posting.title = clean_title(walk.out().title());
  if (posting.title.empty()) posting.title = title_from_text(walk.out().text());
  posting.text = walk.out().text();
  return posting;
}

std::string entry_of(OfficeFormat format) { return format == OfficeFormat::docx ? "word/document.xml" : "content.xml"; }

}  // namespace

std::optional<PostingText> read_office_posting(const std::string& source, std::string_view bytes,
                                               OfficeFormat format, Diagnostics& diagnostics) {
  const std::string kind = format == OfficeFormat::docx ? "a DOCX" : "an ODT";
  auto skipped = [&](const std::string& why) {
    diagnostics.warn(source + ": skipped: " + why);
    return std::nullopt;
  };
  // Word 97-2003 and old StarOffice files are OLE compound files: renamed, they are common.
  if (bytes.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) {
    return skipped("not " + kind + " file: an older binary document (save it as " +
                   (format == OfficeFormat::docx ? ".docx" : ".odt") + ")");
  }
  const ZipArchive archive(bytes);
  if (!archive.ok()) return skipped("not " + kind + " file: " + archive.error());
  const std::string entry = entry_of(format);
  if (!archive.has(entry)) return skipped("not " + kind + " file: " + entry + " is missing");
  std::string problem;
  const std::optional<std::string> data = archive.read(entry, problem);
  if (!data) return skipped(problem);

  std::map<std::string, int> style_levels;
  if (format == OfficeFormat::docx && archive.has("word/styles.xml")) {
    // Styles only refine headings: a damaged styles.xml leaves the text readable.
    const std::optional<std::string> styles_data = archive.read("word/styles.xml", problem);
    pugi::xml_document styles;
    if (styles_data && parse_xml(styles, *styles_data, "word/styles.xml", problem)) {
      style_levels = docx_style_levels(styles);
    }
  }
  return posting_from_xml(source, *data, entry, format, std::move(style_levels), diagnostics);
}

std::optional<PostingText> read_office_xml(const std::string& source, std::string_view xml, OfficeFormat format,
                                           Diagnostics& diagnostics) {
  return posting_from_xml(source, std::string(xml), entry_of(format), format, {}, diagnostics);
}

}  // namespace cio_gap
