#!/bin/sh
# Runs libFuzzer targets built by `make fuzz` for SECONDS each, from the
# repository's root (fuzz_build reads fonts/, templates/ and examples/).
# Each target works on a copy of its seed corpus in build-fuzz/work/NAME
# (kept between runs, so coverage accumulates; the repository is never
# written), writes crash, leak and timeout files to build-fuzz/crashes/NAME/
# and its log to build-fuzz/logs/NAME.log, then prints one line: runs,
# cov and ft from libFuzzer's last stats, and any crash file.
# Usage: tests/fuzz/run.sh SECONDS JOBS [fuzz_NAME ...] (default: every target)
set -u
secs=${1:-60}
jobs=${2:-1}
shift 2 2>/dev/null || shift $#
top=build-fuzz
if [ $# -eq 0 ]; then
    set -- $(cd tests/fuzz && ls fuzz_*.c | sed 's/\.c$//')
fi
for t in "$@"; do
    [ -x "$top/fuzz/$t" ] || { echo "no $top/fuzz/$t: run make fuzz first"; exit 1; }
done
mkdir -p "$top/work" "$top/crashes" "$top/logs"

run_one() {
    t=$1
    n=${t#fuzz_}
    work=$top/work/$n
    crashes=$top/crashes/$n
    log=$top/logs/$t.log
    mkdir -p "$work" "$crashes"
    cp -R tests/fuzz/corpus/$n/. "$work/"
    start=$(date +%s)
    "$top/fuzz/$t" -max_total_time="$secs" -timeout=25 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$crashes/" "$work" >"$log" 2>&1
    rc=$?
    took=$(($(date +%s) - start))
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    stats=$(grep -E '^#[0-9]+' "$log" | grep 'cov:' | tail -1)
    cov=$(echo "$stats" | sed -n 's/.*cov: \([0-9]*\).*/\1/p')
    ft=$(echo "$stats" | sed -n 's/.*ft: \([0-9]*\).*/\1/p')
    crash=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tr '\n' ' ')
    [ -n "$crash" ] || { [ $rc -eq 0 ] && crash=none || crash="exit $rc, see $log"; }
    printf '%-16s %5ss runs %-9s cov %-6s ft %-7s %s\n' "$t" "$took" "${runs:-?}" \
        "${cov:-?}" "${ft:-?}" "$crash"
    [ $rc -eq 0 ]
}

if [ "$jobs" -le 1 ]; then
    fail=0
    for t in "$@"; do run_one "$t" || fail=1; done
    exit $fail
fi
# JOBS at a time: each job runs a share of the targets in turn.
fail=0
i=0
pids=""
while [ $i -lt "$jobs" ]; do
    (
        k=0
        f=0
        for t in "$@"; do
            [ $((k % jobs)) -eq $i ] && { run_one "$t" || f=1; }
            k=$((k + 1))
        done
        exit $f
    ) &
    pids="$pids $!"
    i=$((i + 1))
done
for p in $pids; do wait "$p" || fail=1; done
exit $fail
