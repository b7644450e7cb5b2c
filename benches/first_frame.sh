#!/usr/bin/env bash
# First frame of the home screen, from process start, on a pseudo-terminal (issue 5):
# built-in decks < 20 ms; 10,000 cards and 100,000 reviews < 60 ms (medians).
#
#   bash benches/first_frame.sh [RUNS]
#
# Uses ../shared/tools/ttfr.py (spawns the binary on a 120x30 pty, times until "All decks" is
# on screen, kills it). Fixtures go to a temporary folder. Caches are warm except in the
# "no progress cache" line, which deletes it before every run (the first start after the
# state file changed elsewhere). Exits 1 when a budget is missed.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-15}"
ttfr="${TTFR:-../shared/tools/ttfr.py}"
[ -f "$ttfr" ] || { echo "ttfr.py not found at $ttfr (set TTFR)" >&2; exit 2; }

cargo build --release -q
cargo build --release -q --example gen_fixtures
bin="$PWD/target/release/prepdeck"
gen="$PWD/target/release/examples/gen_fixtures"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
mkdir -p "$dir/empty"
"$gen" "$dir/nohist" 10000 0 >/dev/null
"$gen" "$dir/big" 10000 100000 >/dev/null

median() { sed -n 's/.*median \([0-9.]*\).*/\1/p'; }
measure() { # name budget-ms command...
  local name="$1" budget="$2"; shift 2
  local out med
  if ! out="$(python3 "$ttfr" 'All decks' "$runs" "$@")" || [[ "$out" != *"($runs/$runs found)"* ]]; then
    printf '  %-44s %s\n' "$name" "${out:-ttfr.py failed}"
    echo "failed: $name: the home screen did not appear in every run" >&2
    failed=1
    return
  fi
  med="$(printf '%s\n' "$out" | median)"
  printf '  %-44s %s\n' "$name" "$out"
  if [ -n "$budget" ] && awk -v m="$med" -v b="$budget" 'BEGIN { exit !(m >= b) }'; then
    echo "over budget: $name must take under $budget ms (median $med)" >&2
    failed=1
  fi
}

failed=0
echo "first frame of the home screen (ttfr.py, $runs runs)"
measure "built-in decks" 20 "$bin" --home "$dir/empty"
measure "10,000 cards, no history" "" "$bin" --home "$dir/nohist"
measure "10,000 cards, 100,000 reviews" 60 "$bin" --home "$dir/big"
measure "10,000 / 100,000, no progress cache" "" \
  sh -c "rm -f '$dir/big/cache/progress.bin'; exec '$bin' --home '$dir/big'"
exit "$failed"
