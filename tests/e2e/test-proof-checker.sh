#!/usr/bin/env bash
# The checker must be able to fail: proofcheck's self-test on made-up lines,
# then real sanya PDFs checked against the wrong text, a narrower measure and
# another alignment, each of which proofcheck must reject.
# shellcheck source=tests/e2e/lib/common.sh
. "$(dirname "$0")/lib/common.sh"

if out=$($PROOFCHECK --self-test 2>&1); then
    ok "proofcheck self-test: ${out##*$'\n'}"
else
    fail "proofcheck self-test"
    printf '%s\n' "$out" | sed 's/^/    /'
fi

# must_reject NAME WHAT PDF SOURCE [ARGS]: proofcheck must fail with a problem
# line matching the regex "^  WHAT".
must_reject() {
    local name=$1 what=$2 pdf=$3 src=$4
    shift 4
    local out rc=0
    out=$($PROOFCHECK "$pdf" "$src" "$@" 2>&1) || rc=$?
    if [ "$rc" -eq 1 ] && printf '%s\n' "$out" | grep -q "^  $what"; then
        ok "$name is rejected: $(printf '%s\n' "$out" | grep -m1 "^  $what" | head -c 160)"
    else
        fail "$name: proofcheck exit $rc, expected 1 with a problem like /$what/"
        printf '%s\n' "$out" | sed 's/^/    /'
    fi
}

km=$DATA/khmer-legal.txt
pdf=$TMP/km.pdf
if proof "$pdf" "$km" --align left; then
    check "the PDF itself" "$pdf" "$km" --align left
    # One Khmer letter changed in the middle of the third paragraph.
    sed '3s/ថវិកា/ថវិការ/' "$km" >"$TMP/changed.txt"
    cmp -s "$km" "$TMP/changed.txt" && fail "sed did not change the text"
    must_reject "a changed letter" "text: .*paragraph 3, line .* differs" "$pdf" "$TMP/changed.txt"
    # The paragraphs in another order.
    tac "$km" >"$TMP/reversed.txt"
    must_reject "paragraphs out of order" "text: .*paragraph 1, line .* differs" "$pdf" "$TMP/reversed.txt"
    # One paragraph too many.
    { cat "$km"; echo "បន្ថែម"; } >"$TMP/longer.txt"
    must_reject "a paragraph the PDF lacks" "text: paragraph 6 is missing" "$pdf" "$TMP/longer.txt"
    must_reject "a 100 mm measure" "width: .* wide, measure 283.46" "$pdf" "$km" --width-mm 100
    must_reject "centred alignment" "align: .*center line centred" "$pdf" "$km" --align center
    must_reject "a font the PDF lacks" "fonts: no font named like KhmerOSMuolLight" "$pdf" "$km" --font KhmerOSMuolLight
fi
# A font program that is not a font: the same PDF uncompressed (qpdf --qdf)
# with the first bytes of its first FontFile2 overwritten. pdffonts still
# says "emb yes"; the font check and poppler's renderer must not.
if proof "$TMP/en.pdf" "$DATA/english.txt" && qpdf --qdf --object-streams=disable "$TMP/en.pdf" "$TMP/en.qdf.pdf"; then
    $PY -c '
import re, sys
data = open(sys.argv[1], "rb").read()
num = re.search(rb"/FontFile2 (\d+) 0 R", data).group(1)
obj = data.index(b"\n" + num + b" 0 obj\n")
start = data.index(b"stream\n", obj) + len(b"stream\n")
open(sys.argv[2], "wb").write(data[:start] + b"junk" + data[start + 4 :])' "$TMP/en.qdf.pdf" "$TMP/badfont.pdf"
    must_reject "a font program that is not a font" "fonts: the font program .* is broken" \
        "$TMP/badfont.pdf" "$DATA/english.txt"
    must_reject "a font poppler cannot load" "render: pdftoppm" "$TMP/badfont.pdf" "$DATA/english.txt"
    # Invisible text (render mode 3, as in an OCR layer): extracted, not seen.
    $PY -c '
import sys
data = open(sys.argv[1], "rb").read()
open(sys.argv[2], "wb").write(data.replace(b"BT\n", b"BT\n3 Tr\n"))' "$TMP/en.qdf.pdf" "$TMP/invisible.qdf.pdf"
    fix-qdf <"$TMP/invisible.qdf.pdf" >"$TMP/invisible.pdf"
    must_reject "invisible text" "render: .* 0 dark pixels" "$TMP/invisible.pdf" "$DATA/english.txt"
fi
# Breaks: the same text with the ZWSPs removed and word joiners everywhere
# forbids the breaks the layout took inside phrases.
if proof "$TMP/narrow.pdf" "$km" --width 60 --align left; then
    $PY -c '
import sys
src = open(sys.argv[1], encoding="utf-8").read().replace("\u200b", "")
out = []
for line in src.split("\n"):
    out.append("\u2060".join(line))
open(sys.argv[2], "w", encoding="utf-8").write("\n".join(out))' "$km" "$TMP/joined.txt"
    must_reject "a 60 mm layout checked as 160 mm" "fill: .* the whole next line .* fits" "$TMP/narrow.pdf" "$km" --align left
    must_reject "breaks forbidden by word joiners" "breaks: .* not an ICU opportunity" "$TMP/narrow.pdf" "$TMP/joined.txt" --width-mm 60
fi
finish
