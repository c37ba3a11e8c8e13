#!/usr/bin/env bash
# Data-driven tests of `sanya check`. Each tests/data/bad/NAME.yaml (with an
# optional NAME.roster.yaml) has NAME.expected: a first line "exit N", then
# the exact stderr lines. Each tests/data/good/NAME.yaml (optional
# NAME.roster.yaml) and each examples/*.yaml agreement (with
# examples/roster.yaml) must pass silently. Set UPDATE=1 to rewrite the
# .expected files from the current output (review the diff before committing).
set -u
root=${SANYA_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
sanya=${SANYA:-$root/build/sanya}
fail=0 count=0

run_case() { # dir name -> prints "exit N" and stderr
    local dir=$1 name=$2 args=("$name.yaml")
    [ -e "$dir/$name.roster.yaml" ] && args+=(--roster "$name.roster.yaml")
    local err rc
    err=$(cd "$dir" && "$sanya" check "${args[@]}" 2>&1 >/dev/null)
    rc=$?
    echo "exit $rc"
    [ -n "$err" ] && printf '%s\n' "$err"
}

for f in "$root"/tests/data/bad/*.yaml; do
    [ -e "$f" ] || continue
    name=$(basename "$f" .yaml)
    case $name in *.roster) continue ;; esac
    count=$((count + 1))
    exp="$root/tests/data/bad/$name.expected"
    got=$(run_case "$root/tests/data/bad" "$name")
    if [ "${UPDATE:-}" = 1 ]; then
        printf '%s\n' "$got" >"$exp"
    elif ! diff -u --label "$name.expected" --label "$name (sanya check)" "$exp" - <<<"$got"; then
        fail=$((fail + 1))
    fi
done

for f in "$root"/tests/data/good/*.yaml "$root"/examples/*.yaml; do
    [ -e "$f" ] || continue
    dir=$(dirname "$f") name=$(basename "$f" .yaml)
    case $name in *.roster | roster) continue ;; esac
    count=$((count + 1))
    roster=()
    [ -e "$dir/$name.roster.yaml" ] && roster=(--roster "$dir/$name.roster.yaml")
    [ "$dir" = "$root/examples" ] && roster=(--roster "$dir/roster.yaml")
    if ! err=$("$sanya" check "$f" "${roster[@]}" 2>&1 >/dev/null); then
        echo "FAIL: $f should pass:"
        printf '%s\n' "$err"
        fail=$((fail + 1))
    elif [ -n "$err" ]; then
        echo "FAIL: $f passed but printed:"
        printf '%s\n' "$err"
        fail=$((fail + 1))
    fi
    # NAME.dump: the validated tree `sanya check --dump` prints (run in dir)
    if [ -e "$dir/$name.dump" ]; then
        count=$((count + 1))
        got=$(cd "$dir" && "$sanya" check "$name.yaml" "${roster[@]/#$dir\//}" --dump)
        if [ "${UPDATE:-}" = 1 ]; then
            printf '%s\n' "$got" >"$dir/$name.dump"
        elif ! diff -u --label "$name.dump" --label "$name (sanya check --dump)" \
            "$dir/$name.dump" - <<<"$got"; then
            fail=$((fail + 1))
        fi
    fi
done

# The roster of the examples has a new NCCT Permanent Vice-Chair after the
# 2024 signing date, and no change for the other two agreements.
count=$((count + 1))
notes=$(cd "$root" && for f in examples/moi-aple-2025.yaml examples/ncct-coalition-2024.yaml \
    examples/moeys-school-2023.yaml; do "$sanya" check "$f" --roster examples/roster.yaml; done)
want='examples/ncct-coalition-2024.yaml: note: office "ncct/permanent-vice-chair" (party ncct) changed hands on 2025-02-03, after the signing date 2024-03-15: Heng Chanthea, then Suon Sokhly'
if [ "$notes" != "$want" ]; then
    echo "FAIL: leadership notes:"
    diff <(echo "$want") <(echo "$notes")
    fail=$((fail + 1))
fi

# The command line itself: exit codes for usage errors and missing files.
expect_exit() { # code description args...
    local want=$1 what=$2
    shift 2
    count=$((count + 1))
    "$sanya" check "$@" >/dev/null 2>&1
    local got=$?
    if [ "$got" != "$want" ]; then
        echo "FAIL: sanya check $* ($what): exit $got, expected $want"
        fail=$((fail + 1))
    fi
}
good=$root/tests/data/good
expect_exit 0 "help" --help
expect_exit 64 "no file"
expect_exit 64 "unknown option" --frobnicate "$good/minimal.yaml"
expect_exit 64 "two files" "$good/minimal.yaml" "$good/office.yaml"
expect_exit 64 "--roster without a file" "$good/minimal.yaml" --roster
expect_exit 66 "missing agreement" "$good/no-such-file.yaml"
expect_exit 66 "missing roster" "$good/minimal.yaml" --roster "$good/no-such-roster.yaml"
expect_exit 0 "--roster=FILE" "$good/office.yaml" --roster="$good/office.roster.yaml"
if ! "$sanya" check --help | grep -q -- "--roster"; then
    echo "FAIL: sanya check --help does not document --roster"
    fail=$((fail + 1))
fi

echo "data cases: $count run, $fail failed"
[ "$fail" -eq 0 ]
