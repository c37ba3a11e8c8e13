#!/usr/bin/env bash
# Exit codes and first error lines of the command line (issue 10, "wrong
# exit codes and unclear errors"). Each case of the table below is one line:
#   EXIT | FIRST STDERR LINE | COMMAND
# COMMAND runs with bash in a scratch folder holding the inputs made below
# (min.yaml, text.txt, doc.pdf, ...); `sanya` in it is the built binary.
# The first line of stderr must equal FIRST STDERR LINE ("-" for none).
# Inputs too big to keep in the tree (a 100,000-character id, files over a
# size limit) are made here.
set -u
root=${SANYA_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
sanya_bin=${SANYA:-$root/build/sanya}
fail=0 count=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sanya() { "$sanya_bin" "$@"; }
export -f sanya
export sanya_bin

cd "$tmp" || exit 1
cp "$root/tests/data/good/minimal.yaml" min.yaml
printf 'hello\n' >text.txt
mkdir in out
python3 - "$root/tests/data/good/minimal.yaml" <<'EOF'
import sys
src = open(sys.argv[1], encoding="utf-8").read()
# A 100,000-character id and a 40,000-character article title: exit 70
# "PDF: cannot write the Info dictionary / the outline" before the limits.
open("long-id.yaml", "w", encoding="utf-8").write(src.replace("id: minimal", "id: " + "a" * 100000))
open("long-title.yaml", "w", encoding="utf-8").write(
    src.replace("en: Purpose}", "en: " + "P" * 40000 + "}"))
# 40 parties whose names are within the limits but together pass the
# 65535 bytes of a PDF string (the Info subject and author): 70 before.
head, rest = src.split("parties:\n")
after = rest.split("place:", 1)[1]
parties = "".join(
    f"  - id: p{i}\n    kind: ngo\n"
    f"    name: {{km: អង្គការ, en: \"{'Organisation ' * 70}é {i}\"}}\n"
    f"    signatory:\n      name: {{km: សុខ ចាន់, en: Sok Chan}}\n"
    f"      title: {{km: នាយក, en: Director}}\n" for i in range(40))
open("many-parties.yaml", "w", encoding="utf-8").write(head + "parties:\n" + parties + "place:" + after)
EOF
# Files over the read limits (sparse: no disk used).
truncate -s $((4 * 1024 * 1024 + 1)) big.txt
truncate -s $((256 * 1024 * 1024 + 1)) big.pdf
# A template whose style sheet has NaN and infinite lengths.
cp -r "$root/templates/mou" nan-style
sed -i 's/^column-gap: 8mm/column-gap: nanmm/; s/^  gap: 10mm/  gap: infpt/' nan-style/style.yaml
# PDFs: a sanya document, the same encrypted with a password and with an
# empty one, and one with an attachment name longer than a file name.
have_qpdf=0
if sanya build min.yaml -o doc.pdf 2>/dev/null && command -v qpdf >/dev/null; then
    qpdf --encrypt user owner 256 -- doc.pdf locked.pdf &&
        qpdf --encrypt '' owner 256 -- doc.pdf open.pdf &&
        qpdf doc.pdf --add-attachment min.yaml --key=long --filename="$(printf 'n%.0s' {1..300}).yaml" -- \
            long-name.pdf && have_qpdf=1
fi

long_id='sanya: long-id.yaml:2:5: id: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa..." is 100000 characters long; an id is at most 100'
long_title='sanya: long-title.yaml:20:30: articles[0].title.en: is 40000 bytes long; a title or a name is at most 1000 bytes of UTF-8'
many="sanya: PDF subject: 73316 bytes as a PDF string, more than the 65535 a PDF string may have here (libharu's limit); shorten the text it is made of"
encrypted='sanya: PDF: the PDF is encrypted with a password (qpdf: invalid password); sanya does not take passwords: decrypt it first (qpdf --decrypt --password=PASSWORD IN.pdf OUT.pdf)'
epoch="sanya: warning: SOURCE_DATE_EPOCH='%s' %s: it must be the seconds since 1970-01-01 00:00 UTC, from 0 to 253402300799; using today's date instead"

cases=$(
    cat <<EOF
65 | $long_id | sanya build long-id.yaml -o out.pdf
65 | $long_id | sanya check long-id.yaml
65 | $long_title | sanya build long-title.yaml -o out.pdf
65 | $many | sanya build many-parties.yaml -o out.pdf
64 | sanya proof: --size expects points between 2 and 200, got 'nan' | sanya proof text.txt -o out.pdf --size nan
64 | sanya proof: --size expects points between 2 and 200, got '-nan' | sanya proof text.txt -o out.pdf --size -nan
64 | sanya proof: --size expects points between 2 and 200, got 'inf' | sanya proof text.txt -o out.pdf --size inf
64 | sanya proof: --width expects millimetres between 5 and 160, got 'nan' | sanya proof text.txt -o out.pdf --width nan
64 | sanya proof: --width expects millimetres between 5 and 160, got 'infinity' | sanya proof text.txt -o out.pdf --width=infinity
64 | sanya proof: --width expects millimetres between 5 and 160, got '' | sanya proof text.txt -o out.pdf --width ''
64 | sanya batch: -j expects a number from 1 to 256, got 'nan' | sanya batch in -o out -j nan
64 | sanya renew: --years expects 1 to 99, got 'nan' | sanya renew min.yaml --years nan
65 | sanya: ./nan-style/style.yaml:11:13: column-gap: expected a length such as "25mm", "12pt" or "1in", got "nanmm" | sanya check min.yaml --template ./nan-style
65 | sanya: big.txt: file larger than 4194304 bytes | sanya proof big.txt -o out.pdf
65 | sanya: big.txt: file larger than 4194304 bytes | sanya proof text.txt -o out.pdf --words big.txt
65 | sanya: big.pdf: file larger than 268435456 bytes | sanya extract big.pdf -o out
66 | sanya: /dev/zero: not a regular file (a folder, a pipe or a device): refused | sanya extract /dev/zero -o out
66 | sanya: /dev/zero: not a regular file (a folder, a pipe or a device): refused | sanya proof /dev/zero -o out.pdf
66 | sanya: /dev/zero: not a regular file (a folder, a pipe or a device): refused | sanya proof text.txt -o out.pdf --words /dev/zero
64 | sanya build: --output needs a value, got an empty one | sanya build min.yaml -o ''
64 | sanya build: --output needs a value, got an empty one | sanya build min.yaml --output=
64 | sanya build: --template needs a value, got an empty one | sanya build min.yaml --template ''
64 | sanya build: --roster needs a value, got an empty one | sanya build min.yaml --roster ''
64 | sanya build: the agreement file name is empty | sanya build ''
64 | sanya check: --template needs a value, got an empty one | sanya check min.yaml --template ''
64 | sanya check: --template needs a value, got an empty one | sanya check min.yaml --template=
64 | sanya check: --roster needs a value, got an empty one | sanya check min.yaml --roster ''
64 | sanya check: the agreement file name is empty | sanya check ''
64 | sanya proof: --output needs a value, got an empty one | sanya proof text.txt -o ''
64 | sanya proof: --font needs a value, got an empty one | sanya proof text.txt -o out.pdf --font ''
64 | sanya proof: --words needs a value, got an empty one | sanya proof text.txt -o out.pdf --words ''
64 | sanya proof: the text file name is empty | sanya proof '' -o out.pdf
64 | sanya extract: -o needs a value, got an empty one | sanya extract doc.pdf -o ''
64 | sanya extract: the PDF file name is empty | sanya extract ''
64 | sanya renew: -o needs a value, got an empty one | sanya renew min.yaml -o ''
64 | sanya renew: --roster needs a value, got an empty one | sanya renew min.yaml --roster=
64 | sanya renew: --on needs a value, got an empty one | sanya renew min.yaml --on ''
64 | sanya renew: the agreement file name is empty | sanya renew ''
64 | sanya batch: --output needs a value, got an empty one | sanya batch in -o ''
64 | sanya batch: --roster needs a value, got an empty one | sanya batch in -o out --roster ''
64 | sanya batch: --report needs a value, got an empty one | sanya batch in -o out --report ''
64 | sanya batch: --renew-into needs a value, got an empty one | sanya batch in -o out --renew-into ''
64 | sanya batch: the input folder name is empty | sanya batch '' -o out
0 | $(printf "$epoch" abc "is not a whole number") | SOURCE_DATE_EPOCH=abc sanya build min.yaml -o out.pdf
0 | $(printf "$epoch" -1 "is negative") | SOURCE_DATE_EPOCH=-1 sanya build min.yaml -o out.pdf
0 | $(printf "$epoch" 253402300800 "is after the year 9999") | SOURCE_DATE_EPOCH=253402300800 sanya build min.yaml -o out.pdf
0 | $(printf "$epoch" 99999999999999999999 "is after the year 9999") | SOURCE_DATE_EPOCH=99999999999999999999 sanya batch in -o out
0 | sanya build: wrote out.pdf (2 pages) | SOURCE_DATE_EPOCH=1718150400 sanya build min.yaml -o out.pdf
0 | sanya build: wrote out.pdf (2 pages) | SOURCE_DATE_EPOCH= sanya build min.yaml -o out.pdf
65 | sanya date: '2025-13-01' is not a date: expected a real date as YYYY-MM-DD (e.g. 2025-06-12) | sanya date 2025-13-01
65 | sanya date: '99999-01-01' is not a date: expected a real date as YYYY-MM-DD (e.g. 2025-06-12) | sanya date 99999-01-01
65 | sanya date: '0000-01-01' is not a date: expected a real date as YYYY-MM-DD (e.g. 2025-06-12) | sanya date 0000-01-01
65 | sanya date: 1899-12-31 is outside the lunar calendar: expected a date from 1900-01-01 to 2100-12-31 | sanya date 1899-12-31
65 | sanya date: 9999-12-31 is outside the lunar calendar: expected a date from 1900-01-01 to 2100-12-31 | sanya date 9999-12-31
64 | sanya date: expected one date, got '2025-01-01' and '2025-01-02' | sanya date 2025-01-01 2025-01-02
EOF
)
if [ "$have_qpdf" = 1 ]; then
    cases+=$'\n'"65 | $encrypted | sanya extract locked.pdf -o out"
    cases+=$'\n'"0 | - | sanya extract open.pdf -o out"
    cases+=$'\n'"65 | sanya: long-name.pdf: attachment name 'nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn...' is 305 bytes long; a file name is at most 255: refused | sanya extract long-name.pdf -o out"
else
    echo "SKIP: the encrypted and long-name PDF cases need sanya build and qpdf"
fi

while IFS= read -r row; do
    [ -n "$row" ] || continue
    want_rc=${row%% | *}
    rest=${row#* | }
    want_line=${rest% | *}
    cmd=${rest##* | }
    count=$((count + 1))
    rm -rf out.pdf out && mkdir out
    err=$(bash -c "$cmd" 2>&1 >/dev/null)
    rc=$?
    first=${err%%$'\n'*}
    [ -n "$first" ] || first=-
    if [ "$rc" != "$want_rc" ] || [ "$first" != "$want_line" ]; then
        echo "FAIL: $cmd"
        echo "  expected: exit $want_rc, $want_line"
        echo "  got:      exit $rc, $first"
        fail=$((fail + 1))
    fi
done <<<"$cases"

# Nothing was written by a failed build.
count=$((count + 1))
rm -f out.pdf
sanya build long-title.yaml -o out.pdf 2>/dev/null
if [ -e out.pdf ]; then
    echo "FAIL: a refused build wrote out.pdf"
    fail=$((fail + 1))
fi

echo "cli error cases: $count run, $fail failed"
[ "$fail" -eq 0 ]
