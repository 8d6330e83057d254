#!/usr/bin/env bash
# `make stop`: stops the engine `make demo` started (SIGTERM: a clean shutdown).
set -euo pipefail
cd "$(dirname "$0")/.."
pidfile=.dagforge/engine.pid
if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
  kill "$(cat "$pidfile")"
  for _ in $(seq 1 50); do kill -0 "$(cat "$pidfile")" 2>/dev/null || break; sleep 0.1; done
  echo "engine stopped"
else
  echo "no demo engine is running"
fi
rm -f "$pidfile"
