#!/usr/bin/env bash
# Assesses every client profile against the job postings, compares each report with the
# client's previous one, and fails when the client's own part of a score change drops (a status
# went down); a drop that is all the market's (new postings demanding what the client lacks)
# is shown but does not fail.
#
#   assess-clients.sh [CLIENTS_DIR] [JOBS_DIR] [REPORTS_DIR]     (default: clients jobs reports)
#
# For each CLIENTS_DIR/NAME.yaml it writes REPORTS_DIR/NAME.json (the baseline of the next run:
# commit it, or keep it as a CI artifact) and REPORTS_DIR/NAME.md (to send to the client).
#
# Environment:
#   CIO_GAP              the cio-gap binary (default: cio-gap on PATH)
#   CIO_GAP_FAIL_UNDER   fail when a client's score is below this (0-100)
#   CIO_GAP_FAIL_ON_GAP  space-separated qualification ids that must not be gaps
#   CIO_GAP_FAIL_ON_DROP any: fail on any score drop, the market's too (default: the client's part)
#
# Exit status: 0 all well; 1 a client's part of a score change dropped or a threshold was not
# met; 2 an input error.
set -euo pipefail

clients=${1:-clients}
jobs=${2:-jobs}
reports=${3:-reports}
cio_gap=${CIO_GAP:-cio-gap}

command -v "$cio_gap" >/dev/null || { echo "assess-clients: $cio_gap not found (set CIO_GAP)" >&2; exit 2; }

shopt -s nullglob
profiles=("$clients"/*.yaml "$clients"/*.yml)
if ((${#profiles[@]} == 0)); then
  echo "assess-clients: no profiles ($clients/*.yaml)" >&2
  exit 2
fi
mkdir -p "$reports"
thresholds=()
if [[ -n ${CIO_GAP_FAIL_UNDER:-} ]]; then thresholds+=(--fail-under "$CIO_GAP_FAIL_UNDER"); fi
for id in ${CIO_GAP_FAIL_ON_GAP:-}; do thresholds+=(--fail-on-gap "$id"); done
drop_check=--fail-on-drop
if [[ ${CIO_GAP_FAIL_ON_DROP:-} == any ]]; then drop_check=--fail-on-drop=any; fi

failed=0  # 1: a score dropped or a threshold was not met; 2: an error
note() { if ((failed < $1)); then failed=$1; fi; }

score() {  # the score of a report, when jq is there to read it
  # readiness_score since schema 2.0; a report kept from 1.x calls it score.
  if command -v jq >/dev/null; then jq -r '.readiness_score // .score' "$1"; else echo "in $1"; fi
}

summary() {  # also to the GitHub Actions job summary when there is one
  printf '%s\n\n' "$1"
  # shellcheck disable=SC2016  # the backticks are a Markdown code fence
  if [[ -n ${GITHUB_STEP_SUMMARY:-} ]]; then printf '```\n%s\n```\n\n' "$1" >>"$GITHUB_STEP_SUMMARY"; fi
}

for profile in "${profiles[@]}"; do
  name=$(basename "${profile%.*}")
  report="$reports/$name.json"
  previous=""
  if [[ -f $report ]]; then  # kept beside it while comparing, so the diff names both plainly
    previous="$reports/$name.previous.json"
    cp "$report" "$previous"
  fi

  status=0
  "$cio_gap" assess "$profile" "$jobs" --format json --output "$report" --quiet "${thresholds[@]}" || status=$?
  case $status in
    0) ;;
    1) note 1 ;;  # cio-gap said why on standard error; the report was still written
    *) echo "assess-clients: $profile: cio-gap failed (exit $status)" >&2; note 2
       if [[ -n $previous ]]; then mv "$previous" "$report"; fi  # keep the baseline
       continue ;;
  esac

  if [[ -z $previous ]]; then
    summary "$name: first report (score $(score "$report")), the baseline of the next run"
    continue
  fi
  status=0
  changes=$("$cio_gap" diff "$previous" "$report" "$drop_check") || status=$?
  rm -f "$previous"
  case $status in
    0) summary "$changes" ;;
    1) summary "$changes"; note 1 ;;  # cio-gap said on standard error whose part dropped
    *) echo "assess-clients: $name: cannot compare with the previous report" >&2; note 2 ;;
  esac
done

# One Markdown report per client, from a single scan of the postings.
"$cio_gap" assess "$clients" "$jobs" --format markdown --output-dir "$reports" --quiet || note 2

exit "$failed"
