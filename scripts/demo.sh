#!/usr/bin/env bash
# `make demo`: the whole story on one machine. Builds in release mode, starts the included engine in the
# background (state under .dagforge/), creates the SQLite datasource the example uses, validates and applies
# the example repository to the `test` environment, runs the pipeline to SUCCESS, and says what to try next.
# Running it again reuses the engine, the password and the datasource, and changes nothing that need not change.
set -euo pipefail
cd "$(dirname "$0")/.."

state=.dagforge
bin=${DAGFORGE_BIN:-.build/release/dagforge}
port=12345
base="http://127.0.0.1:${port}/dolphinscheduler"

mkdir -p "$state"
chmod 700 "$state"

# An admin password generated once, readable by this user only, and shown once: when it is made.
new_password=
if [ ! -s "$state/admin-password" ]; then
  (umask 077 && head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 20 > "$state/admin-password")
  new_password=yes
fi
export DAGFORGE_ADMIN_PASSWORD
DAGFORGE_ADMIN_PASSWORD=$(cat "$state/admin-password")
if [ -n "$new_password" ]; then
  echo "==> generated the demo engine's admin password (user admin): $DAGFORGE_ADMIN_PASSWORD"
  echo "    kept in $state/admin-password, readable by you only; later runs reuse it without printing it"
fi

login() {
  curl -s --max-time 5 -X POST "$base/login" \
    --data-urlencode "userName=admin" --data-urlencode "userPassword=$DAGFORGE_ADMIN_PASSWORD" || true
}

# The engine keeps running between demos; start it only when nothing answers on the port.
if ! login | grep -q '"code":0'; then
  if curl -s --max-time 2 -o /dev/null "$base/login"; then
    echo "Something else answers on port $port and does not accept the demo's admin password." >&2
    echo "Stop it (make stop) or free the port, then run make demo again." >&2
    exit 1
  fi
  echo "==> starting the included engine on $base (data in $state/engine, log in $state/engine.log)"
  nohup "$bin" engine --port "$port" --data-dir "$state/engine" >> "$state/engine.log" 2>&1 &
  echo $! > "$state/engine.pid"
  for _ in $(seq 1 100); do
    login | grep -q '"code":0' && break
    sleep 0.1
  done
  login | grep -q '"code":0' || { echo "the engine did not start; see $state/engine.log" >&2; exit 1; }
fi
session=$(login | sed -n 's/.*"sessionId":"\([^"]*\)".*/\1/p')

# The example's `dw` datasource is the engine datasource `pv_dw`: a SQLite file next to the engine's data.
if ! curl -s -H "sessionId: $session" "$base/datasources/list?type=SQLITE" | grep -q '"name":"pv_dw"'; then
  echo "==> creating the SQLite datasource pv_dw ($PWD/$state/pv_dw.sqlite)"
  touch "$state/pv_dw.sqlite"
  curl -s -H "sessionId: $session" -H 'Content-Type: application/json' -X POST "$base/datasources" \
    -d "{\"name\":\"pv_dw\",\"type\":\"SQLITE\",\"database\":\"$PWD/$state/pv_dw.sqlite\",\"note\":\"dagforge demo warehouse\"}" \
    | grep -q '"code":0' || { echo "could not create the datasource" >&2; exit 1; }
fi

echo "==> dagforge validate"
"$bin" validate --env test
echo "==> dagforge apply --env test"
"$bin" apply --env test --yes
for workflow in pv_ingest pv_clean pv_signals pv_report; do
  echo "==> dagforge run --env test $workflow --wait"
  "$bin" run --env test "$workflow" --wait
done

cat <<NEXT

The example pipeline ran to SUCCESS on the included engine. Try next:
  engine API        $base   (user admin, password in $state/admin-password)
  the binary        alias dagforge=$PWD/$bin; export DAGFORGE_ADMIN_PASSWORD=\$(cat $state/admin-password)
  deployed state    dagforge status --env test
  what would change dagforge plan --env test
  the tables filled sqlite3 $state/pv_dw.sqlite '.tables'
                    sqlite3 -header $state/pv_dw.sqlite 'select * from signal_report limit 5'
  a graph           dagforge graph --format mermaid     (paste into any mermaid viewer)
  the walk-through  README.md, "A five-minute walk-through"
  stop the engine   make stop
NEXT
