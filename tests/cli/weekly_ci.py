#!/usr/bin/env python3
"""The coach's weekly CI example (examples/ci/assess-clients.sh) over two weeks.

Usage: weekly_ci.py CIO_GAP_BINARY SOURCE_DIR

Week 1 assesses the example clients against some of the example postings; week 2 against all
of them (the market moved, no client did): the run must pass. Week 3 lowers one client's
skills against the same postings: the run must fail for that client only. Exit status 0 when
both hold, 1 otherwise.
"""

import os
import shutil
import subprocess
import sys
import tempfile


def run_week(script, binary, work, jobs):
    env = dict(os.environ, CIO_GAP=binary)
    env.pop("GITHUB_STEP_SUMMARY", None)
    return subprocess.run(["bash", script, "clients", jobs, "reports"], cwd=work, env=env, capture_output=True,
                          text=True, check=False)


def main(binary, source):
    script = os.path.join(source, "examples", "ci", "assess-clients.sh")
    failures = 0
    with tempfile.TemporaryDirectory(prefix="cio-gap-weekly-") as work:
        shutil.copytree(os.path.join(source, "examples", "clients"), os.path.join(work, "clients"))
        shutil.copytree(os.path.join(source, "examples", "jobs"), os.path.join(work, "week2"))
        os.mkdir(os.path.join(work, "week1"))
        for name in sorted(os.listdir(os.path.join(work, "week2")))[2:]:
            shutil.copy(os.path.join(work, "week2", name), os.path.join(work, "week1", name))

        first = run_week(script, binary, work, "week1")
        if first.returncode != 0:
            print(f"FAIL week 1 (baseline): exit {first.returncode}\n{first.stderr}")
            return 1
        second = run_week(script, binary, work, "week2")
        if second.returncode != 0:
            failures += 1
            print(f"FAIL week 2 (the market moved, no client did): exit {second.returncode}\n{second.stderr}")
        elif "market" not in second.stdout:
            failures += 1
            print(f"FAIL week 2: the diff does not show the market's part\n{second.stdout}")
        else:
            print("ok   week 2: a market change fails no client")

        profile = os.path.join(work, "clients", "dana-rivera.yaml")
        with open(profile, encoding="utf-8") as f:
            text = f.read()
        lowered = text.replace("stakeholder-management: working", "stakeholder-management: none", 1)
        if lowered == text:
            print("FAIL week 3: examples/clients/dana-rivera.yaml no longer rates stakeholder-management: working")
            return 1
        with open(profile, "w", encoding="utf-8") as f:
            f.write(lowered)
        third = run_week(script, binary, work, "week2")
        dana_failed = "Dana Rivera: score " in third.stderr
        others = [line for line in third.stderr.splitlines() if "your part" in line and "Dana Rivera" not in line]
        if third.returncode != 1 or not dana_failed or others:
            failures += 1
            print(f"FAIL week 3 (one client's skills went down): exit {third.returncode}\n{third.stderr}")
        else:
            print("ok   week 3: the client whose statuses went down fails, alone")
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])))
