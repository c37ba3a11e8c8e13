#!/usr/bin/env bash
# sanya build end to end: the three example agreements render in both
# layouts; pdftotext returns every title, preamble, article title and body
# paragraph exactly and whole (agreementcheck.py); fonts are embedded
# subsets; qpdf is clean; every page has its bilingual footer; builds are
# deterministic; exit codes and atomic writes behave.
set -u
# The cover sheet gives the status "as of" today: fix the day.
export SOURCE_DATE_EPOCH=1763856000 # 2025-11-23
root=${SANYA_ROOT:?}
sanya=${SANYA:?}
check=$root/tests/e2e/lib/agreementcheck.py
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }

cd "$root"
for f in moi-aple-2025 ncct-coalition-2024 moeys-school-2023; do
    "$sanya" check "examples/$f.yaml" --roster examples/roster.yaml --dump > "$tmp/$f.dump" 2>/dev/null ||
        bad "$f: sanya check failed"
    for layout in parallel sequential; do
        out=$tmp/$f-$layout.pdf
        if ! "$sanya" build "examples/$f.yaml" --roster examples/roster.yaml --layout "$layout" \
            -o "$out" 2>"$tmp/err"; then
            bad "$f $layout: build failed: $(cat "$tmp/err")"
            continue
        fi
        par=""
        [ "$layout" = parallel ] && par=--parallel
        /usr/bin/python3 "$check" "$out" "$tmp/$f.dump" $par || bad "$f $layout: extraction check"
    done
done

# The layouts differ where they should: parallel has two text columns.
n_par=$(pdftotext -layout "$tmp/moi-aple-2025-parallel.pdf" - | grep -c "Article 1: Purpose")
[ "$n_par" -eq 1 ] || bad "parallel: Article 1 heading not found once"

# Deterministic: the same inputs (and day) give the same bytes; the day
# changes only the cover sheet.
"$sanya" build examples/moi-aple-2025.yaml --roster examples/roster.yaml -o "$tmp/a.pdf" 2>/dev/null
cmp -s "$tmp/a.pdf" "$tmp/moi-aple-2025-parallel.pdf" || bad "two builds differ"
"$sanya" build examples/moi-aple-2025.yaml --roster examples/roster.yaml --as-of 2026-01-05 \
    -o "$tmp/b.pdf" 2>/dev/null
cmp -s "$tmp/a.pdf" "$tmp/b.pdf" && bad "the as-of day does not show on the cover sheet"
for epoch in 1700000000 1800000000; do
    SOURCE_DATE_EPOCH=$epoch "$sanya" build examples/moi-aple-2025.yaml \
        --roster examples/roster.yaml --no-cover -o "$tmp/nc-$epoch.pdf" 2>/dev/null
done
cmp -s "$tmp/nc-1700000000.pdf" "$tmp/nc-1800000000.pdf" ||
    bad "without the cover sheet the day changed the output"

# The cover sheet: the approvals, the term, the renewal date and, when the
# roster shows a new holder of a signing office since signing, a warning.
cover_text() { pdftotext "$1" - 2>/dev/null | tr '\n' ' ' | tr -s ' '; }
"$sanya" build examples/ncct-coalition-2024.yaml --roster examples/roster.yaml --cover-only \
    --as-of 2026-11-23 -o "$tmp/cover.pdf" 2>/dev/null || bad "cover-only build failed"
[ "$(pdfinfo "$tmp/cover.pdf" | sed -n 's/^Pages: *//p')" = 1 ] || bad "cover-only: not one page"
t=$(cover_text "$tmp/cover.pdf")
for want in "APPROVAL CHECKLIST" "បញ្ជីត្រួតពិនិត្យការអនុម័ត" "Status as of 23 November 2026" \
    "1. Letter of support from a local leader — approved 4 December 2023" \
    "2. Approval from city hall — approved 10 January 2024" \
    "3. Approval from the cabinet of the National Committee for Counter Trafficking" \
    "4. Approval from the city department of the National Committee" \
    "Term of 3 years: from 15 March 2024 to 14 March 2027" \
    "Renewal must start by 14 September 2026: this date has passed." \
    "Leadership changed: re-approval required." "succeeded by Suon Sokhly since 3 February 2025" \
    "ការដឹកនាំបានផ្លាស់ប្តូរ"; do
    case $t in *"$want"*) ;; *) bad "cover sheet lacks: $want" ;; esac
done
"$sanya" build examples/ncct-coalition-2024.yaml --roster examples/roster.yaml --cover-only \
    --as-of 2024-06-01 -o "$tmp/cover-early.pdf" 2>/dev/null
t=$(cover_text "$tmp/cover-early.pdf")
case $t in *"Leadership changed"*) bad "a leadership change shown before it happened" ;; esac
case $t in *"has passed"* | *"less than six months"*) bad "renewal flagged too early" ;; esac
"$sanya" build examples/ncct-coalition-2024.yaml --roster examples/roster.yaml --cover-only \
    --as-of 2026-05-01 -o "$tmp/cover-soon.pdf" 2>/dev/null
case $(cover_text "$tmp/cover-soon.pdf") in *"less than six months away"*) ;;
*) bad "renewal within six months not flagged" ;; esac
"$sanya" build examples/moeys-school-2023.yaml --roster examples/roster.yaml --no-cover \
    -o "$tmp/nocover.pdf" 2>/dev/null
