#!/usr/bin/env bash
# The assess JSON of 10,000 generated postings keeps its SHA-256: work on the speed of the
# matcher, the extractor or the rule-pack cache must not change a single byte of the report.
# usage: assess_digest.sh CIO_GAP SOURCE_DIR [--update]
# Generates the postings with ../shared/bench/gen_corpus.py (seed 7), runs
# `assess me.yaml jobs --format json` in the folder that holds them and a copy of the example
# profile (so the report names "jobs" and "me.yaml", not a temporary or checkout path) and
# compares the SHA-256 with tests/perf/assess-10000.sha256; --update rewrites that file (review why first).
set -euo pipefail
bin=$(realpath "$1") root=$(realpath "$2") update=${3:-}
digest_file=$root/tests/perf/assess-10000.sha256
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$root/../shared/bench/gen_corpus.py" "$work/jobs" --files 10000 --seed 7 >/dev/null
cp "$root/examples/me.yaml" "$work/me.yaml"  # the report names the profile as given: never the checkout's path
cd "$work"
SOURCE_DATE_EPOCH=1767225600 "$bin" assess me.yaml jobs --format json --quiet > report.json
got=$(sha256sum report.json | cut -d' ' -f1)
if [[ $update == --update ]]; then
  echo "$got" > "$digest_file"
  echo "assess_digest: wrote $got to $digest_file"
  exit 0
fi
want=$(cat "$digest_file")
if [[ $got != "$want" ]]; then
  echo "assess_digest: the 10,000-posting report changed: sha256 $got, expected $want" >&2
  echo "assess_digest: first lines that differ from a run of the expected release tell what" >&2
  exit 1
fi
echo "assess_digest: 10,000 postings, report sha256 $got as expected"
