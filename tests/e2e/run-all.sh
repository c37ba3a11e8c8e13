#!/usr/bin/env bash
# Runs every end-to-end test script (tests/e2e/test-*.sh) with the built
# sanya, and prints "N passed, N failed".
set -u
build=${1:-build}
here=$(cd "$(dirname "$0")" && pwd)
export SANYA=$(cd "$build" && pwd)/sanya
export SANYA_ROOT=$(cd "$here/../.." && pwd)
pass=0 fail=0
for t in "$here"/test-*.sh; do
    [ -e "$t" ] || continue
    echo "== ${t#$SANYA_ROOT/}"
    if bash "$t"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAILED: $t"; fi
done
echo "e2e: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
