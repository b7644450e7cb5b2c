#!/usr/bin/env bash
# Two builds of prepdeck side by side on the same fixtures, alternating (issue 17): for a
# change measured while the machine is busy, where the wall-clock figures of one run of
# benches/first_frame.sh cannot be compared with an earlier run's.
#
#   bash benches/side_by_side.sh OLD_BINARY NEW_BINARY [RUNS]
#
# Makes 10,000 cards with 100,000 and 1,000,000 reviews (examples/gen_fixtures), one home per
# build (each keeps its own caches), warms the caches, then for each build, twice: the first
# frame (../shared/tools/ttfr.py), peak resident memory at it and `stats` (benches/peak.py),
# and the CPU to the first frame (`perf stat -e task-clock` over ttfr.py: the app's and
# ttfr.py's own; the floor line gives ttfr.py's share).
set -euo pipefail
cd "$(dirname "$0")/.."
old="$1" new="$2" runs="${3:-15}"
if [ -z "${TTFR:-}" ] && [ ! -f ../shared/tools/ttfr.py ] && [ -f ../../shared/tools/ttfr.py ]; then
  TTFR=../../shared/tools/ttfr.py
fi
ttfr="${TTFR:-../shared/tools/ttfr.py}"
peak="$PWD/benches/peak.py"
cargo build --release -q --example gen_fixtures
gen="$PWD/target/release/examples/gen_fixtures"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
for size in 100000 1000000; do
  "$gen" "$dir/new-$size" 10000 "$size" >/dev/null
  cp -r "$dir/new-$size" "$dir/old-$size"
done
for which in old new; do
  bin="${!which}"
  for size in 100000 1000000; do
    # The first start writes the caches; the one after a second records the state file's stamp.
    python3 "$ttfr" 'All decks' 1 "$bin" --home "$dir/$which-$size" >/dev/null
    sleep 1.2
    python3 "$ttfr" 'All decks' 1 "$bin" --home "$dir/$which-$size" >/dev/null
  done
done
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in 1 2; do
  for which in old new; do
    bin="${!which}"
    echo "$which, 100,000 reviews, first frame: $(python3 "$ttfr" 'All decks' "$runs" "$bin" --home "$dir/$which-100000")"
    echo "$which, 1,000,000 reviews, first frame: $(python3 "$ttfr" 'All decks' "$runs" "$bin" --home "$dir/$which-1000000")"
    echo "$which, 1,000,000 reviews, first frame: $(python3 "$peak" frame 'All decks' "$runs" "$bin" --home "$dir/$which-1000000")"
    echo "$which, 1,000,000 reviews, stats: $(python3 "$peak" run "$runs" "$bin" --home "$dir/$which-1000000" stats)"
    cpu=$(perf stat -x, -e task-clock -- python3 "$ttfr" 'All decks' 20 "$bin" --home "$dir/$which-1000000" 2>&1 >/dev/null | grep task-clock | cut -d, -f1)
    echo "$which, 1,000,000 reviews, CPU to the first frame with ttfr.py: $(echo "$cpu / 20" | bc -l | cut -c1-5) ms a run"
  done
done
cpu=$(perf stat -x, -e task-clock -- python3 "$ttfr" 'All decks' 20 sh -c 'echo All decks; sleep 1' 2>&1 >/dev/null | grep task-clock | cut -d, -f1)
echo "floor (sh -c 'echo All decks'), CPU with ttfr.py: $(echo "$cpu / 20" | bc -l | cut -c1-5) ms a run"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
