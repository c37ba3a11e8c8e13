#!/usr/bin/env bash
# Signing end to end: a PDF with signature fields and an attached file (made
# by tests/e2e/lib/trustpdf.c against libsanya.a, and `sanya build` output
# when it has fields) is signed field by field with poppler's pdfsig and a
# throw-away self-signed certificate in an NSS database; every signature
# must then be valid, qpdf clean, and `sanya extract` must still return the
# attachment byte for byte (and the roster used, also after qpdf rewrote the
# signed file with object streams). Tampering breaks the signatures; extract refuses
# unsafe names and uses the usual exit codes.
set -u
root=${SANYA_ROOT:?}
sanya=${SANYA:?}
build=$(dirname "$sanya")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }

for tool in pdfsig certutil qpdf pdfinfo pkg-config; do
    if ! command -v "$tool" >/dev/null; then
        echo "SKIP: $tool is missing (make deps installs it: libnss3-tools, poppler-utils, qpdf)"
        exit 0
    fi
done
cd "$root"

# The test PDF maker, compiled against the library under test (with the
# sanitizers when the library was built with them: make check-asan).
san=
if nm "$build/libsanya.a" 2>/dev/null | grep -q __asan_; then
    san="-fsanitize=address,undefined"
fi
cc -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Werror $san -Ilib -o "$tmp/trustpdf" \
    tests/e2e/lib/trustpdf.c "$build/libsanya.a" \
    $(pkg-config --libs harfbuzz harfbuzz-subset icu-uc icu-i18n yaml-0.1 nettle libdeflate) \
    -lhpdf -lz -lm || { echo "FAIL: cannot compile tests/e2e/lib/trustpdf.c"; exit 1; }

# A throw-away NSS database with a self-signed signing certificate; the key
# noise is fixed so the run needs no entropy prompt.
nss=$tmp/nss
mkdir "$nss"
head -c 4096 /dev/zero | tr '\0' 'k' > "$tmp/noise"
certutil -N --empty-password -d "sql:$nss" >/dev/null 2>&1 || bad "certutil -N"
certutil -S -x -n signer -s "CN=sanya test" -t "CT,C,C" -k rsa -g 2048 -Z SHA256 -v 12 \
    -z "$tmp/noise" -d "sql:$nss" </dev/null >"$tmp/certutil.log" 2>&1 ||
    { echo "FAIL: certutil -S: $(cat "$tmp/certutil.log")"; exit 1; }

fields_of() { pdfsig "$1" 2>/dev/null | sed -n 's/^ *- Signature Field Name: //p'; }

# Signs every field of $1 in turn; checks the result; $2 = a file that
# must come back out of the signed PDF (or empty).
sign_all() {
    local pdf=$1 attached=$2 name
    name=$(basename "$pdf" .pdf)
    local fields
    fields=$(fields_of "$pdf")
    [ -n "$fields" ] || { bad "$name: pdfsig lists no fields"; return; }
    local n unsigned
    n=$(echo "$fields" | wc -l)
    unsigned=$(pdfsig "$pdf" 2>/dev/null | grep -c "The signature form field is not signed")
    [ "$unsigned" -eq "$n" ] || bad "$name: $unsigned of $n fields unsigned before signing"
    local cur=$pdf i=0
    for f in $fields; do
        i=$((i + 1))
        if ! pdfsig -nssdir "sql:$nss" -nick signer -sign "$f" "$cur" "$tmp/$name-$i.pdf" \
            >"$tmp/sign.log" 2>&1; then
            bad "$name: pdfsig -sign $f: $(cat "$tmp/sign.log")"
            return
        fi
        cur=$tmp/$name-$i.pdf
    done
    pdfsig -nssdir "sql:$nss" "$cur" >"$tmp/verify.log" 2>/dev/null
    local valid
    valid=$(grep -c "Signature Validation: Signature is Valid" "$tmp/verify.log")
    [ "$valid" -eq "$n" ] || { bad "$name: $valid of $n signatures valid"; cat "$tmp/verify.log"; }
    for f in $fields; do
        grep -q "Signature Field Name: $f\$" "$tmp/verify.log" || bad "$name: $f not reported"
    done
    qpdf --check "$cur" >"$tmp/qpdf.log" 2>&1 || bad "$name: qpdf --check on the signed file: $(tail -3 "$tmp/qpdf.log")"
    if [ -n "$attached" ]; then
        rm -rf "$tmp/out" && mkdir "$tmp/out"
        "$sanya" extract "$cur" -o "$tmp/out" >"$tmp/extract.log" 2>&1 ||
            bad "$name: sanya extract on the signed file: $(cat "$tmp/extract.log")"
        cmp -s "$attached" "$tmp/out/$(basename "$attached")" ||
            bad "$name: the attachment does not come back byte for byte"
    fi
    # Changing one byte of the signed revision breaks every signature.
    sed 's|/Producer (sanya)|/Producer (sanyb)|' "$cur" >"$tmp/tampered.pdf"
    cmp -s "$cur" "$tmp/tampered.pdf" && bad "$name: nothing to tamper with"
    pdfsig -nssdir "sql:$nss" "$tmp/tampered.pdf" >"$tmp/tamper.log" 2>/dev/null
    grep -q "Signature is Valid" "$tmp/tamper.log" && bad "$name: a tampered file still verifies"
    signed=$cur
    echo "ok: $name: $n fields signed in turn ($(echo $fields)), all valid"
}

