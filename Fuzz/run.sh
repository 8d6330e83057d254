#!/bin/sh
# Builds the libFuzzer harness over DagforgeSQL's sources and runs it for FUZZ_SECONDS (default 60).
# Seeds come from the quality corpus; crashes are written to .build/fuzz/ as crash-*.
set -eu
cd "$(dirname "$0")/.."
SECONDS_TO_RUN="${FUZZ_SECONDS:-60}"
OUT=.build/fuzz
mkdir -p "$OUT/corpus"
cp Tests/Fixtures/sql/corpus/*.sql "$OUT/corpus/"
swiftc -parse-as-library -sanitize=fuzzer,address -O -module-name DagforgeSQLFuzz \
    $(find Sources/DagforgeSQL -name '*.swift' | sort) Fuzz/LineageFuzzer.swift -o "$OUT/lineage-fuzzer"
exec "$OUT/lineage-fuzzer" -max_total_time="$SECONDS_TO_RUN" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$OUT/" -print_final_stats=1 "$OUT/corpus"
