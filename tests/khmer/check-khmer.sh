#!/usr/bin/env bash
# make check-khmer: renders the shared Khmer and English samples with
# `sanya proof`, and the example agreements with `sanya build` in both
# layouts, and runs the independent checkers on each PDF:
#   khmer-check    shaping (glyph scan and OCR against a Chromium reference),
#                  extraction and ICU line breaks; exit 0 = PASS
#   readers-check  text extraction by seven PDF readers; it prints counts
#                  only, so a reader passes here when it finds every expected
#                  line and no stray characters (NUL, FFFD, FFFE, 25CC,
#                  controls, PUA), and reports no error.
# Usage: tests/khmer/check-khmer.sh BUILD_DIR
# The tools live in ../shared beside the repository (as on CI). Environment:
#   KHMER_CHECK_ARGS  extra arguments for khmer-check (e.g. --no-ocr)
#   READERS           readers-check readers to run and require (default all)
# Exit 0 if every check passes, 1 if one fails, 2 if it cannot run.
set -u
build=${1:-build}
root=$(cd "$(dirname "$0")/../.." && pwd)
shared=$root/../shared
sanya=$(cd "$build" 2>/dev/null && pwd)/sanya
out=$(cd "$build" 2>/dev/null && pwd)/check-khmer
PY=/usr/bin/python3

die() {
    echo "check-khmer: $*" >&2
    exit 2
}

[ -d "$shared" ] || die "$shared is missing: make check-khmer needs the shared tools and samples checked out beside the repository (../shared)"
shared=$(cd "$shared" && pwd)
kc=$shared/tools/khmer-check
rc=$shared/tools/readers-check
for f in "$kc/khmer-check" "$kc/install-deps" "$rc/readers-check" "$rc/install-deps" \
    "$shared/samples/khmer-clusters.txt" "$shared/samples/khmer-paragraphs.txt" \
    "$shared/samples/english-paragraphs.txt"; do
    [ -e "$f" ] || die "$f is missing"
done
[ -x "$sanya" ] || die "$build/sanya is missing: run make first"

echo "== installing the checkers' dependencies"
"$kc/install-deps" || die "$kc/install-deps failed (run it as root, or install what it lists)"
"$rc/install-deps" || die "$rc/install-deps failed (run it as root, or install what it lists)"

rm -rf "$out"
mkdir -p "$out"

# name  sample  sanya proof arguments
cases="clusters-left khmer-clusters --align left
paragraphs-justify khmer-paragraphs --align justify
paragraphs-left khmer-paragraphs --align left
english-justify english-paragraphs --align justify"

# readers_verdict JSON: prints "PASS|FAIL summary" from readers-check --json.
readers_verdict() {
    "$PY" -c '
import json, sys
r = json.load(open(sys.argv[1]))
bad, parts = [], []
for name, x in r["readers"].items():
    junk = {k: v for k, v in x["junk"].items() if k != "ZW"}
    ok = x["exact"] == x["total"] and not junk and "error" not in x
    parts.append("%s %d/%d%s%s" % (name, x["exact"], x["total"],
        "".join(" %s=%d" % kv for kv in junk.items()), " ERROR" if "error" in x else ""))
    if not ok:
        bad.append(name)
print(("FAIL (%s): " % ",".join(bad) if bad else "PASS: ") + "; ".join(parts))
' "$1"
}

# run_khmer_check NAME PDF EXPECTED: sets kv (verdict) and kline (summary).
run_khmer_check() {
    echo "-- khmer-check"
    # shellcheck disable=SC2086
    "$kc/khmer-check" "$2" "$3" ${KHMER_CHECK_ARGS:-} >"$out/$1.khmer-check.txt" 2>&1
    local k=$?
    cat "$out/$1.khmer-check.txt"
    kline=$(grep -v '^[[:space:]]*$' "$out/$1.khmer-check.txt" | tail -n 1)
    kline=${kline#khmer-check: }
    case $k in
    0) kv="PASS" ;;
    1) kv="FAIL" fail=1 ;;
    *) kv="ERROR($k)" fail=1 ;;
    esac
}

