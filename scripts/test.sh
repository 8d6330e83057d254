#!/usr/bin/env bash
# Runs every test target, each in its own `swift test` process. Many end-to-end tests wait on real
# subprocesses; on a 2-core machine Swift's cooperative pool has 2 threads, and tests of one target that
# wait share them. Separate processes keep one target's waiting from starving another's timers.
set -uo pipefail
cd "$(dirname "$0")/.."

failed=()
for dir in Tests/*Tests; do
  target=$(basename "$dir")
  echo "==> $target"
  swift test --skip-build --filter "^${target}\." || failed+=("$target")
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "FAILED test targets: ${failed[*]}"
  exit 1
fi
echo "all test targets passed"
