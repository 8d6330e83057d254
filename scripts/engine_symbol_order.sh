#!/bin/bash
# Regenerates scripts/engine-symbol-order.txt, the order lld lays out dagforge-engine's functions and data in
# (`--symbol-ordering-file`, Package.swift): the functions and data the engine page-faults in, and the functions on
# the stack at each fault, from start until 1 s after its first answer, first touched first. Start-up code then fills a few neighbouring 64 KB windows instead of one page
# here and there across 18 MB of text (the kernel maps up to 16 pages around each fault), which takes about 4 MB
# off the idle engine's RSS (docs/benchmarks.md). Each round relinks with the list so far and profiles again: a
# symbol mapped by another fault's fault-around only faults once its neighbours have moved away. Needs perf
# (apt: linux-perf). Run it after changes to the engine's start-up: `make engine-symbol-order`.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
order="$root/scripts/engine-symbol-order.txt"
binary="$root/.build/release/dagforge-engine"
rounds=${ROUNDS:-8}
work=$(mktemp -d /tmp/dagforge-symbol-order-XXXXXX)
trap 'rm -rf "$work"' EXIT
: > "$order"

for round in $(seq "$rounds"); do
    # The order file is no input SwiftPM tracks: remove the binary so that it links again.
    rm -f "$binary"
    (cd "$root" && swift build -c release --product dagforge-engine > "$work/build.log" 2>&1) || { cat "$work/build.log"; exit 1; }
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    perf record -q -e page-faults -c 1 -g -o "$work/faults.data" "$binary" --port "$port" --data-dir "$work/data-$round" 2>/dev/null &
    perf_pid=$!
    until curl -s -o /dev/null "http://127.0.0.1:$port/dolphinscheduler/openapi.json"; do sleep 0.05; done
    sleep 1
    kill -INT "$(pgrep -P "$perf_pid")"
    wait "$perf_pid" || true
    before=$(wc -l < "$order")
    perf script -i "$work/faults.data" -F ip,sym,dso --no-demangle 2>/dev/null \
        | awk '/dagforge-engine\)$/ && $2 != "[unknown]" { sub(/\+0x[0-9a-f]+$/, "", $2); print $2 }' \
        | awk -v known="$order" 'BEGIN { while ((getline line < known) > 0) seen[line] = 1 } !seen[$0]++' >> "$order"
    echo "round $round: $(( $(wc -l < "$order") - before )) new symbols, $(wc -l < "$order") in all"
done
rm -f "$binary"
(cd "$root" && swift build -c release --product dagforge-engine > /dev/null)