# run_readers_check NAME PDF EXPECTED: sets rv (verdict and counts).
run_readers_check() {
    echo "-- readers-check"
    local readers=() r
    [ -n "${READERS:-}" ] && readers=(--readers "$READERS")
    "$PY" "$rc/readers-check" "$2" "$3" "${readers[@]}" --json >"$out/$1.readers.json" \
        2>"$out/$1.readers.err"
    r=$?
    if [ "$r" -ne 0 ]; then
        rv="ERROR($r): $(tail -n 1 "$out/$1.readers.err")"
        fail=1
    else
        rv=$(readers_verdict "$out/$1.readers.json")
        case $rv in PASS*) ;; *) fail=1 ;; esac
    fi
    echo "$rv"
}

fail=0
summary=$out/summary.txt
: >"$summary"
while read -r name sample args; do
    txt=$shared/samples/$sample.txt
    pdf=$out/$name.pdf
    echo "== $name: sanya proof $sample.txt $args"
    # shellcheck disable=SC2086
    if ! "$sanya" proof "$txt" -o "$pdf" $args 2>"$out/$name.sanya.err"; then
        cat "$out/$name.sanya.err"
        printf '%s\t%s\t%s\t%s\n' "$name" "FAIL (sanya proof failed)" "-" "-" >>"$summary"
        fail=1
        continue
    fi
    run_khmer_check "$name" "$pdf" "$txt"
    run_readers_check "$name" "$pdf" "$txt"
    printf '%s\t%s\t%s\t%s\n' "$name" "ok" "$kv: $kline" "$rv" >>"$summary"
done <<EOF
$cases
EOF

# The example agreements: readers-check on both layouts, khmer-check on the
# sequential one (one language after the other, as its expected lines run).
# The expected lines are every title, preamble and article paragraph, from
# `sanya check --dump` (tests/e2e/lib/agreementcheck.py --expected-out).
for ex in moi-aple-2025 ncct-coalition-2024 moeys-school-2023; do
    "$sanya" check "$root/examples/$ex.yaml" --roster "$root/examples/roster.yaml" --dump \
        >"$out/$ex.dump" 2>/dev/null
    for layout in parallel sequential; do
        name=$ex-$layout
        pdf=$out/$name.pdf
        echo "== $name: sanya build --layout $layout --no-cover"
        # The MOU alone: khmer-check reads its expected lines in order, and
        # the cover sheet repeats the title before the MOU does.
        if ! "$sanya" build "$root/examples/$ex.yaml" --roster "$root/examples/roster.yaml" \
            --layout "$layout" --no-cover -o "$pdf" 2>"$out/$name.sanya.err"; then
            cat "$out/$name.sanya.err"
            printf '%s\t%s\t%s\t%s\n' "$name" "FAIL (sanya build failed)" "-" "-" >>"$summary"
            fail=1
            continue
        fi
        "$PY" "$root/tests/e2e/lib/agreementcheck.py" "$pdf" "$out/$ex.dump" \
            --expected-out "$out/$ex.expected.txt" >/dev/null
        kv="-" kline="(parallel: readers-check only)"
        [ "$layout" = sequential ] && run_khmer_check "$name" "$pdf" "$out/$ex.expected.txt"
        run_readers_check "$name" "$pdf" "$out/$ex.expected.txt"
        printf '%s\t%s\t%s\t%s\n' "$name" "ok" "$kv: $kline" "$rv" >>"$summary"
    done
done

echo
echo "== check-khmer summary (PDFs and reports in $out)"
printf '%-20s | %-6s | %s\n' "case" "sanya" "khmer-check / readers-check"
printf '%s\n' "---------------------+--------+------------------------------------------------------------"
while IFS="$(printf '\t')" read -r name s k r; do
    printf '%-20s | %-6s | khmer-check   %s\n' "$name" "$s" "$k"
    printf '%-20s | %-6s | readers-check %s\n' "" "" "$r"
done <"$summary"
if [ "$fail" -eq 0 ]; then echo "check-khmer: PASS"; else echo "check-khmer: FAIL"; fi
exit "$fail"
