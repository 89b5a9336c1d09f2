#!/usr/bin/env bash
# Installs what is needed (scripts/setup.sh) and runs every test: typecheck, unit tests,
# build, web-ext lint of the Firefox build, and the real-browser tests (npm test).
# Exits non-zero on the first failing step and always prints how long it took.
set -euo pipefail
cd "$(dirname "$0")/.."

started=$(date +%s)
report() {
  local status=$?
  local seconds=$(( $(date +%s) - started ))
  if [ "$status" -eq 0 ]; then
    printf '\n[test-all] all steps passed in %ss\n' "$seconds"
  else
    printf '\n[test-all] FAILED (exit %s) after %ss\n' "$status" "$seconds" >&2
  fi
}
trap report EXIT

bash scripts/setup.sh
npm test
