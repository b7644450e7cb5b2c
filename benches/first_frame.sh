#!/usr/bin/env bash
# First frame of the home screen, peak memory and `stats`, from process start (issues 5, 17).
#
#   bash benches/first_frame.sh [RUNS]
#
# Budgets (medians, issue 17): built-in decks <= 4 ms; 10,000 cards and 100,000 reviews no
# slower than vocage on 10,000 cards (when vocage is installed; else <= 60 ms); 1,000,000
# reviews <= 30 ms and <= 100 MB resident; `prepdeck stats` at 1,000,000 reviews <= 150 ms.
#
# First frame: ../shared/tools/ttfr.py (spawns the binary on a 120x30 pty, times until "All
# decks" is on screen, kills it), started as a user starts it: `prepdeck` alone, with
# PREPDECK_HOME. Peak resident memory and `stats`: benches/peak.py (VmHWM when the home screen
# shows; wall time and ru_maxrss of a whole `stats`); CPU time before the first frame:
# benches/cpu_frame.py (the process stopped when the frame shows, its threads' CPU read).
# Fixtures (written by examples/gen_fixtures.rs) go to a temporary folder. Caches are warm (the
# home snapshot too, written by a start left on screen until they are on disk) except in the
# "no progress cache" line, which deletes it and the home snapshot before every run (the first
# start after the state file changed elsewhere). vocage (`cargo install vocage`) gets an
# equivalent deck of 10,000 cards in 12 categories as TSV; without it its line says so and its
# budget is 60 ms. Prints the load average before and after: figures taken while the machine is
# busy are noisy.
# Exits 1 when a budget is missed.
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-15}"
# The team's shared tools sit beside the main checkout (../shared) or, from a lane's worktree
# (wt/<lane>), one level further up.
if [ -z "${TTFR:-}" ] && [ ! -f ../shared/tools/ttfr.py ] && [ -f ../../shared/tools/ttfr.py ]; then
  TTFR=../../shared/tools/ttfr.py
fi
ttfr="${TTFR:-../shared/tools/ttfr.py}"
peak="$PWD/benches/peak.py"
cpu="$PWD/benches/cpu_frame.py"
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
"$gen" "$dir/huge" 10000 1000000 >/dev/null
# The app on home until the caches a start writes after its first frame are on disk (the
# progress cache and the home snapshot; at a million reviews that takes two to three seconds,
# more on a busy machine), then killed; ttfr.py's runs are killed as soon as the frame shows
# and would never write them. Gives up after 60 s with a message: the figures that follow
# would then be of a start without its caches.
warm() {
  python3 - "$@" <<'PY'
import os, pty, select, signal, sys, time
home = sys.argv[3]
wanted = [os.path.join(home, "cache", f) for f in ("progress.bin", "home.bin")]
state = os.path.join(home, "state.jsonl")
has_history = os.path.exists(state) and os.path.getsize(state) > 0
pid, fd = pty.fork()
if pid == 0:
    os.execv(sys.argv[1], sys.argv[1:])
start = time.time()
end = start + 60
while time.time() < end:
    if select.select([fd], [], [], 0.1)[0]:
        try:
            os.read(fd, 65536)
        except OSError:
            break
    if time.time() - start > 1.5 and (not has_history or all(os.path.exists(w) for w in wanted)):
        break
else:
    print(f"warning: {home}: the caches were not written within 60 s", file=sys.stderr)
time.sleep(0.2)
os.kill(pid, signal.SIGKILL)
os.waitpid(pid, 0)
PY
}
# Caches are written only for a state file that has been still for a second: the fixtures
# were just written, so wait first.
sleep 1.1
for h in empty nohist big huge; do warm "$bin" --home "$dir/$h"; done

