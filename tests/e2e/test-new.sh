#!/usr/bin/env bash
# Tests of `sanya new`, with the data of tests/data/new/ (README.md there):
# - `sanya new -o new.yaml` writes the template's starting agreement as it
#   is; `sanya check new.yaml` reports each placeholder as unfinished at its
#   line and column, exactly mou.expected (the date one too, not as a bad
#   date); after every placeholder named there is replaced (the value for
#   its field path in fill.tsv), the file checks clean and builds a PDF, and
#   its comment lines are the starting agreement's;
# - with --parties moi,aple --roster the parties are filled from the roster
#   (mou-parties.diff, a diff against the starting agreement) and check
#   lists only what is left (mou-parties.expected); filled, it builds;
# - letter-en has its own starting agreement, which fills and builds;
# - a party the roster does not know, or any party without a roster, keeps
#   placeholders; a custom template folder names itself in `template`;
# - refusals: an existing -o without --force, the roster or a template's
#   own file as -o, an unknown template, a template without a starting
#   agreement, bad party ids and stray arguments.
# UPDATE=1 rewrites the .expected and .diff files (review them).
set -u
root=${SANYA_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
sanya=${SANYA:-$root/build/sanya}
data=$root/tests/data/new
fail=0 count=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$root/examples/roster.yaml" "$tmp/roster.yaml"

ok() { echo "ok: $1"; }
bad() {
    echo "FAIL: $1"
    fail=$((fail + 1))
}
golden() { # expected-file got-text label
    count=$((count + 1))
    if [ "${UPDATE:-}" = 1 ]; then
        printf '%s\n' "$2" >"$1"
    elif ! diff -u --label "${1#$root/}" --label "$3" "$1" - <<<"$2"; then
        bad "$3 differs from ${1#$root/}"
    else
        ok "$3 is ${1#$root/}"
    fi
}
comments() { grep -E '^[[:space:]]*#' "$1"; }

# Replaces, in file $1, each placeholder that the check output $2 names by
# the value fill.tsv gives for its field path, on the line it names.
fill() {
    python3 - "$1" "$2" "$data/fill.tsv" <<'EOF'
import re, sys
path, report, table = sys.argv[1:4]
values = dict(l.rstrip("\n").split("\t", 1) for l in open(table, encoding="utf-8") if l.strip())
lines = open(path, encoding="utf-8").read().split("\n")
pat = re.compile(r"^sanya: [^:]+:(\d+):(\d+): (\S+): unfinished: replace the placeholder (<.*>)$")
for l in open(report, encoding="utf-8"):
    m = pat.match(l.rstrip("\n"))
    if not m:
        continue
    line, field, ph = int(m.group(1)), m.group(3), m.group(4)
    if field not in values:
        sys.exit("fill.tsv has no value for " + field)
    if ph not in lines[line - 1]:
        sys.exit("line %d has no %s" % (line, ph))
    lines[line - 1] = lines[line - 1].replace(ph, values[field], 1)
open(path, "w", encoding="utf-8").write("\n".join(lines))
EOF
}

# check_filled FILE LABEL: the file checks clean and builds.
check_filled() {
    count=$((count + 1))
    if err=$(cd "$tmp" && "$sanya" check "$1" --roster roster.yaml 2>&1 >/dev/null) &&
        [ -z "$err" ]; then
        ok "$2: filled in, it checks clean"
    else
        bad "$2: filled in, sanya check says:"
        printf '%s\n' "$err"
    fi
    count=$((count + 1))
    if (cd "$tmp" && "$sanya" build "$1" --roster roster.yaml -o "${1%.yaml}.pdf" >/dev/null 2>&1) &&
        pdftotext "$tmp/${1%.yaml}.pdf" - | grep -q "Samleang Seila"; then
        ok "$2: filled in, it builds a PDF naming its signatories"
    else
        bad "$2: filled in, it does not build"
    fi
}

# ---- the starting agreement as it is ----
(cd "$tmp" && "$sanya" new -o new.yaml 2>"$tmp/new.err")
rc=$?
count=$((count + 1))
if [ $rc -eq 0 ] && cmp -s "$tmp/new.yaml" "$root/templates/mou/new.yaml"; then
    ok "sanya new -o new.yaml writes templates/mou/new.yaml as it is"
else
    bad "sanya new -o new.yaml: exit $rc, or not templates/mou/new.yaml"
fi
count=$((count + 1))
if (cd "$tmp" && "$sanya" new) | cmp -s - "$root/templates/mou/new.yaml"; then
    ok "without -o it goes to stdout"
else
    bad "sanya new without -o does not print the starting agreement"
fi
got=$(cd "$tmp" && "$sanya" check new.yaml 2>&1 >/dev/null; echo "exit $?")
golden "$data/mou.expected" "$got" "sanya check new.yaml"
printf '%s\n' "$got" >"$tmp/report"
cp "$tmp/new.yaml" "$tmp/filled.yaml"
count=$((count + 1))
if fill "$tmp/filled.yaml" "$tmp/report"; then
    ok "every placeholder check names has a value in fill.tsv"
else
    bad "could not fill the placeholders"
fi
check_filled filled.yaml "mou"
count=$((count + 1))
if diff <(comments "$root/templates/mou/new.yaml") <(comments "$tmp/filled.yaml") >/dev/null; then
    ok "the comments are intact"
else
    bad "the comments of the filled file differ from the starting agreement's"
fi

# ---- parties from the roster ----
(cd "$tmp" && "$sanya" new --parties moi,aple --roster roster.yaml -o parties.yaml 2>/dev/null)
count=$((count + 1))
[ $? -eq 0 ] && ok "--parties moi,aple --roster: exit 0" || bad "--parties moi,aple --roster failed"
got=$(cd "$tmp" && diff -u --label templates/mou/new.yaml --label parties.yaml \
    "$root/templates/mou/new.yaml" parties.yaml)
golden "$data/mou-parties.diff" "$got" "the parties filled from the roster"
got=$(cd "$tmp" && "$sanya" check parties.yaml --roster roster.yaml 2>&1 >/dev/null; echo "exit $?")
golden "$data/mou-parties.expected" "$got" "sanya check parties.yaml"
printf '%s\n' "$got" >"$tmp/report"
cp "$tmp/parties.yaml" "$tmp/parties-filled.yaml"
fill "$tmp/parties-filled.yaml" "$tmp/report" || bad "could not fill parties.yaml"
check_filled parties-filled.yaml "--parties moi,aple"
count=$((count + 1))
if diff <(comments "$root/templates/mou/new.yaml") <(comments "$tmp/parties-filled.yaml") \
    >/dev/null; then
    ok "--parties: the comments are intact"
else
    bad "--parties: the comments differ from the starting agreement's"
fi

# ---- a party the roster does not know, and no roster: placeholders ----
count=$((count + 1))
(cd "$tmp" && "$sanya" new --parties moi,nobody -o plain.yaml 2>/dev/null)
err=$(cd "$tmp" && "$sanya" check plain.yaml 2>&1)
if grep -q '^  - id: moi$' "$tmp/plain.yaml" && grep -q '^  - id: nobody$' "$tmp/plain.yaml" &&
    grep -q 'parties\[0\].name.en: unfinished' <<<"$err" &&
    grep -q 'parties\[0\].signatory.office: unfinished' <<<"$err" &&
    grep -q 'parties\[1\].name.en: unfinished' <<<"$err" && ! grep -q 'parties\[.\].id' <<<"$err"; then
    ok "without a roster the ids are set and the rest stays placeholders"
else
    bad "--parties without a roster: $err"
fi
count=$((count + 1))
(cd "$tmp" && "$sanya" new --parties nobody,moi,ncct --roster roster.yaml -o three.yaml 2>/dev/null)
err=$(cd "$tmp" && "$sanya" check three.yaml --roster roster.yaml 2>&1)
if grep -q 'parties\[0\].name.en: unfinished' <<<"$err" && ! grep -q 'parties\[[12]\]' <<<"$err" &&
    grep -q 'signatory: {office: ncct/permanent-vice-chair}' "$tmp/three.yaml" &&
    [ "$(grep -c '^  - id: ' "$tmp/three.yaml")" -eq 3 ]; then
    ok "an unknown id keeps placeholders, known ones are filled, a third party copies the last entry"
else
    bad "--parties nobody,moi,ncct: $err"
fi

# ---- letter-en ----
count=$((count + 1))
(cd "$tmp" && "$sanya" new --template letter-en -o letter.yaml 2>/dev/null)
if cmp -s "$tmp/letter.yaml" "$root/templates/letter-en/new.yaml"; then
    ok "--template letter-en writes templates/letter-en/new.yaml"
else
    bad "--template letter-en does not write its starting agreement"
fi
(cd "$tmp" && "$sanya" check letter.yaml >"$tmp/report" 2>&1)
fill "$tmp/letter.yaml" "$tmp/report" || bad "could not fill letter.yaml"
count=$((count + 1))
grep -q '^template: letter-en$' "$tmp/letter.yaml" && grep -q '^layout: sequential$' "$tmp/letter.yaml" &&
    ok "letter-en's starting agreement names its template and layout" ||
    bad "letter-en's starting agreement does not name letter-en"
check_filled letter.yaml "letter-en"

# ---- a template folder of one's own ----
cp -r "$root/templates/mou" "$tmp/office"
sed -i 's/^name: mou$/name: office/' "$tmp/office/manifest"
count=$((count + 1))
if (cd "$tmp" && "$sanya" new --template ./office | grep -q '^template: office$'); then
    ok "a template folder's starting agreement names the folder's template"
else
    bad "--template ./office: template not spliced"
fi
rm "$tmp/office/new.yaml"
count=$((count + 1))
err=$(cd "$tmp" && "$sanya" new --template ./office 2>&1 >/dev/null)
rc=$?
if [ $rc -eq 66 ] && grep -q "starting agreement" <<<"$err"; then
    ok "a template without new.yaml: exit 66, said"
else
    bad "a template without new.yaml: exit $rc: $err"
fi

# ---- refusals ----
expect() { # label exit-code grep-pattern command...
    local label=$1 want=$2 pattern=$3
    shift 3
    count=$((count + 1))
    local err rc
    err=$(cd "$tmp" && "$@" 2>&1 >/dev/null)
    rc=$?
    if [ $rc -eq "$want" ] && grep -q -- "$pattern" <<<"$err"; then
        ok "$label: exit $want"
    else
        bad "$label: exit $rc (wanted $want), stderr: $err"
    fi
}
cp "$tmp/new.yaml" "$tmp/keep.yaml"
echo "# mine" >>"$tmp/keep.yaml"
cp "$tmp/keep.yaml" "$tmp/keep.orig"
expect "an existing -o without --force" 73 "give --force" "$sanya" new -o keep.yaml
cmp -s "$tmp/keep.yaml" "$tmp/keep.orig" || bad "the existing file was changed"
expect "the roster as -o, even with --force" 64 "refused" \
    "$sanya" new --roster roster.yaml -o roster.yaml --force
cmp -s "$tmp/roster.yaml" "$root/examples/roster.yaml" || bad "the roster was changed"
expect "a template's own file as -o" 64 "refused" \
    "$sanya" new --template ./office -o office/manifest --force
expect "an unknown template" 66 "templates/nope: no such template folder" \
    "$sanya" new --template nope
expect "a party id that is not an id" 64 'party id "Moi" is not an id' \
    "$sanya" new --parties Moi,aple
expect "an empty party id" 64 "empty party id" "$sanya" new --parties moi,,aple
expect "a party id twice" 64 'party id "moi" is given twice' "$sanya" new --parties moi,moi
expect "an empty --parties" 64 "needs a value" "$sanya" new --parties ""
expect "a stray argument" 64 "unexpected argument" "$sanya" new agreement.yaml
expect "--force without -o" 64 "no -o" "$sanya" new --force
count=$((count + 1))
(cd "$tmp" && "$sanya" new -o keep.yaml --force 2>/dev/null) && cmp -s "$tmp/keep.yaml" "$tmp/new.yaml" &&
    ok "--force replaces it" || bad "--force did not replace the file"

echo "new: $count checks, $fail failed"
[ "$fail" -eq 0 ]