case $(cover_text "$tmp/nocover.pdf") in *"APPROVAL CHECKLIST"*) bad "--no-cover kept the cover" ;; esac
expect_usage=$("$sanya" build examples/moi-aple-2025.yaml --no-cover --cover-only 2>&1; echo "rc=$?")
case $expect_usage in *"rc=64") ;; *) bad "--no-cover --cover-only: $expect_usage" ;; esac

# A file one can trust: metadata, signature fields, bookmarks, page labels,
# the embedded inputs, and the PDF alone rebuilds itself byte for byte.
pdf=$tmp/moi-aple-2025-parallel.pdf
info=$(pdfinfo "$pdf")
for want in "Title: *អនុស្សរណៈនៃការយោគយល់គ្នា.* / Memorandum of Understanding" \
    "Subject: *Memorandum of Understanding: Ministry of Interior; Action Pour Les Enfants" \
    "Keywords: *mou, moi-aple-2025, moi, aple" "Author: *Ministry of Interior; Action Pour" \
    "Producer: *sanya$" "CreationDate: *Thu Jun 12 00:00:00 2025 UTC" "Metadata Stream: *yes"; do
    echo "$info" | grep -Eq "^$want" || bad "pdfinfo lacks /$want/"
done
sigs=$(pdfsig "$pdf" 2>/dev/null | sed -n 's/.*Signature Field Name: //p' | tr '\n' ' ')
[ "$sigs" = "sig-moi sig-aple " ] || bad "signature fields: '$sigs'"
pdfsig "$pdf" 2>/dev/null | grep -q "The signature form field is not signed" || bad "fields not unsigned"
[ "$(pdfdetach -list "$pdf" | head -1)" = "2 embedded files" ] || bad "pdfdetach: $(pdfdetach -list "$pdf")"
n_outlines=$(qpdf --json --json-key=outlines "$pdf" | grep -c '"title"')
[ "$n_outlines" -eq 10 ] || bad "bookmarks: $n_outlines (expected the cover sheet and 9 articles)"
qpdf --json --json-key=outlines "$pdf" | grep -q '"title": "មាត្រា១៖ គោលបំណង / Article 1: Purpose"' ||
    bad "bookmark of article 1"
labels=$(qpdf --json --json-key=pagelabels "$pdf" | tr -d ' \n')
case $labels in *'"/P":"u:cover-"'*'"index":1'*) ;; *) bad "page labels: $labels" ;; esac
grep -aEq "/ID \[ ?<[0-9A-F]{32}>" "$pdf" || bad "no document /ID"
mkdir -p "$tmp/extract"
"$sanya" extract "$pdf" -o "$tmp/extract" >/dev/null 2>&1 || bad "sanya extract failed"
cmp -s "$tmp/extract/moi-aple-2025.yaml" examples/moi-aple-2025.yaml ||
    bad "the embedded agreement is not the source byte for byte"
"$sanya" build "$tmp/extract/moi-aple-2025.yaml" --roster "$tmp/extract/roster-used.yaml" \
    -o "$tmp/rebuilt.pdf" 2>/dev/null || bad "rebuilding from the embedded files failed"
cmp -s "$tmp/rebuilt.pdf" "$pdf" || bad "the PDF's own inputs do not rebuild it byte for byte"

# The default output is FILE.pdf beside FILE.yaml.
cp examples/moeys-school-2023.yaml "$tmp/school.yaml"
"$sanya" build "$tmp/school.yaml" --roster examples/roster.yaml 2>/dev/null &&
    [ -s "$tmp/school.pdf" ] || bad "default output name"

# Exit codes, and nothing written (and nothing destroyed) on error.
expect() { # CODE DESCRIPTION COMMAND...
    local want=$1 what=$2
    shift 2
    "$@" >"$tmp/out" 2>"$tmp/err"
    local got=$?
    [ "$got" -eq "$want" ] || bad "$what: exit $got, expected $want ($(head -c 300 "$tmp/err"))"
}
cp "$tmp/a.pdf" "$tmp/keep.pdf"
expect 64 "no argument" "$sanya" build
expect 64 "bad layout" "$sanya" build examples/moi-aple-2025.yaml --layout diagonal
expect 66 "missing agreement" "$sanya" build "$tmp/nope.yaml" -o "$tmp/keep.pdf"
expect 66 "missing roster" "$sanya" build examples/moi-aple-2025.yaml --roster "$tmp/nope.yaml" \
    -o "$tmp/keep.pdf"
expect 65 "office without roster" "$sanya" build examples/moi-aple-2025.yaml -o "$tmp/keep.pdf"
grep -q "needs a roster" "$tmp/err" || bad "office without roster: message: $(cat "$tmp/err")"
printf 'id: x\ntitle: {km: ក}\n' > "$tmp/broken.yaml"
expect 65 "bad agreement" "$sanya" build "$tmp/broken.yaml" -o "$tmp/keep.pdf"
grep -q "broken.yaml:2:" "$tmp/err" || bad "bad agreement: no file:line in: $(cat "$tmp/err")"
expect 65 "template error" "$sanya" build examples/moi-aple-2025.yaml --roster examples/roster.yaml \
    --template tests/tpl/bad/unknown-filter -o "$tmp/keep.pdf"
expect 73 "unwritable output" "$sanya" build examples/moi-aple-2025.yaml \
    --roster examples/roster.yaml -o "$tmp/no/such/dir/x.pdf"
cmp -s "$tmp/keep.pdf" "$tmp/a.pdf" || bad "a failed build changed the earlier output"
ls -a "$tmp" | grep -q '^\.keep\.pdf\.' && bad "a temporary file was left behind"

[ "$fail" -eq 0 ] && echo "build: all checks passed"
exit $fail
