#!/usr/bin/env bash
# sanya proof's options: the defaults (left, 160 mm), --font by role and by path,
# --size (the text grows with it and stays exact and inside the measure).
# shellcheck source=tests/e2e/lib/common.sh
. "$(dirname "$0")/lib/common.sh"

km=$DATA/khmer-legal.txt
en=$DATA/english.txt
# The default alignment is left (sanya proof --help).
proof_and_check "default options, Khmer" "$km" "" "--align left --font KhmerOSSiemreap"
proof_and_check "default options, English" "$en" "" "--align left --font NotoSerif"
proof_and_check "--font khmer-heading" "$km" "--font khmer-heading --align left" \
    "--align left --font KhmerOSMuolLight"
proof_and_check "--font khmer-body" "$km" "--font khmer-body" "--font KhmerOSSiemreap"
proof_and_check "--font latin-bold" "$en" "--font latin-bold --align justify" \
    "--align justify --font NotoSerif-Bold"
proof_and_check "--font latin-body" "$en" "--font latin-body" "--font NotoSerif-Regular"
muol=/usr/share/fonts/truetype/khmeros/KhmerOSmuol.ttf
if [ -r "$muol" ]; then
    proof_and_check "--font PATH ($muol)" "$km" "--font $muol" "--font KhmerOSmuol"
else
    fail "$muol is missing (fonts-khmeros)"
fi

# --size: word boxes scale with the size; the text stays exact at 20 pt.
height() { # median word height in a PDF
    pdftotext -bbox "$1" - | $PY -c '
import re, sys
h = sorted(float(b) - float(a) for a, b in re.findall(r"<word [^>]*yMin=\"([-0-9.]+)\"[^>]*yMax=\"([-0-9.]+)\"", sys.stdin.read()))
print(h[len(h) // 2] if h else 0)'
}
if proof "$TMP/s10.pdf" "$en" --size 10 && proof "$TMP/s20.pdf" "$en" --size 20; then
    h10=$(height "$TMP/s10.pdf") h20=$(height "$TMP/s20.pdf")
    if $PY -c "import sys; sys.exit(not ($h10 > 0 and abs($h20 / $h10 - 2) < 0.05))"; then
        ok "--size 20 words are twice as tall as --size 10 ($h20 / $h10 pt)"
    else
        fail "--size 10 and 20 give word heights $h10 and $h20 pt, not 1:2"
    fi
    check "--size 20 English" "$TMP/s20.pdf" "$en" --font NotoSerif
fi
proof_and_check "--size 16 Khmer justify" "$km" "--size 16 --align justify" "--align justify"

# A text saved on Windows (BOM, CRLF line ends) gives the same proof as the
# same text with LF line ends.
mkdir -p "$TMP/unix" "$TMP/windows"
cp "$DATA/mixed.txt" "$TMP/unix/mixed.txt"
{ printf '\357\273\277'; sed 's/$/\r/' "$DATA/mixed.txt"; } >"$TMP/windows/mixed.txt"
if proof "$TMP/unix.pdf" "$TMP/unix/mixed.txt" --align justify &&
    proof "$TMP/windows.pdf" "$TMP/windows/mixed.txt" --align justify; then
    check "BOM and CRLF" "$TMP/windows.pdf" "$DATA/mixed.txt" --align justify
    if cmp -s "$TMP/unix.pdf" "$TMP/windows.pdf"; then
        ok "BOM and CRLF: the same bytes as with LF"
    else
        fail "BOM and CRLF change the PDF: $(cmp "$TMP/unix.pdf" "$TMP/windows.pdf" 2>&1)"
    fi
fi
finish
