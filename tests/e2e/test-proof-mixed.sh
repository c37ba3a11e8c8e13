#!/usr/bin/env bash
# sanya proof on paragraphs that mix Khmer and English in one line: each
# script in its own font, text and breaks exact across the script changes.
# shellcheck source=tests/e2e/lib/common.sh
. "$(dirname "$0")/lib/common.sh"

in=$DATA/mixed.txt
for align in justify left center; do
    proof_and_check "mixed $align" "$in" "--align $align" \
        "--align $align --font KhmerOSSiemreap --font NotoSerif"
done
finish
