#!/usr/bin/env python3
"""A reader that closes standard output early (`| head -1`) ends the run quietly with exit 0;
a full disk stays an error (exit 2).

usage: closed_pipe.py CIO_GAP SOURCE_DIR
"""
import os
import subprocess
import sys

cio_gap, source = sys.argv[1], sys.argv[2]
postings = os.path.join(source, "..", "shared", "corpus", "postings")
failures = []


def through_head(args):
    """Runs cio-gap ARGS | head -1; returns (exit code, stderr, first line)."""
    producer = subprocess.Popen([cio_gap, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=source)
    head = subprocess.Popen(["head", "-1"], stdin=producer.stdout, stdout=subprocess.PIPE)
    producer.stdout.close()  # head alone holds the read end: when it exits, the pipe is closed
    first = head.communicate()[0].decode()
    err = producer.stderr.read().decode()
    return producer.wait(), err, first


# Output far larger than a pipe's buffer, so writes meet the closed pipe.
for args in (["scan", postings, "-q"], ["scan", postings, "-q", "--format", "jsonl"],
             ["scan", postings, "-q", "--format", "json"]):
    code, err, first = through_head(args)
    if code != 0 or err != "" or first == "":
        failures.append(f"{' '.join(args[:1] + args[2:])} | head -1: exit {code}, stderr {err!r}, first line {first!r}")

code, err, _ = through_head(["scan", postings])
if code != 0 or "error" in err:
    failures.append(f"scan (not quiet) | head -1: exit {code}, stderr {err!r}")

with open("/dev/full", "w") as full:
    result = subprocess.run([cio_gap, "scan", postings, "-q"], stdout=full, stderr=subprocess.PIPE, cwd=source)
expected = "cio-gap: error: cannot write to standard output: No space left on device\n"
if result.returncode != 2 or result.stderr.decode() != expected:
    failures.append(f"scan > /dev/full: exit {result.returncode}, stderr {result.stderr.decode()!r}")

for failure in failures:
    print(failure)
sys.exit(1 if failures else 0)
