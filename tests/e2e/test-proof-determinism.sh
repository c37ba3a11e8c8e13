#!/usr/bin/env bash
# sanya proof is deterministic: the same input gives the same bytes, whatever
# the time, the output's name or the working directory; with
# SOURCE_DATE_EPOCH set, the PDF's dates are that moment.
# shellcheck source=tests/e2e/lib/common.sh
. "$(dirname "$0")/lib/common.sh"

in=$DATA/mixed.txt
mkdir -p "$TMP/a" "$TMP/b"
if proof "$TMP/a/one.pdf" "$in" --align justify; then
    sleep 1.1 # a clock with one-second steps has moved on
    if (cd "$TMP/b" && proof "$TMP/b/two.pdf" "$in" --align justify); then
        if cmp -s "$TMP/a/one.pdf" "$TMP/b/two.pdf"; then
            ok "two runs, a second apart, other name and directory: identical bytes"
        else
            fail "two runs of the same input differ: $(cmp "$TMP/a/one.pdf" "$TMP/b/two.pdf" 2>&1)"
        fi
    fi
fi

epoch=1767225600 # 2026-01-01T00:00:00Z
if SOURCE_DATE_EPOCH=$epoch proof "$TMP/e1.pdf" "$in" &&
    sleep 1.1 && SOURCE_DATE_EPOCH=$epoch proof "$TMP/e2.pdf" "$in"; then
    if cmp -s "$TMP/e1.pdf" "$TMP/e2.pdf"; then
        ok "two runs with SOURCE_DATE_EPOCH: identical bytes"
    else
        fail "two runs with SOURCE_DATE_EPOCH=$epoch differ: $(cmp "$TMP/e1.pdf" "$TMP/e2.pdf" 2>&1)"
    fi
    # Any date the PDF carries must be the epoch's.
    dates=$(TZ=UTC pdfinfo -isodates "$TMP/e1.pdf" | grep -E '^(CreationDate|ModDate):' || true)
    bad=$(printf '%s\n' "$dates" | grep -v '2026-01-01T00:00:00' | grep . || true)
    if [ -n "$bad" ]; then
        fail "SOURCE_DATE_EPOCH=$epoch not honoured: $bad"
    else
        ok "SOURCE_DATE_EPOCH honoured ($(printf '%s' "$dates" | tr '\n' ' ' | sed 's/  */ /g')${dates:-no dates in the PDF})"
    fi
fi
finish
