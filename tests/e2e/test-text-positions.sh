#!/usr/bin/env bash
# Data-driven tests of where `sanya build` reports problems found while
# typesetting: a character no house font covers, a word wider than the
# line. Each tests/data/text/NAME.yaml has NAME.expected: a first line
# "exit N", then the exact stderr lines (the repository's path left out of
# template names, the output folder out of the last line), and may have
# NAME.args: more options for sanya build. Without .args, `sanya check` must
# print the same lines (all but build's last) and exit the same way: check
# and build agree.
# Set UPDATE=1 to rewrite the .expected files from the current output
# (review the diff before committing).
set -u
root=${SANYA_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
sanya=${SANYA:-$root/build/sanya}
dir=$root/tests/data/text
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0 count=0

for f in "$dir"/*.yaml; do
    [ -e "$f" ] || continue
    name=$(basename "$f" .yaml)
    count=$((count + 1))
    args=()
    [ -e "$dir/$name.args" ] && read -r -a args <"$dir/$name.args"
    err=$(cd "$dir" && SANYA_DATA=$root "$sanya" build "$name.yaml" --as-of 2026-01-01 \
        "${args[@]}" -o "$tmp/$name.pdf" 2>&1 >/dev/null)
    rc=$?
    got=$(echo "exit $rc"; [ -n "$err" ] && printf '%s\n' "$err" | sed -e "s|$tmp/||g" -e "s|$root/||g")
    if [ ! -e "$dir/$name.args" ]; then
        cerr=$(cd "$dir" && SANYA_DATA=$root SOURCE_DATE_EPOCH=1767225600 "$sanya" check \
            "$name.yaml" 2>&1 >/dev/null)
        crc=$?
        cgot=$(echo "exit $crc"; [ -n "$cerr" ] && printf '%s\n' "$cerr" | sed -e "s|$root/||g")
        bgot=$(printf '%s\n' "$got" | grep -v '^sanya build: wrote ')
        if [ "$cgot" != "$bgot" ]; then
            echo "FAIL: $name: sanya check and sanya build disagree"
            diff -u --label "build" --label "check" <(printf '%s\n' "$bgot") <(printf '%s\n' "$cgot")
            fail=$((fail + 1))
        fi
    fi
    exp=$dir/$name.expected
    if [ "${UPDATE:-}" = 1 ]; then
        printf '%s\n' "$got" >"$exp"
    elif ! diff -u --label "$name.expected" --label "$name (sanya build)" "$exp" - <<<"$got"; then
        fail=$((fail + 1))
    fi
done

echo "text position cases: $count run, $fail failed"
[ "$fail" -eq 0 ]
