#!/usr/bin/env bash
# Runs schemathesis against a freshly started engine, using the OpenAPI document the engine serves.
# Usage: scripts/schemathesis.sh [extra schemathesis args]   (make schemathesis)
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
venv="${SCHEMATHESIS_VENV:-/tmp/dagforge-schemathesis-venv}"
binary="$root/.build/debug/dagforge"

if [ ! -x "$venv/bin/schemathesis" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q schemathesis
fi
[ -x "$binary" ] || (cd "$root" && swift build --product dagforge)

data="$(mktemp -d /tmp/dagforge-schemathesis-XXXXXX)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
"$binary" engine --port "$port" --data-dir "$data" 2> "$data/engine.log" &
engine=$!
trap 'kill "$engine" 2>/dev/null || true; wait "$engine" 2>/dev/null || true; rm -rf "$data"' EXIT

base="http://127.0.0.1:$port/dolphinscheduler"
for _ in $(seq 1 100); do
  curl -s -o /dev/null "$base/openapi.json" && break
  sleep 0.1
done
session="$(curl -s -X POST "$base/login" -d userName=admin -d userPassword=dolphinscheduler123 \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["sessionId"])')"

# Checks: no 5xx, answers documented, bodies match the documented envelope. signOut would end the session
# mid-run, so it is left out.
"$venv/bin/schemathesis" run "$base/openapi.json" \
  --header "sessionId: $session" \
  --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
  --exclude-path /dolphinscheduler/signOut \
  --max-examples "${SCHEMATHESIS_EXAMPLES:-30}" \
  "$@"
status=$?
if grep -q "panic\|Fatal error" "$data/engine.log"; then
  echo "engine crashed:"; cat "$data/engine.log"; exit 1
fi
kill -0 "$engine" || { echo "engine is not running any more"; exit 1; }
exit $status