median() { sed -n 's/.*median \([0-9.]*\).*/\1/p' | head -n1; }
over() { awk -v m="$1" -v b="$2" 'BEGIN { exit !(m > b) }'; }
failed=0
# name budget-ms command...: the first frame's median, checked against the budget.
measure() {
  local name="$1" budget="$2"; shift 2
  local out med
  if ! out="$(python3 "$ttfr" 'All decks' "$runs" "$@")" || [[ "$out" != *"($runs/$runs found)"* ]]; then
    printf '  %-46s %s\n' "$name" "${out:-ttfr.py failed}"
    echo "failed: $name: the home screen did not appear in every run" >&2
    failed=1
    return
  fi
  med="$(printf '%s\n' "$out" | median)"
  printf '  %-46s %s\n' "$name" "$out"
  if [ -n "$budget" ] && over "$med" "$budget"; then
    echo "over budget: $name must take at most $budget ms (median $med)" >&2
    failed=1
  fi
}
# name budget-ms budget-MB peak.py-arguments...: wall time and peak resident memory.
resident() {
  local name="$1" ms="$2" mb="$3"; shift 3
  local out med peak_mb
  if ! out="$(python3 "$peak" "$@")"; then
    printf '  %-46s %s\n' "$name" "${out:-peak.py failed}"
    echo "failed: $name" >&2
    failed=1
    return
  fi
  printf '  %-46s %s\n' "$name" "$out"
  med="$(printf '%s\n' "$out" | sed -n 's/.*wall ms: min [0-9.]* median \([0-9.]*\).*/\1/p')"
  peak_mb="$(printf '%s\n' "$out" | sed -n 's/.*peak resident MB: median \([0-9.]*\).*/\1/p')"
  if [ -n "$ms" ] && over "$med" "$ms"; then
    echo "over budget: $name must take at most $ms ms (median $med)" >&2
    failed=1
  fi
  if [ -n "$mb" ] && over "$peak_mb" "$mb"; then
    echo "over budget: $name must stay within $mb MB resident (median $peak_mb)" >&2
    failed=1
  fi
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "first frame of the home screen (ttfr.py, $runs runs; ms)"
measure "floor of the method (sh -c 'echo All decks')" "" sh -c 'echo All decks'
vocage_ms=60
if command -v vocage >/dev/null; then
  python3 - "$dir/vocage.tsv" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("QUESTION\tANSWER\tCATEGORY\n")
    for i in range(10000):
        f.write(f"Question number {i} about topic {i % 12}?\t"
                f"An answer of a few words for card {i}, explained briefly.\tcat-{i % 12}\n")
PY
  if ! out="$(python3 "$ttfr" 'Question number' "$runs" vocage "$dir/vocage.tsv")" ||
    [[ "$out" != *"($runs/$runs found)"* ]]; then
    echo "failed: vocage did not show its first card in every run: ${out:-ttfr.py failed}" >&2
    exit 1
  fi
  version="$(cargo install --list 2>/dev/null | sed -n 's/^vocage v\([0-9.]*\):.*/\1/p')"
  printf '  %-46s %s\n' "vocage ${version:-(installed)}, 10,000 cards (TSV)" "$out"
  vocage_ms="$(printf '%s\n' "$out" | median)"
else
  printf '  %-46s %s\n' "vocage, 10,000 cards" "skipped: vocage is not installed (cargo install vocage); budget 60 ms"
fi
# The app as a user starts it: `prepdeck` alone, its data folder from PREPDECK_HOME (with
# `--home DIR` the command line goes through clap, about 0.5 ms more: see performance.md).
PREPDECK_HOME="$dir/empty" measure "built-in decks" 4 "$bin"
PREPDECK_HOME="$dir/nohist" measure "10,000 cards, no history" "" "$bin"
PREPDECK_HOME="$dir/big" measure "10,000 cards, 100,000 reviews (<= vocage)" "$vocage_ms" "$bin"
# The first start after the state file changed elsewhere: neither the progress cache nor the
# home snapshot is the file's.
PREPDECK_HOME="$dir/big" measure "10,000 / 100,000, no progress cache" "" \
  sh -c "rm -f '$dir/big/cache/progress.bin' '$dir/big/cache/home.bin'; exec '$bin'"
warm "$bin" --home "$dir/big"
PREPDECK_HOME="$dir/huge" measure "10,000 cards, 1,000,000 reviews" 30 "$bin"
echo "peak resident memory at the first frame, and whole commands (peak.py, $runs runs)"
resident "first frame, 10,000 / 100,000" "" "" frame 'All decks' "$runs" "$bin" --home "$dir/big"
resident "first frame, 10,000 / 1,000,000" "" 100 frame 'All decks' "$runs" "$bin" --home "$dir/huge"
resident "stats, 10,000 / 100,000" "" "" run "$runs" "$bin" --home "$dir/big" stats
resident "stats, 10,000 / 1,000,000" 150 100 run "$runs" "$bin" --home "$dir/huge" stats
# CPU time before the first frame (all threads, from the process's own accounting): moves much
# less with the machine's load than the wall times above, so it is the figure to compare two
# builds by on a busy machine. No budget: the goals are wall times.
echo "CPU time before the first frame (cpu_frame.py, $runs runs; ms)"
for h in "built-in decks:empty" "10,000 cards, no history:nohist" "10,000 cards, 100,000 reviews:big" \
  "10,000 cards, 1,000,000 reviews:huge"; do
  printf '  %-46s %s\n' "${h%%:*}" "$(PREPDECK_HOME="$dir/${h##*:}" python3 "$cpu" 'All decks' "$runs" "$bin")"
done
echo "state file at 1,000,000 reviews: $(( $(stat -c %s "$dir/huge/state.jsonl") / 1000000 )) MB"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
exit "$failed"
