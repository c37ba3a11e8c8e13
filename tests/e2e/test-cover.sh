#!/usr/bin/env bash
# The approval-checklist cover sheet end to end: every approval of the data
# reaches the page (the newest of a step as its status, the earlier ones in
# its history, undated ones pending with their reference and note); the
# renewal flag follows --as-of; a template without a cover sheet needs
# --no-cover; check and build agree on a file whose cover cannot be made.
set -u
root=${SANYA_ROOT:?}
sanya=${SANYA:?}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }
ok() { echo "ok: $*"; }
cd "$root"

# Two approvals of city hall, and a pending request with a note.
sed -e '/^approvals:/,$d' examples/moi-aple-2025.yaml > "$tmp/a.yaml"
cat >> "$tmp/a.yaml" <<'YAML'
approvals:
  - {step: local-leader-letter, date: 2025-03-03, ref: "047/25"}
  - {step: city-hall, date: 2025-04-20, ref: "1186/25", note: {km: លិខិតទីពីរ, en: second letter}}
  - {step: city-hall, date: 2024-11-02, ref: "0911/24"}
  - {step: ministry-cabinet, party: moi, date: 2025-05-06}
  - {step: city-department, party: moi, ref: "REQ-77", note: {km: កំពុងរង់ចាំ, en: awaiting the director}}
YAML
if ! "$sanya" build "$tmp/a.yaml" --roster examples/roster.yaml --cover-only --as-of 2025-06-01 \
    -o "$tmp/a.pdf" 2>"$tmp/err"; then
    bad "build failed: $(cat "$tmp/err")"
else
    pdftotext -raw "$tmp/a.pdf" - | tr '\n' ' ' | tr -s ' ' > "$tmp/a.txt"
    for want in "Approval from city hall — approved 20 April 2025 (ref. 1186/25) (note: second letter); earlier: approved 2 November 2024 (ref. 0911/24)" \
        "Approval from the city department of the Ministry of Interior — pending; requested, ref. REQ-77 (note: awaiting the director)" \
        "(លេខយោង 1186/25)" "(លេខយោង 0911/24)" "Status as of 1 June 2025" \
        "Renewal must start by 11 December 2027."; do
        if grep -qF -- "$want" "$tmp/a.txt"; then ok "cover shows: $want"; else bad "cover lacks: $want"; fi
    done
fi

# The renewal flag follows the as-of day.
for day in 2027-07-01:"less than six months away" 2028-01-05:"this date has passed"; do
    d=${day%%:*} want=${day#*:}
    "$sanya" build examples/moi-aple-2025.yaml --roster examples/roster.yaml --cover-only \
        --as-of "$d" -o "$tmp/r.pdf" 2>/dev/null || bad "build as of $d failed"
    if pdftotext -raw "$tmp/r.pdf" - | tr '\n' ' ' | grep -qF "$want"; then
        ok "as of $d: $want"
    else
        bad "as of $d: no '$want'"
    fi
done

# A template without a cover sheet: a clear error, unless --no-cover.
cp -R templates/mou "$tmp/nocover"
sed -i '/^cover:/d' "$tmp/nocover/manifest"
if "$sanya" build examples/moi-aple-2025.yaml --roster examples/roster.yaml \
    --template "$tmp/nocover" -o "$tmp/n.pdf" 2>"$tmp/err"; then
    bad "a template without a cover sheet built a cover"
else
    grep -q "has no cover sheet" "$tmp/err" && ok "no cover sheet: $(head -1 "$tmp/err")" ||
        bad "unclear error: $(cat "$tmp/err")"
fi
"$sanya" build examples/moi-aple-2025.yaml --roster examples/roster.yaml --no-cover \
    --template "$tmp/nocover" -o "$tmp/n.pdf" 2>/dev/null && ok "--no-cover builds it" ||
    bad "--no-cover failed"

# check and build agree on a cover template that cannot be rendered.
cp -R templates/mou "$tmp/badcover"
sed -i 's/{{ as_of | date_km }}/{{ as_of | date_kmm }}/' "$tmp/badcover/cover.tpl"
"$sanya" build examples/moi-aple-2025.yaml --roster examples/roster.yaml \
    --template "$tmp/badcover" -o "$tmp/b.pdf" 2>"$tmp/build.err"
rc=$?
[ "$rc" -eq 65 ] && grep -q "unknown filter 'date_kmm'" "$tmp/build.err" &&
    ok "build: bad cover template is exit 65" || bad "build: rc=$rc $(cat "$tmp/build.err")"
[ ! -e "$tmp/b.pdf" ] && ok "no file written" || bad "a file was written"
"$sanya" check examples/moi-aple-2025.yaml --roster examples/roster.yaml \
    --template "$tmp/badcover" 2>"$tmp/check.err"
rc=$?
[ "$rc" -eq 65 ] && cmp -s "$tmp/check.err" "$tmp/build.err" &&
    ok "check: the same errors and exit 65" ||
    bad "check: rc=$rc, $(diff "$tmp/check.err" "$tmp/build.err")"

if [ "$fail" -eq 0 ]; then echo "test-cover.sh: all passed"; fi
exit "$fail"