# 1. The test PDF: two fields (sig-aple, sig-moi), the agreement attached.
yaml=examples/moi-aple-2025.yaml
"$tmp/trustpdf" "$tmp/test.pdf" "$yaml" || bad "trustpdf failed"
"$tmp/trustpdf" "$tmp/again.pdf" "$yaml" || bad "trustpdf failed"
cmp -s "$tmp/test.pdf" "$tmp/again.pdf" || bad "the test PDF is not deterministic"
[ "$(fields_of "$tmp/test.pdf" | tr '\n' ' ')" = "sig-aple sig-moi " ] ||
    bad "pdfsig lists '$(fields_of "$tmp/test.pdf" | tr '\n' ' ')', expected sig-aple sig-moi"
qpdf --check "$tmp/test.pdf" >/dev/null 2>&1 || bad "qpdf --check on the unsigned test PDF"
pdfinfo "$tmp/test.pdf" | grep -q "^Title: *អនុស្សរណៈ" || bad "pdfinfo does not show the Khmer title"
pdfinfo "$tmp/test.pdf" | grep -q "^Metadata Stream: *yes" || bad "no XMP metadata stream"
pdfinfo "$tmp/test.pdf" | grep -q "^Form: *AcroForm" || bad "no AcroForm"
signed=
sign_all "$tmp/test.pdf" "$yaml"

# 2. Every example agreement as sanya builds it: its fields are named
# sig-<party id>, one per signatory; each is signed in turn and verified, and
# the embedded agreement still comes back byte for byte.
for ex in moi-aple-2025 ncct-coalition-2024 moeys-school-2023; do
    y=examples/$ex.yaml
    if ! "$sanya" build "$y" --roster examples/roster.yaml -o "$tmp/$ex.pdf" 2>"$tmp/err"; then
        bad "sanya build $ex: $(cat "$tmp/err")"
        continue
    fi
    want=$(sed -n 's/^  - id: *//p' "$y" | sed 's/^/sig-/' | sort | tr '\n' ' ')
    got=$(fields_of "$tmp/$ex.pdf" | sort | tr '\n' ' ')
    [ "$got" = "$want" ] || bad "$ex: fields '$got', expected '$want'"
    signed=
    sign_all "$tmp/$ex.pdf" "$y"
    [ -n "$signed" ] || continue
    # The roster used comes back too, from the signed file and from a qpdf
    # rewrite of it with object streams (which voids the signatures but
    # must not lose the data).
    qpdf --object-streams=generate "$signed" "$tmp/$ex-objstm.pdf" || bad "$ex: qpdf rewrite"
    rm -rf "$tmp/u" && mkdir -p "$tmp/u" "$tmp/u/signed" "$tmp/u/objstm"
    "$sanya" extract "$tmp/$ex.pdf" -o "$tmp/u" >/dev/null 2>&1 || bad "$ex: extract unsigned"
    for v in signed objstm; do
        f=$signed
        [ "$v" = objstm ] && f=$tmp/$ex-objstm.pdf
        "$sanya" extract "$f" -o "$tmp/u/$v" >/dev/null 2>&1 || bad "$ex: extract $v"
        cmp -s "$tmp/u/$v/$ex.yaml" "$y" || bad "$ex: $v: the agreement is not the source"
        cmp -s "$tmp/u/$v/roster-used.yaml" "$tmp/u/roster-used.yaml" ||
            bad "$ex: $v: roster-used.yaml differs from the unsigned PDF's"
    done
