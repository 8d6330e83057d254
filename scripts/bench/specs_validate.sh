#!/usr/bin/env bash
# Measures `dagforge validate` (release build) on a generated 4,000-workflow / 40,000-task repository,
# from the working tree and from a git revision: wall time and peak RSS from /usr/bin/time -v.
set -euo pipefail
root="${BENCH_SPECS_DIR:-/tmp/dagforge-bench-specs}"
binary="${DAGFORGE_BIN:-.build/release/dagforge}"
[ -d "$root/workflows" ] || python3 scripts/bench/generate_specs.py "$root" --workflows 4000 --tasks 10

measure() {
  local label="$1"; shift
  local log
  log="$(mktemp)"
  # validate exits 1 when the generated specs have warnings only with --strict; keep its exit code visible.
  /usr/bin/time -v "$binary" validate --repo "$root" "$@" > /dev/null 2> "$log" || true
  local wall rss
  wall="$(grep 'Elapsed (wall clock)' "$log" | awk '{print $NF}')"
  rss="$(grep 'Maximum resident set size' "$log" | awk '{print $NF}')"
  printf '%-28s wall %8s   peak RSS %6d MB\n' "$label" "$wall" "$((rss / 1024))"
  rm -f "$log"
}

"$binary" validate --repo "$root" | tail -1
measure "validate (working tree)"
measure "validate --rev HEAD" --rev HEAD
