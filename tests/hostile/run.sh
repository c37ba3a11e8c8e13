#!/usr/bin/env bash
# Hostile-input suite (issue 10): every command fed malformed, huge, odd or
# racing inputs must end with its exact exit code and a clear first line of
# stderr, never a crash, an exit 70 or a hang. One folder per family, each
# with a `cases` table and the input files the cases read:
#   NAME | EXIT | FIRST STDERR LINE | COMMAND
# FIRST STDERR LINE is compared exactly, or as an extended regex when it
# starts with `~`; `-` means stderr is empty. COMMAND runs with bash in a
# scratch copy of the family folder, after the family's optional setup.sh
# made the inputs too big or too odd to keep in git (huge, deep, FIFOs,
# symlinks); `sanya` is the built binary, $ROOT the source tree. The scratch
# folder's path is replaced by `.` in stderr so that lines are stable.
# A case whose NAME starts with `xfail-` is a known bug: it must still fail
# as recorded, and its note in the table says why.
# Usage: run.sh [FAMILY...]; SANYA picks the binary (run-all.sh sets it),
# HOSTILE_RECORD=1 prints each case with what it got instead of checking.
set -u
here=$(cd "$(dirname "$0")" && pwd)
export ROOT=${SANYA_ROOT:-$(cd "$here/../.." && pwd)}
export sanya_bin=${SANYA:-$ROOT/build/sanya}
sanya() { "$sanya_bin" "$@"; }
export -f sanya
bin_dir=$(cd "$(dirname "$sanya_bin")" && pwd)
record=${HOSTILE_RECORD:-0}
limit=${HOSTILE_TIMEOUT:-30}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
total=0 fail=0

families=("$@")
[ ${#families[@]} -gt 0 ] || for d in "$here"/*/; do families+=("$(basename "$d")"); done

for family in "${families[@]}"; do
    src=$here/$family
    [ -f "$src/cases" ] || { echo "no cases in $src"; exit 1; }
    work=$tmp/$family
    cp -a "$src" "$work"
    if [ -f "$work/setup.sh" ]; then
        (cd "$work" && bash ./setup.sh) || { echo "FAIL: $family/setup.sh"; fail=$((fail + 1)); continue; }
    fi
    n=0
    while IFS= read -r row || [ -n "$row" ]; do
        case $row in '' | '#'*) continue ;; esac
        name=${row%% | *}; rest=${row#* | }
        want_rc=${rest%% | *}; rest=${rest#* | }
        want_line=${rest%% | *}; cmd=${rest#* | }
        n=$((n + 1))
        rm -rf "$work/out.pdf" "$work/out"
        mkdir "$work/out"
        err=$(cd "$work" && timeout -k 5 "$limit" bash -c "$cmd" 2>&1 >/dev/null)
        rc=$?
        first=${err%%$'\n'*}
        first=${first//$work\//}
        first=${first//$work/.}
        first=${first//$bin_dir\/..\//}
        first=${first//$ROOT\//}
        [ -n "$first" ] || first=-
        if [ "$record" = 1 ]; then
            # A regex that still matches is kept as written.
            [ "${want_line:0:1}" = "~" ] && [[ $first =~ ${want_line:1} ]] && first=$want_line
            printf '%s | %s | %s | %s\n' "$name" "$rc" "$first" "$cmd"
            continue
        fi
        ok=1
        [ "$rc" = "$want_rc" ] || ok=0
        if [ "${want_line:0:1}" = "~" ]; then
            [[ $first =~ ${want_line:1} ]] || ok=0
        else
            [ "$first" = "$want_line" ] || ok=0
        fi
        if [ $ok = 0 ]; then
            fail=$((fail + 1))
            echo "FAIL: $family/$name: $cmd"
            echo "  expected: exit $want_rc, $want_line"
            echo "  got:      exit $rc, $first"
            [ "$rc" = 124 ] && echo "  (timed out after ${limit}s)"
        fi
    done <"$src/cases"
    total=$((total + n))
    [ "$record" = 1 ] || echo "hostile/$family: $n cases"
done
echo "hostile: $total cases, $fail failed"
[ "$fail" -eq 0 ]
