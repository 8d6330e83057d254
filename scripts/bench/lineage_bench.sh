#!/bin/sh
# SQL lineage benchmark (make bench-lineage): builds dagforge in release mode, installs sqlglot and
# sqllineage into a venv if needed, and runs scripts/bench/lineage_bench.py. Extra arguments pass through.
set -eu
cd "$(dirname "$0")/../.."
VENV="${SQLBENCH_VENV:-/tmp/sqlbench-venv}"
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c 'import sqlglot, sqllineage' 2>/dev/null; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet sqlglot sqllineage
fi
swift build -c release --product dagforge
python3 scripts/bench/lineage_bench.py --dagforge .build/release/dagforge --python "$VENV/bin/python" "$@"
