#include "cio_gap/text/page_layout.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <set>
#include <string_view>

namespace cio_gap {
namespace {

double height(const WordBox& word) { return std::max(word.y1 - word.y0, 0.1); }
double center(const WordBox& word) { return (word.y0 + word.y1) / 2; }

double median(std::vector<double> values) {
  if (values.empty()) return 0;
  std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(values.size() / 2), values.end());
  return values[values.size() / 2];
}

// Words whose vertical centres fall within one another's boxes form a line; sorted top down
// by centre, a word starts a new line once its centre is below the current line's bottom.
std::vector<std::vector<WordBox>> group_lines(std::vector<WordBox> words) {
  std::stable_sort(words.begin(), words.end(),
                   [](const WordBox& a, const WordBox& b) { return center(a) < center(b); });
  std::vector<std::vector<WordBox>> lines;
  double bottom = 0;
  for (WordBox& word : words) {
    if (lines.empty() || center(word) > bottom) {
      lines.emplace_back();
      bottom = word.y1;
    } else {
      bottom = std::max(bottom, word.y1);
    }
    lines.back().push_back(std::move(word));
  }
  for (auto& line : lines) {
    std::stable_sort(line.begin(), line.end(), [](const WordBox& a, const WordBox& b) { return a.x0 < b.x0; });
  }
  return lines;
}

LaidOutLine make_line(const std::vector<WordBox>& words) {
  LaidOutLine line;
  std::vector<double> heights;
  for (const WordBox& word : words) heights.push_back(height(word));
  const double size = median(heights);
  line.y0 = words.front().y0;
  line.y1 = words.front().y1;
  line.first_word_width = words.front().x1 - words.front().x0;
  line.space_width = 0.25 * size;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const WordBox& word = words[i];
    // Boxes that touch are one word split by a change of font; a gap is a space.
    if (i > 0 && word.x0 - words[i - 1].x1 > 0.1 * size) line.text += ' ';
    line.text += word.text;
    line.x1 = std::max(line.x1, word.x1);
    line.y0 = std::min(line.y0, word.y0);
    line.y1 = std::max(line.y1, word.y1);
  }
  return line;
}

// The lines of one column, top down, with the column's right edge and paragraph breaks.
void add_column(const std::vector<WordBox>& words, std::vector<LaidOutLine>& out) {
  if (words.empty()) return;
  const std::size_t first = out.size();
  double right = 0;
  for (const auto& group : group_lines(words)) {
    out.push_back(make_line(group));
    right = std::max(right, out.back().x1);
  }
  for (std::size_t i = first; i < out.size(); ++i) {
    out[i].column_right = right;
    if (i > first) {
      const double gap = out[i].y0 - out[i - 1].y1;
      const double size = std::max(out[i].y1 - out[i].y0, out[i - 1].y1 - out[i - 1].y0);
      out[i].paragraph_break = gap > 0.6 * size;
    }
  }
}

