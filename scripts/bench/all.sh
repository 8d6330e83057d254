#!/usr/bin/env bash
# `make bench`: every benchmark in turn on the release build, then one table of every figure the issues set
# targets for, printed and written into docs/benchmarks.md (scripts/bench/summary.py). The whole output is kept
# in $BENCH_LOG (default /tmp/dagforge-bench.log). Takes about 10 minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/../.."
export DAGFORGE_BIN="${DAGFORGE_BIN:-.build/release/dagforge}"
log="${BENCH_LOG:-/tmp/dagforge-bench.log}"
: > "$log"

section() {
  printf '\n== %s\n' "$1" | tee -a "$log"
  shift
  "$@" 2>&1 | tee -a "$log"
}

# The burst first: every other benchmark ends by deleting a tree of tens of thousands of files, and on ext4
# without a journal each inode allocated in the next minutes skips over the freed ones, which made the burst's
# file creations cost several times more (docs/benchmarks.md, "Engine night burst").
section "engine night burst" python3 scripts/bench/engine_burst.py --instances "${BURST_INSTANCES:-4000}"
section "validate (4,000 workflows / 40,000 tasks)" scripts/bench/specs_validate.sh
section "validate --changed-since" scripts/bench/changed_since.sh
section "engine API" python3 scripts/bench/engine_api.py "$DAGFORGE_BIN" 4000
section "deploy" scripts/bench/deploy_bench.sh
section "SQL lineage" scripts/bench/lineage_bench.sh

printf '\n== Summary\n'
python3 scripts/bench/summary.py "$log" --doc docs/benchmarks.md
