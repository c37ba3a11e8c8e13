#!/usr/bin/env bash
# sanya proof on Khmer legal prose (long words, Khmer digits, ZWSP break
# hints, word joiners): exact text, ICU breaks, measure, alignment, embedded
# subset fonts and a clean qpdf check, in every alignment; and a document
# long enough to run over several pages.
# shellcheck source=tests/e2e/lib/common.sh
. "$(dirname "$0")/lib/common.sh"

in=$DATA/khmer-legal.txt
for align in justify left center; do
    proof_and_check "khmer $align" "$in" "--align $align" "--align $align --font KhmerOSSiemreap"
done

# Eight copies of the text: page breaks must keep every line, in order.
long=$TMP/khmer-long.txt
for _ in 1 2 3 4 5 6 7 8; do cat "$in"; done >"$long"
pdf=$TMP/khmer-long.pdf
if proof "$pdf" "$long" --align justify; then
    pages=$(pdfinfo "$pdf" | sed -n 's/^Pages: *//p')
    if [ "${pages:-0}" -ge 2 ]; then ok "long Khmer text fills $pages pages"; else fail "long Khmer text gave ${pages:-?} pages, expected 2 or more"; fi
    check "khmer long justify" "$pdf" "$long" --align justify --font KhmerOSSiemreap
fi
finish
