#!/usr/bin/env python3
"""Runs examples/dask/cio_gap_dask.py on a two-worker LocalCluster and checks its report.

Usage: check_dask_example.py CIO_GAP_BINARY SOURCE_DIR

A jobs folder of the examples and some postings of the shared corpus (one of them twice, so the
shares hold a duplicate only the whole can see) is scanned in three shares on the cluster and
reduced with assess --from-scan; the JSON report, and the text report from the same scans, must equal, byte for byte, those of
`cio-gap assess` run on the folder. Exit 0 when they do, 1 when not, 77 (skipped) when Dask is
not installed.
"""

import os
import shutil
import subprocess
import sys
import tempfile


def main(binary, source_dir):
    try:
        import dask.distributed  # noqa: F401
    except ImportError:
        print("SKIP: python3-dask and python3-distributed are not installed")
        return 77
    script = os.path.join(source_dir, "examples", "dask", "cio_gap_dask.py")
    corpus = os.path.join(source_dir, "..", "shared", "corpus")
    env = dict(os.environ, SOURCE_DATE_EPOCH="1767225600")
    failures = 0
    with tempfile.TemporaryDirectory(prefix="cio-gap-dask-") as work:
        jobs = os.path.join(work, "jobs")
        shutil.copytree(os.path.join(source_dir, "examples", "jobs"), jobs)
        shutil.copytree(os.path.join(corpus, "postings"), os.path.join(jobs, "corpus", "postings"))
        city = sorted(os.listdir(os.path.join(corpus, "cityofla")))[:60]
        os.makedirs(os.path.join(jobs, "corpus", "cityofla"))
        for name in city:
            shutil.copy(os.path.join(corpus, "cityofla", name), os.path.join(jobs, "corpus", "cityofla", name))
        shutil.copy(os.path.join(jobs, "lakeshore-health-cio.txt"), os.path.join(jobs, "zz-again.txt"))
        profile = os.path.join(source_dir, "examples", "me.yaml")
        def assess(args, fmt):
            return subprocess.run([*args, "--format", fmt, "--fit-rows", "0"], cwd=work, env=env,
                                  capture_output=True, check=False)

        # The map on the cluster and the reduce, for JSON; the text report from the same scans.
        runs = {"json": assess([sys.executable, script, profile, "jobs", "--shards", "3", "--workers", "2",
                                "--scan-threads", "1", "--cio-gap", binary, "--scans", "scans", "--"], "json"),
                "text": assess([binary, "assess", profile, "--from-scan", "scans"], "text")}
        for fmt, reduced in runs.items():
            direct = assess([binary, "assess", profile, "jobs"], fmt)
            if direct.returncode != 0 or reduced.returncode != 0:
                print(f"FAIL {fmt}: exit {direct.returncode} (direct), {reduced.returncode} (from the cluster's scans)\n"
                      f"{direct.stderr.decode()}{reduced.stderr.decode()}")
                failures += 1
            elif direct.stdout != reduced.stdout:
                print(f"FAIL {fmt}: the report made from the cluster's scans differs from the one made on one machine")
                failures += 1
            else:
                shares = sorted(name for name in os.listdir(os.path.join(work, "scans")) if name.endswith(".jsonl"))
                print(f"ok   {fmt}: {len(shares)} shares scanned on 2 workers, the same report "
                      f"({len(direct.stdout)} bytes)")
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
