#!/usr/bin/env python3
"""Runs `cio-gap assess` over a large jobs folder on a Dask cluster.

Map: the folder's files are split into N shares (lists of files: nothing is copied), and each
share is read by `cio-gap scan JOBS --files-from LIST --format jsonl` on a worker of the
cluster. Reduce: `cio-gap assess PROFILE --from-scan SCANS` puts the shares' scans together
into the report, on this machine. The report is byte for byte the one `cio-gap assess PROFILE
JOBS` makes on one machine.

    cio_gap_dask.py me.yaml jobs/ --shards 64 --scheduler tcp://scheduler:8786 \\
        --scans /shared/scans -- --format html -o report.html

Without --scheduler it starts a LocalCluster of --workers processes. On a real cluster every
worker must reach the cio-gap binary, the jobs folder and the scans folder at the same paths
as this machine (a shared filesystem), and runs in this directory, so that the report names
JOBS as given here. Arguments after `--` go to `cio-gap assess` (--format, -o, --top, ...).
Exit status: that of `cio-gap assess`; 2 when a share cannot be scanned.
"""

import argparse
import os
import shutil
import subprocess
import sys


def list_files(folder):
    """Every entry of the folder tree that is not a folder, as cio-gap's walk meets them: hidden
    names passed over, links not followed. Paths relative to the folder, as bytes, with sizes.
    cio-gap itself decides which are postings, and skips or passes over the others as its walk
    of the whole folder would."""
    found = []
    pending = [b""]
    root = os.fsencode(folder)
    while pending:
        relative = pending.pop()
        with os.scandir(os.path.join(root, relative) if relative else root) as entries:
            for entry in entries:
                if entry.name.startswith(b"."):
                    continue
                path = os.path.join(relative, entry.name) if relative else entry.name
                if entry.is_dir(follow_symlinks=False):
                    pending.append(path)
                    continue
                if b"\n" in path:
                    sys.exit(f"cio_gap_dask: a file name with a line break cannot be listed: {path!r}")
                found.append((path, entry.stat(follow_symlinks=False).st_size))
    # cio-gap orders files byte by byte: so do the shares, so that they follow one another.
    found.sort()
    return found


def split(files, shares):
    """Consecutive runs of files of about equal total size, at most `shares` of them."""
    total = sum(size for _, size in files) or 1
    runs = [[] for _ in range(shares)]
    done = 0
    for path, size in files:
        index = min(shares - 1, done * shares // total)
        runs[index].append(path)
        done += size
    return [run for run in runs if run]


def scan_share(binary, workdir, jobs, listing, output, options):
    """One task: scans the files of one share. Runs on a worker."""
    command = [binary, "scan", jobs, "--files-from", listing, "--format", "jsonl", "--quiet", *options]
    # Standard output goes straight to the file, line by line as the scan streams it (memory
    # stays flat however large the share); the name is given only to a finished scan.
    with open(output + ".part", "wb") as out:
        result = subprocess.run(command, cwd=workdir, stdout=out, stderr=subprocess.PIPE, check=False)
    if result.returncode == 0:
        os.replace(output + ".part", output)
    return output, result.returncode, result.stderr.decode(errors="replace")


def parse_arguments(argv):
    if "--" in argv:
        cut = argv.index("--")
        argv, assess_options = argv[:cut], argv[cut + 1:]
    else:
        assess_options = []
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("profile", help="the self-assessment YAML, or a folder of them")
    parser.add_argument("jobs", help="the jobs folder")
    parser.add_argument("--shards", type=int, default=8, help="shares to split the folder into (default 8)")
    parser.add_argument("--scheduler", help="address of a Dask scheduler (default: a LocalCluster)")
    parser.add_argument("--workers", type=int, default=2, help="LocalCluster worker processes (default 2)")
    parser.add_argument("--cio-gap", default=shutil.which("cio-gap") or "cio-gap", help="the cio-gap binary")
    parser.add_argument("--scans", default="cio-gap-scans", help="folder for the lists and scans (default cio-gap-scans)")
    parser.add_argument("--scan-threads", type=int, default=0,
                        help="--threads of each scan (default: one per core of the worker's machine)")
    parser.add_argument("--rules", action="append", default=[], help="a rule pack, for scans and report; repeatable")
    parser.add_argument("--no-default-rules", action="store_true", help="drop the built-in rules (scans and report)")
    parser.add_argument("--exclude", action="append", default=[], help="scan: leave out files matching GLOB")
    parser.add_argument("--max-filesize", help="scan: skip posting files larger than this many bytes")
    args = parser.parse_args(argv)
    if args.shards < 1 or args.workers < 1:
        parser.error("--shards and --workers must be at least 1")
    return args, assess_options


def main(argv):
    args, assess_options = parse_arguments(argv)
    from dask.distributed import Client, LocalCluster, as_completed  # here, so --help works without Dask

    binary = os.path.abspath(args.cio_gap) if os.sep in args.cio_gap else shutil.which(args.cio_gap) or args.cio_gap
    rule_options = [option for pack in args.rules for option in ("--rules", pack)]
    rule_options += ["--no-default-rules"] if args.no_default_rules else []
    scan_options = list(rule_options)
    scan_options += [option for glob in args.exclude for option in ("--exclude", glob)]
    scan_options += ["--max-filesize", args.max_filesize] if args.max_filesize else []
    scan_options += ["--threads", str(args.scan_threads)] if args.scan_threads else []

    scans = os.path.abspath(args.scans)
    os.makedirs(scans, exist_ok=True)
    for name in os.listdir(scans):
        if name.startswith("share-") and name.endswith((".jsonl", ".txt", ".part")):
            os.remove(os.path.join(scans, name))
    tasks = []
    for index, files in enumerate(split(list_files(args.jobs), args.shards)):
        listing = os.path.join(scans, f"share-{index:05d}.txt")
        with open(listing, "wb") as out:
            out.write(b"".join(path + b"\n" for path in files))
        tasks.append((listing, os.path.join(scans, f"share-{index:05d}.jsonl")))

    cluster = None if args.scheduler else LocalCluster(n_workers=args.workers, threads_per_worker=1,
                                                      dashboard_address=None)
    failed = 0
    with Client(args.scheduler or cluster) as client:
        futures = [client.submit(scan_share, binary, os.getcwd(), args.jobs, listing, output, scan_options,
                                 key=f"cio-gap-scan-{os.path.basename(output)}", pure=False)
                   for listing, output in tasks]
        for future in as_completed(futures):
            output, code, stderr = future.result()
            if code != 0:
                failed += 1
                sys.stderr.write(f"cio_gap_dask: scanning {output} failed (exit {code}):\n{stderr}")
    if cluster is not None:
        cluster.close()
    if failed:
        sys.stderr.write(f"cio_gap_dask: {failed} of {len(tasks)} shares could not be scanned; no report\n")
        return 2
    # The reduce: one pass over the scans, on this machine.
    command = [binary, "assess", args.profile, "--from-scan", scans, *rule_options, *assess_options]
    return subprocess.run(command, check=False).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
