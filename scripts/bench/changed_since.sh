#!/usr/bin/env bash
# Measures `dagforge validate --changed-since HEAD` with one changed file (in a workflow another one depends on) on the generated 4,000-workflow
# repository (scripts/bench/generate_specs.py), next to a whole-repository validate: wall time, CPU time
# and peak RSS from /usr/bin/time. DAGFORGE_BIN picks the binary (default: the release build).
set -euo pipefail
root="${BENCH_SPECS_DIR:-/tmp/dagforge-bench-specs}"
binary="${DAGFORGE_BIN:-.build/release/dagforge}"
[ -d "$root/workflows" ] || python3 scripts/bench/generate_specs.py "$root" --workflows 4000 --tasks 10
git -C "$root" checkout -q -- workflows
echo "-- changed by the benchmark" >> "$root/workflows/wf2678/t08.sql"

measure() {
  local label="$1"; shift
  /usr/bin/time -f "$label: wall %e s, user+sys %U+%S s, peak RSS %M KB" "$binary" validate --repo "$root" "$@" > /dev/null || true
}

# The outlines of unchanged folders are kept between runs (docs/cli.md); a fresh cache folder makes the
# first run cold, and the next ones find it warm, as a CI job that keeps DAGFORGE_CACHE_DIR would.
export DAGFORGE_CACHE_DIR="$(mktemp -d)"
trap 'git -C "$root" checkout -q -- workflows; rm -rf "$DAGFORGE_CACHE_DIR"' EXIT
measure "validate --changed-since HEAD, no outlines kept yet" --changed-since HEAD
"$binary" validate --repo "$root" --changed-since HEAD | grep '^impact'
for run in 1 2 3; do measure "validate --changed-since HEAD (warm, run $run)" --changed-since HEAD; done
measure "validate (whole repository)"