// The x of a vertical gutter splitting the page into two columns, or a negative number. A
// gutter is the widest band in the middle half of the text that no word crosses except on a
// few lines (headings over both columns), at least one and a half lines' height wide, with
// four lines or more on each side, the two sides side by side for at least half the height
// of the shorter one.
double find_gutter(const std::vector<WordBox>& words) {
  // Past these a page is not a posting's; reading it in one column keeps the work bounded.
  constexpr std::size_t kMaxWords = 20000;
  constexpr double kMaxWidth = 5000;  // points; A0 paper is 2384 wide
  if (words.size() < 8 || words.size() > kMaxWords) return -1;
  double left = words.front().x0;
  double right = words.front().x1;
  std::vector<double> heights;
  for (const WordBox& word : words) {
    left = std::min(left, word.x0);
    right = std::max(right, word.x1);
    heights.push_back(height(word));
  }
  const double size = median(heights);
  const double width = right - left;
  if (width < 20 * size || width > kMaxWidth) return -1;
  const auto lines = group_lines(words);
  // Coverage of each point-wide band by words, counted once per line.
  const auto bands = static_cast<std::size_t>(std::ceil(width)) + 1;
  std::vector<int> crossing(bands, 0);
  std::vector<std::size_t> counted_for(bands, SIZE_MAX);  // the line a band was last counted for
  for (std::size_t l = 0; l < lines.size(); ++l) {
    for (const WordBox& word : lines[l]) {
      const auto from = static_cast<std::size_t>(std::max(0.0, std::floor(word.x0 - left)));
      const auto to = std::min(bands - 1, static_cast<std::size_t>(std::max(0.0, std::ceil(word.x1 - left))));
      for (std::size_t b = from; b < to; ++b) {
        if (counted_for[b] == l) continue;
        counted_for[b] = l;
        ++crossing[b];
      }
    }
  }
  const int allowed = std::max(1, static_cast<int>(lines.size() / 10));
  std::size_t best_from = 0;
  std::size_t best_width = 0;
  for (std::size_t b = bands / 4; b < bands * 3 / 4;) {
    if (crossing[b] > allowed) {
      ++b;
      continue;
    }
    std::size_t e = b;
    while (e < bands * 3 / 4 && crossing[e] <= allowed) ++e;
    if (e - b > best_width) {
      best_width = e - b;
      best_from = b;
    }
    b = e;
  }
  if (static_cast<double>(best_width) < 1.5 * size) return -1;
  const double gutter = left + static_cast<double>(best_from) + static_cast<double>(best_width) / 2;
  // Text on both sides of it, side by side: lines on each side, spanning much the same height
  // (the columns' lines need not be level with each other).
  int left_lines = 0, right_lines = 0;
  double left_top = 1e300, left_bottom = -1e300, right_top = 1e300, right_bottom = -1e300;
  for (const auto& line : lines) {
    bool on_left = false, on_right = false;
    for (const WordBox& word : line) {
      if (word.x1 <= gutter) {
        on_left = true;
        left_top = std::min(left_top, word.y0);
        left_bottom = std::max(left_bottom, word.y1);
      } else if (word.x0 >= gutter) {
        on_right = true;
        right_top = std::min(right_top, word.y0);
        right_bottom = std::max(right_bottom, word.y1);
      }
    }
    left_lines += on_left ? 1 : 0;
    right_lines += on_right ? 1 : 0;
  }
  if (left_lines < 4 || right_lines < 4) return -1;
  const double overlap = std::min(left_bottom, right_bottom) - std::max(left_top, right_top);
  if (overlap < 0.5 * std::min(left_bottom - left_top, right_bottom - right_top)) return -1;
  return gutter;
}

bool starts_item(std::string_view text) {
  if (text.starts_with("- ") || text.starts_with("* ") || text.starts_with("\u2022") ||
      text.starts_with("\u2013 ") || text.starts_with("\u00b7") || text.starts_with("\u25aa") ||
      text.starts_with("\u25cf") || text.starts_with("o ")) {
    return true;
  }
  std::size_t digits = 0;
  while (digits < text.size() && digits < 3 && text[digits] >= '0' && text[digits] <= '9') ++digits;
  return digits > 0 && digits < text.size() && (text[digits] == '.' || text[digits] == ')');
}

bool is_letter_byte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || u >= 0x80;
}

// Digits aside, lower case, spaces collapsed: "Page 2 of 5" and "Page 3 of 5" are one line.
std::string running_key(std::string_view text) {
  std::string key;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      if (key.empty() || key.back() != '#') key += '#';
    } else if (c == ' ' || c == '\t') {
      if (!key.empty() && key.back() != ' ') key += ' ';
    } else {
      key += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
  }
  while (!key.empty() && key.back() == ' ') key.pop_back();
  return key;
}

constexpr std::size_t kRunningLines = 2;  // lines looked at at the top and at the bottom of a page

// Which lines of each page are running headers or footers.
std::vector<std::vector<bool>> running_lines(const std::vector<std::vector<LaidOutLine>>& pages) {
  std::vector<std::vector<bool>> drop(pages.size());
  for (std::size_t p = 0; p < pages.size(); ++p) drop[p].assign(pages[p].size(), false);
  if (pages.size() < 2) return drop;
  auto edge = [](const std::vector<LaidOutLine>& lines, std::size_t i, bool top) {
    return top ? i : lines.size() - 1 - i;
  };
  for (const bool top : {true, false}) {
    std::map<std::string, int> pages_with;
    for (const auto& lines : pages) {
      std::set<std::string> keys;
      for (std::size_t i = 0; i < kRunningLines && i < lines.size(); ++i) {
        keys.insert(running_key(lines[edge(lines, i, top)].text));
      }
      for (const std::string& key : keys) ++pages_with[key];
    }
    for (std::size_t p = 0; p < pages.size(); ++p) {
      const auto& lines = pages[p];
      for (std::size_t i = 0; i < kRunningLines && i < lines.size(); ++i) {
        const int count = pages_with[running_key(lines[edge(lines, i, top)].text)];
        if (count >= 2 && static_cast<std::size_t>(count) * 2 > pages.size()) drop[p][edge(lines, i, top)] = true;
      }
    }
  }
  return drop;
}

}  // namespace

