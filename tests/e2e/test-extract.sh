#!/usr/bin/env bash
# sanya extract after other tools rewrote the PDF: an example agreement is
# built with its roster, then rewritten by qpdf with cross-reference and
# object streams, as QDF (uncompressed, renumbered), linearized, with the
# streams recompressed, and encrypted with an empty user password. From
# every copy `sanya extract` must give back the agreement byte for byte and
# the same roster-used.yaml as from the original, print nothing on stderr,
# and exit 0. (Signed files: test-sign.sh.)
set -u
export SOURCE_DATE_EPOCH=1763856000 # 2025-11-23: the cover sheet's "as of"
root=${SANYA_ROOT:?}
sanya=${SANYA:?}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }

command -v qpdf >/dev/null || { echo "FAIL: qpdf is missing (make deps installs it)"; exit 1; }
cd "$root"
yaml=examples/moi-aple-2025.yaml
pdf=$tmp/moi.pdf
"$sanya" build "$yaml" --roster examples/roster.yaml -o "$pdf" 2>"$tmp/err" ||
    { echo "FAIL: sanya build: $(cat "$tmp/err")"; exit 1; }

# The reference: what comes out of the PDF as sanya wrote it.
mkdir "$tmp/orig"
"$sanya" extract "$pdf" -o "$tmp/orig" >/dev/null 2>"$tmp/err" || bad "extract of the original: $(cat "$tmp/err")"
cmp -s "$tmp/orig/moi-aple-2025.yaml" "$yaml" || bad "original: the agreement is not the source byte for byte"
[ -s "$tmp/orig/roster-used.yaml" ] || bad "original: no roster-used.yaml"

# extract_from NAME: extracts $tmp/NAME.pdf and compares with the reference.
extract_from() {
    local name=$1 out=$tmp/out-$1
    mkdir "$out"
    if ! "$sanya" extract "$tmp/$name.pdf" -o "$out" >"$tmp/log" 2>"$tmp/err"; then
        bad "$name: sanya extract failed: $(cat "$tmp/err")"
        return
    fi
    [ -s "$tmp/err" ] && bad "$name: sanya extract wrote to stderr: $(head -c 300 "$tmp/err")"
    cmp -s "$out/moi-aple-2025.yaml" "$yaml" || bad "$name: the agreement is not the source byte for byte"
    cmp -s "$out/roster-used.yaml" "$tmp/orig/roster-used.yaml" ||
        bad "$name: roster-used.yaml differs from the one in the original PDF"
    [ "$(ls "$out" | wc -l)" -eq 2 ] || bad "$name: expected 2 files, got: $(ls "$out" | tr '\n' ' ')"
    echo "ok: $name: $(grep -c '^wrote ' "$tmp/log") files back, identical"
}

# Cross-reference stream and object streams: the name tree and the file
# specifications move into compressed object streams.
qpdf --object-streams=generate "$pdf" "$tmp/objstm.pdf" || bad "qpdf --object-streams=generate"
grep -aq "/Type /ObjStm" "$tmp/objstm.pdf" || bad "objstm: qpdf wrote no object stream"
grep -aq "/Type /XRef" "$tmp/objstm.pdf" || bad "objstm: qpdf wrote no cross-reference stream"
grep -aq "^xref" "$tmp/objstm.pdf" && bad "objstm: a cross-reference table is left"
grep -aq "/EmbeddedFiles" "$tmp/objstm.pdf" && bad "objstm: the name tree is still outside object streams"
extract_from objstm

qpdf --qdf "$pdf" "$tmp/qdf.pdf" || bad "qpdf --qdf"
extract_from qdf
qpdf --linearize "$pdf" "$tmp/linear.pdf" || bad "qpdf --linearize"
extract_from linear
qpdf --object-streams=generate --recompress-flate --compression-level=9 "$pdf" "$tmp/recompressed.pdf" ||
    bad "qpdf --recompress-flate"
extract_from recompressed
qpdf --encrypt "" owner 256 -- "$pdf" "$tmp/encrypted.pdf" || bad "qpdf --encrypt"
extract_from encrypted

# A PDF that needs a password is an error, not garbage.
qpdf --encrypt user owner 256 -- "$pdf" "$tmp/locked.pdf" || bad "qpdf --encrypt with a password"
"$sanya" extract "$tmp/locked.pdf" -o "$tmp" >/dev/null 2>"$tmp/err"
[ $? -eq 65 ] || bad "locked: expected exit 65"
grep -q "password" "$tmp/err" || bad "locked: the error does not say a password is needed: $(cat "$tmp/err")"

[ "$fail" -eq 0 ] && echo "extract: ok"
exit "$fail"
