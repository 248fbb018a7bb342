#!/usr/bin/env python3
"""Runs cio-gap under an address-space limit (prlimit --as) on hostile postings built here,
and checks that each run finishes with the expected exit code and messages: a bad file is
skipped with a warning naming it and the good posting beside it is still read.

    memory_limits.py CIO_GAP
"""
import json
import os
import subprocess
import sys
import tempfile

GIB = 1 << 30
GOOD = ("Chief Information Officer\n\nRequirements:\n"
        "- 10+ years of IT leadership experience\n- Own the IT budget and vendor management\n")

failures = []


def run(name, files, args, limit, want_exit, want_err):
    with tempfile.TemporaryDirectory() as root:
        jobs = os.path.join(root, "jobs")
        os.mkdir(jobs)
        for file_name, content in files.items():
            with open(os.path.join(jobs, file_name), "w", encoding="utf-8") as out:
                out.write(content)
        command = ["prlimit", f"--as={limit}", sys.argv[1], "scan", jobs, "--format", "json"] + args
        done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    err = done.stderr.replace(jobs + "/", "")
    problems = []
    if done.returncode != want_exit:
        problems.append(f"exit {done.returncode}, wanted {want_exit}")
    for line in want_err:
        if line not in err.splitlines():
            problems.append(f"missing stderr line {line!r}")
    if want_exit == 0:
        if "std::bad_alloc" in err:
            problems.append("std::bad_alloc in the output")
        sources = [p["source"] for p in json.loads(done.stdout)["postings"]]
        if "good.txt" not in sources:
            problems.append(f"the good posting was not read: {sources}")
    status = "ok" if not problems else "FAILED: " + "; ".join(problems) + "\n" + err[-2000:]
    print(f"{name}: {status}")
    if problems:
        failures.append(name)


def bold_paragraphs(bolds, paragraphs):
    return "<p>" + "".join(f"<b id={i}>" for i in range(bolds)) + "</p>" + "<p>x</p>" * paragraphs


# 900 formatting elements reopened in 20,000 paragraphs: 6.8 GB and a crash before.
page = bold_paragraphs(900, 20000)
run("reopened formatting, HTML file", {"a.html": page, "good.txt": GOOD}, ["-j", "2"], 3 * GIB, 0,
    ["cio-gap: warning: a.html: skipped: HTML nested more than 256 levels deep",
     "cio-gap: 1 postings read, 1 files skipped"])
run("reopened formatting, fewer of them", {"a.html": bold_paragraphs(200, 20000), "good.txt": GOOD}, [], 1 * GIB, 0,
    ["cio-gap: warning: a.html: skipped: HTML reopens more than 100000 formatting elements "
     "(<b>, <i>, <font>, ... left open across paragraphs)"])
escaped = page.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
board = {"jobs": [{"title": "CIO", "content": escaped},
                  {"title": "CTO", "content": "&lt;p&gt;Own the IT budget and vendor management.&lt;/p&gt;"}]}
run("reopened formatting, Greenhouse content", {"board.json": json.dumps(board), "good.txt": GOOD}, [], 1 * GIB, 0,
    ["cio-gap: warning: board.json#0: HTML nested more than 256 levels deep; field ignored",
     "cio-gap: warning: board.json#0: skipped: no description"])
# An empty comment does not hide 100,000 nested <div>s or 4 million <br>s.
run("comment before deep nesting", {"a.html": "<!-->" + "<div>" * 100000, "good.txt": GOOD}, [], 1 * GIB, 0,
    ["cio-gap: warning: a.html: skipped: HTML nested more than 256 levels deep"])
run("comment before many elements", {"a.html": "<!-->" + "<br>" * 4000000, "good.txt": GOOD}, [], 1 * GIB, 0,
    ["cio-gap: warning: a.html: skipped: HTML has more than 100000 elements"])
attributes = " ".join(f"a{i}" for i in range(80000))
run("attributes on one element", {"a.html": f"<div {attributes}>x</div>", "good.txt": GOOD}, [], 1 * GIB, 0,
    ["cio-gap: warning: a.html: skipped: HTML has an element with more than 256 attributes"])
# Within every count, but a tree too big for the memory budget: the parse is abandoned.
wide = "".join(f"<span {' '.join(f'a{i}' for i in range(250))}>x</span>" for _ in range(6000))
run("tree over the memory budget", {"a.html": wide, "good.txt": GOOD}, [], 2 * GIB, 0,
    ["cio-gap: warning: a.html: skipped: HTML needs more than 149 MiB of memory to parse"])
# Two million rows without a description: one warning, and rows are not all kept in memory
# (they took 120 bytes each, 60 times the file).
run("CSV of empty rows", {"big.csv": "title,description\n" + ",\n" * 2000000, "good.txt": GOOD}, ["-j", "1"],
    300 << 20, 0,
    ["cio-gap: warning: big.csv: 2,000,000 rows skipped: no description (first at row 1)",
     "cio-gap: 1 postings read, 1 files skipped"])
# A posting of 1.1 million short lines with keywords in each (16.5 MB) is folded and scanned a
# chunk at a time: it once took 520 MB (now about 210), and reads within 600 MB of address space
# beside another.
lines = "Chief Information Officer\n\nRequirements:\n" + "Lead the team.\n" * 1100000
run("short lines", {"big.txt": lines, "good.txt": GOOD}, ["-j", "2"], 600 << 20, 0,
    ["cio-gap: 2 postings read"])
# Memory running out on one file is an error, never a quiet exit 0.
run("out of memory", {"big.txt": lines, "good.txt": GOOD}, ["-j", "2"], 250 << 20, 2,
    ["cio-gap: warning: big.txt: skipped: out of memory while reading it",
     "cio-gap: error: out of memory reading 1 file (big.txt); nothing reported: run with fewer --threads or "
     "more memory"])

sys.exit(1 if failures else 0)
