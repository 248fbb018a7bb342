#!/usr/bin/env bash
# Assesses every client profile against the job postings, compares each score with the
# client's previous report, and fails when a score drops.
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
#
# Exit status: 0 all well; 1 a score dropped or a threshold was not met; 2 an input error.
set -euo pipefail

clients=${1:-clients}
jobs=${2:-jobs}
reports=${3:-reports}
cio_gap=${CIO_GAP:-cio-gap}

command -v "$cio_gap" >/dev/null || { echo "assess-clients: $cio_gap not found (set CIO_GAP)" >&2; exit 2; }
command -v jq >/dev/null || { echo "assess-clients: jq is needed to read the reports" >&2; exit 2; }

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

previous_dir=$(mktemp -d)
trap 'rm -rf "$previous_dir"' EXIT

failed=0  # 1: a score dropped or a threshold was not met; 2: an error
note() { if ((failed < $1)); then failed=$1; fi; }

summary() {  # also to the GitHub Actions job summary when there is one
  printf '%s\n\n' "$1"
  # shellcheck disable=SC2016  # the backticks are a Markdown code fence
  if [[ -n ${GITHUB_STEP_SUMMARY:-} ]]; then printf '```\n%s\n```\n\n' "$1" >>"$GITHUB_STEP_SUMMARY"; fi
}

for profile in "${profiles[@]}"; do
  name=$(basename "${profile%.*}")
  report="$reports/$name.json"
  previous=""
  if [[ -f $report ]]; then
    previous="$previous_dir/$name.json"
    cp "$report" "$previous"
  fi

  status=0
  "$cio_gap" assess "$profile" "$jobs" --format json --output "$report" --quiet "${thresholds[@]}" || status=$?
  case $status in
    0) ;;
    1) note 1 ;;  # the reason is on standard error; the report was still written
    *) echo "assess-clients: $profile: cio-gap failed (exit $status)" >&2; note 2; continue ;;
  esac

  score=$(jq -r '.score' "$report")
  if [[ -z $previous ]]; then
    summary "$name: score $score (first report)"
    continue
  fi
  if ! changes=$("$cio_gap" diff "$previous" "$report") ||
     ! dropped=$("$cio_gap" diff "$previous" "$report" --format json | jq 'any(.profiles[]; .change < 0)'); then
    echo "assess-clients: $name: cannot compare with the previous report" >&2
    note 2
    continue
  fi
  summary "$changes"
  if [[ $dropped == true ]]; then
    echo "assess-clients: $name: score dropped to $score" >&2
    note 1
  fi
done

# One Markdown report per client, from a single scan of the postings.
"$cio_gap" assess "$clients" "$jobs" --format markdown --output-dir "$reports" --quiet || note 2

exit "$failed"
