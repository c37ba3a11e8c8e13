#!/usr/bin/env bash
# The hostile-input suite (tests/hostile/): every command fed malformed,
# huge, odd or racing inputs, each case with its exit code and first line
# of stderr. run-all.sh sets SANYA (build/sanya, or build-asan/sanya under
# make check-asan, where a case may take a few times longer).
here=$(cd "$(dirname "$0")" && pwd)
exec bash "$here/../hostile/run.sh"
