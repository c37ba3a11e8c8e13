#!/usr/bin/env bash
# sanya proof's errors: the documented exit code, a message that says what is
# wrong, and never a PDF (or a temporary file) left behind.
# shellcheck source=tests/e2e/lib/common.sh
. "$(dirname "$0")/lib/common.sh"

good=$DATA/english.txt
outdir=$TMP/out
mkdir -p "$outdir"

# expect NAME CODE PATTERN OUT [sanya proof ARGS...]: runs sanya proof, wants
# exit CODE, stderr matching the extended regex PATTERN (case-insensitive),
# and no new file in $outdir.
expect() {
    local name=$1 code=$2 pattern=$3
    shift 3
    local rc=0 err=$TMP/err
    "$SANYA" proof "$@" 2>"$err" >/dev/null || rc=$?
    local left
    left=$(ls -A "$outdir")
    if [ "$rc" -ne "$code" ]; then
        fail "$name: exit $rc, expected $code; stderr: $(head -c 400 "$err")"
    elif [ -n "$pattern" ] && ! grep -qiE "$pattern" "$err"; then
        fail "$name: exit $rc but stderr does not match /$pattern/: $(head -c 400 "$err")"
    elif [ -n "$left" ]; then
        fail "$name: exit $rc but left files behind in the output directory: $left"
    else
        ok "$name: exit $rc: $(head -n 1 "$err" | head -c 160)"
    fi
    rm -rf "${outdir:?}"/* "${outdir:?}"/.[!.]* 2>/dev/null || true
}

# Invalid UTF-8: a stray byte after 30 ASCII and 18 Khmer bytes (offset 48),
# a truncated sequence at the very end (offset 43), an overlong "/" (offset 3).
bad1=$TMP/stray.txt
printf 'Article 1: The Parties agree.\n\341\236\237\341\236\273\341\236\237\341\237\222\341\236\217\341\236\267\377 tail\n' >"$bad1"
expect "invalid UTF-8 (stray 0xFF at byte 48)" 65 '(byte|offset)[^0-9]*48([^0-9]|$)|([^0-9]|^)48[^0-9]*(byte|offset)' "$bad1" -o "$outdir/x.pdf"
bad2=$TMP/truncated.txt
printf 'Article 1: The Parties agree.\nThe Ministry \341\236' >"$bad2"
expect "invalid UTF-8 (truncated sequence at byte 43)" 65 '(byte|offset)[^0-9]*43([^0-9]|$)|([^0-9]|^)43[^0-9]*(byte|offset)' "$bad2" -o "$outdir/x.pdf"
bad3=$TMP/overlong.txt
printf 'ab \300\257 cd\n' >"$bad3"
expect "invalid UTF-8 (overlong encoding at byte 3)" 65 '(byte|offset)[^0-9]*3([^0-9]|$)|([^0-9]|^)3[^0-9]*(byte|offset)' "$bad3" -o "$outdir/x.pdf"

# A character no house font covers (TIBETAN LETTER KA): named, fonts named.
nofont=$TMP/tibetan.txt
printf 'The Parties agree: \340\275\200 is not Khmer.\n' >"$nofont"
expect "character no font covers (U+0F40)" 65 'U\+0F40|ཀ' "$nofont" -o "$outdir/x.pdf"
if grep -qiE 'siemreap|noto|khmer-body|latin-body' "$TMP/err"; then
    ok "uncovered character: the message names the fonts tried"
else
    fail "uncovered character: the message does not name the fonts tried: $(head -c 300 "$TMP/err")"
fi

# The same character at the end of a text of several pages: found late, after
# pages were laid out, and still no PDF.
late=$TMP/late.txt
{ for _ in 1 2 3 4 5 6; do cat "$DATA/khmer-legal.txt"; done; printf 'The last line has \340\275\200.\n'; } >"$late"
expect "character no font covers, on the last page" 65 'U\+0F40|ཀ' "$late" -o "$outdir/x.pdf"

# An error leaves an existing output as it was (the PDF is written atomically).
printf 'an older proof\n' >"$TMP/old.pdf"
cp "$TMP/old.pdf" "$outdir/x.pdf"
rc=0
"$SANYA" proof "$bad1" -o "$outdir/x.pdf" 2>/dev/null || rc=$?
if [ "$rc" -eq 65 ] && cmp -s "$TMP/old.pdf" "$outdir/x.pdf" && [ "$(ls -A "$outdir")" = x.pdf ]; then
    ok "an error leaves the existing output file untouched"
else
    fail "after an error (exit $rc) the existing output changed or files were left: $(ls -A "$outdir")"
fi
rm -f "$outdir/x.pdf"

# Missing input.
expect "missing input" 66 'no-such-file' "$TMP/no-such-file.txt" -o "$outdir/x.pdf"

# Unwritable output: no such directory, a file as directory, a directory as
# the output (root may write anywhere, so permissions prove nothing).
expect "output in a missing directory" 73 '' "$good" -o "$TMP/no-such-dir/x.pdf"
: >"$TMP/plain-file"
expect "output under a regular file" 73 '' "$good" -o "$TMP/plain-file/x.pdf"
expect "output is a directory" 73 '' "$good" -o "$outdir"

# Usage errors.
expect "unknown option" 64 'bogus' "$good" -o "$outdir/x.pdf" --bogus
expect "no output named" 64 '' "$good"
expect "no input named" 64 '' -o "$outdir/x.pdf"
expect "unknown alignment" 64 '' "$good" -o "$outdir/x.pdf" --align diagonal
expect "size not a number" 64 '' "$good" -o "$outdir/x.pdf" --size twelve
expect "width not a number" 64 '' "$good" -o "$outdir/x.pdf" --width wide
finish
