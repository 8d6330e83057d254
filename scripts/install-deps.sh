#!/usr/bin/env bash
# Installs the Debian packages dagforge needs when they are missing. Safe to run repeatedly.
set -euo pipefail

packages=(
  pkg-config
  libgit2-dev          # CGit2: reading specs from git revisions
  libcurl4-openssl-dev # CCurl: the REST client; FoundationNetworking for HTTP tasks
  libsqlite3-dev       # GRDB: the engine's store and SQLITE datasources
  git                  # end-to-end tests build real repositories
  python3              # PYTHON tasks
  python3-venv         # test tooling (jsonschema, pre-commit, schemathesis) in a private venv
  postgresql           # a real PostgreSQL server for SQL task tests
  sqlite3              # the demo prints the tables it filled
  curl                 # the demo talks to the engine
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing missing packages: ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# The tests validate SARIF output and the generated JSON Schema with python3's jsonschema (from PyPI).
if ! python3 -c 'import jsonschema' 2>/dev/null; then
  echo "installing the jsonschema Python package"
  python3 -m pip install --quiet jsonschema
fi
