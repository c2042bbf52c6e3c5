#!/usr/bin/env bash
# The speed-and-scale benchmark (issue 5). Generates the corpus, then measures, on the same
# inputs and in the same run: jejak's full audit, ripgrep searching the unpacked files for every
# phrase of the rulebook, and a parse-only pass (serde_json, nothing kept) as the floor.
# Wall time and peak memory come from /usr/bin/time. Results go to bench/RESULTS.md.
#
#   bench/run.sh                 # 2 GB X account, 2,000 small accounts, heavy FB and IG accounts
#   BIG=200M SMALL=200 HEAVY=50M HEAVY_EACH=20M RUNS=1 bench/run.sh   # a quick run
# Each tool runs RUNS times (3 by default) on each input; the table gives the median time.
# Needs: cargo, ripgrep (`apt-get install ripgrep`), GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
BIG=${BIG:-2G}
SMALL=${SMALL:-2000}
SMALL_POSTS=${SMALL_POSTS:-300}
RUNS=${RUNS:-3}
HEAVY=${HEAVY:-200M}
HEAVY_MANY=${HEAVY_MANY:-4}
HEAVY_EACH=${HEAVY_EACH:-100M}
WORK=${WORK:-$(mktemp -d /tmp/jejak-bench.XXXXXX)}
OUT=${OUT:-bench/RESULTS.md}

command -v rg >/dev/null || { echo "ripgrep is required: apt-get install ripgrep" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "GNU time is required: apt-get install time" >&2; exit 2; }

cargo build --release --locked --bin jejak --example corpus --example parse_floor
jejak=target/release/jejak
corpus=target/release/examples/corpus
floor=target/release/examples/parse_floor

echo "== corpus in $WORK"
rm -rf "$WORK"/{big,small,big-zip,small-zip}
"$corpus" --out "$WORK/big" --accounts 1 --platform x --target-bytes "$BIG" --violations 0.03 --seed 1
"$corpus" --out "$WORK/small" --accounts "$SMALL" --platform mixed --posts-per-account "$SMALL_POSTS" --violations 0.03 --seed 2
"$corpus" --out "$WORK/big-zip" --accounts 1 --platform x --target-bytes "$BIG" --violations 0.03 --seed 1 --zip
"$corpus" --out "$WORK/small-zip" --accounts "$SMALL" --platform mixed --posts-per-account "$SMALL_POSTS" --violations 0.03 --seed 2 --zip
"$jejak" rules phrases > "$WORK/phrases.txt"

# Runs a command RUNS times under GNU time; prints "seconds peak_kb": the median time (this
# kind of machine's speed drifts from run to run) and the highest peak.
measure() {
  local log="$WORK/time.log" runs=()
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -f "%e %M" -o "$log" "$@" > "$WORK/last.out" 2>&1 || [ $? -le 1 ]
    runs+=("$(tail -n 1 "$log")")
  done
  printf '%s\n' "${runs[@]}" | python3 -c "
import sys, statistics
rows = [line.split() for line in sys.stdin if line.strip()]
print(statistics.median(float(r[0]) for r in rows), max(int(r[1]) for r in rows))"
}
mb() { du -sm --apparent-size "$1" | cut -f1; }
items() { python3 -c "import json,sys; s=json.load(open(sys.argv[1])); print(sum(sum(a['items'].values()) for a in s['accounts']))" "$1"; }

rows=()
for set in big small; do
  dir="$WORK/$set"
  size=$(mb "$dir")
  # Warm the page cache so every tool reads from memory, as the second run of an audit does.
  find "$dir" -type f -exec cat {} + > /dev/null
  read -r rg_s rg_kb < <(measure rg -c -i -F -f "$WORK/phrases.txt" "$dir")
  read -r floor_s floor_kb < <(measure "$floor" "$dir")
  read -r jj_s jj_kb < <(measure "$jejak" audit "$dir" --out "$WORK/report-$set" --quiet)
  n=$(items "$WORK/report-$set/summary.json")
  zdir="$WORK/$set-zip"
  zsize=$(mb "$zdir")
  find "$zdir" -type f -exec cat {} + > /dev/null
  read -r jz_s jz_kb < <(measure "$jejak" audit "$zdir" --out "$WORK/report-$set-zip" --quiet)
  largest=$(find "$dir" -type f -printf '%s\n' | sort -n | tail -1)
  rows+=("$set|$size|$n|$rg_s|$floor_s|$jj_s|$jz_s|$zsize|$jj_kb|$jz_kb|$((largest / 1048576))")
  echo "$set: ${size} MB, $n items; rg ${rg_s}s, floor ${floor_s}s, jejak ${jj_s}s (${jj_kb} KB), zipped ${jz_s}s (${jz_kb} KB)"
done

# Memory must not grow with the number of accounts: the same kind of batch, 100 accounts.
"$corpus" --out "$WORK/small-100" --accounts 100 --platform mixed --posts-per-account "$SMALL_POSTS" --violations 0.03 --seed 2
read -r flat_s flat_kb < <(measure "$jejak" audit "$WORK/small-100" --out "$WORK/report-small-100" --quiet)
small_kb=$(for r in "${rows[@]}"; do IFS='|' read -r set _ _ _ _ _ _ _ kb _ _ <<< "$r"; [ "$set" = small ] && echo "$kb"; done)
echo "flat: 100 accounts ${flat_kb} KB, $SMALL accounts ${small_kb} KB"

