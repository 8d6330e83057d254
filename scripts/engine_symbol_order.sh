#!/bin/bash
# Regenerates scripts/engine-symbol-order.txt, the order lld lays out dagforge-engine's functions in
# (`--symbol-ordering-file`, Package.swift): every function the engine runs from start until 1 s after its first
# answer, then those a first login adds. The kernel maps a whole 64 KB window of the binary on each page fault, so
# start-up code packed into 2-3 MB instead of spread over 20 MB of text takes most of the binary's pages out of the
# idle engine's RSS (docs/benchmarks.md). The list comes from one run under callgrind, which sees every function
# executed (a page-fault profile sees only the first function per 64 KB window). Needs valgrind and objcopy
# (apt: valgrind binutils). Run it after changes to the engine's start-up: `make engine-symbol-order`.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
order="$root/scripts/engine-symbol-order.txt"
binary="$root/.build/release/dagforge-engine"
read -r -a flags <<< "${RELEASE_FLAGS:--c release}"
work=$(mktemp -d /tmp/dagforge-symbol-order-XXXXXX)
trap 'rm -rf "$work"' EXIT

relink() {
    # The order file is no input SwiftPM tracks: remove the binary so that it links again.
    rm -f "$binary"
    (cd "$root" && swift build "${flags[@]}" --product dagforge-engine > "$work/build.log" 2>&1) || { cat "$work/build.log"; exit 1; }
}

relink
# valgrind 3.19 (Debian 12) cannot read the DWARF of the toolchain's static libraries; the symbol table is enough.
objcopy --strip-debug "$binary" "$work/dagforge-engine"
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port/dolphinscheduler"
valgrind --tool=callgrind --callgrind-out-file="$work/calls" --dump-instr=no --demangle=no --compress-strings=no \
    "$work/dagforge-engine" --port "$port" --data-dir "$work/data" 2> "$work/valgrind.log" &
engine=$!
until curl -s -o /dev/null "$base/openapi.json"; do
    kill -0 "$engine" 2>/dev/null || { cat "$work/valgrind.log"; exit 1; }
    sleep 0.2
done
sleep 1
callgrind_control -d "$engine" > /dev/null  # calls.1: start-up, the first answer and the idle second after it
curl -s -o /dev/null -d 'userName=admin&userPassword=dolphinscheduler123' "$base/login"
sleep 1
kill -INT "$engine"
wait "$engine" || true  # calls: the login and what ran after it

# Each dump names the functions it ran as `fn=NAME` under `ob=OBJECT`; keep the engine's own, first dump first.
awk -v binary="$work/dagforge-engine" '
    /^ob=/ { object = substr($0, 4) }
    /^fn=/ && object == binary && !/^fn=0x/ { name = substr($0, 4); sub(/'"'"'[0-9]+$/, "", name); if (!seen[name]++) print name }
' "$work/calls.1" "$work/calls" > "$order"
echo "$(wc -l < "$order") functions"
relink
