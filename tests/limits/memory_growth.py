#!/usr/bin/env python3
"""A run's memory does not grow with the number of postings.

`assess` of 1,000 and of 10,000 small postings, each with a long file name and a long title (what
a run used to keep per posting, and write into a report held whole): the peak resident memory
of the larger run may exceed the smaller's by at most GROWTH_MB, in JSON, HTML and per-posting
CSV. Memory that grew per posting (a summary per posting, the whole report) grows by tens of
MB here; what is left per posting (the file's name in the list of files, its fingerprint, its
place in the ranking) about 2 MB, with 1 MB of postings waiting to be written to their temporary file.

Usage: memory_growth.py CIO_GAP PROJECT_DIR
"""
import os
import subprocess
import sys
import tempfile

SMALL, LARGE = 1000, 10000
GROWTH_MB = 6.0
FORMATS = (["--format", "json"], ["--format", "html"], ["--format", "csv", "--per-posting"])


def write_postings(folder, count):
    os.makedirs(folder)
    for i in range(count):
        title = "Chief Information Officer " + " ".join(f"w{i}x{k}" for k in range(30))
        name = f"posting-{'n' * 100}-{i:06d}.txt"
        with open(os.path.join(folder, name), "w") as out:
            out.write(f"{title}\n\nRequirements\n- 10+ years of IT leadership experience\n"
                      "- Experience managing IT budgets and vendor contracts\n"
                      f"- Bachelor degree required\n- Reference {i}\n")


def peak_kb(command):
    """Peak resident memory of one run of `command`, in KB (its own rusage, from wait4)."""
    with open(os.devnull, "wb") as devnull:
        child = subprocess.Popen(command, stdout=devnull, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(child.pid, 0)
        err = child.stderr.read().decode()
        child.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"FAIL: {' '.join(command)} exited {os.waitstatus_to_exitcode(status)}: {err}")
    return usage.ru_maxrss


def main():
    binary, project = sys.argv[1], sys.argv[2]
    profile = os.path.join(project, "examples", "me.yaml")
    failed = False
    with tempfile.TemporaryDirectory() as root:
        small, large = os.path.join(root, "small"), os.path.join(root, "large")
        write_postings(small, SMALL)
        write_postings(large, LARGE)
        for options in FORMATS:
            runs = [peak_kb([binary, "assess", profile, folder, "-q", *options]) for folder in (small, large)]
            growth = (runs[1] - runs[0]) / 1024.0
            verdict = "ok" if growth <= GROWTH_MB else "FAIL"
            print(f"{verdict}: {' '.join(options)}: {SMALL} postings {runs[0]} KB, {LARGE} postings {runs[1]} KB "
                  f"(+{growth:.1f} MB, at most {GROWTH_MB} MB)")
            failed |= growth > GROWTH_MB
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