# Heavy Facebook and Instagram accounts: their exports put every entry of a kind in one JSON
# file, so the largest file, not the account, is what memory must be bounded by.
heavy_rows=()
# heavy <label> <platform> <accounts> <bytes per account> <seed>
heavy() {
  local label=$1 platform=$2 accounts=$3 bytes=$4 seed=$5
  local name="heavy-$platform-$accounts-x-$bytes"
  local dir="$WORK/$name" h_s h_kb h_n largest
  rm -rf "$dir"
  "$corpus" --out "$dir" --accounts "$accounts" --platform "$platform" --target-bytes "$bytes" --violations 0.03 --seed "$seed"
  find "$dir" -type f -exec cat {} + > /dev/null
  read -r h_s h_kb < <(measure "$jejak" audit "$dir" --out "$WORK/report-$name" --quiet)
  [ -n "$h_s" ] || { echo "jejak failed on $dir" >&2; exit 1; }
  h_n=$(items "$WORK/report-$name/summary.json")
  largest=$(find "$dir" -type f -printf '%s\n' | sort -n | tail -1)
  heavy_rows+=("$label|$(mb "$dir")|$h_n|$h_s|$h_kb|$((largest / 1048576))")
  echo "heavy $label: ${h_s}s, ${h_kb} KB"
}
for platform in facebook instagram; do
  heavy "$platform" "$platform" 1 "$HEAVY" 7
done
# Several heavy accounts at once: each thread reads one, so memory must stay within the same
# line however many accounts there are (the line's "2 ×" is for two threads).
for platform in facebook instagram; do
  heavy "$HEAVY_MANY × $platform" "$platform" "$HEAVY_MANY" "$HEAVY_EACH" 11
done

{
  echo "# Benchmark results"
  echo
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo) RAM, $(uname -sr); $(rustc --version)."
  echo "Run: \`BIG=$BIG SMALL=$SMALL SMALL_POSTS=$SMALL_POSTS RUNS=$RUNS bench/run.sh\` on $(date -u +%Y-%m-%d)."
  echo "Files are in the page cache for every tool (read once before timing). Times are the median of $RUNS runs of each tool, peaks the highest."
  echo
  echo "| input | MB | items | ripgrep s | parse floor s | jejak s | jejak zipped s | zipped MB | jejak / rg | throughput vs floor | zipped / unpacked | items/s | MB/s | peak MB (unpacked / zipped) | largest file MB |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
  for r in "${rows[@]}"; do
    IFS='|' read -r set size n rg_s floor_s jj_s jz_s zsize jj_kb jz_kb largest <<< "$r"
    python3 - "$set" "$size" "$n" "$rg_s" "$floor_s" "$jj_s" "$jz_s" "$zsize" "$jj_kb" "$jz_kb" "$largest" <<'PY'
import sys
s, size, n, rg, fl, jj, jz, zs, jkb, zkb, lg = sys.argv[1:]
size, n, rg, fl, jj, jz = float(size), int(n), float(rg), float(fl), float(jj), float(jz)
print(f"| {s} | {size:.0f} | {n:,} | {rg:.2f} | {fl:.2f} | {jj:.2f} | {jz:.2f} | {zs} | {jj/rg:.1f}× | {fl/jj*100:.0f} % | {jz/jj:.2f}× | {n/jj:,.0f} | {size/jj:.0f} | {int(jkb)//1024} / {int(zkb)//1024} | {lg} |")
PY
  done
  echo
  echo "Peak memory by number of accounts (same kind of accounts, unpacked): 100 accounts $((flat_kb / 1024)) MB, $SMALL accounts $((small_kb / 1024)) MB."
  echo
  echo "Heavy accounts of the platforms that write a kind's every entry in one file: one alone (\`corpus --platform P --target-bytes $HEAVY\`) and $HEAVY_MANY at once (\`--accounts $HEAVY_MANY --target-bytes $HEAVY_EACH\`):"
  echo
  echo "| account | MB | items | jejak s | items/s | peak MB | largest file MB | limit (2 × largest + 150) MB |"
  echo "|---|---|---|---|---|---|---|---|"
  for r in "${heavy_rows[@]}"; do
    IFS='|' read -r platform size n secs kb largest <<< "$r"
    python3 - "$platform" "$size" "$n" "$secs" "$kb" "$largest" <<'PY'
import sys
p, size, n, secs, kb, lg = sys.argv[1:]
n, secs, lg = int(n), float(secs), int(lg)
print(f"| {p} | {size} | {n:,} | {secs:.2f} | {n/secs:,.0f} | {int(kb)//1024} | {lg} | {2*lg+150} |")
PY
  done
  echo
  echo "- ripgrep: \`rg -c -i -F -f <(jejak rules phrases) DIR\` (every phrase of the rulebook, normalised)."
  echo "- parse floor: \`target/release/examples/parse_floor DIR\` (serde_json into IgnoredAny, files in parallel)."
  echo "- jejak: \`jejak audit DIR --out REPORT --quiet\` (read, parse, normalise, every rule, every report file)."
} > "$OUT.new"
if [ -f "$OUT" ] && grep -q '^## Analysis' "$OUT"; then
  # Keep the hand-written analysis below the measured table.
  sed -n '/^## Analysis/,$p' "$OUT" >> "$OUT.new"
fi
mv "$OUT.new" "$OUT"
echo "written: $OUT"
