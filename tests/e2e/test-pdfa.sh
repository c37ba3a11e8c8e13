#!/usr/bin/env bash
# PDF/A-3b (--pdfa): every example, in both layouts and with both shipped
# templates, checked rule by rule against ISO 19005-3 level b
# (tests/e2e/lib/pdfa_rules.py prints "ok: CLAUSE rule" for each), qpdf
# --check clean, the same bytes from two builds; a template's `pdfa: true`
# gives PDF/A too; a build without --pdfa has none of it.
# No PDF/A validator is packaged for Debian (veraPDF is Java): this checks
# the rules sanya's output touches, it does not certify the files.
set -u
root=${SANYA_ROOT:?}
sanya=${SANYA:?}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }
PY=${SANYA_PYTHON:-/usr/bin/python3}
for tool in qpdf; do
    command -v "$tool" >/dev/null || { echo "SKIP: $tool is missing (make deps)"; exit 0; }
done
"$PY" -c 'import fontTools' 2>/dev/null ||
    { echo "SKIP: python3-fonttools is missing (make deps installs it)"; exit 0; }
cd "$root"
export SOURCE_DATE_EPOCH=1760000000

if [ ! -f /usr/share/color/icc/sRGB.icc ] && [ ! -f "$root/color/sRGB.icc" ]; then
    # Without a profile --pdfa must fail clearly, with exit 66.
    "$sanya" build examples/moi-aple-2025.yaml --roster examples/roster.yaml --pdfa \
        -o "$tmp/x.pdf" 2>"$tmp/err"
    [ $? -eq 66 ] || bad "--pdfa without an ICC profile: expected exit 66"
    grep -q "icc-profiles-free" "$tmp/err" || bad "--pdfa without a profile: no hint"
    echo "SKIP: no sRGB profile (apt-get install icc-profiles-free): rule checks not run"
    [ "$fail" -eq 0 ] && echo "pdfa: ok (missing profile refused)"
    exit "$fail"
fi

rules() { # $1 = pdf, $2 = label
    qpdf --check "$1" >"$tmp/check" 2>&1 || { bad "$2: qpdf --check: $(cat "$tmp/check")"; return; }
    grep -q "No syntax or stream encoding errors" "$tmp/check" || bad "$2: qpdf --check not clean"
    qpdf --json=2 --json-stream-data=inline --decode-level=generalized "$1" "$tmp/j.json" &&
        qpdf --json=2 --json-stream-data=none "$1" "$tmp/r.json" || { bad "$2: qpdf --json"; return; }
    if "$PY" tests/e2e/lib/pdfa_rules.py "$1" "$tmp/j.json" "$tmp/r.json" >"$tmp/rules"; then
        echo "ok: $2: $(grep -c '^ok:' "$tmp/rules") PDF/A-3b rules kept, qpdf --check clean"
    else
        bad "$2:"
        grep FAIL "$tmp/rules"
    fi
}

n=0
for t in mou letter-en; do
    for ex in moi-aple-2025 ncct-coalition-2024 moeys-school-2023; do
        for layout in parallel sequential; do
            out=$tmp/$t-$ex-$layout.pdf
            if ! "$sanya" build "examples/$ex.yaml" --roster examples/roster.yaml --template "$t" \
                --layout "$layout" --pdfa -o "$out" 2>"$tmp/err"; then
                bad "$t $ex $layout: sanya build --pdfa: $(cat "$tmp/err")"
                continue
            fi
            rules "$out" "$t $ex $layout"
            n=$((n + 1))
        done
    done
done
# The rules in full for one file, so the log says what was checked.
cat "$tmp/rules"

# Deterministic: the same inputs give the same bytes.
"$sanya" build examples/moi-aple-2025.yaml --roster examples/roster.yaml --pdfa \
    -o "$tmp/again.pdf" 2>/dev/null
"$sanya" build examples/moi-aple-2025.yaml --roster examples/roster.yaml --pdfa \
    -o "$tmp/again2.pdf" 2>/dev/null
cmp -s "$tmp/again.pdf" "$tmp/again2.pdf" || bad "--pdfa: two builds differ"

