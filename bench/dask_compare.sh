#!/usr/bin/env bash
# Side by side, three times: assess on a generated folder, the Dask example on a two-worker
# LocalCluster over the same folder, and its reduce (assess --from-scan) alone; checks the
# reports are byte-identical. Wall and CPU time and peak RSS from GNU time.
#   bench/dask_compare.sh [FILES]    (default 20000; the corpus goes to build/bench-dask/)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
files=${1:-20000}
binary="$root/build/cio-gap"
work="$root/build/bench-dask"
corpus="$work/corpus-$files"
mkdir -p "$work"
if [ ! -d "$corpus" ] || [ "$(ls "$corpus" | wc -l)" -ne "$files" ]; then
  python3 "$root/../shared/bench/gen_corpus.py" "$corpus" --files "$files" --seed 7 >/dev/null
fi
cd "$work"
profile="$root/examples/me.yaml"
for run in 1 2 3; do
  /usr/bin/time -f "assess        wall %e s  cpu %U+%S s  rss %M KB" \
    "$binary" assess "$profile" "$corpus" --format json --quiet -o direct.json
  /usr/bin/time -f "dask example  wall %e s" \
    /usr/bin/python3 "$root/examples/dask/cio_gap_dask.py" "$profile" "$corpus" --shards 4 --workers 2 \
    --scan-threads 1 --cio-gap "$binary" --scans scans -- --format json --quiet -o dask.json
  /usr/bin/time -f "reduce alone  wall %e s  cpu %U+%S s  rss %M KB" \
    "$binary" assess "$profile" --from-scan scans --format json --quiet -o reduce.json
  cmp direct.json dask.json && cmp direct.json reduce.json && echo "run $run: the same report"
done
du -sh scans
uptime
