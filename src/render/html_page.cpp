#include "cio_gap/render/html_page.h"

namespace cio_gap {
namespace {

// One style sheet for screen and print. Only system fonts: nothing is fetched. Print keeps
// the status colours (print-color-adjust) and never splits a gap or a table row across pages;
// @page sets margins only, so the same file prints on A4 and on Letter.
constexpr std::string_view kStyle = R"css(
:root { --ink: #1d2433; --muted: #5b6474; --line: #d9dee7; --accent: #1f4e79; --soft: #f4f6fa;
  --have: #1b6e3a; --partial: #8a5a00; --missing: #b3261e; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; color: var(--ink); background: #fff;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans", "DejaVu Sans", Arial, sans-serif; }
main { max-width: 960px; margin: 0 auto; padding: 28px 36px 40px; }
h1 { font-size: 28px; line-height: 1.2; margin: 0 0 2px; letter-spacing: -0.01em; }
h2 { font-size: 19px; margin: 30px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--accent); color: var(--accent); }
h3 { font-size: 16px; margin: 0; }
p { margin: 6px 0; }
.kicker { text-transform: uppercase; letter-spacing: 0.12em; font-size: 12px; color: var(--accent); font-weight: 600; margin: 0 0 6px; }
.role { color: var(--muted); font-size: 16px; margin: 0; }
header.cover { display: flex; align-items: center; justify-content: space-between; gap: 24px;
  border-bottom: 1px solid var(--line); padding-bottom: 18px; }
.score-box { text-align: center; min-width: 150px; }
.score-box .caption { font-size: 12px; text-transform: uppercase; letter-spacing: 0.08em; color: var(--muted); margin: 0; }
svg.ring { width: 120px; height: 120px; }
svg.ring .score { font-size: 30px; font-weight: 700; text-anchor: middle; fill: var(--ink); }
svg.ring .score.none { font-size: 22px; fill: var(--muted); }
svg.ring .of { font-size: 12px; text-anchor: middle; fill: var(--muted); }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 16px 0 0; }
dl.facts dt { font-weight: 600; color: var(--muted); }
dl.facts dd { margin: 0; }
.note { color: var(--muted); font-size: 13.5px; }
svg.chart { width: 100%; height: auto; display: block; margin-top: 6px; }
svg.chart text { font-size: 12px; fill: var(--ink); }
svg.chart .label { text-anchor: end; }
svg.chart .value { fill: var(--muted); }
svg.chart .bar.missing .status { fill: var(--missing); font-weight: 600; }
svg.chart .bar.partial .status { fill: var(--partial); font-weight: 600; }
svg.chart .bar.have .status { fill: var(--have); }
svg.chart .grid line { stroke: var(--line); stroke-width: 1; }
svg.chart .grid text { text-anchor: middle; fill: var(--muted); font-size: 11px; }
.badge { display: inline-block; font-size: 12px; font-weight: 600; padding: 1px 8px; border-radius: 10px; border: 1px solid; white-space: nowrap; }
.badge.have, .badge.pass { color: var(--have); border-color: var(--have); background: #e8f3ec; }
.badge.partial, .badge.warn { color: var(--partial); border-color: #c98200; background: #fdf3de; }
.badge.missing, .badge.fail { color: var(--missing); border-color: var(--missing); background: #fbe9e9; border-style: dashed; }
details.gap { border: 1px solid var(--line); border-left: 4px solid var(--missing); border-radius: 4px; margin: 10px 0; padding: 0 14px; background: #fff; }
details.gap.partial { border-left-color: #c98200; }
details.gap > summary { cursor: pointer; padding: 10px 0; display: flex; gap: 10px; align-items: baseline; flex-wrap: wrap; }
details.gap > summary h3 { display: inline; }
details.gap > summary .demand { color: var(--muted); font-size: 13.5px; margin-left: auto; }
details.gap[open] > summary { border-bottom: 1px solid var(--line); }
.gap-body { padding: 8px 0 12px; }
.gap-body h4 { font-size: 13px; text-transform: uppercase; letter-spacing: 0.06em; color: var(--muted); margin: 10px 0 4px; }
blockquote { margin: 4px 0; padding: 4px 12px; border-left: 3px solid var(--line); background: var(--soft); font-size: 14px; }
blockquote cite { display: block; font-style: normal; color: var(--muted); font-size: 12.5px; }
ul.evidence { margin: 4px 0; padding-left: 20px; }
.advice { background: #eef3fa; border-radius: 4px; padding: 8px 12px; margin-top: 10px; }
.advice strong { color: var(--accent); }
table { width: 100%; border-collapse: collapse; font-size: 13.5px; margin-top: 6px; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-bottom: 1px solid var(--line); }
th { background: var(--soft); font-size: 12.5px; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); }
td.num, th.num { text-align: right; }
ol.sources { font-size: 13.5px; padding-left: 20px; }
footer { margin-top: 36px; padding-top: 10px; border-top: 1px solid var(--line); color: var(--muted); font-size: 12.5px; }
footer dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 0; }
footer dt { font-weight: 600; }
footer dd { margin: 0; overflow-wrap: anywhere; }
code { font-family: "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 0.92em; }
article.client + article.client { margin-top: 48px; border-top: 3px double var(--line); }
a { color: var(--accent); }
@page { margin: 16mm 14mm; }
@media print {
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  tr, blockquote, .advice, ul.evidence, svg.chart, header.cover { break-inside: avoid; }
  details.gap > summary { cursor: auto; break-after: avoid; }
  .gap-body h4 { break-after: avoid; }
  article.client + article.client { break-before: page; border-top: 0; margin-top: 0; }
  a { color: inherit; text-decoration: none; }
}
)css";

}  // namespace

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      case '\t': case '\n': out += c; break;
      default: out += (u < 0x20 || u == 0x7F) ? ' ' : c;
    }
  }
  return out;
}

std::string html_document_head(std::string_view title) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      // Nothing may be fetched: no script, font, image or style from anywhere.
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
      "<title>";
  out += html_escape(title);
  out += "</title>\n<style>";
  out += kStyle;
  out += "</style>\n</head>\n<body>\n<main>\n";
  return out;
}

std::string_view html_document_tail() { return "</main>\n</body>\n</html>\n"; }

std::string html_document(std::string_view title, std::string_view body) {
  std::string out = html_document_head(title);
  out += body;
  out += html_document_tail();
  return out;
}

}  // namespace cio_gap