std::vector<LaidOutLine> lay_out_page(std::vector<WordBox> words) {
  // Blank words carry nothing, and a box off any page (infinite, NaN) cannot be placed.
  std::erase_if(words, [](const WordBox& word) {
    return word.text.find_first_not_of(" \t\r\n") == std::string::npos || !std::isfinite(word.x0) ||
           !std::isfinite(word.y0) || !std::isfinite(word.x1) || !std::isfinite(word.y1);
  });
  std::vector<LaidOutLine> out;
  if (words.empty()) return out;
  const double gutter = find_gutter(words);
  if (gutter < 0) {
    add_column(words, out);
    return out;
  }
  // Runs of lines that do not cross the gutter read column by column; a line crossing it
  // (a heading over both columns) ends the run and reads in place.
  double page_right = 0;
  for (const WordBox& word : words) page_right = std::max(page_right, word.x1);
  std::vector<WordBox> left, right;
  // A block's first line starts a paragraph when it sits well below the line read before it;
  // the right column's first line, higher up, goes on from the left column's last.
  auto add_block = [&](const std::vector<WordBox>& block) {
    const std::size_t first = out.size();
    add_column(block, out);
    if (first == 0 || first == out.size()) return;
    const LaidOutLine& above = out[first - 1];
    LaidOutLine& line = out[first];
    line.paragraph_break = line.y0 - above.y1 > 0.6 * std::max(line.y1 - line.y0, above.y1 - above.y0);
  };
  auto flush = [&] {
    add_block(left);
    add_block(right);
    left.clear();
    right.clear();
  };
  for (auto& line : group_lines(std::move(words))) {
    const bool crosses = std::any_of(line.begin(), line.end(),
                                     [&](const WordBox& w) { return w.x0 < gutter && w.x1 > gutter; });
    if (crosses) {
      flush();
      add_block(line);
      out.back().column_right = page_right;  // it spans both columns
      continue;
    }
    for (WordBox& word : line) (word.x1 <= gutter ? left : right).push_back(std::move(word));
  }
  flush();
  return out;
}

PagedText join_pages(const std::vector<std::vector<LaidOutLine>>& pages) {
  const auto drop = running_lines(pages);
  PagedText result;
  int line_number = 0;          // lines finished in result.text
  bool open = false;            // a line is being built
  const LaidOutLine* last = nullptr;
  auto finish = [&] {
    if (!open) return;
    result.text += '\n';
    ++line_number;
    open = false;
  };
  for (std::size_t p = 0; p < pages.size(); ++p) {
    std::size_t page_start = result.page_lines.size();
    result.page_lines.push_back(-1);
    for (std::size_t i = 0; i < pages[p].size(); ++i) {
      if (drop[p][i]) continue;
      const LaidOutLine& line = pages[p][i];
      bool joined = false;
      if (open && last != nullptr && !line.paragraph_break && !starts_item(line.text)) {
        const std::string& text = result.text;
        const bool hyphen = text.size() >= 2 && text.back() == '-' && is_letter_byte(text[text.size() - 2]) &&
                            !line.text.empty() && line.text.front() >= 'a' && line.text.front() <= 'z';
        const bool wraps = last->x1 + last->space_width + line.first_word_width > last->column_right;
        if (hyphen) {
          result.text.pop_back();
          result.text += line.text;
          joined = true;
        } else if (wraps) {
          result.text += ' ';
          result.text += line.text;
          joined = true;
        }
      }
      if (!joined) {
        finish();
        if (line.paragraph_break && line_number > 0) {
          result.text += '\n';
          ++line_number;
        }
        if (result.page_lines[page_start] < 0) result.page_lines[page_start] = line_number + 1;
        result.text += line.text;
        open = true;
      }
      last = &line;
    }
  }
  finish();
  // A page on which no line starts points at the line to come.
  int next = line_number + 1;
  for (std::size_t p = result.page_lines.size(); p-- > 0;) {
    if (result.page_lines[p] < 0) result.page_lines[p] = next;
    next = result.page_lines[p];
  }
  return result;
}

}  // namespace cio_gap
