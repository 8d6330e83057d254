#!/usr/bin/env bash
# `make bench-deploy`: deploy at scale against the included engine. Generates 4,000 workflows / 40,000 tasks
# (generate_specs.py), starts the engine on a free port with a fresh data dir, creates the SQLite datasource,
# then measures the first apply of all workflows, a no-op plan with a cold and with a warm plan cache, a
# no-op apply, and (for reference) the compile alone. Wall time and peak RSS from /usr/bin/time -v.
#   DAGFORGE_BIN   the binary to measure (default .build/release/dagforge)
#   WORKFLOWS      number of workflows (default 4000)
#   KEEP=1         leave the engine running and the specs in place afterwards, for profiling
set -euo pipefail
cd "$(dirname "$0")/../.."
binary="$(realpath "${DAGFORGE_BIN:-.build/release/dagforge}")"
workflows="${WORKFLOWS:-4000}"
work="$(mktemp -d /tmp/dagforge-deploy-bench-XXXXXX)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
base="http://127.0.0.1:${port}/dolphinscheduler"
export DAGFORGE_ADMIN_PASSWORD="bench-$(head -c 12 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')"

cleanup() {
  if [ "${KEEP:-}" = 1 ]; then
    echo "kept: specs in $work/specs, engine (pid ${engine_pid:-}) on $base, DAGFORGE_ADMIN_PASSWORD=$DAGFORGE_ADMIN_PASSWORD"
    return
  fi
  [ -n "${engine_pid:-}" ] && kill "$engine_pid" 2>/dev/null && wait "$engine_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

python3 scripts/bench/generate_specs.py "$work/specs" --workflows "$workflows" --tasks 10 > /dev/null
sed -i "s#http://127.0.0.1:12345/dolphinscheduler#${base}#" "$work/specs/environments/test.yaml"
git -C "$work/specs" -c user.email=bench@dagforge.invalid -c user.name=bench commit -qam "bench engine port"

"$binary" engine --port "$port" --data-dir "$work/engine" --admin-password "$DAGFORGE_ADMIN_PASSWORD" > "$work/engine.log" 2>&1 &
engine_pid=$!
login() { curl -s -X POST "$base/login" --data-urlencode userName=admin --data-urlencode "userPassword=$DAGFORGE_ADMIN_PASSWORD"; }
for _ in $(seq 1 200); do login | grep -q '"code":0' && break; sleep 0.1; done
session="$(login | sed -n 's/.*"sessionId":"\([^"]*\)".*/\1/p')"
touch "$work/bench_dw.sqlite"
curl -s -H "sessionId: $session" -H 'Content-Type: application/json' -X POST "$base/datasources" \
  -d "{\"name\":\"bench_dw\",\"type\":\"SQLITE\",\"database\":\"$work/bench_dw.sqlite\"}" | grep -q '"code":0'

measure() {
  local label="$1"; shift
  local log="$work/time.log"
  local status=0
  /usr/bin/time -v "$binary" "$@" --repo "$work/specs" > "$work/out.log" 2> "$log" || status=$?
  printf '%-40s wall %8s   peak RSS %5d MB   exit %d   %s\n' "$label" \
    "$(grep 'Elapsed (wall clock)' "$log" | awk '{print $NF}')" \
    "$(( $(grep 'Maximum resident set size' "$log" | awk '{print $NF}') / 1024 ))" "$status" \
    "$(grep -E 'Apply complete|No changes|Summary' "$work/out.log" | tail -1)"
}

echo "binary: $binary; $workflows workflows x 10 tasks; engine on $base"
measure "compile --env test (reference)" compile --env test
measure "apply --env test (first)" apply --env test --yes
# The plan cache (.dagforge/cache, docs/cli.md "plan") is measured both ways: cold (deleted first, as on a
# fresh CI checkout) and warm (the repeated plan of a team's CI against a deployed environment).
rm -rf "$work/specs/.dagforge/cache"
measure "plan --env test (no-op, cold cache)" plan --env test --detailed-exitcode
for run in 1 2 3; do
  measure "plan --env test (no-op, warm cache)" plan --env test --detailed-exitcode
done
measure "apply --env test (no-op)" apply --env test --yes
