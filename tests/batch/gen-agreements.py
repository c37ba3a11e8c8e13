#!/usr/bin/env python3
"""Makes N agreements for batch tests: variants of examples/*.yaml with their
own ids, signing dates and signatory offices, in nested folders, and a
roster of those offices. Deterministic: the same N gives the same files.

usage: gen-agreements.py N OUT_DIR [--roster ROSTER.yaml] [--deputies D]

Agreement i (0-based) is OUT_DIR/<ministry>/<k>/gen-iii.yaml, made from
example i % 3, signed by the holder of office <ministry>/deputy-<k>
(k = (i // 3) % D, D = 4 unless --deputies says otherwise: each office is
named by about 1 agreement in 3*D), with a 3-year term. It is signed 2024-12-11 when
i % 20 == 7 (its renewal warning starts on 2026-12-10: see
tests/e2e/test-batch.sh), else a day from 2025-07-01 on."""
import datetime
import os
import re
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
BASES = [("moi", "moi-aple-2025"), ("ncct", "ncct-coalition-2024"), ("moeys", "moeys-school-2023")]
KM_NAMES = ["ម៉ៅ វណ្ណារី", "ឈឹម សុភា", "ហេង ចន្ធា", "សួន សុខលី", "លឹម សុខា", "កែវ បុប្ផា"]
EN_NAMES = ["Mao Vannary", "Chhim Sophea", "Heng Chanthea", "Suon Sokhly", "Lim Sokha", "Keo Bopha"]
DEPUTIES = 4


def office(base, k):
    return "%s/deputy-%d" % (base, k)


def agreement(i, deputies=DEPUTIES):
    base, example = BASES[i % 3]
    k = (i // 3) % deputies
    with open(os.path.join(ROOT, "examples", example + ".yaml"), encoding="utf-8") as f:
        text = f.read()
    if i % 20 == 7:
        signed = datetime.date(2024, 12, 11)
    else:
        signed = datetime.date(2025, 7, 1) + datetime.timedelta(days=i % 300)
    ident = "gen-%03d" % i
    text = re.sub(r"(?m)^id: .*$", "id: " + ident, text)
    text = re.sub(r"(?m)^signed: .*$", "signed: " + signed.isoformat(), text)
    text = re.sub(r"(?m)^term: .*$", "term: {years: 3, renewal: 1}", text)
    text = re.sub(r"\{office: [^}]*\}", "{office: %s}" % office(base, k), text)
    # Every approval before the earliest signing date.
    text = re.sub(r"(?m)^(  - \{step: .*date: )\d{4}-\d\d-\d\d", r"\g<1>2024-10-01", text)
    return os.path.join(base, str(k), ident + ".yaml"), text


def roster(deputies=DEPUTIES):
    out = ["# Offices of the generated agreements (tests/batch/gen-agreements.py).", "offices:"]
    for bi, (base, _) in enumerate(BASES):
        for k in range(deputies):
            n = (bi * deputies + k) % len(EN_NAMES)
            out += [
                "  %s:" % office(base, k),
                "    title:",
                "      km: អនុរដ្ឋលេខាធិការ %d" % k,
                '      en: "Under-Secretary of State %d, %s"' % (k, base.upper()),
                "    holders:",
                "      - name: {km: %s, en: %s %d}" % (KM_NAMES[n], EN_NAMES[n], k),
                "        from: 2015-01-01",
            ]
    return "\n".join(out) + "\n"


def main():
    args, opts = sys.argv[1:3], {}
    rest = sys.argv[3:]
    if len(args) != 2 or len(rest) % 2:
        sys.exit(__doc__)
    for flag, value in zip(rest[::2], rest[1::2]):
        if flag not in ("--roster", "--deputies") or flag in opts:
            sys.exit(__doc__)
        opts[flag] = value
    n, out = int(args[0]), args[1]
    deputies = int(opts.get("--deputies", DEPUTIES))
    if deputies < 1:
        sys.exit(__doc__)
    for i in range(n):
        rel, text = agreement(i, deputies)
        path = os.path.join(out, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
    roster_path = opts.get("--roster", os.path.join(out, "roster.yaml"))
    with open(roster_path, "w", encoding="utf-8") as f:
        f.write(roster(deputies))


if __name__ == "__main__":
    main()
