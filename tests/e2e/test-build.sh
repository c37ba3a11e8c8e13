#!/usr/bin/env bash
# sanya build end to end: the three example agreements render in both
# layouts; pdftotext returns every title, preamble, article title and body
# paragraph exactly and whole (agreementcheck.py); fonts are embedded
# subsets; qpdf is clean; every page has its bilingual footer; builds are
# deterministic; exit codes and atomic writes behave.
set -u
root=${SANYA_ROOT:?}
sanya=${SANYA:?}
check=$root/tests/e2e/lib/agreementcheck.py
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }

cd "$root"
for f in moi-aple-2025 ncct-coalition-2024 moeys-school-2023; do
    "$sanya" check "examples/$f.yaml" --roster examples/roster.yaml --dump > "$tmp/$f.dump" 2>/dev/null ||
        bad "$f: sanya check failed"
    for layout in parallel sequential; do
        out=$tmp/$f-$layout.pdf
        if ! "$sanya" build "examples/$f.yaml" --roster examples/roster.yaml --layout "$layout" \
            -o "$out" 2>"$tmp/err"; then
            bad "$f $layout: build failed: $(cat "$tmp/err")"
            continue
        fi
        /usr/bin/python3 "$check" "$out" "$tmp/$f.dump" || bad "$f $layout: extraction check"
    done
done

# The layouts differ where they should: parallel has two text columns.
n_par=$(pdftotext -layout "$tmp/moi-aple-2025-parallel.pdf" - | grep -c "Article 1: Purpose")
[ "$n_par" -eq 1 ] || bad "parallel: Article 1 heading not found once"

# Deterministic: the same inputs give the same bytes, with SOURCE_DATE_EPOCH too.
"$sanya" build examples/moi-aple-2025.yaml --roster examples/roster.yaml -o "$tmp/a.pdf" 2>/dev/null
SOURCE_DATE_EPOCH=1750000000 "$sanya" build examples/moi-aple-2025.yaml \
    --roster examples/roster.yaml -o "$tmp/b.pdf" 2>/dev/null
cmp -s "$tmp/a.pdf" "$tmp/moi-aple-2025-parallel.pdf" || bad "two builds differ"
cmp -s "$tmp/a.pdf" "$tmp/b.pdf" || bad "SOURCE_DATE_EPOCH changed the output"

# The default output is FILE.pdf beside FILE.yaml.
cp examples/moeys-school-2023.yaml "$tmp/school.yaml"
"$sanya" build "$tmp/school.yaml" --roster examples/roster.yaml 2>/dev/null &&
    [ -s "$tmp/school.pdf" ] || bad "default output name"

# Exit codes, and nothing written (and nothing destroyed) on error.
expect() { # CODE DESCRIPTION COMMAND...
    local want=$1 what=$2
    shift 2
    "$@" >"$tmp/out" 2>"$tmp/err"
    local got=$?
    [ "$got" -eq "$want" ] || bad "$what: exit $got, expected $want ($(head -c 300 "$tmp/err"))"
}
cp "$tmp/a.pdf" "$tmp/keep.pdf"
expect 64 "no argument" "$sanya" build
expect 64 "bad layout" "$sanya" build examples/moi-aple-2025.yaml --layout diagonal
expect 66 "missing agreement" "$sanya" build "$tmp/nope.yaml" -o "$tmp/keep.pdf"
expect 66 "missing roster" "$sanya" build examples/moi-aple-2025.yaml --roster "$tmp/nope.yaml" \
    -o "$tmp/keep.pdf"
expect 65 "office without roster" "$sanya" build examples/moi-aple-2025.yaml -o "$tmp/keep.pdf"
grep -q "needs a roster" "$tmp/err" || bad "office without roster: message: $(cat "$tmp/err")"
printf 'id: x\ntitle: {km: ក}\n' > "$tmp/broken.yaml"
expect 65 "bad agreement" "$sanya" build "$tmp/broken.yaml" -o "$tmp/keep.pdf"
grep -q "broken.yaml:2:" "$tmp/err" || bad "bad agreement: no file:line in: $(cat "$tmp/err")"
expect 65 "template error" "$sanya" build examples/moi-aple-2025.yaml --roster examples/roster.yaml \
    --template tests/tpl/bad/unknown-filter -o "$tmp/keep.pdf"
expect 73 "unwritable output" "$sanya" build examples/moi-aple-2025.yaml \
    --roster examples/roster.yaml -o "$tmp/no/such/dir/x.pdf"
cmp -s "$tmp/keep.pdf" "$tmp/a.pdf" || bad "a failed build changed the earlier output"
ls -a "$tmp" | grep -q '^\.keep\.pdf\.' && bad "a temporary file was left behind"

[ "$fail" -eq 0 ] && echo "build: all checks passed"
exit $fail
