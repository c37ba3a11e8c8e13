#!/usr/bin/env bash
# The second template, templates/letter-en: Letter paper, English first,
# other margins and footer words, and an emblem PNG from its folder on the
# letterhead. Checks the page size (pdfinfo), the image XObject's pixel size
# and drawn size (pdfimages -list), the text and its order (pdftotext), one
# XObject for an image placed twice, deterministic output, and the places
# of image errors.
set -u
export SOURCE_DATE_EPOCH=1763856000 # 2025-11-23
root=${SANYA_ROOT:?}
sanya=${SANYA:?}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }

cd "$root"
build() { # TEMPLATE OUT [more options]
    local tpl=$1 out=$2
    shift 2
    "$sanya" build examples/moi-aple-2025.yaml --roster examples/roster.yaml --no-cover \
        --layout sequential --template "$tpl" -o "$out" "$@" 2>"$tmp/err"
}

if build templates/letter-en "$tmp/letter.pdf"; then
    pages=$(pdfinfo "$tmp/letter.pdf" | sed -n 's/^Pages: *//p')
    sizes=$(pdfinfo -f 1 -l "$pages" "$tmp/letter.pdf" | sed -n 's/^Page *[0-9]* size: *//p' |
        sort -u)
    [ "$sizes" = "612 x 792 pts (letter)" ] || bad "page sizes: $sizes (expected Letter)"

    # The emblem: 240 x 240 pixels drawn 22 mm wide = 277 pixels per inch.
    pdfimages -list "$tmp/letter.pdf" | awk 'NR > 2 && $3 == "image"' > "$tmp/images"
    [ "$(wc -l < "$tmp/images")" -eq 1 ] || bad "expected one image: $(cat "$tmp/images")"
    read -r page _ _ w h _ _ _ _ _ _ _ xppi yppi _ < "$tmp/images"
    [ "$page" = 1 ] && [ "$w" = 240 ] && [ "$h" = 240 ] ||
        bad "image: page $page, $w x $h pixels (expected page 1, 240 x 240)"
    [ "$xppi" = 277 ] && [ "$yppi" = 277 ] || bad "image drawn at $xppi x $yppi ppi, not 277"

    pdftotext "$tmp/letter.pdf" "$tmp/letter.txt"
    for want in "MINISTRY OF INTERIOR" "1. Purpose" "Page 1 of $pages | ទំព័រ ១/" \
        "Memorandum of Understanding on Cooperation"; do
        grep -qF "$want" "$tmp/letter.txt" || bad "text: '$want' not found"
    done
    en=$(grep -n "^1\. Purpose" "$tmp/letter.txt" | head -1 | cut -d: -f1)
    km=$(grep -n "^១\. គោលបំណង" "$tmp/letter.txt" | head -1 | cut -d: -f1)
    [ -n "$en" ] && [ -n "$km" ] && [ "$en" -lt "$km" ] ||
        bad "English does not come first (English line $en, Khmer line $km)"
    qpdf --check "$tmp/letter.pdf" > /dev/null 2>&1 || bad "qpdf --check"

    build templates/letter-en "$tmp/again.pdf" || bad "second build failed"
    cmp -s "$tmp/letter.pdf" "$tmp/again.pdf" || bad "two builds differ"
else
    bad "letter build failed: $(cat "$tmp/err")"
fi

# With its cover sheet: the checklist is set on the template's page too.
if "$sanya" build examples/moi-aple-2025.yaml --roster examples/roster.yaml \
    --template templates/letter-en -o "$tmp/cover.pdf" 2>"$tmp/err"; then
    pages=$(pdfinfo "$tmp/cover.pdf" | sed -n 's/^Pages: *//p')
    sizes=$(pdfinfo -f 1 -l "$pages" "$tmp/cover.pdf" | sed -n 's/^Page *[0-9]* size: *//p' |
        sort -u)
    [ "$sizes" = "612 x 792 pts (letter)" ] || bad "with cover: page sizes: $sizes"
    pdftotext -f 1 -l 1 "$tmp/cover.pdf" - | grep -qF "APPROVAL CHECKLIST" ||
        bad "with cover: no checklist on page 1"
else
    bad "letter build with its cover failed: $(cat "$tmp/err")"
fi

# The same image placed twice is one XObject.
cp -R templates/letter-en "$tmp/twice"
printf '\n\\image emblem\n' >> "$tmp/twice/main.tpl"
if build "$tmp/twice" "$tmp/twice.pdf"; then
    n=$(pdfimages -list "$tmp/twice.pdf" | awk 'NR > 2 && $3 == "image"' | wc -l)
    ids=$(pdfimages -list "$tmp/twice.pdf" | awk 'NR > 2 && $3 == "image" {print $11}' |
        sort -u | wc -l)
    [ "$n" -eq 2 ] && [ "$ids" -eq 1 ] || bad "image twice: $n drawings of $ids objects"
else
    bad "image twice: build failed: $(cat "$tmp/err")"
fi

# Errors name the place: the style.yaml entry, or the template line.
entry=$(grep -n "file: emblem.png" templates/letter-en/style.yaml | cut -d: -f1)
cp -R templates/letter-en "$tmp/missing"
rm "$tmp/missing/emblem.png"
build "$tmp/missing" "$tmp/x.pdf" && bad "a missing image was accepted"
grep -q "style.yaml:$entry:11: image 'emblem': no file 'emblem.png'" "$tmp/err" ||
    bad "missing image: $(cat "$tmp/err")"
cp -R templates/letter-en "$tmp/notpng"
echo "not an image" > "$tmp/notpng/emblem.png"
build "$tmp/notpng" "$tmp/x.pdf" && bad "a text file was accepted as an image"
grep -q "style.yaml:$entry:11: 'emblem.png' is not a PNG or JPEG file" "$tmp/err" ||
    bad "not a PNG: $(cat "$tmp/err")"
# A damaged PNG (libharu would let libpng abort the process) is an error
# at the template line that places it.
cp -R templates/letter-en "$tmp/damaged"
head -c 900 templates/letter-en/emblem.png > "$tmp/damaged/emblem.png"
build "$tmp/damaged" "$tmp/x.pdf"
rc=$?
[ "$rc" -eq 65 ] || bad "damaged PNG: exit $rc, expected 65 ($(cat "$tmp/err"))"
grep -q "main.tpl:5:1: \\\\image emblem: image 'emblem.png' is not a readable PNG file" "$tmp/err" ||
    bad "damaged PNG: $(cat "$tmp/err")"
cp -R templates/letter-en "$tmp/badname"
sed -i 's/^\\image emblem$/\\image emblm/' "$tmp/badname/main.tpl"
line=$(grep -n '^\\image emblm' "$tmp/badname/main.tpl" | cut -d: -f1)
build "$tmp/badname" "$tmp/x.pdf" && bad "an unknown image name was accepted"
grep -q "main.tpl:$line:1: no image 'emblm' in the style sheet (did you mean 'emblem'?)" \
    "$tmp/err" || bad "unknown image: $(cat "$tmp/err")"
[ -e "$tmp/x.pdf" ] && bad "a failed build wrote a PDF"

[ "$fail" -eq 0 ] && echo "letter-template: all checks passed"
exit $fail
