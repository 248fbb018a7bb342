#!/usr/bin/env bash
# A rule pack's compiled rules are cached between runs: the first run writes the entry, the
# second reads it, and the report is the same byte for byte whether the entry is fresh, was
# read back, is damaged, or the cache folder cannot be written at all.
# usage: rules_cache_cli.sh CIO_GAP SOURCE_DIR
set -euo pipefail
bin=$(realpath "$1") root=$(realpath "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "rules_cache_cli: $*" >&2; exit 1; }
cd "$root"
run() { SOURCE_DATE_EPOCH=1767225600 "$bin" assess examples/me.yaml examples/jobs --format json --quiet \
          --rules tests/fixtures/rules/extends-pack --rules tests/fixtures/rules/good-pack; }

CIO_GAP_NO_CACHE=1 XDG_CACHE_HOME=$work/cache run > "$work/plain.json"
[[ ! -e $work/cache ]] || fail "CIO_GAP_NO_CACHE=1 wrote a cache"

XDG_CACHE_HOME=$work/cache run > "$work/first.json"
entries=("$work"/cache/cio-gap/rules-*.image)
[[ ${#entries[@]} == 1 && -f ${entries[0]} ]] || fail "the first run left no single cache entry: ${entries[*]}"
written=$(stat -c %Y.%i "${entries[0]}")
XDG_CACHE_HOME=$work/cache run > "$work/second.json"
[[ $(stat -c %Y.%i "${entries[0]}") == "$written" ]] || fail "the second run rewrote the cache entry instead of reading it"

# Damaged: one byte in the middle flipped, then cut short; each run writes it again.
size=$(stat -c %s "${entries[0]}")
printf '\x5a' | dd of="${entries[0]}" bs=1 seek=$((size / 2)) conv=notrunc status=none
XDG_CACHE_HOME=$work/cache run > "$work/flipped.json"
truncate -s $((size / 3)) "${entries[0]}"
XDG_CACHE_HOME=$work/cache run > "$work/truncated.json"
[[ $(stat -c %s "${entries[0]}") == "$size" ]] || fail "a damaged entry was not written again"

# A cache folder that cannot be made (under a regular file): no error, the same report.
touch "$work/file"
XDG_CACHE_HOME=$work/file run > "$work/unwritable.json"

for out in first second flipped truncated unwritable; do
  cmp -s "$work/plain.json" "$work/$out.json" || fail "the report with the cache ($out) differs from the one without"
done
echo "rules_cache_cli: the same report without the cache, fresh, read back, damaged twice and unwritable"
