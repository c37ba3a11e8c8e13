#!/usr/bin/env bash
# sanya proof on English paragraphs in Noto Serif (ligatures, figures,
# hyphenated words, a one-line paragraph) in all four alignments.
# shellcheck source=tests/e2e/lib/common.sh
. "$(dirname "$0")/lib/common.sh"

in=$DATA/english.txt
for align in justify left center right; do
    proof_and_check "english $align" "$in" "--align $align" "--align $align --font NotoSerif"
done
finish
