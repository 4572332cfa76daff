#!/usr/bin/env bash
# Scale benchmark: the whole pipeline (all extractors, Parquet out) on growing
# slices of the ANT multi-source corpus (31,525 real news articles, 2018).
# Prints a Markdown table: articles, MB of article text, wall time, MB/s,
# articles/s, peak RSS, time per MB relative to the first slice, and the
# slowest stages (from manifest.json).
#
#   bench/scale.sh                 # slices 1000 5000 10000 all
#   bench/scale.sh 1000 5000       # chosen sizes
#   KHABAR_ANT=path/to/ant.jsonl.xz bench/scale.sh
#
# The corpus is not part of the repository (shared/corpora); without it the
# script says so and exits 0.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${KHABAR_ANT:-../shared/corpora/ant-multisource-v2.1/ant_multisource_v2.1.jsonl.xz}
if [ ! -f "$corpus" ]; then
  echo "SKIP: ANT corpus not found at $corpus (set KHABAR_ANT)"
  exit 0
fi
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 5000 10000 all)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/khabar" ./cmd/khabar
# ANT records: id, title, time ("Sun, 18 Feb 2018 12:26:59 GMT"), source, text.
xz -dc "$corpus" | jq -c '{id, title, published: .time, source, text}' > "$work/all.jsonl"
total=$(wc -l < "$work/all.jsonl")
echo "| articles | MB | seconds | MB/s | articles/s | peak RSS MB | s per MB vs first | slowest stages (s) |"
echo "|---|---|---|---|---|---|---|---|"
first=""
for n in "${sizes[@]}"; do
  [ "$n" = all ] && n=$total
  head -n "$n" "$work/all.jsonl" > "$work/slice.jsonl"
  mb=$(jq -r '.text' "$work/slice.jsonl" | wc -c | awk '{printf "%.1f", $1/1e6}')
  /usr/bin/time -f "%e %M" -o "$work/time" "$work/khabar" run --in "$work/slice.jsonl" --out "$work/out" \
    --format parquet --quiet >/dev/null 2>&1 || true
  # a non-zero exit (some input failed) puts "Command exited with non-zero status" first
  read -r secs kb < <(tail -n 1 "$work/time")
  perMB=$(awk -v s="$secs" -v m="$mb" 'BEGIN{printf "%.4f", s/m}')
  [ -n "$first" ] || first=$perMB
  stages=$(jq -r '[.run.timings[] | select(.ms > 0)] | sort_by(-.ms) | .[:4] | map("\(.stage) \((.ms/100|floor)/10)") | join(", ")' "$work/out/manifest.json")
  awk -v n="$n" -v mb="$mb" -v s="$secs" -v kb="$kb" -v p="$perMB" -v f="$first" -v st="$stages" \
    'BEGIN{printf "| %d | %.1f | %.1f | %.2f | %.0f | %.0f | %.2f | %s |\n", n, mb, s, mb/s, n/s, kb/1024, p/f, st}'
done
