#!/usr/bin/env python3
"""Saves a plain-text posting as PDF, DOCX and ODT with the tools a Debian machine has, so
tests can check that every container gives the same findings.

    convert_posting.py POSTING.txt OUTDIR [pdf] [columns] [docx] [odt] [--header TEXT]

Writes OUTDIR/<name>.pdf with groff (-Tpdf; filled, no hyphenation, ragged right, no page
header or footer), OUTDIR/<name>-columns.pdf (columns: two columns with groff -ms,
hyphenated and justified as typeset text is) and OUTDIR/<name>.docx and .odt with pandoc, from HTML in which each
blank-line-separated block of the text is a paragraph. --header TEXT puts TEXT at the top
of every page of the PDF and "Page N" at the bottom, as a word processor's running header and
footer would. In the HTML, each each line in it ends with a line break, so the documents hold the text's lines as the text does. Exits 3 when a tool is
missing (the tests skip), 1 when one fails.
"""
import html
import os
import shutil
import subprocess
import sys


def blocks_of(text):
    block = []
    for line in text.splitlines():
        if line.strip():
            block.append(line.strip())
        elif block:
            yield block
            block = []
    if block:
        yield block


def to_html(text):
    parts = ["<html><body>"]
    for block in blocks_of(text):
        parts.append("<p>" + "<br>\n".join(html.escape(line) for line in block) + "</p>")
    parts.append("</body></html>")
    return "\n".join(parts)


def to_groff(text, header=None):
    # .nh: no hyphenation; .na: ragged right; .pl/.ll/.po: a letter page with 1in margins;
    # no macro package, so no header, footer or page number unless asked for.
    lines = [".pl 11i", ".ll 6.5i", ".po 1i", ".nh", ".na", ".ps 10", ".vs 12"]
    if header:
        safe = header.replace("\\", "\\e")
        # .tl sets a line of its own, unfilled; % in it is the page number.
        lines += [".de HD", "'sp 0.5i", ".tl |%s||" % safe.replace("|", "/"), "'sp 0.3i", "..",
                  ".de FO", "'sp 0.4i", ".tl ||Page %||", "'bp", "..",
                  ".wh 0 HD", ".wh -1i FO"]
    for block in blocks_of(text):
        for line in block:
            line = line.replace("\\", "\\e")
            if line.startswith((".", "'")):
                line = "\\&" + line
            lines.append(line)
            lines.append(".br")
        lines.append(".sp")
    return "\n".join(lines) + "\n"


def to_two_columns(text):
    # -ms: .2C sets two columns; hyphenation and adjusting stay on, as in typeset text.
    lines = [".2C"]
    for block in blocks_of(text):
        lines.append(".LP")
        for line in block:
            line = line.replace("\\", "\\e")
            if line.startswith((".", "'")):
                line = "\\&" + line
            lines.append(line)
            lines.append(".br")
    return "\n".join(lines) + "\n"


def main():
    if len([a for a in sys.argv[1:] if not a.startswith("--")]) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    args = sys.argv[1:]
    header = None
    if "--header" in args:
        at = args.index("--header")
        header = args[at + 1]
        del args[at : at + 2]
    source, out_dir = args[0], args[1]
    wanted = args[2:] or ["pdf", "columns", "docx", "odt"]
    with open(source, encoding="utf-8") as f:
        text = f.read()
    name = os.path.splitext(os.path.basename(source))[0]
    for kind in wanted:
        tool = "groff" if kind in ("pdf", "columns") else "pandoc"
        if shutil.which(tool) is None:
            print(f"{tool} is not installed", file=sys.stderr)
            return 3
        out = os.path.join(out_dir, f"{name}-columns.pdf" if kind == "columns" else f"{name}.{kind}")
        if kind == "columns":
            done = subprocess.run(["groff", "-ms", "-k", "-Tpdf", "-P-pletter"], input=to_two_columns(text).encode("utf-8"),
                                  capture_output=True)
            if done.returncode == 0:
                with open(out, "wb") as f:
                    f.write(done.stdout)
        elif kind == "pdf":
            done = subprocess.run(["groff", "-k", "-Tpdf", "-P-pletter"], input=to_groff(text, header).encode("utf-8"),
                                  capture_output=True)
            if done.returncode == 0:
                with open(out, "wb") as f:
                    f.write(done.stdout)
        else:
            done = subprocess.run(["pandoc", "-f", "html", "-t", kind, "-o", out], input=to_html(text).encode("utf-8"),
                                  capture_output=True)
        if done.returncode != 0:
            print(f"{tool} failed on {source}: {done.stderr.decode(errors='replace')}", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