done

# 2b. PDF/A output (--pdfa) signs the same way, and the signed file keeps
# its PDF/A parts: XMP metadata and the output intent (pdfsig appends an
# incremental update; the catalog it rewrites must keep them).
if [ -f /usr/share/color/icc/sRGB.icc ]; then
    y=examples/moi-aple-2025.yaml
    if "$sanya" build "$y" --roster examples/roster.yaml --pdfa -o "$tmp/pdfa.pdf" 2>"$tmp/err"; then
        signed=
        sign_all "$tmp/pdfa.pdf" "$y"
        if [ -n "$signed" ]; then
            root=$(qpdf --show-object=trailer "$signed" | sed -n 's/.*\/Root \([0-9]* [0-9]*\) R.*/\1/p')
            cat_obj=$(qpdf --show-object="${root% *},${root#* }" "$signed")
            for k in Metadata OutputIntents AF; do
                echo "$cat_obj" | grep -q "/$k " || bad "pdfa: the signed file's catalog lost /$k"
            done
        fi
    else
        bad "sanya build --pdfa: $(cat "$tmp/err")"
    fi
fi

# 3. sanya extract: unsafe names, exit codes.
mkdir "$tmp/names" "$tmp/x"
# sanya never writes such a name: rename "xxevil" to "..evil" in the bytes
# (the names are hex strings: 78786576696C -> 2E2E6576696C).
printf 'x\n' > "$tmp/names/xxevil"
"$tmp/trustpdf" "$tmp/good.pdf" "$tmp/names/xxevil" || bad "trustpdf failed"
LC_ALL=C sed 's/<78786576696C>/<2E2E6576696C>/g' "$tmp/good.pdf" > "$tmp/evil.pdf"
cmp -s "$tmp/good.pdf" "$tmp/evil.pdf" && bad "could not rename the attachment"
"$sanya" extract "$tmp/evil.pdf" -o "$tmp/x" >/dev/null 2>"$tmp/err"
[ $? -eq 65 ] || bad "extract of a '..' name: expected exit 65"
grep -q "refused" "$tmp/err" || bad "extract of a '..' name: no reason given"
[ -z "$(ls -A "$tmp/x")" ] || bad "extract wrote files although a name was refused"
"$sanya" extract >/dev/null 2>&1
[ $? -eq 64 ] || bad "extract without arguments: expected exit 64"
"$sanya" extract "$tmp/missing.pdf" >/dev/null 2>&1
[ $? -eq 66 ] || bad "extract of a missing file: expected exit 66"
"$sanya" extract "$tmp/test.pdf" -o "$tmp/no/such/dir" >/dev/null 2>&1
[ $? -eq 73 ] || bad "extract into a missing folder: expected exit 73"
"$sanya" extract "$yaml" -o "$tmp/x" >/dev/null 2>&1
[ $? -eq 65 ] || bad "extract of a YAML file: expected exit 65"
head -c 3000 "$tmp/test.pdf" > "$tmp/cut.pdf"
"$sanya" extract "$tmp/cut.pdf" -o "$tmp/x" >/dev/null 2>"$tmp/err"
[ $? -eq 65 ] || bad "extract of a truncated PDF: expected exit 65"
grep -q "PDF: malformed file" "$tmp/err" || bad "extract of a truncated PDF: no reason given: $(cat "$tmp/err")"

[ "$fail" -eq 0 ] && echo "sign: ok"
exit "$fail"
