#!/usr/bin/env bash
# sanya proof with a narrow measure (--width 60): many short lines, so many
# breaks inside Khmer phrases; none may be wider than 60 mm.
# shellcheck source=tests/e2e/lib/common.sh
. "$(dirname "$0")/lib/common.sh"

for f in khmer-legal mixed english; do
    for align in justify left center; do
        proof_and_check "$f width 60 $align" "$DATA/$f.txt" "--width 60 --align $align" \
            "--width-mm 60 --align $align"
    done
done
finish