# A template that says `pdfa: true` gives PDF/A without --pdfa.
cp -r templates/mou "$tmp/mou-pdfa"
printf '\npdfa: true\n' >>"$tmp/mou-pdfa/style.yaml"
"$sanya" build examples/moi-aple-2025.yaml --roster examples/roster.yaml --template "$tmp/mou-pdfa" \
    -o "$tmp/tpl.pdf" 2>"$tmp/err" || bad "template pdfa: true: $(cat "$tmp/err")"
rules "$tmp/tpl.pdf" "template with pdfa: true"
printf '\npdfa: yes-please\n' >>"$tmp/mou-pdfa/style.yaml"
"$sanya" build examples/moi-aple-2025.yaml --template "$tmp/mou-pdfa" --roster examples/roster.yaml \
    -o "$tmp/bad.pdf" >/dev/null 2>"$tmp/err"
[ $? -eq 65 ] && grep -q "pdfa" "$tmp/err" || bad "pdfa: yes-please: expected exit 65 naming pdfa"

# Without --pdfa nothing of PDF/A is written (the plain output's bytes are
# unchanged by PDF/A support: see docs/pdfa.md for how that was checked).
"$sanya" build examples/moi-aple-2025.yaml --roster examples/roster.yaml -o "$tmp/plain.pdf" \
    2>/dev/null || bad "plain build"
qpdf --qdf --object-streams=disable "$tmp/plain.pdf" "$tmp/plain-qdf.pdf"
for s in OutputIntents pdfaid "+00'00'"; do
    grep -aq "$s" "$tmp/plain-qdf.pdf" && bad "a plain build has $s"
done

# The rules have teeth: the plain build breaks exactly the ones --pdfa
# exists for (output intent, identification, widths, dated attachments).
qpdf --json=2 --json-stream-data=inline --decode-level=generalized "$tmp/plain.pdf" "$tmp/pj.json"
qpdf --json=2 --json-stream-data=none "$tmp/plain.pdf" "$tmp/pr.json"
"$PY" tests/e2e/lib/pdfa_rules.py "$tmp/plain.pdf" "$tmp/pj.json" "$tmp/pr.json" >"$tmp/plain.rules" &&
    bad "the rule test passes a plain build"
for c in "6.2.2 an /OutputIntents" "6.6.4 pdfaid:part" "6.2.11.5 " "6.8 .*ModDate"; do
    grep -q "^FAIL: $c" "$tmp/plain.rules" || bad "the rule test does not catch $c on a plain build"
done
echo "ok: a plain build fails $(grep -c '^FAIL' "$tmp/plain.rules") rules (the control)"

# The PDF/A file is another file of the same inputs: another /ID.
id_of() { qpdf --show-object=trailer "$1" | sed -n 's/.*\/ID \[ <\([0-9a-f]*\)>.*/\1/p'; }
[ -n "$(id_of "$tmp/plain.pdf")" ] && [ "$(id_of "$tmp/plain.pdf")" != "$(id_of "$tmp/again.pdf")" ] ||
    bad "the --pdfa file has the plain file's /ID"

# batch --pdfa: every output PDF/A; switching it rebuilds, saying why.
mkdir -p "$tmp/in" && cp examples/moi-aple-2025.yaml examples/roster.yaml "$tmp/in/"
"$sanya" batch "$tmp/in" -o "$tmp/outb" -j 1 >/dev/null 2>&1 || bad "batch"
"$sanya" batch "$tmp/in" -o "$tmp/outb" -j 1 --pdfa >"$tmp/b.log" 2>&1 || bad "batch --pdfa"
grep -q "PDF/A on" "$tmp/b.log" || bad "batch --pdfa: no 'PDF/A on' reason: $(cat "$tmp/b.log")"
rules "$tmp/outb/moi-aple-2025.pdf" "batch --pdfa"

[ "$n" -eq 12 ] || bad "$n of 12 builds checked"
[ "$fail" -eq 0 ] && echo "pdfa: ok"
exit "$fail"
