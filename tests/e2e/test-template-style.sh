#!/usr/bin/env bash
# An office's own template without a compiler: copy templates/mou, change
# the page size in its style.yaml, the checklist's heading in cover.tpl and
# a word in main.tpl, build with --template DIR; every page has the new
# size, the cover the new heading, the agreement the new word. Errors in a
# style.yaml name file:line:column.
set -u
export SOURCE_DATE_EPOCH=1763856000 # 2025-11-23
root=${SANYA_ROOT:?}
sanya=${SANYA:?}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }

cd "$root"
cp -R templates/mou "$tmp/office"
sed -i 's/^  size: A4 .*$/  size: Letter/' "$tmp/office/style.yaml"
grep -q '^  size: Letter$' "$tmp/office/style.yaml" || bad "could not change the page size"
sed -i 's/^between /amongst /' "$tmp/office/main.tpl"
grep -q '^amongst ' "$tmp/office/main.tpl" || bad "could not change the heading word"
sed -i 's/^APPROVAL CHECKLIST$/CLEARANCES BEFORE SIGNATURE/' "$tmp/office/cover.tpl"
grep -q '^CLEARANCES BEFORE SIGNATURE$' "$tmp/office/cover.tpl" ||
    bad "could not change the checklist's heading"

if "$sanya" build examples/moi-aple-2025.yaml --roster examples/roster.yaml \
    --template "$tmp/office" -o "$tmp/office.pdf" 2>"$tmp/err"; then
    pages=$(pdfinfo "$tmp/office.pdf" | sed -n 's/^Pages: *//p')
    sizes=$(pdfinfo -f 1 -l "$pages" "$tmp/office.pdf" | sed -n 's/^Page *[0-9]* size: *//p' |
        sort -u)
    [ "$sizes" = "612 x 792 pts (letter)" ] || bad "page sizes: $sizes (expected Letter)"
    pdftotext "$tmp/office.pdf" - | grep -q "^amongst " || bad "the new word is not in the text"
    pdftotext "$tmp/office.pdf" - | grep -q "^between " && bad "the old word is still there"
    pdftotext -f 1 -l 1 "$tmp/office.pdf" - | grep -q "^CLEARANCES BEFORE SIGNATURE$" ||
        bad "the cover (page 1) lacks the new heading"
    pdftotext "$tmp/office.pdf" - | grep -q "APPROVAL CHECKLIST" && bad "the old heading is still there"
else
    bad "build with the copied template failed: $(cat "$tmp/err")"
fi

# The unchanged copy builds the same bytes as templates/mou.
cp -R templates/mou "$tmp/same"
"$sanya" build examples/moi-aple-2025.yaml --roster examples/roster.yaml --no-cover \
    --template "$tmp/same" -o "$tmp/same.pdf" 2>/dev/null || bad "unchanged copy failed"
"$sanya" build examples/moi-aple-2025.yaml --roster examples/roster.yaml --no-cover \
    -o "$tmp/orig.pdf" 2>/dev/null || bad "templates/mou failed"
cmp -s "$tmp/same.pdf" "$tmp/orig.pdf" || bad "a copy of templates/mou builds other bytes"

# Mistakes in style.yaml: each named with its place, the build refused.
cp -R templates/mou "$tmp/broken"
sed -i 's/^column-gap: 8mm /column-gap: 8 /; s/^  size: A4 .*$/  size: A44/' \
    "$tmp/broken/style.yaml"
sed -i '0,/    marker: none/s//    markr: none/' "$tmp/broken/style.yaml"
if "$sanya" build examples/moi-aple-2025.yaml --roster examples/roster.yaml --no-cover \
    --template "$tmp/broken" -o "$tmp/broken.pdf" 2>"$tmp/err"; then
    bad "a broken style.yaml was accepted"
fi
[ -e "$tmp/broken.pdf" ] && bad "a broken style.yaml still wrote a PDF"
line() { grep -n "$1" "$tmp/broken/style.yaml" | head -1 | cut -d: -f1; }
grep -q "style.yaml:$(line 'size: A44'):9: page.size: .*did you mean \"A4\"" "$tmp/err" ||
    bad "bad page size: $(cat "$tmp/err")"
grep -q "style.yaml:$(line '^column-gap'):13: column-gap: .*no unit" "$tmp/err" ||
    bad "length without unit: $(cat "$tmp/err")"
grep -q "style.yaml:$(line 'markr'):5: .*unknown key \"markr\"; did you mean \"marker\"" \
    "$tmp/err" || bad "unknown key: $(cat "$tmp/err")"

# A manifest without style: the defaults, which are templates/mou's look
# without its words (no sentence lives in C): the same page, and article
# labels and footer in numbers only.
cp -R templates/mou "$tmp/nostyle"
sed -i '/^style:/d' "$tmp/nostyle/manifest"
rm "$tmp/nostyle/style.yaml"
"$sanya" build examples/moi-aple-2025.yaml --roster examples/roster.yaml --no-cover \
    --template "$tmp/nostyle" -o "$tmp/nostyle.pdf" 2>/dev/null || bad "template without style"
pdftotext "$tmp/nostyle.pdf" - > "$tmp/nostyle.txt"
grep -q "^1. Purpose" "$tmp/nostyle.txt" || bad "defaults: no numbered article '1. Purpose'"
grep -qF "1/3" "$tmp/nostyle.txt" || bad "defaults: no '1/3' footer"
grep -q "Article 1\|Page 1 of" "$tmp/nostyle.txt" && bad "defaults: words in the defaults"
[ "$(pdfinfo "$tmp/nostyle.pdf" | sed -n 's/^Page size: *//p')" = \
    "$(pdfinfo "$tmp/orig.pdf" | sed -n 's/^Page size: *//p')" ] || bad "defaults: another page"

# The words of the documents live in templates: no Khmer text in lib/ but
# the calendar's names, the no-break word list and the schema's message
# about coeng order; none of the cover's or the MOU's English sentences.
khmer=$(grep -rlP '[\x{1780}-\x{17FF}]' lib --include='*.c' --include='*.h' |
    grep -v -e '^lib/cal/' -e '^lib/text/words_km.c$' -e '^lib/data/schema.c$')
[ -z "$khmer" ] || bad "Khmer text in lib/: $khmer"
for sentence in "APPROVAL CHECKLIST" "Approvals required before signing" "Renewal must start" \
    "Leadership changed" "Term of" "Page {page} of" "Article {n}"; do
    grep -rqF "$sentence" lib && bad "a document's words in lib/: '$sentence'"
done

[ "$fail" -eq 0 ] && echo "template-style: all checks passed"
exit $fail
