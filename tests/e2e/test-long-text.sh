#!/usr/bin/env bash
# Long text stays linear (issue 10, "quadratic layout"): a 1 MB English
# paragraph and a 900 KB word typeset, the word with one warning, not one per
# line. `timeout` only guards against a hang (the speed itself is measured by
# make bench, not here): before the fix the paragraph took over 20 s and the
# word over 9 s on this machine kind, now well under one second each.
set -u
sanya=${SANYA:?}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }
ok() { echo "ok: $*"; }

/usr/bin/python3 - "$tmp" <<'PY'
import random, sys
random.seed(7)
words = ["agreement", "ministry", "partner", "children", "protection", "cooperation",
         "the", "and", "of", "to"]
text = " ".join(random.choice(words) for _ in range(140000))[:1000000]
open(sys.argv[1] + "/paragraph.txt", "w").write(text + "\n")
open(sys.argv[1] + "/words", "w").write("%d\n" % len(text.split()))
open(sys.argv[1] + "/word.txt", "w").write("x" * 900000 + "\n")
PY
if timeout 60 "$sanya" proof "$tmp/paragraph.txt" --align justify -o "$tmp/p.pdf" 2>"$tmp/p.err"; then
    n=$(pdftotext "$tmp/p.pdf" - | wc -w)
    want=$(cat "$tmp/words")
    if [ "$n" -eq "$want" ]; then ok "1 MB paragraph: all $n words typeset"; else
        bad "1 MB paragraph: $n words in the PDF, $want in the text"; fi
else
    bad "1 MB paragraph: exit $? $(head -c 300 "$tmp/p.err")"
fi
if timeout 60 "$sanya" proof "$tmp/word.txt" -o "$tmp/w.pdf" 2>"$tmp/w.err"; then
    warnings=$(grep -c "a word wider than the line" "$tmp/w.err")
    [ "$warnings" -eq 1 ] && ok "900 KB word: one warning" || bad "900 KB word: $warnings warnings"
else
    bad "900 KB word: exit $? $(head -c 300 "$tmp/w.err")"
fi
[ "$fail" -eq 0 ] && echo "test-long-text.sh: all passed"
exit $fail
