#!/usr/bin/env bash
# Writes the benchmark's proof input to stdout: REPEAT rounds (default 6) of
# the e2e test paragraphs (Khmer legal prose, mixed Khmer/English, English),
# each paragraph numbered with its round in Khmer or Latin digits so that no
# two paragraphs are the same. bench/run.sh raises REPEAT until the proof
# has 20 pages.
set -eu
repeat=${1:-6}
data=$(cd "$(dirname "$0")/../tests/e2e/data" && pwd)
/usr/bin/python3 - "$repeat" "$data" <<'PY'
import sys
repeat, data = int(sys.argv[1]), sys.argv[2]
paras = []
for name in ("khmer-legal", "mixed", "english"):
    with open("%s/%s.txt" % (data, name), encoding="utf-8") as f:
        paras += [(name, l) for l in f.read().split("\n") if l.strip()]
KM = str.maketrans("0123456789", "០១២៣៤៥៦៧៨៩")
out = []
for r in range(1, repeat + 1):
    for k, (name, text) in enumerate(paras, 1):
        n = "%d.%d" % (r, k)
        out.append(("(%s) " % n.translate(KM) if name == "khmer-legal" else "(%s) " % n) + text)
sys.stdout.write("\n".join(out) + "\n")
PY
