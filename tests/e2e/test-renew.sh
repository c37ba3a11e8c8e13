#!/usr/bin/env bash
# Tests of `sanya renew`, as data (tests/data/renew/README.md):
# - each example agreement renewed with examples/roster.yaml gives exactly
#   tests/data/renew/NAME.diff (a unified diff against the input); the new
#   file passes `sanya check` and builds, and the NCCT one, whose office
#   changed hands, names the new holder on its signature page;
# - each tests/data/renew/cases/NAME.yaml, renewed in a scratch folder with
#   the arguments of NAME.args (default: NAME.yaml --roster roster.yaml -o
#   new.yaml), gives the transcript NAME.expected: "exit N", stdout, stderr,
#   then a diff of every file the run wrote; the input stays as it was.
# UPDATE=1 rewrites the .diff and .expected files (review them).
set -u
root=${SANYA_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
sanya=${SANYA:-$root/build/sanya}
data=$root/tests/data/renew
fail=0 count=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

golden() { # expected-file got-text label
    if [ "${UPDATE:-}" = 1 ]; then
        printf '%s\n' "$2" >"$1"
    elif ! diff -u --label "${1#$root/}" --label "$3" "$1" - <<<"$2"; then
        fail=$((fail + 1))
    fi
}

for name in moi-aple-2025 ncct-coalition-2024 moeys-school-2023; do
    count=$((count + 1))
    out=$tmp/$name-renewal.yaml
    if ! (cd "$root" && "$sanya" renew "examples/$name.yaml" --roster examples/roster.yaml \
        -o "$out" >/dev/null 2>&1); then
        echo "FAIL: sanya renew examples/$name.yaml"
        fail=$((fail + 1))
        continue
    fi
    got=$(cd "$root" && diff -u --label "examples/$name.yaml" --label "$name-renewal.yaml" \
        "examples/$name.yaml" "$out")
    golden "$data/$name.diff" "$got" "$name (sanya renew)"
    if ! err=$("$sanya" check "$out" --roster "$root/examples/roster.yaml" 2>&1 >/dev/null) ||
        [ -n "$err" ]; then
        echo "FAIL: the renewal of $name does not pass sanya check:"
        printf '%s\n' "$err"
        fail=$((fail + 1))
    fi
    if ! "$sanya" build "$out" --roster "$root/examples/roster.yaml" -o "$tmp/$name.pdf" \
        >/dev/null 2>&1; then
        echo "FAIL: the renewal of $name does not build"
        fail=$((fail + 1))
    fi
done

# examples/roster.yaml: the NCCT's Permanent Vice-Chair changed on
# 2025-02-03; the renewal (2027-03-15) is signed by the new holder.
count=$((count + 1))
if [ -e "$tmp/ncct-coalition-2024.pdf" ]; then
    pages=$(pdfinfo "$tmp/ncct-coalition-2024.pdf" | awk '/^Pages:/ {print $2}')
    last=$(pdftotext -f "$pages" -l "$pages" "$tmp/ncct-coalition-2024.pdf" -)
    if ! grep -q "Suon Sokhly" <<<"$last" || ! grep -q "សួន សុខលី" <<<"$last" ||
        grep -q "Heng Chanthea" <<<"$last"; then
        echo "FAIL: the renewed NCCT signature page does not name the new holder:"
        printf '%s\n' "$last"
        fail=$((fail + 1))
    fi
    # the cover sheet lists the old term's approvals as history
    cover=$("$sanya" build "$tmp/ncct-coalition-2024-renewal.yaml" --roster \
        "$root/examples/roster.yaml" --cover-only --as-of 2027-01-01 -o "$tmp/cover.pdf" \
        >/dev/null 2>&1 && pdftotext "$tmp/cover.pdf" - | tr '\n' ' ')
    for want in "Approvals of the previous term" "approved 19 February 2024" \
        "ref. 0078/24 Phnom Penh Capital Hall"; do
        if ! grep -qF -- "$want" <<<"$cover"; then
            echo "FAIL: the renewed NCCT cover sheet lacks: $want"
            fail=$((fail + 1))
        fi
    done
    orig=$(cd "$root" && "$sanya" build examples/ncct-coalition-2024.yaml \
        --roster examples/roster.yaml -o "$tmp/old.pdf" >/dev/null 2>&1 &&
        pdftotext -f "$pages" -l "$pages" "$tmp/old.pdf" -)
    if ! grep -q "Heng Chanthea" <<<"$orig"; then
        echo "FAIL: the original NCCT signature page should name Heng Chanthea"
        fail=$((fail + 1))
    fi
fi

for f in "$data"/cases/*.yaml; do
    name=$(basename "$f" .yaml)
    [ "$name" = roster ] && continue
    count=$((count + 1))
    dir=$tmp/case-$name
    mkdir -p "$dir"
    cp "$f" "$data/cases/roster.yaml" "$dir/"
    printf 'keep\n' >"$dir/exists.yaml"
    ln -s "$name.yaml" "$dir/link.yaml"
    before=$(cd "$dir" && ls)
    args="$name.yaml --roster roster.yaml -o new.yaml"
    [ -e "$data/cases/$name.args" ] && args=$(cat "$data/cases/$name.args")
    # shellcheck disable=SC2086 # the arguments are words
    out=$(cd "$dir" && "$sanya" renew $args 2>"$dir.err")
    rc=$?
    got=$(
        echo "exit $rc"
        [ -n "$out" ] && printf '%s\n' "$out"
        cat "$dir.err"
        for w in $(cd "$dir" && ls); do
            if ! grep -qx "$w" <<<"$before"; then
                (cd "$dir" && diff -u --label "$name.yaml" --label "$w" "$name.yaml" "$w")
            elif [ "$w" = exists.yaml ] && [ "$(cat "$dir/exists.yaml")" != keep ]; then
                (cd "$dir" && diff -u --label "$name.yaml" --label "$w" "$name.yaml" "$w")
            fi
        done
    )
    if ! cmp -s "$f" "$dir/$name.yaml"; then
        echo "FAIL: case $name: the input changed"
        fail=$((fail + 1))
    fi
    # whatever was written passes `sanya check`
    if [ "$rc" = 0 ]; then
        for w in $(cd "$dir" && ls); do
            case $w in "$name.yaml" | roster.yaml | link.yaml) continue ;; esac
            [ "$w" = exists.yaml ] && [ "$(cat "$dir/exists.yaml")" = keep ] && continue
            if ! err=$(cd "$dir" && "$sanya" check "$w" --roster roster.yaml 2>&1 >/dev/null) ||
                [ -n "$err" ]; then
                echo "FAIL: case $name: $w does not pass sanya check:"
                printf '%s\n' "$err"
                fail=$((fail + 1))
            fi
        done
    fi
    golden "$data/cases/$name.expected" "$got" "$name (sanya renew)"
done

# The command line.
count=$((count + 1))
if ! "$sanya" renew --help | grep -q -- "--on DATE"; then
    echo "FAIL: sanya renew --help does not document --on"
    fail=$((fail + 1))
fi
for bad in "" "--on" "--on 2025-13-01 x.yaml" "--on=2025-02-30 x.yaml" "--years 0 x.yaml" \
    "--frobnicate x.yaml" "--force=1 x.yaml" "a.yaml b.yaml"; do
    count=$((count + 1))
    # shellcheck disable=SC2086
    "$sanya" renew $bad >/dev/null 2>&1
    rc=$?
    if [ "$rc" != 64 ]; then
        echo "FAIL: sanya renew $bad: exit $rc, expected 64"
        fail=$((fail + 1))
    fi
done
count=$((count + 1))
"$sanya" renew "$tmp/no-such-file.yaml" >/dev/null 2>&1
rc=$?
[ "$rc" = 66 ] || { echo "FAIL: a missing input: exit $rc, expected 66"; fail=$((fail + 1)); }

echo "renew cases: $count run, $fail failed"
[ "$fail" -eq 0 ]
