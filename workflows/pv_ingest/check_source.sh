#!/bin/sh
# description: Verify the ICSR drop for the business date is announced before loading
# upstream: root
set -eu
batch="${bizdate}"
if [ -z "$batch" ]; then
  echo "no business date given" >&2
  exit 1
fi
echo "ICSR batch $batch available from {{ source_system }}"
